/*
** fuzz_analyzer.c: the analyzer on raw bytes.
**
** The first byte chooses the options (space penalty, a user dictionary,
** segment-at-a-time analysis); the rest is the text, any bytes at all.
** Checked: analysis succeeds; every morpheme has a surface and offsets
** inside the text that never go backwards; its feature string is there;
** the normalized text is valid UTF-8 with an offset map inside the input.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/normalize.h"
#include "analyzer/utf8.h"
#include "fuzz_common.h"

typedef struct morph_check {
  size_t n;
  size_t last_start;
  int count;
} morph_check;

static int fuzzOnMorph(void *ctx, const koai_morph *m) {
  morph_check *c = ctx;
  FUZZ_CHECK(m->start <= m->end && m->end <= c->n, "morpheme %zu-%zu of %zu",
             m->start, m->end, c->n);
  FUZZ_CHECK(m->start >= c->last_start, "start %zu after %zu", m->start,
             c->last_start);
  FUZZ_CHECK(m->n_surface > 0 && m->surface != NULL, "empty surface");
  FUZZ_CHECK(m->feature != NULL && m->feature[0] != 0, "no feature");
  FUZZ_CHECK(koai_utf8_invalid_offset((const unsigned char *)m->surface,
                                      (size_t)m->n_surface) < 0,
             "surface is not UTF-8");
  c->last_start = m->start;
  c->count++;
  return 0;
}

static void fuzzNormalize(const uint8_t *z, size_t n) {
  koai_normbuf nb;
  size_t i;
  memset(&nb, 0, sizeof(nb));
  FUZZ_CHECK(koai_normalize(&nb, z, n) == KOAI_OK, "normalize failed");
  FUZZ_CHECK(koai_utf8_invalid_offset(nb.z, nb.n) < 0,
             "normalized text is not UTF-8");
  for (i = 0; i < nb.n; i++) {
    FUZZ_CHECK(nb.z[i] != 0, "NUL in normalized text at %zu", i);
    FUZZ_CHECK(nb.src_start[i] < nb.src_end[i] && nb.src_end[i] <= n,
               "byte %zu maps to %u-%u of %zu", i, nb.src_start[i],
               nb.src_end[i], n);
    FUZZ_CHECK(i == 0 || nb.src_start[i] >= nb.src_start[i - 1],
               "map goes backwards at %zu", i);
  }
  koai_normbuf_free(&nb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static koai_analyzer *a = NULL;
  static koai_userdict *ud = NULL;
  koai_analyze_options opt;
  morph_check c;
  const char *z;
  size_t n;
  int rc;
  if (a == NULL) {
    static const char *azWord[] = {"딥시크", "하이퍼클로바X", "오픈AI", "가",
                                   "e\xcc\x81t\xc3\xa9", "ㅋㅋ", "中國",
                                   "1,000억"};
    size_t i;
    a = koai_analyzer_new(fuzz_dictionary());
    ud = koai_userdict_new(fuzz_dictionary());
    FUZZ_CHECK(a && ud, "no analyzer");
    for (i = 0; i < sizeof(azWord) / sizeof(azWord[0]); i++) {
      koai_userdict_add(ud, azWord[i], -1, i % 2 ? "NNG" : "NNP");
    }
    koai_userdict_prepare(ud);
  }
  if (size < 1) return 0;
  z = (const char *)data + 1;
  n = size - 1;
  opt.space_penalty = data[0] & 1;
  opt.userdict = (data[0] & 2) ? ud : NULL;
  memset(&c, 0, sizeof(c));
  c.n = n;
  if (data[0] & 4) {
    size_t start = 0;
    rc = KOAI_OK;
    while (rc == KOAI_OK && start < n) {
      size_t before = start;
      rc = koai_analyze_segment(a, &opt, z, n, &start, fuzzOnMorph, &c);
      FUZZ_CHECK(start > before && start <= n, "segment %zu -> %zu of %zu",
                 before, start, n);
    }
  } else {
    rc = koai_analyze(a, &opt, z, n, fuzzOnMorph, &c);
  }
  FUZZ_CHECK(rc == KOAI_OK, "analysis failed: %d", rc);
  fuzzNormalize((const uint8_t *)z, n);
  return 0;
}
