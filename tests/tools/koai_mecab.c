/*
** koai_mecab.c: print koai's analysis of each input line as the `mecab`
** command does ("surface TAB feature", then EOS), so that the two can be
** compared line by line.  -n switches mecab-ko's space penalty off, which
** makes the algorithm MeCab 0.996's.  -N prints each line as the analyzer
** sees it after normalization instead, to feed the same text to `mecab`.
** -t prints how long opening the dictionary took, on stderr.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "koai.h"
#include "analyzer/normalize.h"

static int print_morph(void *ctx, const koai_morph *m) {
  FILE *out = ctx;
  fwrite(m->surface, 1, (size_t)m->n_surface, out);
  fprintf(out, "\t%s\n", m->feature);
  return 0;
}

int main(int argc, char **argv) {
  koai_analyze_options opt = {1, NULL};
  const koai_dict *d;
  const char *zErr;
  koai_analyzer *a;
  char *zLine = NULL;
  size_t cap = 0;
  ssize_t n;
  int i, normalizeOnly = 0, timeOpen = 0;
  struct timespec t0, t1;
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-n") == 0) {
      opt.space_penalty = 0;
    } else if (strcmp(argv[i], "-N") == 0) {
      normalizeOnly = 1;
    } else if (strcmp(argv[i], "-t") == 0) {
      timeOpen = 1;
    } else {
      fprintf(stderr, "usage: %s [-n|-N|-t] < text\n", argv[0]);
      return 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t0);
  d = koai_dictionary(&zErr);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (timeOpen) {
    fprintf(stderr, "dictionary open: %.2f ms\n",
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
  }
  if (d == NULL) {
    fprintf(stderr, "koai_mecab: %s\n", zErr);
    return 1;
  }
  a = koai_analyzer_new(d);
  if (a == NULL) return 1;
  while ((n = getline(&zLine, &cap, stdin)) >= 0) {
    if (n > 0 && zLine[n - 1] == '\n') n--;
    if (normalizeOnly) {
      koai_normbuf nb;
      memset(&nb, 0, sizeof(nb));
      if (koai_normalize(&nb, (const unsigned char *)zLine, (size_t)n) != 0) {
        return 1;
      }
      fwrite(nb.z, 1, nb.n, stdout);
      fputc('\n', stdout);
      koai_normbuf_free(&nb);
      continue;
    }
    if (koai_analyze(a, &opt, zLine, (size_t)n, print_morph, stdout) != 0) {
      fprintf(stderr, "koai_mecab: analysis failed\n");
      return 1;
    }
    fputs("EOS\n", stdout);
  }
  free(zLine);
  koai_analyzer_free(a);
  return 0;
}
