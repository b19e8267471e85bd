/*
** name_model.h: the linear model that decides whether a candidate span is
** a name, and of what kind (PERSON, ORG, PRODUCT, GPE).
**
** Candidates come from the analyzer's words (name_features.c): the proper
** nouns of a word, two words of a foreign name, a prefix before a title.
** Each candidate gets binary features (the dictionary's semantic class, the
** shape of the name, the words around it); the model adds one weight per
** feature and label, and a label wins when its score beats 0 (the score of
** "no name").  The weights are data, sql/name_weights.tsv, fitted on
** development text by scripts/fit-name-weights.py and compiled in.
*/
#ifndef KOAI_ENT_NAME_MODEL_H
#define KOAI_ENT_NAME_MODEL_H

#include <stddef.h>
#include <stdint.h>

/* The labels the model scores, in the order of the weight file's columns. */
#define ENT_MODEL_LABELS 4     /* PERSON, ORG, PRODUCT, GPE: KOAI_LABEL_ 0..3 */

#define ENT_MAX_FEATURES 64

typedef struct ent_name_model {
  int n_features;
  double w[ENT_MAX_FEATURES][ENT_MODEL_LABELS];
} ent_name_model;

/* Number of features, and the name of feature i as the weight file has it. */
int ent_feature_count(void);
const char *ent_feature_name(int i);

/* What a row decided by feature i says in ai_entities' source column. */
const char *ent_feature_source(int i);

/*
** Read weights from text in the weight file's format (a header line, then
** "feature<TAB>w_PERSON<TAB>w_ORG<TAB>w_PRODUCT<TAB>w_GPE" lines; # starts a
** comment).  Unknown or missing features are an error: the file and the
** code must agree.  Returns 0, or -1 with a message in zErr.
*/
int ent_name_model_parse(ent_name_model *m, const char *zText, char *zErr,
                         size_t nErr);

/* The compiled-in weights (sql/name_weights.tsv). */
extern const char koai_name_weights_tsv[];

/*
** A sink for candidates and their features, for fitting the model: given
** input byte offsets of the candidate and its feature bits.
*/
typedef void (*koai_feature_sink)(void *arg, size_t start, size_t end,
                                  uint64_t features);

#endif /* KOAI_ENT_NAME_MODEL_H */
