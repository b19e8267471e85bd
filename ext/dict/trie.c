/*
** trie.c: lookups in a MeCab dictionary's double array (Darts).
**
** From the root, each key byte c moves from base b to unit b + c + 1 when
** that unit's check equals b.  The keys read so far form a dictionary key
** when unit b itself has check b and a negative base; -base - 1 packs the
** index of the key's first token (high 24 bits) and its token count (low
** 8 bits).  Every unit index is checked against the array's size.
*/
#include "dict.h"

#include <stdlib.h>

/* If the bytes read so far end a key at base b, decode its tokens. */
static int trie_key_at(const koai_dic_file *f, uint32_t b, uint32_t length,
                       koai_prefix_match *pOut) {
  int32_t n;
  uint32_t value;
  if (b >= f->n_units || f->units[b].check != b) return 0;
  n = f->units[b].base;
  if (n >= 0) return 0;
  value = (uint32_t)(-(n + 1));
  pOut->length = length;
  pOut->first_token = value >> 8;
  pOut->n_tokens = value & 0xff;
  if ((uint64_t)pOut->first_token + pOut->n_tokens > f->n_tokens) return 0;
  return 1;
}

/* Walk key[0..len) from the root; the state, or KOAI_TRIE_NONE. */
static uint32_t trie_walk(const koai_dic_file *f, const unsigned char *key,
                          size_t len, int *pKeyInside) {
  uint32_t b = (uint32_t)f->units[0].base;
  koai_prefix_match m;
  size_t i;
  for (i = 0; i < len; i++) {
    uint32_t p;
    if (i > 0 && trie_key_at(f, b, (uint32_t)i, &m)) *pKeyInside = 1;
    p = b + (uint32_t)key[i] + 1;
    if (p >= f->n_units || f->units[p].check != b) return KOAI_TRIE_NONE;
    b = (uint32_t)f->units[p].base;
  }
  return b;
}

int koai_dic_build_first_states(koai_dic_file *f) {
  uint32_t c;
  f->first_state = malloc(KOAI_TRIE_FIRST_SIZE * sizeof(uint32_t));
  if (f->first_state == NULL) return KOAI_ERROR_NOMEM;
  for (c = 0; c < KOAI_TRIE_FIRST_SIZE; c++) {
    unsigned char key[3];
    size_t len;
    int inside = 0;
    uint32_t b;
    if (c < KOAI_TRIE_FIRST_ASCII) {
      key[0] = (unsigned char)c;
      len = 1;
    } else {
      uint32_t cp = 0xac00 + (c - KOAI_TRIE_FIRST_ASCII);
      key[0] = (unsigned char)(0xe0 | (cp >> 12));
      key[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
      key[2] = (unsigned char)(0x80 | (cp & 0x3f));
      len = 3;
    }
    b = trie_walk(f, key, len, &inside);
    /* A key ending inside the character (not valid UTF-8, but possible in
    ** a hand-made dictionary) needs the byte-by-byte walk. */
    f->first_state[c] = inside ? KOAI_TRIE_WALK : b;
  }
  return KOAI_OK;
}

int koai_dic_prefix_search(const koai_dic_file *f, const unsigned char *key,
                           size_t len, koai_prefix_match *aOut, int nMax) {
  uint32_t b = (uint32_t)f->units[0].base;
  int n = 0;
  size_t i = 0;
  if (f->first_state && len > 0) {
    uint32_t c = KOAI_TRIE_FIRST_SIZE, s;
    size_t skip = 0;
    if (key[0] < 0x80) {
      c = key[0];
      skip = 1;
    } else if (len >= 3 && key[0] >= 0xea && key[0] <= 0xed) {
      uint32_t cp = ((uint32_t)(key[0] & 0x0f) << 12) |
                    ((uint32_t)(key[1] & 0x3f) << 6) | (key[2] & 0x3f);
      if (cp >= 0xac00 && cp <= 0xd7a3 && (key[1] & 0xc0) == 0x80 &&
          (key[2] & 0xc0) == 0x80) {
        c = KOAI_TRIE_FIRST_ASCII + (cp - 0xac00);
        skip = 3;
      }
    }
    if (c < KOAI_TRIE_FIRST_SIZE && (s = f->first_state[c]) != KOAI_TRIE_WALK) {
      if (s == KOAI_TRIE_NONE) return 0;
      b = s;
      i = skip;
    }
  }
  for (; i < len && n < nMax; i++) {
    uint32_t p;
    if (i > 0 && trie_key_at(f, b, (uint32_t)i, &aOut[n])) n++;
    p = b + (uint32_t)key[i] + 1;
    if (p >= f->n_units || f->units[p].check != b) return n;
    b = (uint32_t)f->units[p].base;
  }
  if (i == len && n < nMax && trie_key_at(f, b, (uint32_t)len, &aOut[n])) n++;
  return n;
}

int koai_dic_exact_match(const koai_dic_file *f, const unsigned char *key,
                         size_t len, koai_prefix_match *pOut) {
  uint32_t b = (uint32_t)f->units[0].base;
  size_t i;
  for (i = 0; i < len; i++) {
    uint32_t p = b + (uint32_t)key[i] + 1;
    if (p >= f->n_units || f->units[p].check != b) return 0;
    b = (uint32_t)f->units[p].base;
  }
  return trie_key_at(f, b, (uint32_t)len, pOut);
}

const char *koai_dic_feature(const koai_dic_file *f, const koai_dic_token *t) {
  /* The section ends with a NUL (checked at open), so any offset inside it
  ** yields a terminated string. */
  if (t->feature >= f->n_features) return "";
  return f->features + t->feature;
}
