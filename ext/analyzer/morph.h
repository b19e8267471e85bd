/*
** morph.h: reading a morpheme's feature string: tag, type, expression,
** and the lemma (dictionary form) built from them.
*/
#ifndef KOAI_MORPH_H
#define KOAI_MORPH_H

#include <stddef.h>
#include <string.h>

/* A field of a feature string: not NUL-terminated. */
typedef struct koai_field {
  const char *z;
  int n;
} koai_field;

/* The fields of mecab-ko-dic's 8-field feature string. */
typedef struct koai_feature {
  koai_field tag;        /* NNG, VV+EP, ... */
  koai_field semantic;   /* 인명, 지명, ... or * */
  koai_field final;      /* T, F or * */
  koai_field reading;
  koai_field type;       /* Inflect, Compound, Preanalysis or * */
  koai_field first_tag;
  koai_field last_tag;
  koai_field expression; /* 하/XSV/(class)+았/EP/(class) */
} koai_feature;

void koai_feature_parse(const char *zFeature, koai_feature *f);

/* 1 when the field equals the NUL-terminated string z.  Inline: z is
** nearly always a literal, whose length the compiler then knows. */
static inline int koai_field_is(koai_field f, const char *z) {
  size_t n = strlen(z);
  return (size_t)f.n == n && memcmp(f.z, z, n) == 0;
}

/* 1 when the field starts with the NUL-terminated string z. */
static inline int koai_field_starts(koai_field f, const char *z) {
  size_t n = strlen(z);
  return (size_t)f.n >= n && memcmp(f.z, z, n) == 0;
}

/*
** The first morpheme of an expression ("밝히/VV/(class)+었/EP/(class)" gives 밝히, VV).
** Returns 0 when there is none.
*/
int koai_expression_first(koai_field expr, koai_field *pSurface,
                          koai_field *pTag);

/*
** Iterate the parts of an expression: *pz starts at expr.z; each call
** stores one part and returns 1, or returns 0 at the end.
*/
int koai_expression_next(koai_field expr, const char **pz,
                         koai_field *pSurface, koai_field *pTag);

/* 1 for the tags whose dictionary form ends in 다 (VV, VA, VX, VCN, VCP,
** XSV, XSA). */
int koai_tag_is_predicate(koai_field tag);

/*
** The lemma of a morpheme with this normalized surface and feature into
** buf (capacity cap); returns its length, or the length it would need.
** Predicates get their stem and 다 (했 -> 하다, 밝힌 -> 밝히다); inflected
** forms of other tags give their first part (건 -> 것); others the surface.
*/
int koai_morph_lemma(const char *zSurface, int nSurface, const char *zFeature,
                     char *buf, int cap);

/*
** How a feature string makes the lemma of its morphemes: from the surface
** (stem NULL) or from the first part of the expression, and with 다 or
** not.  It depends on the feature string alone, so a caller that sees
** the same dictionary entries again can keep it.
*/
typedef struct koai_lemma_rule {
  const char *stem;      /* into the feature string; NULL: the surface */
  int n_stem;
  int add_da;
} koai_lemma_rule;

void koai_lemma_rule_of(const char *zFeature, koai_lemma_rule *r);

/* The lemma by rule r into buf, as koai_morph_lemma returns it. */
int koai_lemma_rule_apply(const koai_lemma_rule *r, const char *zSurface,
                          int nSurface, char *buf, int cap);

/* The same from an already parsed feature string. */
int koai_feature_lemma(const koai_feature *f, const char *zSurface,
                       int nSurface, char *buf, int cap);

#endif /* KOAI_MORPH_H */
