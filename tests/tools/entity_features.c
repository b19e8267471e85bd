/*
** entity_features: print ai_entities' name candidates and their features,
** the input of scripts/fit-name-weights.py.
**
**   KOAI_DICDIR=dist/mecab-ko-dic build/rel/bin/entity_features < texts
**
** Each input line is one text.  For each candidate it prints
**   line<TAB>start<TAB>end<TAB>feature,feature,...
** with 0-based line numbers and character (code point) offsets into the
** line, end exclusive, as ai_entities reports them.  The first output line
** lists the feature names in their order.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities/entities.h"
#include "koai.h"

typedef struct dump_state {
  const char *z;      /* the current line */
  long line;
} dump_state;

/* Code points in z[0, n). */
static long dump_chars(const char *z, size_t n) {
  long c = 0;
  size_t i;
  for (i = 0; i < n; i++) c += ((unsigned char)z[i] & 0xc0) != 0x80;
  return c;
}

static void dump_candidate(void *arg, size_t start, size_t end, uint64_t x) {
  dump_state *st = arg;
  int f, first = 1;
  printf("%ld\t%ld\t%ld\t", st->line, dump_chars(st->z, start),
         dump_chars(st->z, end));
  for (f = 0; f < ent_feature_count(); f++) {
    if (x & (1ull << f)) {
      printf("%s%s", first ? "" : ",", ent_feature_name(f));
      first = 0;
    }
  }
  printf("\n");
}

int main(void) {
  const char *zErr = NULL;
  const koai_dict *d = koai_dictionary(&zErr);
  const koai_gazetteer *g;
  koai_entity_finder *f;
  koai_entity_list out;
  dump_state st;
  char *zLine = NULL;
  size_t cap = 0;
  ssize_t n;
  int i, rc = 0;
  if (d == NULL) {
    fprintf(stderr, "entity_features: %s\n", zErr);
    return 1;
  }
  g = koai_gazetteer_builtin(&zErr);
  if (g == NULL) {
    fprintf(stderr, "entity_features: %s\n", zErr);
    return 1;
  }
  f = koai_entity_finder_new(d, g);
  if (f == NULL) {
    fprintf(stderr, "entity_features: out of memory\n");
    return 1;
  }
  memset(&out, 0, sizeof(out));
  memset(&st, 0, sizeof(st));
  koai_entity_finder_set_sink(f, dump_candidate, &st);
  for (i = 0; i < ent_feature_count(); i++) {
    printf("%s%s", i ? "," : "#features\t", ent_feature_name(i));
  }
  printf("\n");
  while ((n = getline(&zLine, &cap, stdin)) >= 0) {
    if (n > 0 && zLine[n - 1] == '\n') zLine[--n] = 0;
    st.z = zLine;
    rc = koai_find_entities(f, zLine, (size_t)n, NULL, NULL, &out);
    if (rc != 0) {
      fprintf(stderr, "entity_features: error %d on line %ld\n", rc, st.line);
      break;
    }
    koai_entity_list_clear(&out);
    st.line++;
  }
  koai_entity_list_free(&out);
  koai_entity_finder_free(f);
  free(zLine);
  return rc != 0;
}
