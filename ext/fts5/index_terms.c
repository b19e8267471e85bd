/*
** index_terms.c: group morphemes into words and turn each word into terms.
**
** Morphemes arrive from the analyzer one at a time; those of one word
** (no whitespace between them) are buffered with copies of their text,
** because the analyzer reuses its buffers from segment to segment.  A word
** is turned into terms when the next one starts, held in b->terms until
** the word is complete, and delivered by word_stems.c.  Dictionary
** compounds (type Compound: 국정원 = 국정+원) are split into their parts
** here, each part with its own exact input offsets.
*/
#include "index_terms.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../analyzer/morph.h"
#include "../dict/dict.h"
#include "../analyzer/normalize.h"
#include "../analyzer/utf8.h"
#include "../func/choseong.h"
#include "term_builder.h"

/* The longest run of parts inside a compound given as a term of its own:
** a word of many parts gets a number of terms linear in its length. */
#define TERMS_MAX_RUN_PARTS 4

static const char *azDefaultTags[] = {"NNG", "NNP", "NNB", "NNBC", "NR",
                                      "NP",  "VV",  "VA",  "VX",   "XR",
                                      "SL",  "SH",  "SN"};

koai_term_builder *koai_term_builder_new(const koai_dict *d) {
  koai_term_builder *b = calloc(1, sizeof(*b));
  if (b == NULL) return NULL;
  b->d = d;
  b->analyzer = koai_analyzer_new(d);
  if (b->analyzer == NULL) {
    free(b);
    return NULL;
  }
  return b;
}

void koai_term_builder_free(koai_term_builder *b) {
  if (b == NULL) return;
  free(b->features);
  koai_analyzer_free(b->analyzer);
  free(b->parts);
  free(b->buf);
  free(b->out);
  free(b->cho);
  free(b->terms);
  free(b->term_buf);
  free(b->word);
  free(b->word_ends);
  free(b->held);
  free(b->held_buf);
  free(b->join);
  free(b->run_memo);
  koai_term_cache_free(b->cache);
  free(b->rec);
  free(b->rec_buf);
  free(b);
}

int koai_terms_tag_indexed(const koai_term_options *opts, const char *zTag,
                           int nTag) {
  int i;
  if (opts->n_tags == 0) {
    for (i = 0; i < (int)(sizeof(azDefaultTags) / sizeof(azDefaultTags[0]));
         i++) {
      if ((int)strlen(azDefaultTags[i]) == nTag &&
          memcmp(azDefaultTags[i], zTag, (size_t)nTag) == 0) {
        return 1;
      }
    }
    return 0;
  }
  for (i = 0; i < opts->n_tags; i++) {
    const char *p = opts->tags[i];
    int n = (int)strlen(p);
    if (n > 0 && p[n - 1] == '*') {
      if (nTag >= n - 1 && memcmp(p, zTag, (size_t)n - 1) == 0) return 1;
    } else if (n == nTag && memcmp(p, zTag, (size_t)n) == 0) {
      return 1;
    }
  }
  return 0;
}

static int terms_class(const char *zTag) {
  static const char *azNominal[] = {"NNG", "NNP", "SL", "SH", "SN", "NR"};
  static const char *azPredicate[] = {"VV", "VA", "VX", "VCN"};
  size_t i;
  for (i = 0; i < sizeof(azNominal) / sizeof(azNominal[0]); i++) {
    if (strcmp(zTag, azNominal[i]) == 0) return PART_NOMINAL;
  }
  for (i = 0; i < sizeof(azPredicate) / sizeof(azPredicate[0]); i++) {
    if (strcmp(zTag, azPredicate[i]) == 0) return PART_PREDICATE;
  }
  if (strcmp(zTag, "XSV") == 0 || strcmp(zTag, "XSA") == 0) return PART_DERIVE;
  if (strcmp(zTag, "XR") == 0) return PART_ROOT;
  if (zTag[0] == 'J' || zTag[0] == 'E' || strcmp(zTag, "VCP") == 0 ||
      strcmp(zTag, "SF") == 0 || strcmp(zTag, "SP") == 0 ||
      strcmp(zTag, "SSO") == 0 || strcmp(zTag, "SSC") == 0 ||
      strcmp(zTag, "SC") == 0 || strcmp(zTag, "SE") == 0 ||
      strcmp(zTag, "SY") == 0 || strcmp(zTag, "XSN") == 0 ||
      strcmp(zTag, "XPN") == 0) {
    return PART_SKIP;
  }
  return PART_OTHER;
}

