/*
** index_terms.h: from morphemes to the terms a full-text index holds.
**
** The `korean` tokenizer uses this.  Each word (a run without whitespace)
** is analysed on its own by koai_analyze_words(), so that a word gets the
** same terms in every document and query, and frequent words are analysed
** once.  Each word gives its terms:
**   - nouns, foreign words, hanja and numbers written together form a
**     compound: its parts are terms at successive positions, and the whole
**     is a term at the first part's position (colocated);
**   - verbs and adjectives give their lemma (밝혔다 -> 밝히다), and a noun or
**     root followed by 하다/되다-style suffixes gives the derived lemma
**     (발표했다 -> 발표하다) at the noun's position;
**   - particles, endings, the copula and punctuation give nothing;
**   - Latin letters are case-folded.
** Query text gives the terms that find all of those: the parts of a
** compound as a phrase, the lemma of a derived verb.
*/
#ifndef KOAI_INDEX_TERMS_H
#define KOAI_INDEX_TERMS_H

#include <stddef.h>

#include "koai.h"

#define KOAI_COMPOUND_MIXED 0    /* parts, and the whole colocated */
#define KOAI_COMPOUND_PARTS 1    /* parts only */
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
