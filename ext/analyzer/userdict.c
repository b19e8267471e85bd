/*
** userdict.c: the words of a user dictionary and their lookup.
**
** Words are normalized like analyzer input and given the context ids of
** dictionary words with the same tag and final consonant, and a low word
** cost, so that the analyzer prefers a user word over splitting it, as
** Lucene's Nori does.  Lookup is a binary search for each distinct word
** length, which is fast for the few thousand words a user dictionary has.
*/
#include "userdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"
#include "normalize.h"
#include "utf8.h"

/* Strong enough to win over any split of the same span, as in Nori. */
#define USER_WORD_COST (-20000)
#define USER_MAX_LENGTHS 64

struct koai_userdict {
  const koai_dict *d;
  koai_context_ids *ids;
  koai_user_word *a;
  int n, cap;
  int sorted;
  uint32_t aLen[USER_MAX_LENGTHS];   /* distinct word lengths, ascending */
  int nLen;
};

int koai_userdict_create(const koai_dict *d, koai_userdict **ppOut,
                         char **pzErr) {
  koai_userdict *ud = calloc(1, sizeof(*ud));
  char *zErr = NULL;
  *ppOut = NULL;
  if (pzErr) *pzErr = NULL;
  if (ud == NULL) return KOAI_ERROR_NOMEM;
  ud->d = d;
  ud->ids = koai_context_ids_load(d, &zErr);
  if (ud->ids == NULL) {
    free(ud);
    /* No message: there was not even memory for one. */
    if (zErr == NULL) return KOAI_ERROR_NOMEM;
    if (pzErr) {
      *pzErr = zErr;
    } else {
      free(zErr);
    }
    return KOAI_ERROR_DICT;
  }
  ud->sorted = 1;
  *ppOut = ud;
  return KOAI_OK;
}

koai_userdict *koai_userdict_new(const koai_dict *d) {
  koai_userdict *ud = NULL;
  koai_userdict_create(d, &ud, NULL);
  return ud;
}

void koai_userdict_free(koai_userdict *ud) {
  int i;
  if (ud == NULL) return;
  for (i = 0; i < ud->n; i++) {
    free(ud->a[i].z);
    free(ud->a[i].feature);
  }
  free(ud->a);
  koai_context_ids_free(ud->ids);
  free(ud);
}

int koai_userdict_size(const koai_userdict *ud) { return ud ? ud->n : 0; }

/* 1: last syllable has a final consonant, 0: it has none, -1: not Hangul. */
static int user_final_consonant(const unsigned char *z, uint32_t n) {
  uint32_t i = n, c;
  while (i > 0 && (z[i - 1] & 0xc0) == 0x80) i--;
  if (i == n || koai_utf8_decode(z + i, n - i, &c) == 0) return -1;
  if (c < 0xac00 || c > 0xd7a3) return -1;
  return (c - 0xac00) % 28 != 0;
}

