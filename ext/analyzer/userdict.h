/*
** userdict.h: words the user adds to the dictionary.
*/
#ifndef KOAI_USERDICT_H
#define KOAI_USERDICT_H

#include <stdint.h>

#include "koai.h"

typedef struct koai_user_word {
  unsigned char *z;      /* normalized surface */
  uint32_t n;
  uint16_t lc, rc, posid;
  int16_t wcost;
  char *feature;         /* "TAG,*,T,surface,*,*,*,*" */
} koai_user_word;

/*
** Words of the user dictionary that are prefixes of z[0..n), shortest
** first; at most nMax.  Returns how many were stored.
*/
int koai_userdict_prefix_search(const koai_userdict *ud, const unsigned char *z,
                                uint32_t n, const koai_user_word **aOut,
                                int nMax);

/*
** koai_userdict_new(), saying why it failed: KOAI_ERROR_NOMEM, or
** KOAI_ERROR_DICT with a message in *pzErr (to be freed with free())
** when the dictionary's id tables cannot be read.
*/
int koai_userdict_create(const koai_dict *d, koai_userdict **ppOut,
                         char **pzErr);

/* Number of words (for tests and diagnostics). */
int koai_userdict_size(const koai_userdict *ud);

#endif /* KOAI_USERDICT_H */
