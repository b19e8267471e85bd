/*
** term_cache.c: the terms of a document word, kept for when it comes back.
**
** News repeats its words, and a word's terms depend on nothing but its text
** (it is analysed on its own, word_stems.c and index_terms.c), so a word
** seen before is given its terms from here, without its morphemes, stems
** or checks.  Kept are the terms, each with its span relative to the word,
** and what the word does for a join with its neighbours (word_joins.c),
** which depends on them and is done again each time.
**
** Only words whose input bytes are their normalized text are kept: there
** every span maps back one to one, so a word gives the same terms and
** offsets from here as when made, and FTS5's integrity-check, which
** tokenizes documents again, finds what was indexed.  The cache's memory is
** bounded; when full it starts afresh, which changes no result.
*/
#include <stdlib.h>
#include <string.h>

#include "term_builder.h"

#define CACHE_SLOTS 16384             /* a power of two */
#define CACHE_MAX_ENTRIES (CACHE_SLOTS / 2)
#define CACHE_MAX_WORD 96             /* longer words are not kept */
#define CACHE_MAX_ARENA (2u << 20)    /* bytes of keys and texts; terms */

typedef struct cached_term {
  uint32_t text_off;
  uint16_t text_len;
  uint16_t start, end;     /* span, in bytes of the word */
  uint8_t colocated, twin, held;
} cached_term;

typedef struct cached_word {
  uint32_t hash;           /* 0: an empty slot */
  uint32_t key;            /* the word's bytes, in texts */
  uint16_t n_key;
  uint16_t n_terms;
  uint32_t terms;          /* its first term, in terms */
  uint16_t join_to;        /* its first stem, bytes [0, join_to) */
  uint16_t last_from, last_to;   /* its last piece, for the next word */
} cached_word;

struct koai_term_cache {
  cached_word *slots;
  int n_entries;
  cached_term *terms;
  size_t n_terms, cap_terms;
  char *texts;
  size_t n_texts, cap_texts;
};

void koai_term_cache_free(koai_term_cache *c) {
  if (c == NULL) return;
  free(c->slots);
  free(c->terms);
  free(c->texts);
  free(c);
}

static uint32_t cache_hash(const char *z, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)z[i]) * 16777619u;
  return h ? h : 1;
}

/* 1 when the word's input bytes are its normalized text. */
static int cache_word_is_plain(const koai_word_view *w) {
  size_t from;
  if (w->n == 0 || w->n > CACHE_MAX_WORD) return 0;
  from = w->src_start[0];
  return w->src_end[w->n - 1] - from == w->n &&
         memcmp(w->in + from, w->z, w->n) == 0;
}

static cached_word *cache_find(koai_term_cache *c, const koai_word_view *w,
                               uint32_t h) {
  uint32_t i;
  for (i = h & (CACHE_SLOTS - 1);; i = (i + 1) & (CACHE_SLOTS - 1)) {
    cached_word *s = &c->slots[i];
    if (s->hash == 0) return s;
    if (s->hash == h && s->n_key == w->n &&
        memcmp(c->texts + s->key, w->z, w->n) == 0) {
      return s;
    }
  }
}

int koai_term_cache_replay(koai_term_builder *b, const koai_word_view *w) {
  koai_term_cache *c = b->cache;
  const cached_word *s;
  size_t at;
  uint32_t k;
  if (c == NULL || !cache_word_is_plain(w)) return 0;
  s = cache_find(c, w, cache_hash(w->z, w->n));
  if (s->hash == 0) return 0;
  at = w->base + w->src_start[0];
  koai_joins_next_word(b, w->z, s->join_to, at + s->join_to);
  for (k = 0; k < s->n_terms && b->rc == 0; k++) {
    const cached_term *t = &c->terms[s->terms + k];
    b->holding = t->held;
    koai_terms_deliver(b, t->colocated, c->texts + t->text_off, t->text_len,
                       at + t->start, at + t->end, t->twin);
  }
  b->holding = 0;
  if (s->last_to > 0 && b->rc == 0) {
    koai_joins_remember(b, w->z + s->last_from, s->last_to - s->last_from,
                        at + s->last_from);
  }
  return 1;
}

void koai_term_cache_begin(koai_term_builder *b, const koai_word_view *w) {
  b->n_rec = 0;
  b->n_rec_buf = 0;
  b->rec_flushed = 0;
  b->recording = b->mode == KOAI_TERMS_DOCUMENT && cache_word_is_plain(w);
}