/*
** Append z[0..n) to the word buffer; *pOff receives where it went.  z may
** point into the buffer itself (a part's text joined into a compound or a
** lemma), so it is found again at the same offset after a realloc.
*/
static int terms_buf_append(koai_term_builder *b, const char *z, int n,
                            size_t *pOff) {
  if (b->n_buf + (size_t)n > b->cap_buf) {
    size_t cap = b->cap_buf ? b->cap_buf : 1024;
    uintptr_t zAt = (uintptr_t)z, bufAt = (uintptr_t)b->buf;
    int inside = b->buf != NULL && zAt >= bufAt && zAt < bufAt + b->n_buf;
    char *p;
    while (cap < b->n_buf + (size_t)n) cap *= 2;
    p = realloc(b->buf, cap);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    if (inside) z = p + (zAt - bufAt);
    b->buf = p;
    b->cap_buf = cap;
  }
  memcpy(b->buf + b->n_buf, z, (size_t)n);
  *pOff = b->n_buf;
  b->n_buf += (size_t)n;
  return KOAI_OK;
}

static int terms_add_part(koai_term_builder *b, koai_field tag, int cls,
                          const char *zText, int nText, const char *zLemma,
                          int nLemma, size_t start, size_t end) {
  word_part *p;
  int n;
  if (b->n_parts == b->cap_parts) {
    int cap = b->cap_parts ? b->cap_parts * 2 : 32;
    word_part *a = realloc(b->parts, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    b->parts = a;
    b->cap_parts = cap;
  }
  p = &b->parts[b->n_parts];
  n = tag.n < (int)sizeof(p->tag) - 1 ? tag.n : (int)sizeof(p->tag) - 1;
  memcpy(p->tag, tag.z, (size_t)n);
  p->tag[n] = 0;
  p->cls = cls < 0 ? terms_class(p->tag) : cls;
  p->morph = b->n_morphs;
  p->start = start;
  p->end = end;
  p->text_len = nText;
  p->lemma_len = nLemma;
  if (terms_buf_append(b, zText, nText, &p->text_off)) return KOAI_ERROR_NOMEM;
  if (terms_buf_append(b, zLemma, nLemma, &p->lemma_off)) {
    return KOAI_ERROR_NOMEM;
  }
  b->n_parts++;
  return KOAI_OK;
}

/* Split a dictionary compound into its parts when they spell its surface. */
static int terms_add_compound(koai_term_builder *b, const koai_morph *m,
                              const koai_feature *f) {
  const char *z = f->expression.z;
  koai_field surf, tag;
  int off = 0, rc;
  /* First check that the parts spell the surface exactly. */
  while (koai_expression_next(f->expression, &z, &surf, &tag)) {
    if (off + surf.n > m->n_surface ||
        memcmp(m->surface + off, surf.z, (size_t)surf.n) != 0 || surf.n == 0) {
      return 0;
    }
    off += surf.n;
  }
  if (off != m->n_surface) return 0;
  z = f->expression.z;
  off = 0;
  while (koai_expression_next(f->expression, &z, &surf, &tag)) {
    size_t s = m->map_base + m->map_start[off];
    size_t e = m->map_base + m->map_end[off + surf.n - 1];
    rc = terms_add_part(b, tag, -1, surf.z, surf.n, surf.z, surf.n, s, e);
    if (rc != KOAI_OK) return rc;
    off += surf.n;
  }
  return 1;
}

/* The parsed feature string, from the cache or parsed now. */
static const feature_info *terms_feature(koai_term_builder *b,
                                         const char *zFeature) {
  feature_info *fi;
  koai_field head;
  const char *zPlus;
  uintptr_t h = (uintptr_t)zFeature;
  int n;
  if (b->features == NULL) {
    b->features = calloc(FEATURE_CACHE_SIZE, sizeof(feature_info));
    if (b->features == NULL) return NULL;
  }
  h = (h >> 3) ^ (h >> 15);
  fi = &b->features[h & (FEATURE_CACHE_SIZE - 1)];
  if (fi->feature == zFeature) return fi;
  fi->feature = zFeature;
  koai_feature_parse(zFeature, &fi->f);
  fi->compound = koai_field_is(fi->f.type, "Compound");
  head = fi->f.tag;
  zPlus = memchr(head.z, '+', (size_t)head.n);
  if (zPlus) head.n = (int)(zPlus - head.z);
  if ((koai_field_is(fi->f.type, "Inflect") ||
       koai_field_is(fi->f.type, "Preanalysis")) &&
      fi->f.first_tag.n > 0 && !koai_field_is(fi->f.first_tag, "*")) {
    head = fi->f.first_tag;
  }
  n = head.n < (int)sizeof(fi->head) - 1 ? head.n : (int)sizeof(fi->head) - 1;
  memcpy(fi->head, head.z, (size_t)n);
  fi->head[n] = 0;
  fi->cls = terms_class(fi->head);
  return fi;
}

static int terms_add_morph(koai_term_builder *b, const koai_morph *m) {
  const feature_info *fi = terms_feature(b, m->feature);
  b->n_morphs++;
  koai_field head;
  char lemma[256];
  int nLemma, rc;
  if (fi == NULL) return KOAI_ERROR_NOMEM;
  if (fi->compound) {
    rc = terms_add_compound(b, m, &fi->f);
    if (rc != 0) return rc < 0 ? rc : KOAI_OK;
  }
  head.z = fi->head;
  head.n = (int)strlen(fi->head);
  if (fi->cls == PART_SKIP) {
    nLemma = 0;
  } else {
    nLemma = koai_feature_lemma(&fi->f, m->surface, m->n_surface, lemma,
                                (int)sizeof(lemma));
    if (nLemma > (int)sizeof(lemma)) nLemma = 0;
  }
  return terms_add_part(b, head, fi->cls, m->surface, m->n_surface, lemma,
                        nLemma, m->start, m->end);
}

/* Case-fold z[0..n) into b->out; returns the folded length or -1. */
int koai_terms_fold(koai_term_builder *b, const char *z, int n) {
  size_t need = (size_t)n * 2 + 8, o = 0;
  int i = 0;
  if (need > b->cap_out) {
    char *p = realloc(b->out, need);
    if (p == NULL) return -1;
    b->out = p;
    b->cap_out = need;
  }
  /* Hangul syllables (3-byte sequences led by 0xEA..0xED) and lower-case
  ** ASCII fold to themselves: most terms are copied as they are. */
  while (i < n) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 0xea && c <= 0xed && i + 2 < n) {
      i += 3;
    } else if (c < 0x80 && !(c >= 'A' && c <= 'Z')) {
      i++;
    } else {
      break;
    }
  }
  memcpy(b->out, z, (size_t)i);
  o = (size_t)i;
  while (i < n) {
    unsigned char c = (unsigned char)z[i];
    uint32_t cp;
    int len;
    if (c < 0x80) {
      b->out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      i++;
      continue;
    }
    len = koai_utf8_decode((const unsigned char *)z + i, (size_t)(n - i), &cp);
    if (len == 0) {
      i++;
      continue;
    }
    if (cp < 0x3000) cp = (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
    o += (size_t)koai_utf8_encode(cp, (unsigned char *)b->out + o);
    i += len;
  }
  return (int)o;
}

