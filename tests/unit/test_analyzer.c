/*
** test_analyzer.c: the analyzer's output, offsets, space rule and limits.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyzer/normalize.h"
#include "koai.h"
#include "unit.h"

static void test_sentence(void) {
  const char *z = "알리바바는 중국에서 말했다.";
  const char *zGot = unit_analyze(z, strlen(z), 1);
  CHECK(strcmp(zGot, "알리바바/NNP@0-12 는/JX@12-15 중국/NNP@16-22 "
                     "에서/JKB@22-28 말/NNG@29-32 했/XSV+EP@32-35 "
                     "다/EF@35-38 ./SF@38-39") == 0,
        "got %s", zGot);
}

static void test_mixed_scripts(void) {
  const char *z = "오픈AI가 GPT-4를";
  const char *zGot = unit_analyze(z, strlen(z), 1);
  CHECK(strcmp(zGot, "오픈/NNG@0-6 AI/SL@6-8 가/JKS@8-11 GPT/SL@12-15 "
                     "-/SY@15-16 4/SN@16-17 를/JKO@17-20") == 0,
        "got %s", zGot);
}

/* mecab-ko's rule: no particle right after a space. */
static void test_space_penalty(void) {
  const char *z = "김 이 사장";
  const char *zOn, *zOff;
  char buf[256];
  zOn = unit_analyze(z, strlen(z), 1);
  snprintf(buf, sizeof(buf), "%s", zOn);
  zOff = unit_analyze(z, strlen(z), 0);
  CHECK(strcmp(buf, "김/NNP@0-3 이/MM@4-7 사장/NNG@8-14") == 0, "with: %s", buf);
  CHECK(strcmp(zOff, "김/NNP@0-3 이/JKS@4-7 사장/NNG@8-14") == 0, "without: %s",
        zOff);
}

/* A line break counts as whitespace before what follows it. */
static void test_penalty_after_line_break(void) {
  const char *z = "김\n이 사장";
  const char *zGot = unit_analyze(z, strlen(z), 1);
  CHECK(strcmp(zGot, "김/NNP@0-3 이/MM@4-7 사장/NNG@8-14") == 0, "got %s", zGot);
}

/* Decomposed and full-width input: same morphemes, input offsets. */
static void test_offsets_after_normalization(void) {
  const char *zNfd = "\xe1\x84\x8c\xe1\x85\xae\xe1\x86\xbc"   /* 중 */
                     "\xe1\x84\x80\xe1\x85\xae\xe1\x86\xa8"   /* 국 */
                     "\xe1\x84\x8b\xe1\x85\xb5 ＡＩ";          /* 이 ＡＩ */
  const char *zGot = unit_analyze(zNfd, strlen(zNfd), 1);
  CHECK(strcmp(zGot, "중국/NNP@0-18 이/JKS@18-24 AI/SL@25-31") == 0, "got %s",
        zGot);
}

typedef struct offset_check {
  const char *text;
  size_t n;
  size_t last_end;
  int bad;
  int count;
} offset_check;

/* Every morpheme's input slice, normalized, is its surface. */
static int check_morph_offsets(void *ctx, const koai_morph *m) {
  offset_check *c = ctx;
  koai_normbuf nb;
  memset(&nb, 0, sizeof(nb));
  c->count++;
  if (m->start < c->last_end || m->end <= m->start || m->end > c->n) {
    c->bad++;
    return 0;
  }
  c->last_end = m->end;
  koai_normalize(&nb, (const unsigned char *)c->text + m->start,
                 m->end - m->start);
  if (nb.n != (size_t)m->n_surface || memcmp(nb.z, m->surface, nb.n) != 0) {
    c->bad++;
  }
  koai_normbuf_free(&nb);
  return 0;
}

static offset_check analyze_offsets(koai_analyzer *a, const char *z, size_t n) {
  offset_check c = {z, n, 0, 0, 0};
  koai_analyze(a, NULL, z, n, check_morph_offsets, &c);
  return c;
}

static void test_offsets_everywhere(void) {
  const char z[] = "중국의 \xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf리바바(ＡＬＩ)는\0"
                   " 3.5% 성장\xff했다.\r\n\t１,０００억 달러 中國 e\xcc\x81t\xc3\xa9 "
                   "\xf0\x9f\x98\x80 😀😀 끝";
  koai_analyzer *a = koai_analyzer_new(koai_dictionary(NULL));
  offset_check c = analyze_offsets(a, z, sizeof(z) - 1);
  CHECK(c.bad == 0 && c.count > 20, "%d bad offsets among %d morphemes", c.bad,
        c.count);
  koai_analyzer_free(a);
}

static char *repeat(const char *unit, size_t total, size_t *pn) {
  size_t u = strlen(unit), n = 0;
  char *z = malloc(total + u + 1);
  while (n + u <= total) {
    memcpy(z + n, unit, u);
    n += u;
  }
  z[n] = 0;
  *pn = n;
  return z;
}

static double seconds_to_analyze(koai_analyzer *a, const char *z, size_t n,
                                 offset_check *pc) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  *pc = analyze_offsets(a, z, n);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Large and pathological inputs finish, with valid offsets, linearly. */
static void test_large_inputs(void) {
  static const struct {
    const char *name, *unit;
  } aCase[] = {
      {"no spaces", "알리바바가중국에서말했다"},
      {"particles", "은 "},
      {"particles without spaces", "은는이가을를"},
      {"digits", "1234567890"},
      {"hanja", "中國經濟"},
      {"one syllable", "가"},
      {"latin", "abcdefghij"},
  };
  koai_analyzer *a = koai_analyzer_new(koai_dictionary(NULL));
  size_t i;
  for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    size_t n1, n8;
    char *z1 = repeat(aCase[i].unit, 1 << 19, &n1);
    char *z8 = repeat(aCase[i].unit, 1 << 22, &n8);
    offset_check c1, c8;
    double t1 = seconds_to_analyze(a, z1, n1, &c1);
    double t8 = seconds_to_analyze(a, z8, n8, &c8);
    CHECK(c1.bad == 0 && c8.bad == 0 && c8.count > 0, "%s: %d/%d bad offsets",
          aCase[i].name, c1.bad, c8.bad);
    /* 8 times the text: linear time gives about 8x; allow noise. */
    CHECK(t8 < 24 * t1 + 0.05, "%s: %.3fs for 512 KiB but %.3fs for 4 MiB",
          aCase[i].name, t1, t8);
    free(z1);
    free(z8);
  }
  koai_analyzer_free(a);
}

static void test_empty_and_whitespace(void) {
  CHECK(strcmp(unit_analyze("", 0, 1), "") == 0, "empty");
  CHECK(strcmp(unit_analyze(" \n\t  ", 5, 1), "") == 0, "whitespace");
  CHECK(strcmp(unit_analyze("\xff\xfe", 2, 1), "") == 0, "invalid bytes");
}

void test_analyzer(void) {
  test_sentence();
  test_mixed_scripts();
  test_space_penalty();
  test_penalty_after_line_break();
  test_offsets_after_normalization();
  test_offsets_everywhere();
  test_empty_and_whitespace();
  test_large_inputs();
}
