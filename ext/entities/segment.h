/*
** segment.h: one analysed segment of text, as the entity recognizers see
** it: the normalized text, its morphemes, and where words may start and
** end.  Internal to ext/entities.
*/
#ifndef KOAI_ENT_SEGMENT_H
#define KOAI_ENT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "../analyzer/morph.h"
#include "entity.h"
#include "gazetteer.h"
#include "name_model.h"

typedef struct ent_morph {
  uint32_t b, e;          /* normalized bytes [b, e) */
  koai_feature f;         /* fields point into the dictionary */
  char tag[8];            /* head tag: VV of VV+EP, first tag of Inflect */
  uint8_t space_before;   /* the first morpheme of a word (eojeol) */
  uint8_t kind;           /* KOAI_MORPH_* */
  uint8_t cls;            /* ENT_CLS_* bits, from the tag (tested often) */
} ent_morph;

/* Classes of morphemes, computed once from the tag. */
#define ENT_CLS_NOMINAL 1     /* NNG NNP SL SH SN NR UNKNOWN, user words */
#define ENT_CLS_FUNCTIONAL 2  /* J* E* VCP XSN XSV XSA */
#define ENT_CLS_PUNCT 4       /* S* but SL SN SH */
#define ENT_CLS_PROPER 8      /* NNP SL SH UNKNOWN, user words */
#define ENT_CLS_NNP 16
#define ENT_CLS_NNG 32

typedef struct ent_segment {
  const unsigned char *z; /* normalized text, n bytes */
  size_t n;
  ent_morph *m;           /* morphemes in order */
  int nm;
  uint8_t *can_start;     /* by byte (n + 1): a morpheme starts here */
  uint8_t *can_end;       /* by byte (n + 1): a morpheme ends here */
  int *morph_at;          /* by byte: index of the morpheme starting there */
} ent_segment;

/* The recognizers' shared state for one text. */
typedef struct ent_context {
  const struct koai_dict *d;     /* to tell common nouns from names */
  const koai_gazetteer *user;
  koai_gazetteer *learned;       /* names this text tied to an entity */
  const koai_gazetteer *builtin;
  koai_gazetteer *surnames;      /* Korean surname -> person named earlier */
  koai_entity_list *cands;       /* candidates, normalized offsets */
  const ent_name_model *model;   /* weights of the name model */
  koai_feature_sink sink;        /* when set, gets every name candidate */
  void *sink_arg;
  const struct koai_normbuf *nb; /* this segment's map to input offsets */
  size_t base;                   /* input offset of this segment */
} ent_context;

/* Candidate priorities: on equal spans the higher wins. */
#define ENT_PRIO_PATTERN 1
#define ENT_PRIO_BUILTIN 2
#define ENT_PRIO_LEARNED 3
#define ENT_PRIO_ALIAS 4
#define ENT_PRIO_USER 5

/* Add a candidate with normalized offsets. */
int ent_add(ent_context *c, size_t b, size_t e, int label,
            const char *zCanonical, const char *zSource, int priority);

/* Gazetteer names of a segment (names.c). */
int ent_find_names(ent_context *c, const ent_segment *s);

/* News-writing patterns of a segment (patterns.c). */
int ent_find_patterns(ent_context *c, const ent_segment *s);

/*
** Remember a person for the rest of the text: the full name z[b, e), the
** family name of a foreign name, the surname of a Korean one (patterns.c).
*/
int ent_learn_person(ent_context *c, const ent_segment *s, size_t b,
                     size_t e, const char *zCanonical);

/* Index of the morpheme covering byte b, or -1. */
int ent_morph_index_at(const ent_segment *s, size_t b);

/* 1 when morpheme i is a particle, ending, copula or suffix. */
int ent_morph_is_functional(const ent_morph *m);

/* 1 when morpheme i can be part of a name (noun, foreign, unknown...). */
int ent_morph_is_nominal(const ent_morph *m);

/* ---- shared word tests (patterns.c) ---------------------------------- */

/* Scripts present in z[b, e): bit 1 Hangul, 2 Latin, 4 Hanja, 8 digit. */
int ent_scripts(const ent_segment *s, size_t b, size_t e);

/* Number of Hangul syllables in z[b, e), or -1 if anything else is there. */
int ent_syllables(const ent_segment *s, size_t b, size_t e);

/* The entry of a gazetteer name spanning exactly z[b, e), or NULL. */
const koai_gaz_entry *ent_lookup(const ent_context *c, const ent_segment *s,
                                 size_t b, size_t e);

/* A Korean name: 2-4 syllables starting with a surname. */
int ent_korean_name(const ent_segment *s, size_t b, size_t e);

/* z[0, n) is a Korean surname (김, 남궁). */
int ent_is_surname(const unsigned char *z, size_t n);

/* z[b, e) is a title or role (대표, 의원, 기자, 씨). */
int ent_is_title(const ent_segment *s, size_t b, size_t e);

/* z[b, e) is a common noun (NNG) of the dictionary. */
int ent_common_noun(const ent_context *c, const ent_segment *s, size_t b,
                    size_t e);

/* Length of the organization head ending z[b, e) (…그룹, …일보), or 0. */
size_t ent_org_head_len(const ent_segment *s, size_t b, size_t e);

/*
** Extend the PRODUCT candidates from index from on with the version that
** follows them: 라마 3, 제미나이 1.5 프로, GPT-4o (patterns.c).
*/
int ent_extend_versions(ent_context *c, const ent_segment *s, int from);

/* Names scored by the linear model (name_model.c). */
int ent_find_scored_names(ent_context *c, const ent_segment *s);

/*
** The name candidates of a segment and their features (name_features.c):
** fn is called for each, with normalized offsets; a non-zero return stops.
*/
typedef int (*ent_candidate_fn)(void *arg, size_t b, size_t e, uint64_t x);
int ent_name_candidates(const ent_context *c, const ent_segment *s,
                        ent_candidate_fn fn, void *arg);

#endif /* KOAI_ENT_SEGMENT_H */
