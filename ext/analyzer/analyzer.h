/*
** analyzer.h: what the extension's own modules may see of an analyzer.
*/
#ifndef KOAI_ANALYZER_H
#define KOAI_ANALYZER_H

#include "koai.h"
#include "lattice.h"
#include "normalize.h"

typedef struct koai_word_cache koai_word_cache;

struct koai_analyzer {
  const koai_dict *d;
  koai_lattice *lattice;
  koai_normbuf nb;             /* the current segment, normalized */
  koai_word_cache *words;      /* analyses of words (words.c), lazily */
  unsigned char *word_buf;     /* " " + a word, for its lattice */
  size_t cap_word_buf;
};

/*
** Where the segment that starts at byte `start` of z[0..n) ends: at the
** next line break, or for longer lines after a sentence end or at
** whitespace within ANALYZER_MAX_SEGMENT bytes.
*/
size_t koai_segment_end(const unsigned char *z, size_t n, size_t start);

void koai_word_cache_free(koai_word_cache *);

/*
** The normalized text of the segment analysed last by
** koai_analyze_segment(); a morpheme's surface points into it.  Valid
** until the next analysis.
*/
const koai_normbuf *koai_analyzer_normbuf(const koai_analyzer *a);

#endif /* KOAI_ANALYZER_H */
