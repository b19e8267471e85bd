/*
** words.c: analyse text a word at a time, each word on its own.
**
** koai_analyze() finds the best path through whole sentences, as MeCab
** does.  For indexing, koai_analyze_words() analyses each word (a run
** without whitespace) in a lattice of its own: as if a space came before
** it (mecab-ko's penalty applies to its first morpheme) and with an open
** end (no cost for ending the sentence there, since a sentence usually
** goes on).  Two things follow:
**
**   - a word gets the same morphemes wherever it stands, in a document and
**     in a query alike, which is what a search index needs;
**   - a word's analysis can be cached: news repeats its words (on the
**     LibreOffice help corpus 87% of word occurrences are repeats), and a
**     cached word costs a hash lookup instead of a lattice.
**
** On that corpus the words' segmentation equals the sentence analysis's for
** 99% of occurrences; the rest are short words whose reading needs the
** neighbour (할 수도 있다: 수도 is read as the noun).  The cache only makes
** the same analysis faster: its state never changes a result.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "userdict.h"

#define WORDS_MAX_CACHED 256        /* longer words are not cached */
#define WORDS_SLOTS 65536           /* hash slots, a power of two */
#define WORDS_MAX_ENTRIES (WORDS_SLOTS / 2)
#define WORDS_MAX_ARENA (4u << 20)  /* bytes of keys, and of morphemes */

/* One morpheme of a cached word: offsets are bytes of the word. */
typedef struct word_morph {
  const char *feature;
  uint16_t begin, length;
  uint16_t posid;
  uint8_t kind;
} word_morph;

typedef struct word_slot {
  uint32_t hash;
  uint32_t key;        /* offset of the word's bytes in keys */
  uint32_t morphs;     /* index of its first morpheme in morphs */
  uint16_t n_key;
  uint16_t n_morphs;   /* 0 for an empty slot */
} word_slot;

struct koai_word_cache {
  word_slot *slots;
  int n_entries;
  unsigned char *keys;
  size_t n_keys, cap_keys;
  word_morph *morphs;
  size_t n_morphs, cap_morphs;
  const koai_userdict *userdict;   /* what the analyses were made with */
  int space_penalty;
  word_morph *scratch;             /* an uncached word's morphemes */
  size_t cap_scratch;
};

void koai_word_cache_free(koai_word_cache *c) {
  if (c == NULL) return;
  free(c->slots);
  free(c->keys);
  free(c->morphs);
  free(c->scratch);
  free(c);
}

static void words_clear(koai_word_cache *c) {
  memset(c->slots, 0, WORDS_SLOTS * sizeof(word_slot));
  c->n_entries = 0;
  c->n_keys = 0;
  c->n_morphs = 0;
}

static koai_word_cache *words_cache(koai_analyzer *a,
                                    const koai_analyze_options *opt) {
  koai_word_cache *c = a->words;
  int penalty = opt ? opt->space_penalty : 1;
  const koai_userdict *ud = opt ? opt->userdict : NULL;
  if (c == NULL) {
    c = calloc(1, sizeof(*c));
    if (c == NULL) return NULL;
    c->slots = calloc(WORDS_SLOTS, sizeof(word_slot));
    if (c->slots == NULL) {
      free(c);
      return NULL;
    }
    c->userdict = ud;
    c->space_penalty = penalty;
    a->words = c;
  }
  if (c->userdict != ud || c->space_penalty != penalty) {
    words_clear(c);
    c->userdict = ud;
    c->space_penalty = penalty;
  }
  return c;
}