int koai_userdict_add(koai_userdict *ud, const char *zWord, int nWord,
                      const char *zTag) {
  koai_normbuf nb;
  koai_user_word w;
  size_t s, e, nFeat;
  int hasFinal, rc;
  memset(&nb, 0, sizeof(nb));
  memset(&w, 0, sizeof(w));
  if (nWord < 0) nWord = (int)strlen(zWord);
  rc = koai_normalize(&nb, (const unsigned char *)zWord, (size_t)nWord);
  if (rc != KOAI_OK) goto done;
  for (s = 0; s < nb.n && (nb.z[s] == ' ' || nb.z[s] == '\t' ||
                           nb.z[s] == '\n' || nb.z[s] == '\r'); s++) {
  }
  for (e = nb.n; e > s && (nb.z[e - 1] == ' ' || nb.z[e - 1] == '\t' ||
                           nb.z[e - 1] == '\n' || nb.z[e - 1] == '\r'); e--) {
  }
  if (e == s) {
    rc = KOAI_OK;            /* an empty word adds nothing */
    goto done;
  }
  hasFinal = user_final_consonant(nb.z + s, (uint32_t)(e - s));
  rc = koai_context_ids_find(ud->ids, zTag, hasFinal, &w.lc, &w.rc, &w.posid);
  if (rc != KOAI_OK) goto done;
  if (w.lc >= ud->d->matrix_rsize || w.rc >= ud->d->matrix_lsize) {
    rc = KOAI_ERROR_TAG;
    goto done;
  }
  w.wcost = USER_WORD_COST;
  w.n = (uint32_t)(e - s);
  w.z = malloc(w.n + 1);
  nFeat = strlen(zTag) + w.n + 32;
  w.feature = malloc(nFeat);
  if (w.z == NULL || w.feature == NULL) {
    rc = KOAI_ERROR_NOMEM;
    goto done;
  }
  memcpy(w.z, nb.z + s, w.n);
  w.z[w.n] = 0;
  snprintf(w.feature, nFeat, "%s,*,%s,%s,*,*,*,*", zTag,
           hasFinal < 0 ? "*" : hasFinal ? "T" : "F", (const char *)w.z);
  if (ud->n == ud->cap) {
    int cap = ud->cap ? ud->cap * 2 : 64;
    koai_user_word *a = realloc(ud->a, (size_t)cap * sizeof(*a));
    if (a == NULL) {
      rc = KOAI_ERROR_NOMEM;
      goto done;
    }
    ud->a = a;
    ud->cap = cap;
  }
  ud->a[ud->n++] = w;
  memset(&w, 0, sizeof(w));
  ud->sorted = 0;
  rc = KOAI_OK;
done:
  free(w.z);
  free(w.feature);
  koai_normbuf_free(&nb);
  return rc;
}

static int user_word_cmp(const void *pa, const void *pb) {
  const koai_user_word *a = pa, *b = pb;
  uint32_t n = a->n < b->n ? a->n : b->n;
  int c = memcmp(a->z, b->z, n);
  if (c) return c;
  return a->n < b->n ? -1 : a->n > b->n;
}

/* Sort the words and collect their lengths; done once, before lookups. */
int koai_userdict_prepare(koai_userdict *ud) {
  int i, j;
  if (ud->sorted) return KOAI_OK;
  qsort(ud->a, (size_t)ud->n, sizeof(koai_user_word), user_word_cmp);
  ud->nLen = 0;
  for (i = 0; i < ud->n; i++) {
    uint32_t len = ud->a[i].n;
    int k;
    for (k = 0; k < ud->nLen && ud->aLen[k] != len; k++) {
    }
    if (k == ud->nLen && ud->nLen < USER_MAX_LENGTHS) ud->aLen[ud->nLen++] = len;
  }
  for (i = 1; i < ud->nLen; i++) {
    for (j = i; j > 0 && ud->aLen[j - 1] > ud->aLen[j]; j--) {
      uint32_t t = ud->aLen[j];
      ud->aLen[j] = ud->aLen[j - 1];
      ud->aLen[j - 1] = t;
    }
  }
  ud->sorted = 1;
  return KOAI_OK;
}

int koai_userdict_prefix_search(const koai_userdict *ud, const unsigned char *z,
                                uint32_t n, const koai_user_word **aOut,
                                int nMax) {
  int nOut = 0, k;
  for (k = 0; k < ud->nLen && nOut < nMax; k++) {
    koai_user_word key;
    int lo = 0, hi = ud->n;
    if (ud->aLen[k] > n) break;
    key.z = (unsigned char *)z;
    key.n = ud->aLen[k];
    /* The first word not below the key, then every equal one. */
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (user_word_cmp(&ud->a[mid], &key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    while (lo < ud->n && nOut < nMax && user_word_cmp(&ud->a[lo], &key) == 0) {
      aOut[nOut++] = &ud->a[lo++];
    }
  }
  return nOut;
}
