/*
** morph.c: feature strings and lemmas.
**
** Feature strings are CSV; a field that holds a comma is written in double
** quotes, as MeCab writes them.  Expressions decompose inflected and
** compound entries into "surface/tag/class" parts joined by '+'.
*/
#include "morph.h"

#include <string.h>

void koai_feature_parse(const char *z, koai_feature *f) {
  koai_field *aField[8];
  int i = 0;
  aField[0] = &f->tag;
  aField[1] = &f->semantic;
  aField[2] = &f->final;
  aField[3] = &f->reading;
  aField[4] = &f->type;
  aField[5] = &f->first_tag;
  aField[6] = &f->last_tag;
  aField[7] = &f->expression;
  for (i = 0; i < 8; i++) {
    aField[i]->z = "";
    aField[i]->n = 0;
  }
  /* One pass over the string, no strchr/strlen per field. */
  for (i = 0; i < 8 && *z; i++) {
    const char *zStart, *zEnd;
    if (*z == '"') {
      zStart = zEnd = z + 1;
      while (*zEnd && *zEnd != '"') zEnd++;
      z = *zEnd ? zEnd + 1 : zEnd;
    } else {
      zStart = zEnd = z;
      while (*zEnd && *zEnd != ',') zEnd++;
      z = zEnd;
    }
    aField[i]->z = zStart;
    aField[i]->n = (int)(zEnd - zStart);
    if (*z == ',') z++;
  }
}

int koai_expression_next(koai_field expr, const char **pz, koai_field *pSurface,
                         koai_field *pTag) {
  const char *z = *pz;
  const char *zEnd = expr.z + expr.n;
  const char *zSlash, *zPart;
  if (z >= zEnd || expr.n == 0 || koai_field_is(expr, "*")) return 0;
  /* A part ends at the '+' that follows its "/class" field. */
  zPart = z;
  zSlash = memchr(zPart, '/', (size_t)(zEnd - zPart));
  if (zSlash == NULL || zSlash == zPart) return 0;
  pSurface->z = zPart;
  pSurface->n = (int)(zSlash - zPart);
  pTag->z = zSlash + 1;
  z = memchr(pTag->z, '/', (size_t)(zEnd - pTag->z));
  if (z == NULL) z = zEnd;
  pTag->n = (int)(z - pTag->z);
  while (z < zEnd && *z != '+') z++;
  *pz = z < zEnd ? z + 1 : zEnd;
  return 1;
}

int koai_expression_first(koai_field expr, koai_field *pSurface,
                          koai_field *pTag) {
  const char *z = expr.z;
  return koai_expression_next(expr, &z, pSurface, pTag);
}

int koai_tag_is_predicate(koai_field tag) {
  /* VV, VA, VX, VCN, VCP, XSV, XSA: by length and letters, without a
  ** string comparison per candidate (this runs once per morpheme). */
  const char *z = tag.z;
  if (tag.n == 2) return z[0] == 'V' && (z[1] == 'V' || z[1] == 'A' || z[1] == 'X');
  if (tag.n == 3) {
    if (z[0] == 'V') return z[1] == 'C' && (z[2] == 'N' || z[2] == 'P');
    if (z[0] == 'X') return z[1] == 'S' && (z[2] == 'V' || z[2] == 'A');
  }
  return 0;
}

/* The tag before the first '+' of a combined tag (VV+EP -> VV). */
static koai_field morph_head_tag(koai_field tag) {
  const char *zPlus = memchr(tag.z, '+', (size_t)tag.n);
  if (zPlus) tag.n = (int)(zPlus - tag.z);
  return tag;
}

static int morph_put(char *buf, int cap, int n, const char *z, int nz) {
  if (n + nz <= cap) memcpy(buf + n, z, (size_t)nz);
  return n + nz;
}

/* 1 for the types whose expression gives the lemma's stem. */
static int morph_type_has_stem(koai_field type) {
  return (type.n == 7 && memcmp(type.z, "Inflect", 7) == 0) ||
         (type.n == 11 && memcmp(type.z, "Preanalysis", 11) == 0);
}

/*
** The fields of a feature string that a lemma needs: the tag, the type
** and the expression, found in one pass (the others are skipped).
*/
static void morph_lemma_fields(const char *z, koai_field *pTag,
                               koai_field *pType, koai_field *pExpr) {
  int i;
  pTag->z = pType->z = pExpr->z = "";
  pTag->n = pType->n = pExpr->n = 0;
  for (i = 0; i < 8 && *z; i++) {
    const char *zStart, *zEnd;
    if (*z == '"') {
      zStart = z + 1;
      zEnd = zStart;
      while (*zEnd && *zEnd != '"') zEnd++;
      z = *zEnd ? zEnd + 1 : zEnd;
    } else {
      zStart = z;
      zEnd = z;
      while (*zEnd && *zEnd != ',') zEnd++;
      z = zEnd;
    }
    if (i == 0 || i == 4 || i == 7) {
      koai_field *f = i == 0 ? pTag : i == 4 ? pType : pExpr;
      f->z = zStart;
      f->n = (int)(zEnd - zStart);
      /* Only an Inflect or Preanalysis entry needs its expression. */
      if (i == 4 && !morph_type_has_stem(*pType)) return;
    }
    if (*z == ',') z++;
  }
}

void koai_lemma_rule_of(const char *zFeature, koai_lemma_rule *r) {
  koai_field tag, type, expr, stem, stemTag;
  morph_lemma_fields(zFeature, &tag, &type, &expr);
  r->stem = NULL;
  r->n_stem = 0;
  stemTag = morph_head_tag(tag);
  if (morph_type_has_stem(type) &&
      koai_expression_first(expr, &stem, &stemTag)) {
    r->stem = stem.z;
    r->n_stem = stem.n;
  }
  r->add_da = koai_tag_is_predicate(stemTag);
}

int koai_lemma_rule_apply(const koai_lemma_rule *r, const char *zSurface,
                          int nSurface, char *buf, int cap) {
  int n = r->stem ? morph_put(buf, cap, 0, r->stem, r->n_stem)
                  : morph_put(buf, cap, 0, zSurface, nSurface);
  if (r->add_da) n = morph_put(buf, cap, n, "다", 3);
  return n;
}

int koai_morph_lemma(const char *zSurface, int nSurface, const char *zFeature,
                     char *buf, int cap) {
  koai_lemma_rule r;
  koai_lemma_rule_of(zFeature, &r);
  return koai_lemma_rule_apply(&r, zSurface, nSurface, buf, cap);
}

int koai_feature_lemma(const koai_feature *pf, const char *zSurface,
                       int nSurface, char *buf, int cap) {
  koai_field stem, stemTag;
  int n;
  stem.z = zSurface;
  stem.n = nSurface;
  stemTag = morph_head_tag(pf->tag);
  if (!morph_type_has_stem(pf->type) ||
      !koai_expression_first(pf->expression, &stem, &stemTag)) {
    stem.z = zSurface;
    stem.n = nSurface;
  }
  n = morph_put(buf, cap, 0, stem.z, stem.n);
  if (koai_tag_is_predicate(stemTag)) n = morph_put(buf, cap, n, "다", 3);
  return n;
}
