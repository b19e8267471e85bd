/*
** dicrc.c: read the settings koai uses from the dictionary's dicrc.
**
** Only mecab-ko's `left-space-penalty-factor` matters to the analyzer: a
** list of posid,penalty pairs.  A morpheme whose posid is listed costs the
** penalty when whitespace comes right before it.  The list comes from the
** dictionary so that a retrained dictionary brings its own.
*/
#include "dict.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define DICRC_KEY "left-space-penalty-factor"
#define DICRC_MAX_POSID 65535

/* Parse "a,b,c,d" into pairs; returns the number of values or -1. */
static int dicrc_numbers(const char *z, const char *zEnd, long *aOut,
                         int nMax) {
  int n = 0;
  while (z < zEnd) {
    char *zNum;
    long v;
    while (z < zEnd && (isspace((unsigned char)*z) || *z == ',')) z++;
    if (z >= zEnd) break;
    v = strtol(z, &zNum, 10);
    if (zNum == z || n >= nMax) return -1;
    aOut[n++] = v;
    z = zNum;
  }
  return n;
}

int koai_dicrc_parse(koai_dict *d, const char *zText, size_t n, char **pzErr) {
  const char *z = zText;
  const char *zEnd = zText + n;
  (void)pzErr;
  while (z < zEnd) {
    const char *zLine = z;
    const char *zEol = memchr(z, '\n', (size_t)(zEnd - z));
    if (zEol == NULL) zEol = zEnd;
    z = zEol + (zEol < zEnd);
    while (zLine < zEol && isspace((unsigned char)*zLine)) zLine++;
    if (zLine < zEol && (*zLine == ';' || *zLine == '#')) continue;
    if ((size_t)(zEol - zLine) > strlen(DICRC_KEY) &&
        memcmp(zLine, DICRC_KEY, strlen(DICRC_KEY)) == 0) {
      const char *zVal = zLine + strlen(DICRC_KEY);
      long aVal[512];
      int nVal, i;
      uint32_t maxPosid = 0;
      while (zVal < zEol && (isspace((unsigned char)*zVal))) zVal++;
      if (zVal >= zEol || *zVal != '=') continue;
      nVal = dicrc_numbers(zVal + 1, zEol, aVal, 512);
      if (nVal < 0 || nVal % 2 != 0) {
        *pzErr = strdup("dicrc: malformed " DICRC_KEY);
        return *pzErr ? KOAI_ERROR_DICT : KOAI_ERROR_NOMEM;
      }
      for (i = 0; i < nVal; i += 2) {
        if (aVal[i] < 0 || aVal[i] > DICRC_MAX_POSID) {
          *pzErr = strdup("dicrc: posid out of range in " DICRC_KEY);
          return *pzErr ? KOAI_ERROR_DICT : KOAI_ERROR_NOMEM;
        }
        if ((uint32_t)aVal[i] + 1 > maxPosid) maxPosid = (uint32_t)aVal[i] + 1;
      }
      free(d->space_penalty);
      d->space_penalty = calloc(maxPosid ? maxPosid : 1, sizeof(int32_t));
      if (d->space_penalty == NULL) return KOAI_ERROR_NOMEM;
      d->n_space_penalty = maxPosid;
      /* MeCab-ko takes the first pair that names a posid. */
      for (i = nVal - 2; i >= 0; i -= 2) {
        d->space_penalty[aVal[i]] = (int32_t)aVal[i + 1];
      }
    }
  }
  return KOAI_OK;
}
