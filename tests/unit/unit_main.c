/*
** unit_main.c: runs koai's C unit tests; prints "N passed, N failed".
*/
#include <stdlib.h>
#include <string.h>

#include "koai.h"
#include "unit.h"

int unit_passed = 0, unit_failed = 0;

typedef struct render {
  char *z;
  size_t n, cap;
} render;

static int unit_render_morph(void *ctx, const koai_morph *m) {
  render *r = ctx;
  char buf[512];
  const char *zComma = strchr(m->feature, ',');
  int nTag = zComma ? (int)(zComma - m->feature) : (int)strlen(m->feature);
  int n = snprintf(buf, sizeof(buf), "%s%.*s/%.*s@%zu-%zu", r->n ? " " : "",
                   m->n_surface, m->surface, nTag, m->feature, m->start,
                   m->end);
  if (r->n + (size_t)n + 1 > r->cap) {
    r->cap = (r->n + (size_t)n + 1) * 2;
    r->z = realloc(r->z, r->cap);
    if (r->z == NULL) abort();
  }
  memcpy(r->z + r->n, buf, (size_t)n + 1);
  r->n += (size_t)n;
  return 0;
}

const char *unit_analyze(const char *zText, size_t n, int spacePenalty) {
  static render r;
  koai_analyze_options opt = {spacePenalty, NULL};
  const koai_dict *d = koai_dictionary(NULL);
  koai_analyzer *a = koai_analyzer_new(d);
  r.n = 0;
  if (r.z) r.z[0] = 0;
  if (a == NULL) return "(no analyzer)";
  koai_analyze(a, &opt, zText, n, unit_render_morph, &r);
  koai_analyzer_free(a);
  return r.z ? r.z : "";
}

int main(void) {
  const char *zErr = NULL;
  if (koai_dictionary(&zErr) == NULL) {
    printf("unit: cannot open the dictionary: %s\n", zErr);
    printf("unit: 0 passed, 1 failed\n");
    return 1;
  }
  test_normalize();
  test_analyzer();
  test_dictionary();
  test_userdict();
  test_numeric_entities();
  test_name_model();
  test_bounded();
  printf("unit: %d passed, %d failed\n", unit_passed, unit_failed);
  return unit_failed ? 1 : 0;
}
