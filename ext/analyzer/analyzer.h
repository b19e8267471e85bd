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

/*
** A word of koai_analyze_words_each(): its normalized text, and where each
** of its bytes came from in the input (byte j from input bytes
** [base + src_start[j], base + src_end[j])).  Valid during the callback.
*/
typedef struct koai_word_view {
  const char *z;
  size_t n;
  const unsigned char *in;     /* the input, from offset base on */
  size_t base;
  const uint32_t *src_start;
  const uint32_t *src_end;
} koai_word_view;

/* Returns 0 to go on, or a value that stops the analysis (xBegin: 1 skips
** the word's morphemes instead, for a caller that has its result). */
typedef int (*koai_word_fn)(void *ctx, const koai_word_view *w);

#define KOAI_WORD_SKIP 1

/*
** koai_analyze_words() with a call before each word's morphemes (xBegin)
** and after them (xEnd); either may be NULL.
*/
int koai_analyze_words_each(koai_analyzer *, const koai_analyze_options *,
                            const char *text, size_t n, koai_word_fn xBegin,
                            koai_morph_fn xMorph, koai_word_fn xEnd,
                            void *ctx);

#endif /* KOAI_ANALYZER_H */