/* A hash of the word eight bytes at a time (words are a dozen bytes,
** and this runs for every word of every document). */
static uint32_t words_hash(const unsigned char *z, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    memcpy(&v, z + i, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  if (i < n) {
    uint64_t v = 0;
    memcpy(&v, z + i, n - i);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
  }
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 32;
  return (uint32_t)h ? (uint32_t)h : 1;
}

static int words_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

/*
** Analyse one word z[0..n) in a lattice of its own; its morphemes go to
** *paOut (*pnOut of them), in memory that stays valid until the next call.
*/
static int words_analyze(koai_analyzer *a, koai_word_cache *c,
                         const unsigned char *z, size_t n,
                         const word_morph **paOut, int *pnOut) {
  lattice_node **aPath;
  int nPath, i, rc;
  if (n + 1 > a->cap_word_buf) {
    size_t cap = (n + 1) * 2;
    unsigned char *p = realloc(a->word_buf, cap);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    a->word_buf = p;
    a->cap_word_buf = cap;
  }
  /* The space in front makes the first morpheme one that follows a space. */
  a->word_buf[0] = ' ';
  memcpy(a->word_buf + 1, z, n);
  rc = koai_lattice_best_path(a->lattice, a->word_buf, (uint32_t)(n + 1),
                              c->space_penalty, c->userdict, 1, &aPath, &nPath);
  if (rc != KOAI_OK) return rc;
  if ((size_t)nPath > c->cap_scratch) {
    word_morph *p = realloc(c->scratch, (size_t)nPath * 2 * sizeof(*p));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    c->scratch = p;
    c->cap_scratch = (size_t)nPath * 2;
  }
  for (i = 0; i < nPath; i++) {
    c->scratch[i].feature = koai_lattice_node_feature(a->d, aPath[i]);
    c->scratch[i].begin = (uint16_t)(aPath[i]->begin - 1);
    c->scratch[i].length = (uint16_t)aPath[i]->length;
    c->scratch[i].posid = aPath[i]->posid;
    c->scratch[i].kind = aPath[i]->kind;
  }
  *paOut = c->scratch;
  *pnOut = nPath;
  return KOAI_OK;
}

/* The analysis of word z[0..n), from the cache or made and cached. */
static int words_lookup(koai_analyzer *a, koai_word_cache *c,
                        const unsigned char *z, size_t n,
                        const word_morph **paOut, int *pnOut) {
  uint32_t h, i;
  const word_morph *aNew;
  int nNew, rc;
  if (n > WORDS_MAX_CACHED) return words_analyze(a, c, z, n, paOut, pnOut);
  h = words_hash(z, n);
  for (i = h & (WORDS_SLOTS - 1);; i = (i + 1) & (WORDS_SLOTS - 1)) {
    word_slot *s = &c->slots[i];
    if (s->hash == 0) break;
    if (s->hash == h && s->n_key == n && memcmp(c->keys + s->key, z, n) == 0) {
      *paOut = c->morphs + s->morphs;
      *pnOut = s->n_morphs;
      return KOAI_OK;
    }
  }
  rc = words_analyze(a, c, z, n, &aNew, &nNew);
  if (rc != KOAI_OK) return rc;
  *paOut = aNew;
  *pnOut = nNew;
  /* Keep it.  A full cache starts afresh: simple, and a word's analysis
  ** does not depend on what the cache holds. */
  if (c->n_entries >= WORDS_MAX_ENTRIES ||
      c->n_keys + n > WORDS_MAX_ARENA ||
      (c->n_morphs + (size_t)nNew) * sizeof(word_morph) > WORDS_MAX_ARENA) {
    words_clear(c);
  }
  if (c->n_keys + n > c->cap_keys) {
    size_t cap = c->cap_keys ? c->cap_keys * 2 : 65536;
    unsigned char *p;
    while (cap < c->n_keys + n) cap *= 2;
    p = realloc(c->keys, cap);
    if (p == NULL) return KOAI_OK;     /* not cached; the result stands */
    c->keys = p;
    c->cap_keys = cap;
  }
  if (c->n_morphs + (size_t)nNew > c->cap_morphs) {
    size_t cap = c->cap_morphs ? c->cap_morphs * 2 : 16384;
    word_morph *p;
    while (cap < c->n_morphs + (size_t)nNew) cap *= 2;
    p = realloc(c->morphs, cap * sizeof(*p));
    if (p == NULL) return KOAI_OK;
    c->morphs = p;
    c->cap_morphs = cap;
  }
  for (i = h & (WORDS_SLOTS - 1); c->slots[i].hash != 0;
       i = (i + 1) & (WORDS_SLOTS - 1)) {
  }
  c->slots[i].hash = h;
  c->slots[i].key = (uint32_t)c->n_keys;
  c->slots[i].n_key = (uint16_t)n;
  c->slots[i].morphs = (uint32_t)c->n_morphs;
  c->slots[i].n_morphs = (uint16_t)nNew;
  memcpy(c->keys + c->n_keys, z, n);
  c->n_keys += n;
  memcpy(c->morphs + c->n_morphs, aNew, (size_t)nNew * sizeof(word_morph));
  c->n_morphs += (size_t)nNew;
  c->n_entries++;
  return KOAI_OK;
}

int koai_analyze_words(koai_analyzer *a, const koai_analyze_options *opt,
                       const char *text, size_t n, koai_morph_fn xMorph,
                       void *ctx) {
  return koai_analyze_words_each(a, opt, text, n, NULL, xMorph, NULL, ctx);
}

int koai_analyze_words_each(koai_analyzer *a, const koai_analyze_options *opt,
                            const char *text, size_t n, koai_word_fn xBegin,
                            koai_morph_fn xMorph, koai_word_fn xEnd,
                            void *ctx) {
  const unsigned char *zIn = (const unsigned char *)text;
  koai_word_cache *c = words_cache(a, opt);
  size_t start = 0;
  if (c == NULL) return KOAI_ERROR_NOMEM;
  while (start < n) {
    size_t end = koai_segment_end(zIn, n, start);
    const unsigned char *z;
    size_t i = 0, nz;
    int rc = koai_normalize(&a->nb, zIn + start, end - start);
    if (rc != KOAI_OK) return rc;
    z = a->nb.z;
    nz = a->nb.n;
    while (i < nz) {
      const word_morph *aMorph;
      koai_word_view view;
      size_t wb;
      int nMorph, k;
      while (i < nz && words_is_space(z[i])) i++;
      wb = i;
      while (i < nz && !words_is_space(z[i])) i++;
      if (i == wb) break;
      view.z = (const char *)z + wb;
      view.n = i - wb;
      view.in = zIn + start;
      view.base = start;
      view.src_start = a->nb.src_start + wb;
      view.src_end = a->nb.src_end + wb;
      if (xBegin) {
        rc = xBegin(ctx, &view);
        if (rc == KOAI_WORD_SKIP) continue;
        if (rc != 0) return rc;
      }
      rc = words_lookup(a, c, z + wb, i - wb, &aMorph, &nMorph);
      if (rc != KOAI_OK) return rc;
      for (k = 0; k < nMorph; k++) {
        const word_morph *w = &aMorph[k];
        size_t b = wb + w->begin;
        koai_morph m;
        if (w->length == 0) continue;
        m.start = start + a->nb.src_start[b];
        m.end = start + a->nb.src_end[b + w->length - 1];
        m.surface = (const char *)z + b;
        m.n_surface = w->length;
        m.feature = w->feature;
        m.posid = w->posid;
        m.space_before = k == 0;
        m.kind = w->kind;
        m.map_base = start;
        m.map_start = a->nb.src_start + b;
        m.map_end = a->nb.src_end + b;
        rc = xMorph(ctx, &m);
        if (rc != 0) return rc;
      }
      if (xEnd) {
        rc = xEnd(ctx, &view);
        if (rc != 0) return rc;
      }
    }
    start = end;
  }
  return KOAI_OK;
}