/*
** With the choseong option, a document term written in Hangul syllables
** also gets its initial consonants at the same position (알리바바 and
** ㅇㄹㅂㅂ), so that MATCH 'ㅇㄹㅂㅂ' and 'ㅇㄹ*' find it.  Only documents
** get them: a query typed in choseong is already the twin itself.
*/
static int terms_emit_choseong(koai_term_builder *b, const char *z, int n,
                               size_t start, size_t end) {
  int nCho;
  if (!koai_choseong_all_syllables(z, n)) return 0;
  if ((size_t)n > b->cap_cho) {
    char *p = realloc(b->cho, (size_t)n);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    b->cho = p;
    b->cap_cho = (size_t)n;
  }
  nCho = koai_choseong(z, n, b->cho, n);
  return b->xTerm(b->ctx, 1, b->cho, nCho, start, end);
}

int koai_terms_deliver(koai_term_builder *b, int colocated, const char *z,
                       int n, size_t start, size_t end, int withTwin) {
  if (b->rc) return b->rc;
  if (b->recording &&
      koai_term_cache_record(b, colocated, z, n, start, end, withTwin)) {
    return b->rc = KOAI_ERROR_NOMEM;
  }
  if (b->holding) {
    return koai_joins_hold(b, colocated, z, n, start, end, withTwin);
  }
  return koai_terms_pass(b, colocated, z, n, start, end, withTwin);
}

