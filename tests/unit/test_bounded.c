/*
** test_bounded.c: bounded resources (issue 5).
**
**   - Cutting long text into segments changes nothing where the text has
**     boundaries: the morphemes of koai_analyze() over lines far longer
**     than a segment, made of sentences, are exactly those of one lattice
**     over each whole line (uncut, which needs memory for the whole line).
**   - The tokenizer's terms and ai_entities' engine take linear time on
**     worst cases (no spaces, only particles, only digits, only hanja, one
**     repeated syllable, news text): 8 times the text must not take much
**     more than 8 times as long.  (The analyzer's own check is in
**     test_analyzer.c; memory, in tests/tools/alloc_test.c.)
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyzer/lattice.h"
#include "analyzer/normalize.h"
#include "entities/entities.h"
#include "entities/gazetteer.h"
#include "fts5/index_terms.h"
#include "koai.h"
#include "unit.h"

typedef struct morph_list {
  size_t *a;     /* start, end, posid for each morpheme */
  size_t n, cap;
  size_t base;   /* added to every offset */
} morph_list;

static void list_add(morph_list *l, size_t s, size_t e, size_t posid) {
  if (l->n + 3 > l->cap) {
    l->cap = l->cap ? l->cap * 2 : 4096;
    l->a = realloc(l->a, l->cap * sizeof(size_t));
    if (l->a == NULL) abort();
  }
  l->a[l->n++] = l->base + s;
  l->a[l->n++] = l->base + e;
  l->a[l->n++] = posid;
}

static int collect_morph(void *ctx, const koai_morph *m) {
  list_add(ctx, m->start, m->end, m->posid);
  return 0;
}

/* The best path of one lattice over z[0..n), without cutting it. */
static void analyze_uncut(const char *z, size_t n, morph_list *out) {
  const koai_dict *d = koai_dictionary(NULL);
  koai_lattice *L = koai_lattice_new(d);
  koai_normbuf nb;
  lattice_node **aPath;
  int nPath = 0, i;
  memset(&nb, 0, sizeof(nb));
  koai_normalize(&nb, (const unsigned char *)z, n);
  if (koai_lattice_best_path(L, nb.z, (uint32_t)nb.n, 1, NULL, 0, &aPath,
                             &nPath) == KOAI_OK) {
    for (i = 0; i < nPath; i++) {
      const lattice_node *p = aPath[i];
      if (p->length == 0) continue;
      list_add(out, nb.src_start[p->begin],
               nb.src_end[p->begin + p->length - 1], p->posid);
    }
  }
  koai_normbuf_free(&nb);
  koai_lattice_free(L);
}

static void test_segments_change_nothing(void) {
  static const char *azSentence[] = {
      "알리바바는 새 언어모델을 공개했다고 밝혔다. ",
      "오픈AI가 GPT-4를 발표하며 120억달러 투자를 언급했다! ",
      "中國 經濟는 지난해 말 5% 성장했다? ",
      "하이퍼클로바X와 딥시크가 맞붙었다. ",
  };
  size_t nText = 0, i, k, start;
  char *z = malloc(400000);
  morph_list cut = {0, 0, 0, 0}, uncut = {0, 0, 0, 0};
  int lines = 0;
  /* Four lines of about 90 KB each: each line is cut into segments. */
  for (k = 0; k < 4; k++) {
    for (i = 0; nText < (k + 1) * 90000; i++) {
      const char *s = azSentence[(i * 3 + k) % 4];
      memcpy(z + nText, s, strlen(s));
      nText += strlen(s);
    }
    z[nText++] = '\n';
  }
  {
    koai_analyzer *a = koai_analyzer_new(koai_dictionary(NULL));
    koai_analyze(a, NULL, z, nText, collect_morph, &cut);
    koai_analyzer_free(a);
  }
  for (start = 0; start < nText; lines++) {
    char *nl = memchr(z + start, '\n', nText - start);
    size_t end = nl ? (size_t)(nl - z) : nText;
    uncut.base = start;
    analyze_uncut(z + start, end - start, &uncut);
    start = end + 1;
  }
  CHECK(lines == 4 && cut.n > 30000 && cut.n == uncut.n &&
            memcmp(cut.a, uncut.a, cut.n * sizeof(size_t)) == 0,
        "%zu morphemes cut into segments, %zu uncut", cut.n / 3,
        uncut.n / 3);
  free(cut.a);
  free(uncut.a);
  free(z);
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

static int count_term(void *ctx, int colocated, const char *z, int n,
                      size_t s, size_t e) {
  (void)colocated;
  (void)z;
  (void)n;
  (void)s;
  (void)e;
  ++*(long *)ctx;
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Seconds for the tokenizer (0) or ai_entities' engine (1) over z. */
static double seconds_for(int what, const char *z, size_t n, long *pCount) {
  const koai_dict *d = koai_dictionary(NULL);
  double t0 = now(), t1;
  *pCount = 0;
  if (what == 0) {
    koai_term_builder *b = koai_term_builder_new(d);
    koai_term_options opts;
    memset(&opts, 0, sizeof(opts));
    koai_terms(b, &opts, KOAI_TERMS_DOCUMENT, z, n, count_term, pCount);
    koai_term_builder_free(b);
  } else {
    koai_entity_finder *f =
        koai_entity_finder_new(d, koai_gazetteer_builtin(NULL));
    koai_entity_list list;
    memset(&list, 0, sizeof(list));
    koai_find_entities(f, z, n, NULL, NULL, &list);
    *pCount = list.n + 1;
    koai_entity_list_free(&list);
    koai_entity_finder_free(f);
  }
  t1 = now();
  return t1 - t0;
}

static void test_linear_time(void) {
  static const struct {
    const char *name, *unit;
  } aCase[] = {
      {"news", "오픈AI는 지난달 120억달러(16조5000억원) 투자를 언급했다. "},
      {"no spaces", "알리바바가중국에서말했다"},
      {"particles", "은는이가을를"},
      {"digits", "1234567890"},
      {"hanja", "中國經濟"},
      {"one syllable", "가"},
  };
  size_t i;
  int what;
  for (what = 0; what < 2; what++) {
    /* The tokenizer: 512 KiB and 4 MiB; ai_entities, slower: 256 KiB and
    ** 2 MiB.  Linear time gives about 8 times as long; allow noise. */
    size_t small = what == 0 ? 1 << 19 : 1 << 18;
    for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
      size_t n1, n8;
      char *z1 = repeat(aCase[i].unit, small, &n1);
      char *z8 = repeat(aCase[i].unit, small * 8, &n8);
      long c1, c8;
      double t1 = seconds_for(what, z1, n1, &c1);
      double t8 = seconds_for(what, z8, n8, &c8);
      CHECK(c8 > 0 && t8 < 24 * t1 + 0.05,
            "%s, %s: %.3fs for %zu KiB but %.3fs for %zu KiB",
            what ? "ai_entities" : "tokenizer", aCase[i].name, t1,
            small >> 10, t8, (small * 8) >> 10);
      free(z1);
      free(z8);
    }
  }
}

void test_bounded(void) {
  test_segments_change_nothing();
  test_linear_time();
}
