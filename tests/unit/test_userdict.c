/*
** test_userdict.c: user words take part in the analysis.
*/
#include <stdio.h>
#include <string.h>

#include "koai.h"
#include "unit.h"

typedef struct collect {
  char out[1024];
  int user;
} collect;

static int collect_morph(void *ctx, const koai_morph *m) {
  collect *c = ctx;
  size_t n = strlen(c->out);
  snprintf(c->out + n, sizeof(c->out) - n, "%s%.*s", n ? " " : "",
           m->n_surface, m->surface);
  c->user += m->kind == KOAI_MORPH_USER;
  return 0;
}

void test_userdict(void) {
  const koai_dict *d = koai_dictionary(NULL);
  koai_userdict *ud = koai_userdict_new(d);
  koai_analyzer *a = koai_analyzer_new(d);
  koai_analyze_options opt = {1, NULL};
  collect c;
  const char *z = "하이퍼클로바X가 나왔다";

  CHECK(ud != NULL, "userdict");
  memset(&c, 0, sizeof(c));
  koai_analyze(a, &opt, z, strlen(z), collect_morph, &c);
  CHECK(strstr(c.out, "하이퍼클로바X ") == NULL, "without: %s", c.out);

  CHECK(koai_userdict_add(ud, "하이퍼클로바X", -1, "NNP") == KOAI_OK, "add");
  CHECK(koai_userdict_add(ud, "ＡＢＣ", -1, "NNG") == KOAI_OK, "add full-width");
  CHECK(koai_userdict_add(ud, "x", -1, "NOPE") == KOAI_ERROR_TAG, "bad tag");
  CHECK(koai_userdict_prepare(ud) == KOAI_OK, "prepare");
  opt.userdict = ud;
  memset(&c, 0, sizeof(c));
  koai_analyze(a, &opt, z, strlen(z), collect_morph, &c);
  CHECK(strncmp(c.out, "하이퍼클로바X 가 ", strlen("하이퍼클로바X 가 ")) == 0 &&
            c.user == 1,
        "with: %s (%d user)", c.out, c.user);
  memset(&c, 0, sizeof(c));
  koai_analyze(a, &opt, "ABC를", strlen("ABC를"), collect_morph, &c);
  CHECK(strcmp(c.out, "ABC 를") == 0 && c.user == 1, "normalized word: %s",
        c.out);
  koai_analyzer_free(a);
  koai_userdict_free(ud);
}