int koai_terms_pass(koai_term_builder *b, int colocated, const char *z, int n,
                    size_t start, size_t end, int withTwin) {
  if (b->rc) return b->rc;
  b->rc = b->xTerm(b->ctx, colocated, z, n, start, end);
  if (b->rc == 0 && withTwin && b->opts->choseong &&
      b->mode == KOAI_TERMS_DOCUMENT) {
    b->rc = terms_emit_choseong(b, z, n, start, end);
  }
  return b->rc;
}

int koai_terms_push(koai_term_builder *b, int colocated, int n, size_t start,
                    size_t end) {
  word_term *t;
  if (b->n_terms == b->cap_terms) {
    int cap = b->cap_terms ? b->cap_terms * 2 : 16;
    word_term *a = realloc(b->terms, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    b->terms = a;
    b->cap_terms = cap;
  }
  if (b->n_term_buf + (size_t)n > b->cap_term_buf) {
    size_t cap = b->cap_term_buf ? b->cap_term_buf : 256;
    char *p;
    while (cap < b->n_term_buf + (size_t)n) cap *= 2;
    p = realloc(b->term_buf, cap);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    b->term_buf = p;
    b->cap_term_buf = cap;
  }
  t = &b->terms[b->n_terms++];
  memcpy(b->term_buf + b->n_term_buf, b->out, (size_t)n);
  t->text_off = b->n_term_buf;
  t->text_len = n;
  t->colocated = colocated;
  t->start = start;
  t->end = end;
  b->n_term_buf += (size_t)n;
  return KOAI_OK;
}

/* A term of the buffered word, held until the word is complete. */
static int terms_emit(koai_term_builder *b, int colocated, const char *z,
                      int n, size_t start, size_t end) {
  int nFold;
  if (b->rc || n <= 0) return b->rc;
  nFold = koai_terms_fold(b, z, n);
  if (nFold < 0) return b->rc = KOAI_ERROR_NOMEM;
  return b->rc = koai_terms_push(b, colocated, nFold, start, end);
}

/* The end of the endings that follow part i (for a predicate's span). */
static size_t terms_span_end(koai_term_builder *b, int i) {
  size_t end = b->parts[i].end;
  int j;
  for (j = i + 1; j < b->n_parts && b->parts[j].tag[0] == 'E'; j++) {
    end = b->parts[j].end;
  }
  return end;
}

/*
** Emit the lemma of a noun or root plus a 하/되-type suffix: base part i,
** suffix part j.  Returns 1 when a term was emitted.
*/
static int terms_emit_derived(koai_term_builder *b, int i, int j,
                              int colocated) {
  word_part *base = &b->parts[i], *suf = &b->parts[j];
  const char *zVerbTag = strcmp(suf->tag, "XSA") == 0 ? "VA" : "VV";
  size_t off;
  size_t mark = b->n_buf;
  if (!koai_terms_tag_indexed(b->opts, zVerbTag, 2) || suf->lemma_len == 0) {
    return 0;
  }
  if (terms_buf_append(b, b->buf + base->text_off, base->text_len, &off) ||
      terms_buf_append(b, b->buf + suf->lemma_off, suf->lemma_len, &off)) {
    b->rc = KOAI_ERROR_NOMEM;
    return 0;
  }
  terms_emit(b, colocated, b->buf + mark, base->text_len + suf->lemma_len,
             base->start, terms_span_end(b, j));
  b->n_buf = mark;
  return 1;
}

/*
** Emit base part i (a noun or root) followed by suffix part j.  In a
** document the derived lemma comes first, spanning the whole verb so that
** highlight() marks it, and the noun shares its position; a query looks
** for the lemma alone.
*/
static void terms_emit_base_and_derived(koai_term_builder *b, int i, int j,
                                        int colocated) {
  word_part *p = &b->parts[i];
  int emitted = terms_emit_derived(b, i, j, colocated);
  if (b->mode == KOAI_TERMS_QUERY && emitted) return;
  if (koai_terms_tag_indexed(b->opts, p->tag, (int)strlen(p->tag))) {
    terms_emit(b, emitted || colocated, b->buf + p->text_off, p->text_len,
               p->start, p->end);
  }
}

/* The whole of a compound [i, j), colocated or at a new position. */
static void terms_emit_whole(koai_term_builder *b, int i, int j,
                             int colocated) {
  size_t mark = b->n_buf, off;
  int m, nWhole = 0;
  for (m = i; m < j; m++) {
    if (terms_buf_append(b, b->buf + b->parts[m].text_off,
                         b->parts[m].text_len, &off)) {
      b->rc = KOAI_ERROR_NOMEM;
      return;
    }
    nWhole += b->parts[m].text_len;
  }
  terms_emit(b, colocated, b->buf + mark, nWhole, b->parts[i].start,
             b->parts[j - 1].end);
  b->n_buf = mark;
}

/*
** Emit the terms of a run of nominal parts [i, j), and of the derived
** verb when a suffix follows (part j).
*/
static void terms_emit_compound(koai_term_builder *b, int i, int j,
                                int derivedFollows) {
  int k, wantParts, wantWhole;
  int query = b->mode == KOAI_TERMS_QUERY;
  int compound = b->opts->compound;
  wantWhole = (j - i > 1) && (compound == KOAI_COMPOUND_WHOLE ||
                              (compound == KOAI_COMPOUND_MIXED && !query));
  wantParts = compound != KOAI_COMPOUND_WHOLE || j - i == 1;
  if (!wantParts) {
    terms_emit_whole(b, i, j, 0);
    if (derivedFollows) terms_emit_derived(b, j - 1, j, !query);
    return;
  }
  for (k = i; k < j; k++) {
    word_part *p = &b->parts[k];
    int first = b->rc == 0 && k == i;
    if (derivedFollows && k == j - 1) {
      terms_emit_base_and_derived(b, k, j, 0);
    } else if (koai_terms_tag_indexed(b->opts, p->tag, (int)strlen(p->tag))) {
      terms_emit(b, 0, b->buf + p->text_off, p->text_len, p->start, p->end);
    } else {
      first = 0;
    }
    /* The whole shares the first part's position; in a document, so do
    ** the runs of parts within it (서울시 and 교육감 in 서울시교육감), which a
    ** query for them searches whole. */
    if (first && wantWhole) terms_emit_whole(b, i, j, 1);
    if (wantWhole && b->rc == 0 && compound == KOAI_COMPOUND_MIXED) {
      int m = j - (k == i ? 1 : 0);
      if (m > k + TERMS_MAX_RUN_PARTS) m = k + TERMS_MAX_RUN_PARTS;
      for (; m >= k + 2; m--) terms_emit_whole(b, k, m, 1);
    }
  }
}

/*
** A word written in dictionary form (stem + 다) whose stem is a verb or
** adjective of the dictionary is its own lemma.  Without context the
** analyzer often cuts such a word elsewhere (밝히다 as 밝/VA + 히다), yet it is
** exactly what a user types to search for every form of the verb.
*/
static int terms_flush_dictionary_form(koai_term_builder *b) {
  const koai_dic_file *sys = &b->d->sys;
  koai_prefix_match m;
  size_t s = b->n_buf, off;
  int i, n = 0;
  uint32_t t;
  for (i = 0; i < b->n_parts; i++) {
    if (b->parts[i].cls == PART_SKIP && b->parts[i].tag[0] != 'E') return 0;
    if (terms_buf_append(b, b->buf + b->parts[i].text_off, b->parts[i].text_len,
                         &off)) {
      b->rc = KOAI_ERROR_NOMEM;
      return 1;
    }
    n += b->parts[i].text_len;
  }
  b->n_buf = s;
  if (n <= 3 || memcmp(b->buf + s + n - 3, "다", 3) != 0) return 0;
  if (!koai_dic_exact_match(sys, (const unsigned char *)b->buf + s,
                            (size_t)n - 3, &m)) {
    return 0;
  }
  for (t = 0; t < m.n_tokens; t++) {
    const char *zFeat = koai_dic_feature(sys, &sys->tokens[m.first_token + t]);
    char zTag[4] = {0, 0, 0, 0};
    if ((strncmp(zFeat, "VV,", 3) == 0 || strncmp(zFeat, "VA,", 3) == 0 ||
         strncmp(zFeat, "VX,", 3) == 0)) {
      memcpy(zTag, zFeat, 2);
      if (koai_terms_tag_indexed(b->opts, zTag, 2)) {
        terms_emit(b, 0, b->buf + s, n, b->parts[0].start,
                   b->parts[b->n_parts - 1].end);
      }
      return 1;
    }
  }
  return 0;
}

/*
** With the choseong option, a word made only of consonant jamo (ㅇㄹㅂㅂ,
** which the analyzer leaves as an unknown word) is one term, in queries
** and documents alike: it is how choseong is typed.  Returns 1 when the
** word was such a word.
*/
static int terms_flush_choseong_word(koai_term_builder *b) {
  size_t n = 0;
  int i;
  for (i = 0; i < b->n_parts; i++) {
    word_part *p = &b->parts[i];
    if (!koai_choseong_all_jamo(b->buf + p->text_off, p->text_len)) return 0;
    n += (size_t)p->text_len;
  }
  /* The parts' texts are apart in the buffer; join them in b->cho. */
  if (n > b->cap_cho) {
    char *z = realloc(b->cho, n);
    if (z == NULL) {
      b->rc = KOAI_ERROR_NOMEM;
      return 1;
    }
    b->cho = z;
    b->cap_cho = n;
  }
  n = 0;
  for (i = 0; i < b->n_parts; i++) {
    memcpy(b->cho + n, b->buf + b->parts[i].text_off,
           (size_t)b->parts[i].text_len);
    n += (size_t)b->parts[i].text_len;
  }
  terms_emit(b, 0, b->cho, (int)n, b->parts[0].start,
             b->parts[b->n_parts - 1].end);
  return 1;
}

/* The terms of the buffered word's morphemes, into b->terms. */
static void terms_emit_parts(koai_term_builder *b) {
  int i = 0;
  while (i < b->n_parts && b->rc == 0) {
    word_part *p = &b->parts[i];
    int next = i + 1;
    if (p->cls == PART_NOMINAL || p->cls == PART_ROOT) {
      int j = i + 1, derived;
      if (p->cls == PART_NOMINAL) {
        while (j < b->n_parts && b->parts[j].cls == PART_NOMINAL) j++;
      }
      derived = j < b->n_parts && b->parts[j].cls == PART_DERIVE;
      if (p->cls == PART_NOMINAL) {
        terms_emit_compound(b, i, j, derived);
      } else if (derived) {
        terms_emit_base_and_derived(b, i, j, 0);
      } else if (koai_terms_tag_indexed(b->opts, p->tag, (int)strlen(p->tag))) {
        terms_emit(b, 0, b->buf + p->text_off, p->text_len, p->start, p->end);
      }
      next = derived ? j + 1 : j;
    } else if (p->cls == PART_PREDICATE) {
      if (koai_terms_tag_indexed(b->opts, p->tag, (int)strlen(p->tag))) {
        terms_emit(b, 0, b->buf + p->lemma_off, p->lemma_len, p->start,
                   terms_span_end(b, i));
      }
    } else if (p->cls == PART_OTHER) {
      if (koai_terms_tag_indexed(b->opts, p->tag, (int)strlen(p->tag))) {
        terms_emit(b, 0, b->buf + p->text_off, p->text_len, p->start, p->end);
      }
    }
    i = next;
  }
}

/* Turn the buffered word into terms and empty the buffer. */
static void terms_flush_word(koai_term_builder *b) {
  int done = (b->opts->choseong && terms_flush_choseong_word(b)) ||
             terms_flush_dictionary_form(b);
  if (!done && b->rc == 0) terms_emit_parts(b);
  if (b->rc == 0) koai_terms_finish_word(b);
  b->rec_flushed = 1;
  b->n_parts = 0;
  b->n_morphs = 0;
  b->n_buf = 0;
  b->n_terms = 0;
  b->n_term_buf = 0;
}

/* A word begins: a word seen before is given its terms from the cache. */
static int terms_on_word_begin(void *ctx, const koai_word_view *w) {
  koai_term_builder *b = ctx;
  if (b->rc) return b->rc;
  if (b->mode == KOAI_TERMS_DOCUMENT && koai_term_cache_replay(b, w)) {
    return b->rc ? b->rc : KOAI_WORD_SKIP;
  }
  koai_term_cache_begin(b, w);
  return 0;
}

/* A word ends: its terms, and the cache keeps them. */
static int terms_on_word_end(void *ctx, const koai_word_view *w) {
  koai_term_builder *b = ctx;
  if (b->rc == 0 && b->n_parts > 0) terms_flush_word(b);
  if (b->rc == 0) koai_term_cache_store(b, w);
  b->recording = 0;
  return b->rc;
}

static int terms_on_morph(void *ctx, const koai_morph *m) {
  koai_term_builder *b = ctx;
  int rc;
  if (m->space_before && b->n_parts > 0) terms_flush_word(b);
  if (b->rc) return b->rc;
  rc = terms_add_morph(b, m);
  if (rc != KOAI_OK) b->rc = rc;
  return b->rc;
}

/*
** A prefix query term is not analysed: "알리*" must match 알리바바, which the
** analyzer would cut differently.  Each whitespace-separated piece of the
** normalized text is one term.
*/
static int terms_prefix(koai_term_builder *b, const char *text, size_t n) {
  koai_normbuf nb;
  size_t i = 0;
  int rc;
  memset(&nb, 0, sizeof(nb));
  rc = koai_normalize(&nb, (const unsigned char *)text, n);
  while (rc == KOAI_OK && i < nb.n && b->rc == 0) {
    size_t s;
    while (i < nb.n && (nb.z[i] == ' ' || nb.z[i] == '\t' || nb.z[i] == '\n' ||
                        nb.z[i] == '\r')) {
      i++;
    }
    s = i;
    while (i < nb.n && !(nb.z[i] == ' ' || nb.z[i] == '\t' ||
                         nb.z[i] == '\n' || nb.z[i] == '\r')) {
      i++;
    }
    if (i > s) {
      int nFold = koai_terms_fold(b, (const char *)nb.z + s, (int)(i - s));
      if (nFold < 0) {
        b->rc = KOAI_ERROR_NOMEM;
      } else {
        koai_terms_deliver(b, 0, b->out, nFold, nb.src_start[s],
                           nb.src_end[i - 1], 0);
      }
    }
  }
  koai_normbuf_free(&nb);
  return rc != KOAI_OK ? rc : b->rc;
}

int koai_terms(koai_term_builder *b, const koai_term_options *opts, int mode,
               const char *text, size_t n, koai_term_fn xTerm, void *ctx) {
  koai_analyze_options aopt;
  int rc;
  b->opts = opts;
  b->mode = mode;
  b->xTerm = xTerm;
  b->ctx = ctx;
  b->rc = 0;
  b->n_parts = 0;
  b->n_morphs = 0;
  b->n_buf = 0;
  b->n_terms = 0;
  b->n_term_buf = 0;
  b->n_held = 0;
  b->n_held_buf = 0;
  b->holding = 0;
  b->n_join = 0;
  if (mode == KOAI_TERMS_PREFIX) return terms_prefix(b, text, n);
  aopt.space_penalty = 1;
  aopt.userdict = opts->userdict;
  if (b->cache_opts != opts) {
    /* Terms kept for other options are not these options' terms. */
    koai_term_cache_free(b->cache);
    b->cache = NULL;
    b->cache_opts = opts;
  }
  b->recording = 0;
  rc = koai_analyze_words_each(b->analyzer, &aopt, text, n,
                               terms_on_word_begin, terms_on_morph,
                               terms_on_word_end, b);
  if (rc == 0 && b->n_parts > 0) terms_flush_word(b);
  if (rc == 0 && b->rc == 0) koai_joins_release(b);
  if (rc == 0) rc = b->rc;
  return rc;
}
