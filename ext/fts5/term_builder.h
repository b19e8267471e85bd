/*
** term_builder.h: the state of a term builder, shared by index_terms.c
** (morphemes to terms) and word_stems.c (the terms a stem is searched by).
** Private to ext/fts5.
*/
#ifndef KOAI_TERM_BUILDER_H
#define KOAI_TERM_BUILDER_H

#include <stddef.h>

#include "../analyzer/analyzer.h"
#include "../analyzer/morph.h"
#include "index_terms.h"

/* What a part of a word does for the index. */
#define PART_NOMINAL 1   /* noun, foreign word, hanja, number: joins compounds */
#define PART_PREDICATE 2 /* verb or adjective: its lemma */
#define PART_DERIVE 3    /* 하/되 suffix: makes a predicate of what precedes */
#define PART_ROOT 4      /* XR: a root that a suffix makes a predicate */
#define PART_SKIP 5      /* particle, ending, copula, punctuation */
#define PART_OTHER 6     /* indexed alone when its tag is */

typedef struct word_part {
  int cls;
  int morph;             /* which morpheme of the word it comes from */
  int lost;              /* its word's terms left it out (word_stems.c) */
  char tag[8];           /* head tag, NUL-terminated */
  size_t start, end;     /* input offsets */
  size_t text_off;       /* normalized surface in the builder's buffer */
  int text_len;
  size_t lemma_off;      /* stem + 다 for predicates and suffixes */
  int lemma_len;
} word_part;

/* What a feature string says about the index, parsed once per string. */
typedef struct feature_info {
  const char *feature;   /* the dictionary's string: the key */
  koai_feature f;
  char head[8];          /* head tag: VV of VV+EP, first tag of Inflect */
  int cls;               /* PART_* */
  int compound;          /* a dictionary compound, split into parts */
} feature_info;

#define FEATURE_CACHE_SIZE 8192   /* a power of two */

/*
** A term of the buffered word.  A word's terms are held until the word is
** complete, because whether its analysis lost part of it (and so which
** terms it gives) is known only then.
*/
typedef struct word_term {
  size_t text_off;       /* folded text in the builder's term buffer */
  int text_len;
  int colocated;
  size_t start, end;
  int twin;              /* held terms: give the choseong twin too */
  int held;              /* recorded terms: it was held for a join */
} word_term;

typedef struct koai_term_cache koai_term_cache;

/* Whether a trailing run of text is particles and endings (word_stems.c),
** remembered by its bytes. */
#define KOAI_RUN_MEMO_SIZE 1024   /* a power of two */
typedef struct stem_run_memo {
  unsigned char key[15];  /* up to five Hangul syllables */
  unsigned char n_key;
  unsigned char is_run;
} stem_run_memo;

struct koai_term_builder {
  feature_info *features;  /* direct-mapped by the string's address */
  const koai_dict *d;
  koai_analyzer *analyzer;
  word_part *parts;
  int n_parts, cap_parts;
  int n_morphs;          /* morphemes of the buffered word so far */
  char *buf;             /* surfaces and lemmas of the buffered word */
  size_t n_buf, cap_buf;
  char *out;             /* a term being assembled */
  size_t cap_out;
  char *cho;             /* the choseong twin of a term (option choseong) */
  size_t cap_cho;
  word_term *terms;      /* the buffered word's terms, then its stems */
  int n_terms, cap_terms;
  int n_word_terms;      /* how many of them are not stems */
  /* The last piece of the previous word, held for a join (word_joins.c) */
  word_term *held;       /* its terms, not yet passed on */
  int n_held, cap_held;
  char *held_buf;
  size_t n_held_buf, cap_held_buf;
  int holding;           /* koai_terms_deliver() holds instead of passing */
  char *join;            /* its text, when a noun may go on in the next word */
  size_t n_join, cap_join;
  size_t join_start;     /* where it starts in the input */
  stem_run_memo *run_memo;  /* lazily */
  /* The terms of words seen before (term_cache.c), and the word being
  ** recorded for it */
  koai_term_cache *cache;
  const koai_term_options *cache_opts;   /* what the cache was made with */
  int recording;
  word_term *rec;
  int n_rec, cap_rec;
  char *rec_buf;
  size_t n_rec_buf, cap_rec_buf;
  int rec_flushed;       /* the word was turned into terms */
  size_t rec_join_to;    /* its first stem: bytes [0, rec_join_to) */
  size_t rec_last_from, rec_last_to;   /* its last piece, for a join */
  char *term_buf;        /* their folded texts */
  size_t n_term_buf, cap_term_buf;
  char *word;            /* the buffered word's text, parts joined */
  size_t cap_word;
  size_t *word_ends;     /* by part: where it ends in `word` */
  int cap_word_ends;
  /* the current call */
  const koai_term_options *opts;
  int mode;
  koai_term_fn xTerm;
  void *ctx;
  int rc;
};

/* Case-fold z[0..n) into b->out; returns the folded length or -1. */
int koai_terms_fold(koai_term_builder *b, const char *z, int n);

/* Add the folded term b->out[0..n) to the buffered word's terms. */
int koai_terms_push(koai_term_builder *b, int colocated, int n, size_t start,
                    size_t end);

/* Hand one finished term to the caller, with its choseong twin if asked
** (documents only), or hold it while b->holding.  Returns b->rc. */
int koai_terms_deliver(koai_term_builder *b, int colocated, const char *z,
                       int n, size_t start, size_t end, int withTwin);

/* Hand one term to the caller now.  Returns b->rc. */
int koai_terms_pass(koai_term_builder *b, int colocated, const char *z, int n,
                    size_t start, size_t end, int withTwin);

/* word_stems.c: 1 when z[0..n) is a noun of the dictionary (not an
** inflected form): a common or proper noun, or with namesAndCommonOnly 0
** also a bound noun, numeral or pronoun. */
int koai_terms_dictionary_noun(const koai_dict *d, const char *z, size_t n,
                               int namesAndCommonOnly);

/* word_joins.c: hold a term; pass the held ones on; remember the text of
** a word's last piece, a noun; and with the next word's first stem, add
** the two joined beside the held terms, then pass them on. */
int koai_joins_hold(koai_term_builder *b, int colocated, const char *z, int n,
                    size_t start, size_t end, int withTwin);
void koai_joins_release(koai_term_builder *b);
int koai_joins_remember(koai_term_builder *b, const char *z, size_t n,
                        size_t start);
int koai_joins_next_word(koai_term_builder *b, const char *zStem,
                         size_t nStem, size_t stemEnd);

/* Deliver the buffered word's terms (b->terms), with its stems for a
** document, or searched as a whole for a query when its analysis lost a
** part of it (word_stems.c). */
void koai_terms_finish_word(koai_term_builder *b);

/* term_cache.c: give a word seen before its terms (1) or not (0); start
** recording a word; record one of its terms; keep the recorded word. */
int koai_term_cache_replay(koai_term_builder *b, const koai_word_view *w);
void koai_term_cache_begin(koai_term_builder *b, const koai_word_view *w);
int koai_term_cache_record(koai_term_builder *b, int colocated, const char *z,
                           int n, size_t start, size_t end, int withTwin);
void koai_term_cache_store(koai_term_builder *b, const koai_word_view *w);
void koai_term_cache_free(koai_term_cache *c);

#endif /* KOAI_TERM_BUILDER_H */
