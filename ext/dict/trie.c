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

int koai_dic_prefix_search(const koai_dic_file *f, const unsigned char *key,
                           size_t len, koai_prefix_match *aOut, int nMax) {
  uint32_t b = (uint32_t)f->units[0].base;
  int n = 0;
  size_t i;
  for (i = 0; i < len && n < nMax; i++) {
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
