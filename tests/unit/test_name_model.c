/*
** test_name_model.c: the name model's weight file and its reader.
**
** The shipped weights (sql/name_weights.tsv, compiled in) must fit the
** features the code computes: a stale file would leave the model out
** silently, so this test is what catches it.  The reader's errors are
** checked on small texts written here.
*/
#include <string.h>

#include "entities/name_model.h"
#include "unit.h"

static void test_shipped_weights(void) {
  ent_name_model m;
  char zErr[128] = "";
  int rc = ent_name_model_parse(&m, koai_name_weights_tsv, zErr, sizeof(zErr));
  CHECK(rc == 0, "shipped weights: %s", zErr);
  CHECK(m.n_features == ent_feature_count(), "%d features", m.n_features);
  CHECK(ent_feature_count() <= ENT_MAX_FEATURES, "%d", ent_feature_count());
  /* the dictionary's person class speaks for PERSON, a common noun against */
  {
    int f, person = -1, common = -1;
    for (f = 0; f < ent_feature_count(); f++) {
      if (strcmp(ent_feature_name(f), "dict_person") == 0) person = f;
      if (strcmp(ent_feature_name(f), "bare_common_noun") == 0) common = f;
    }
    CHECK(person >= 0 && m.w[person][0] > 0, "dict_person weight");
    CHECK(common >= 0, "bare_common_noun is a feature");
  }
}

/* A weight file with every feature at weight w for PERSON, 0 elsewhere. */
static void unit_weights(char *z, size_t cap, const char *zW,
                         const char *zSkip) {
  int f;
  size_t n = (size_t)snprintf(z, cap, "# test\nfeature\tPERSON\tORG\tPRODUCT\tGPE\n");
  for (f = 0; f < ent_feature_count() && n < cap; f++) {
    if (zSkip && strcmp(ent_feature_name(f), zSkip) == 0) continue;
    n += (size_t)snprintf(z + n, cap - n, "%s\t%s\t0\t0\t0\n",
                          ent_feature_name(f), zW);
  }
}

static void test_reader_errors(void) {
  static char z[16384];
  ent_name_model m;
  char zErr[128];
  unit_weights(z, sizeof(z), "1.5", NULL);
  CHECK(ent_name_model_parse(&m, z, zErr, sizeof(zErr)) == 0, "%s", zErr);
  CHECK(m.w[0][0] == 1.5 && m.w[0][1] == 0.0, "%g %g", m.w[0][0], m.w[0][1]);
  unit_weights(z, sizeof(z), "1.5", "dict_person");
  CHECK(ent_name_model_parse(&m, z, zErr, sizeof(zErr)) != 0 &&
            strcmp(zErr, "name weights: no line for feature dict_person") == 0,
        "missing: %s", zErr);
  unit_weights(z, sizeof(z), "x", NULL);
  CHECK(ent_name_model_parse(&m, z, zErr, sizeof(zErr)) != 0 &&
            strcmp(zErr, "name weights line 3: bad weight") == 0,
        "bad: %s", zErr);
  CHECK(ent_name_model_parse(&m, "feature\tPERSON\tORG\tPRODUCT\tGPE\n"
                                 "no_such\t1\t2\t3\t4\n",
                             zErr, sizeof(zErr)) != 0 &&
            strcmp(zErr, "name weights line 2: unknown feature no_such") == 0,
        "unknown: %s", zErr);
  CHECK(ent_name_model_parse(&m, "feature\tPERSON\tORG\tPRODUCT\tGPE\n"
                                 "bias 1 2 3 4\n",
                             zErr, sizeof(zErr)) != 0 &&
            strcmp(zErr, "name weights line 2: no tab") == 0,
        "no tab: %s", zErr);
  CHECK(ent_name_model_parse(&m, "feature\tPERSON\tORG\tPRODUCT\tGPE\n"
                                 "bias\t1\t2\t3\n",
                             zErr, sizeof(zErr)) != 0 &&
            strcmp(zErr, "name weights line 2: bad weight") == 0,
        "short: %s", zErr);
}

void test_name_model(void) {
  test_shipped_weights();
  test_reader_errors();
}
