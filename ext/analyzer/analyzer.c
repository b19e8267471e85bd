/*
** analyzer.c: analyse text of any length, segment by segment.
**
** MeCab analyses a line at a time; so does koai, and it also cuts lines
** longer than ANALYZER_MAX_SEGMENT bytes: after a sentence end followed by
** whitespace if there is one in the second half of the window, else at
** the last whitespace, else before the last Hangul syllable or ASCII
** character of the window.  The whitespace or line break where a segment
** was cut stays at the start of the next one, so mecab-ko's space penalty
** still applies to what follows it.  Working memory is thus bounded by the
** segment size whatever the length of the text.
*/
#include <stdlib.h>
#include <string.h>

#include "koai.h"
#include "analyzer.h"
#include "lattice.h"
#include "normalize.h"

#define ANALYZER_MAX_SEGMENT 16384


koai_analyzer *koai_analyzer_new(const koai_dict *d) {
  koai_analyzer *a;
  if (d == NULL) return NULL;
  a = calloc(1, sizeof(*a));
  if (a == NULL) return NULL;
  a->d = d;
  a->lattice = koai_lattice_new(d);
  if (a->lattice == NULL) {
    free(a);
    return NULL;
  }
  return a;
}

void koai_analyzer_free(koai_analyzer *a) {
  if (a == NULL) return;
  koai_lattice_free(a->lattice);
  koai_normbuf_free(&a->nb);
  koai_word_cache_free(a->words);
  free(a->word_buf);
  free(a);
}

static int analyzer_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

/* A byte where a character that starts a normalization run begins. */
static int analyzer_is_safe_cut(const unsigned char *z, size_t i, size_t n) {
  if (i >= n) return 1;
  if (z[i] < 0x80) return 1;
  /* U+AC00..U+D7A3, Hangul syllables: EA B0 80 .. ED 9E A3 */
  if (z[i] >= 0xea && z[i] <= 0xed && i + 1 < n) {
    unsigned v = ((unsigned)(z[i] & 0x0f) << 6) | (z[i + 1] & 0x3f);
    return v >= 0x2b0 && v <= 0x35e;
  }
  return 0;
}

/* Where to end the segment that starts at `start`. */
size_t koai_segment_end(const unsigned char *z, size_t n, size_t start) {
  const unsigned char *nl;
  size_t limit = start + ANALYZER_MAX_SEGMENT, i;
  size_t half = start + ANALYZER_MAX_SEGMENT / 2;
  nl = memchr(z + start + 1, '\n', (start + 1 < n ? n - start - 1 : 0));
  if (nl && (size_t)(nl - z) <= limit) return (size_t)(nl - z);
  if (limit >= n) return n;
  for (i = limit; i > half; i--) {
    if (analyzer_is_space(z[i]) &&
        (z[i - 1] == '.' || z[i - 1] == '?' || z[i - 1] == '!')) {
      return i;
    }
  }
  for (i = limit; i > start + 1; i--) {
    if (analyzer_is_space(z[i])) return i;
  }
  for (i = limit; i > start + 1; i--) {
    if (analyzer_is_safe_cut(z, i, n)) return i;
  }
  return limit;
}

int koai_analyze_segment(koai_analyzer *a, const koai_analyze_options *opt,
                         const char *text, size_t n, size_t *pStart,
                         koai_morph_fn xMorph, void *ctx) {
  const unsigned char *z = (const unsigned char *)text;
  int spacePenalty = opt ? opt->space_penalty : 1;
  const koai_userdict *ud = opt ? opt->userdict : NULL;
  size_t start = *pStart, end;
  lattice_node **aPath;
  int nPath, i, rc;
  if (start >= n) return KOAI_OK;
  end = koai_segment_end(z, n, start);
  *pStart = end;
  rc = koai_normalize(&a->nb, z + start, end - start);
  if (rc != KOAI_OK) return rc;
  rc = koai_lattice_best_path(a->lattice, a->nb.z, (uint32_t)a->nb.n,
                              spacePenalty, ud, 0, &aPath, &nPath);
  if (rc != KOAI_OK) return rc;
  for (i = 0; i < nPath; i++) {
    const lattice_node *node = aPath[i];
    koai_morph m;
    if (node->length == 0) continue;
    m.start = start + a->nb.src_start[node->begin];
    m.end = start + a->nb.src_end[node->begin + node->length - 1];
    m.surface = (const char *)a->nb.z + node->begin;
    m.n_surface = (int)node->length;
    m.feature = koai_lattice_node_feature(a->d, node);
    m.posid = node->posid;
    m.space_before =
        node->rlength != node->length || (node->begin == 0 && start > 0);
    m.kind = node->kind;
    m.map_base = start;
    m.map_start = a->nb.src_start + node->begin;
    m.map_end = a->nb.src_end + node->begin;
    rc = xMorph(ctx, &m);
    if (rc != 0) return rc;
  }
  return KOAI_OK;
}

int koai_analyze(koai_analyzer *a, const koai_analyze_options *opt,
                 const char *text, size_t n, koai_morph_fn xMorph, void *ctx) {
  size_t start = 0;
  while (start < n) {
    int rc = koai_analyze_segment(a, opt, text, n, &start, xMorph, ctx);
    if (rc != 0) return rc;
  }
  return KOAI_OK;
}

const koai_normbuf *koai_analyzer_normbuf(const koai_analyzer *a) {
  return &a->nb;
}
