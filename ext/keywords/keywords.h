/*
** keywords.h: the keywords of a text (ai_keywords' engine).
**
** A text is analysed and its nouns grouped into candidates:
**   - every noun (NNG, NNP), Latin word (SL) and hanja word (SH), Latin
**     case-folded as the `korean` tokenizer folds it;
**   - every word made of several of them written together (언어모델,
**     오픈AI), with a prefix (고대역폭) and digits glued to Latin (H100);
**   - every run of two or three such words in a row (인공지능 모델, 국내
**     AI 스타트업), when nothing but a space separates them.
** A name of the gazetteer that the analyzer cuts into pieces (앤트로픽 as
** 앤트 + 로 + 픽) is kept whole.  Particles, endings, suffixes, numbers
** alone, the noun of a verb made with 하다/되다 (투자했다) and nouns of
** time and sequence (올해, 뒤, 관계자) are never candidates.  Candidates spelled with
** the same letters are one (오픈소스 and 오픈 소스), shown as first written.
**
** Each candidate is scored tf * idf: how often it occurs in the text, and
** a weight for how rare it is in general (see koai_keywords_score).  A
** candidate that never occurs outside one longer candidate (언어모델 inside
** 대규모 언어모델, as often) is dropped for it.
*/
#ifndef KOAI_KEYWORDS_H
#define KOAI_KEYWORDS_H

#include <stddef.h>

#include "koai.h"

typedef struct koai_keywords koai_keywords;

struct koai_gazetteer;

/*
** A reusable keyword extractor (its analyzer and working memory).  names
** (may be NULL) is a gazetteer whose names are kept whole when the
** analyzer cuts them (앤트로픽 as 앤트 + 로 + 픽): koai's shipped one.
*/
koai_keywords *koai_keywords_new(const koai_dict *d,
                                 const struct koai_gazetteer *names);
void koai_keywords_free(koai_keywords *);

/*
** Find the candidates of text[0..n), forgetting the previous text's.
** Returns 0 or KOAI_ERROR_NOMEM.
*/
int koai_keywords_extract(koai_keywords *, const char *text, size_t n);

/*
** A corpus's document frequency of a keyword, z[0..n) as it is shown (its
** words separated by spaces): store in *pDf how many documents have it,
** or -1 for none.  A non-zero return is an error and stops the scoring.
*/
typedef int (*koai_keywords_df_fn)(void *ctx, const char *z, int n,
                                   long long *pDf);

/*
** Score the candidates and sort them, best first (ties: the one that
** occurs first in the text, then the longer, then by bytes).
**
** With xDf NULL, the weight of a candidate is a prior from the dictionary:
** the cost of its rarest noun divided by mecab-ko-dic's cost factor
** (800), which grows with the word's rarity in the corpus the dictionary
** was trained on; Latin, hanja, user and unknown words and names, which
** have no cost of their own, count as a rare noun
** (KOAI_KEYWORDS_UNSEEN_COST).
**
** With xDf, the weight is the BM25 idf of the candidate in a corpus of
** nDocs documents, log(1 + (nDocs - df + 0.5) / (df + 0.5)).
**
** Returns 0, KOAI_ERROR_NOMEM, or the error xDf returned.
*/
int koai_keywords_score(koai_keywords *, koai_keywords_df_fn xDf, void *ctx,
                        long long nDocs);

/* Number of scored keywords (after koai_keywords_score). */
int koai_keywords_count(const koai_keywords *);

/* Keyword i (0 is the best): its text in *pz (n bytes, NUL-terminated)
** and its score. */
void koai_keywords_get(const koai_keywords *, int i, const char **pz, int *pn,
                       double *pScore);

/* The cost given to words without a dictionary cost of their own. */
#define KOAI_KEYWORDS_UNSEEN_COST 3000
/* mecab-ko-dic's cost-factor (dicrc): cost / factor is in log units. */
#define KOAI_KEYWORDS_COST_FACTOR 800.0

#endif /* KOAI_KEYWORDS_H */
