/*
** index_terms.h: from morphemes to the terms a full-text index holds.
**
** The `korean` tokenizer uses this.  Each word (a run without whitespace)
** is analysed on its own by koai_analyze_words(), so that a word gets the
** same terms in every document and query, and frequent words are analysed
** once.  Each word gives its terms (index_terms.c):
**   - nouns, foreign words, hanja and numbers written together form a
**     compound: its parts are terms, and so are the whole and the runs of
**     parts within it;
**   - verbs and adjectives give their lemma (밝혔다 -> 밝히다), and a noun or
**     root followed by 하다/되다-style suffixes gives the derived lemma
**     (발표했다 -> 발표하다) beside the noun;
**   - particles, endings, the copula and punctuation give nothing;
**   - Latin letters are case-folded.
** Then (word_stems.c) a query word whose analysis lost or cut a part of it
** is searched as the word itself, and a document word gets what such a
** query searches, for itself and its stems; a word's terms share one
** position (with `compound parts`, each part has its own).  A dictionary
** noun written as two words is joined (word_joins.c).
*/
#ifndef KOAI_INDEX_TERMS_H
#define KOAI_INDEX_TERMS_H

#include <stddef.h>

#include "koai.h"

#define KOAI_COMPOUND_MIXED 0    /* parts and wholes at the word's position */
#define KOAI_COMPOUND_PARTS 1    /* parts only, each at a position */
#define KOAI_COMPOUND_WHOLE 2    /* the whole only */

#define KOAI_TERMS_DOCUMENT 0
#define KOAI_TERMS_QUERY 1
#define KOAI_TERMS_PREFIX 2      /* a query term followed by '*' */

#define KOAI_MAX_TAG_PATTERNS 64

typedef struct koai_term_options {
  int compound;
  int n_tags;                              /* 0: the default tag set */
  char tags[KOAI_MAX_TAG_PATTERNS][12];    /* "NNG", "NN*", ... */
  int choseong;                            /* also index initial consonants */
  const koai_userdict *userdict;
} koai_term_options;

/* Receives each term: colocated is 1 when it shares the previous position. */
typedef int (*koai_term_fn)(void *ctx, int colocated, const char *z, int n,
                            size_t start, size_t end);

typedef struct koai_term_builder koai_term_builder;

koai_term_builder *koai_term_builder_new(const koai_dict *d);
void koai_term_builder_free(koai_term_builder *);

/*
** Produce the terms of text[0..n) in the given mode.  Returns 0, a
** KOAI_ERROR_ code, or the first non-zero value returned by xTerm.
*/
int koai_terms(koai_term_builder *, const koai_term_options *, int mode,
               const char *text, size_t n, koai_term_fn xTerm, void *ctx);

/* 1 when the tag (the head tag of a morpheme) is indexed by opts. */
int koai_terms_tag_indexed(const koai_term_options *opts, const char *zTag,
                           int nTag);

#endif /* KOAI_INDEX_TERMS_H */
