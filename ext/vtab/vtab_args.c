/*
** vtab_args.c: planning and argument checks shared by ai_tokens,
** ai_sentences, ai_entities and ai_keywords.
*/
#include "vtab_args.h"

#include "../analyzer/utf8.h"

int koai_vtab_best_index(sqlite3_index_info *info, int iFirstArg, int nArg,
                         double cost, sqlite3_int64 rows) {
  int aUse[8], aSeen[8], i, k, argv = 0;
  if (nArg > 8) nArg = 8;
  if (nArg < 1) return SQLITE_ERROR;
  for (k = 0; k < 8; k++) {
    aUse[k] = -1;
    aSeen[k] = 0;
  }
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    k = c->iColumn - iFirstArg;
    if (k < 0 || k >= nArg) continue;
    aSeen[k] = 1;
    if (c->op == SQLITE_INDEX_CONSTRAINT_EQ && c->usable) aUse[k] = i;
  }
  info->idxNum = 0;
  if (aUse[0] < 0) {
    if (aSeen[0]) return SQLITE_CONSTRAINT;
    info->estimatedCost = 1e99;
    info->estimatedRows = 0x7fffffff;
    return SQLITE_OK;
  }
  for (k = 0; k < nArg; k++) {
    if (aSeen[k] && aUse[k] < 0) return SQLITE_CONSTRAINT;
    if (aUse[k] < 0) continue;
    info->aConstraintUsage[aUse[k]].argvIndex = ++argv;
    info->aConstraintUsage[aUse[k]].omit = 1;
    info->idxNum |= 1 << k;
  }
  info->estimatedCost = cost;
  info->estimatedRows = rows;
  return SQLITE_OK;
}

int koai_vtab_error(sqlite3_vtab *pVtab, char *zMsg) {
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

int koai_vtab_text(sqlite3_vtab *pVtab, const char *zFunc,
                   sqlite3_value *pText, const unsigned char **pz, int *pn) {
  long bad;
  *pz = NULL;
  *pn = 0;
  if (pText == NULL) {
    return koai_vtab_error(pVtab,
                           sqlite3_mprintf("%s: missing text argument", zFunc));
  }
  if (sqlite3_value_type(pText) == SQLITE_NULL) return SQLITE_OK;
  *pz = sqlite3_value_text(pText);
  *pn = sqlite3_value_bytes(pText);
  if (*pz == NULL) return SQLITE_NOMEM;
  bad = koai_utf8_invalid_offset(*pz, (size_t)*pn);
  if (bad >= 0) {
    *pz = NULL;
    return koai_vtab_error(
        pVtab, sqlite3_mprintf("%s: invalid UTF-8 at byte %ld", zFunc, bad));
  }
  return SQLITE_OK;
}
