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
  memset(f, 0, sizeof(*f));
  for (i = 0; i < 8; i++) aField[i]->z = "";
  for (i = 0; i < 8 && *z; i++) {
    if (*z == '"') {
      const char *zEnd = strchr(z + 1, '"');
      if (zEnd == NULL) zEnd = z + strlen(z);
      aField[i]->z = z + 1;
      aField[i]->n = (int)(zEnd - z - 1);
      z = *zEnd ? zEnd + 1 : zEnd;
    } else {
      const char *zEnd = strchr(z, ',');
      if (zEnd == NULL) zEnd = z + strlen(z);
      aField[i]->z = z;
      aField[i]->n = (int)(zEnd - z);
      z = zEnd;
    }
    if (*z == ',') z++;
  }
}

int koai_field_is(koai_field f, const char *z) {
  size_t n = strlen(z);
  return (size_t)f.n == n && memcmp(f.z, z, n) == 0;
}

int koai_field_starts(koai_field f, const char *z) {
  size_t n = strlen(z);
  return (size_t)f.n >= n && memcmp(f.z, z, n) == 0;
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
  static const char *azPred[] = {"VV", "VA", "VX", "VCN", "VCP", "XSV", "XSA"};
  size_t i;
  for (i = 0; i < sizeof(azPred) / sizeof(azPred[0]); i++) {
    if (koai_field_is(tag, azPred[i])) return 1;
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

int koai_morph_lemma(const char *zSurface, int nSurface, const char *zFeature,
                     char *buf, int cap) {
  koai_feature f;
  koai_feature_parse(zFeature, &f);
  return koai_feature_lemma(&f, zSurface, nSurface, buf, cap);
}

int koai_feature_lemma(const koai_feature *pf, const char *zSurface,
                       int nSurface, char *buf, int cap) {
  koai_feature f = *pf;
  koai_field stem, stemTag;
  int n = 0;
  stem.z = zSurface;
  stem.n = nSurface;
  stemTag = morph_head_tag(f.tag);
  if ((koai_field_is(f.type, "Inflect") ||
       koai_field_is(f.type, "Preanalysis")) &&
      koai_expression_first(f.expression, &stem, &stemTag)) {
    /* stem and stemTag now describe the first part */
  } else {
    stem.z = zSurface;
    stem.n = nSurface;
  }
  n = morph_put(buf, cap, n, stem.z, stem.n);
  if (koai_tag_is_predicate(stemTag)) n = morph_put(buf, cap, n, "다", 3);
  return n;
}
