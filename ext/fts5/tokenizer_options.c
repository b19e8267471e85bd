/*
** tokenizer_options.c: the options of the `korean` tokenizer.
**
**   tokenize = "korean compound mixed tags 'NN* VV VA SL' userdict my_words"
**
** Options come as key value pairs, as with unicode61:
**   compound  mixed (default) | parts | whole
**   tags      the parts of speech to index: tags or prefixes ending in '*'
**   userdict  a table of this database: (word, tag) rows added to the
**             dictionary when the tokenizer is created
**   choseong  0 (default) | 1: also index the initial consonants of words
** An unknown key, a missing value or a bad value is an error naming it.
*/
#include "tokenizer_options.h"

#include <stdio.h>
#include <string.h>

static int options_error(char *zErr, int nErr, const char *zFmt,
                         const char *zArg) {
  snprintf(zErr, (size_t)nErr, zFmt, zArg);
  return 1;
}

/* Split a tags value at spaces and commas into patterns. */
static int options_tags(koai_term_options *o, const char *zVal, char *zErr,
                        int nErr) {
  const char *z = zVal;
  o->n_tags = 0;
  while (*z) {
    size_t n;
    int i;
    while (*z == ' ' || *z == ',' || *z == '\t') z++;
    if (*z == 0) break;
    n = strcspn(z, " ,\t");
    if (n >= sizeof(o->tags[0]) || o->n_tags >= KOAI_MAX_TAG_PATTERNS) {
      return options_error(zErr, nErr, "korean: bad tags value '%s'", zVal);
    }
    for (i = 0; i < (int)n; i++) {
      char c = z[i];
      int ok = (c >= 'A' && c <= 'Z') || (c == '*' && i == (int)n - 1);
      if (!ok) {
        return options_error(zErr, nErr, "korean: bad tags value '%s'", zVal);
      }
    }
    memcpy(o->tags[o->n_tags], z, n);
    o->tags[o->n_tags][n] = 0;
    o->n_tags++;
    z += n;
  }
  if (o->n_tags == 0) {
    return options_error(zErr, nErr, "korean: empty tags value '%s'", zVal);
  }
  return 0;
}

int koai_tokenizer_options_parse(const char **azArg, int nArg,
                                 koai_term_options *o, const char **pzUserdict,
                                 char *zErr, int nErr) {
  int i;
  memset(o, 0, sizeof(*o));
  *pzUserdict = NULL;
  zErr[0] = 0;
  for (i = 0; i < nArg; i += 2) {
    const char *zKey = azArg[i];
    const char *zVal = i + 1 < nArg ? azArg[i + 1] : NULL;
    if (zVal == NULL) {
      return options_error(zErr, nErr, "korean: option '%s' has no value",
                           zKey);
    }
    if (strcmp(zKey, "compound") == 0) {
      if (strcmp(zVal, "mixed") == 0) {
        o->compound = KOAI_COMPOUND_MIXED;
      } else if (strcmp(zVal, "parts") == 0) {
        o->compound = KOAI_COMPOUND_PARTS;
      } else if (strcmp(zVal, "whole") == 0) {
        o->compound = KOAI_COMPOUND_WHOLE;
      } else {
        return options_error(zErr, nErr,
                             "korean: bad compound value '%s' (mixed, parts "
                             "or whole)", zVal);
      }
    } else if (strcmp(zKey, "tags") == 0) {
      if (options_tags(o, zVal, zErr, nErr)) return 1;
    } else if (strcmp(zKey, "userdict") == 0) {
      if (zVal[0] == 0) {
        return options_error(zErr, nErr, "korean: empty userdict value%s", "");
      }
      *pzUserdict = zVal;
    } else if (strcmp(zKey, "choseong") == 0) {
      if (strcmp(zVal, "0") == 0 || strcmp(zVal, "1") == 0) {
        o->choseong = zVal[0] == '1';
      } else {
        return options_error(zErr, nErr,
                             "korean: bad choseong value '%s' (0 or 1)", zVal);
      }
    } else {
      return options_error(zErr, nErr, "korean: unknown option '%s'", zKey);
    }
  }
  return 0;
}