int koai_term_cache_record(koai_term_builder *b, int colocated, const char *z,
                           int n, size_t start, size_t end, int withTwin) {
  word_term *t;
  if (b->n_rec == b->cap_rec) {
    int cap = b->cap_rec ? b->cap_rec * 2 : 16;
    word_term *a = realloc(b->rec, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    b->rec = a;
    b->cap_rec = cap;
  }
  if (b->n_rec_buf + (size_t)n > b->cap_rec_buf) {
    size_t cap = b->cap_rec_buf ? b->cap_rec_buf : 256;
    char *p;
    while (cap < b->n_rec_buf + (size_t)n) cap *= 2;
    p = realloc(b->rec_buf, cap);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    b->rec_buf = p;
    b->cap_rec_buf = cap;
  }
  t = &b->rec[b->n_rec++];
  memcpy(b->rec_buf + b->n_rec_buf, z, (size_t)n);
  t->text_off = b->n_rec_buf;
  t->text_len = n;
  t->colocated = colocated;
  t->start = start;
  t->end = end;
  t->twin = withTwin;
  t->held = b->holding;
  b->n_rec_buf += (size_t)n;
  return KOAI_OK;
}

static void cache_clear(koai_term_cache *c) {
  memset(c->slots, 0, CACHE_SLOTS * sizeof(cached_word));
  c->n_entries = 0;
  c->n_terms = 0;
  c->n_texts = 0;
}

/* Room for n more bytes of texts and nTerms more terms; 0 when none. */
static int cache_reserve(koai_term_cache *c, size_t n, size_t nTerms) {
  if (c->n_texts + n > c->cap_texts) {
    size_t cap = c->cap_texts ? c->cap_texts * 2 : 65536;
    char *p;
    while (cap < c->n_texts + n) cap *= 2;
    p = realloc(c->texts, cap);
    if (p == NULL) return 0;
    c->texts = p;
    c->cap_texts = cap;
  }
  if (c->n_terms + nTerms > c->cap_terms) {
    size_t cap = c->cap_terms ? c->cap_terms * 2 : 8192;
    cached_term *p;
    while (cap < c->n_terms + nTerms) cap *= 2;
    p = realloc(c->terms, cap * sizeof(*p));
    if (p == NULL) return 0;
    c->terms = p;
    c->cap_terms = cap;
  }
  return 1;
}

void koai_term_cache_store(koai_term_builder *b, const koai_word_view *w) {
  koai_term_cache *c = b->cache;
  cached_word *s;
  size_t at, text = 0;
  uint32_t h;
  int k;
  if (!b->recording || !b->rec_flushed || b->rc != 0) return;
  b->recording = 0;
  at = w->base + w->src_start[0];
  for (k = 0; k < b->n_rec; k++) {
    const word_term *t = &b->rec[k];
    if (t->start < at || t->end < t->start || t->end > at + w->n ||
        t->text_len > 0xffff) {
      return;   /* a span outside the word: not kept */
    }
    text += (size_t)t->text_len;
  }
  if (b->n_rec > 0xffff) return;
  if (c == NULL) {
    c = calloc(1, sizeof(*c));
    if (c == NULL) return;          /* not kept; the result stands */
    c->slots = calloc(CACHE_SLOTS, sizeof(cached_word));
    if (c->slots == NULL) {
      free(c);
      return;
    }
    b->cache = c;
  }
  if (c->n_entries >= CACHE_MAX_ENTRIES ||
      c->n_texts + w->n + text > CACHE_MAX_ARENA ||
      (c->n_terms + (size_t)b->n_rec) * sizeof(cached_term) > CACHE_MAX_ARENA) {
    cache_clear(c);
  }
  if (!cache_reserve(c, w->n + text, (size_t)b->n_rec)) return;
  h = cache_hash(w->z, w->n);
  s = cache_find(c, w, h);
  if (s->hash != 0) return;         /* kept already */
  s->hash = h;
  s->key = (uint32_t)c->n_texts;
  s->n_key = (uint16_t)w->n;
  memcpy(c->texts + c->n_texts, w->z, w->n);
  c->n_texts += w->n;
  s->terms = (uint32_t)c->n_terms;
  s->n_terms = (uint16_t)b->n_rec;
  for (k = 0; k < b->n_rec; k++) {
    const word_term *t = &b->rec[k];
    cached_term *ct = &c->terms[c->n_terms++];
    ct->text_off = (uint32_t)c->n_texts;
    ct->text_len = (uint16_t)t->text_len;
    ct->start = (uint16_t)(t->start - at);
    ct->end = (uint16_t)(t->end - at);
    ct->colocated = (uint8_t)t->colocated;
    ct->twin = (uint8_t)t->twin;
    ct->held = (uint8_t)t->held;
    memcpy(c->texts + c->n_texts, b->rec_buf + t->text_off,
           (size_t)t->text_len);
    c->n_texts += (size_t)t->text_len;
  }
  s->join_to = (uint16_t)b->rec_join_to;
  s->last_from = (uint16_t)b->rec_last_from;
  s->last_to = (uint16_t)b->rec_last_to;
  c->n_entries++;
}
