/*
** context_ids.c: context ids and posids for words the dictionary lacks.
**
** A user word needs the same left and right context ids as dictionary
** words of its tag, so that the connection costs treat it like one.  The
** dictionary's id tables list them by feature pattern: left ids by tag
** ("NNP,*,*,*,*,*,*,*"), right ids by tag and final consonant
** ("NNP,*,T,*,*,*,*,*"), posids by tag in pos-id.def.  Only the generic
** rows (no semantic class) are kept.
*/
#include "dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTX_MAX_TAGS 128
#define CTX_TAG_SIZE 16

typedef struct ctx_tag {
  char zTag[CTX_TAG_SIZE];
  int left;               /* -1 when not seen */
  int right[3];           /* by final consonant: 0 '*', 1 'T', 2 'F' */
  int posid;
} ctx_tag;

struct koai_context_ids {
  int n;
  ctx_tag a[CTX_MAX_TAGS];
};

static ctx_tag *ctx_find(koai_context_ids *p, const char *zTag, size_t nTag,
                         int create) {
  int i;
  if (nTag == 0 || nTag >= CTX_TAG_SIZE) return NULL;
  for (i = 0; i < p->n; i++) {
    if (strlen(p->a[i].zTag) == nTag && memcmp(p->a[i].zTag, zTag, nTag) == 0)
      return &p->a[i];
  }
  if (!create || p->n >= CTX_MAX_TAGS) return NULL;
  memset(&p->a[p->n], 0, sizeof(ctx_tag));
  memcpy(p->a[p->n].zTag, zTag, nTag);
  p->a[p->n].left = -1;
  p->a[p->n].right[0] = p->a[p->n].right[1] = p->a[p->n].right[2] = -1;
  p->a[p->n].posid = -1;
  return &p->a[p->n++];
}

/*
** Split "TAG,class,final,rest..." and say whether it is a generic row: no
** semantic class and nothing after the final-consonant field.
*/
static int ctx_generic(const char *zFeat, size_t *pnTag, char *pFinal) {
  const char *zComma = strchr(zFeat, ',');
  const char *z;
  int nField = 0;
  if (zComma == NULL) return 0;
  *pnTag = (size_t)(zComma - zFeat);
  z = zComma + 1;
  if (strncmp(z, "*,", 2) != 0) return 0;
  *pFinal = z[2];
  if (z[3] != ',') return 0;
  for (z = z + 4; *z && *z != ' ' && *z != '\n' && *z != '\r'; z++) {
    if (*z == ',') {
      nField++;
    } else if (*z != '*') {
      return 0;
    }
  }
  return nField == 4;
}

/* Read one id table; idFirst: lines are "ID FEATURE", else "FEATURE ID". */
static int ctx_read(koai_context_ids *p, const char *zDir, const char *zFile,
                    int kind) {
  char zPath[4096];
  char zLine[1024];
  FILE *f;
  snprintf(zPath, sizeof(zPath), "%s/%s", zDir, zFile);
  f = fopen(zPath, "r");
  if (f == NULL) return KOAI_ERROR_DICT;
  while (fgets(zLine, sizeof(zLine), f)) {
    char *zFeat;
    long id;
    size_t nTag;
    char cFinal;
    ctx_tag *t;
    if (kind == 2) {                        /* pos-id.def: FEATURE ID */
      char *zSp = strrchr(zLine, ' ');
      if (zSp == NULL) continue;
      id = strtol(zSp + 1, NULL, 10);
      *zSp = 0;
      zFeat = zLine;
    } else {                                /* left/right-id.def: ID FEATURE */
      id = strtol(zLine, &zFeat, 10);
      if (*zFeat != ' ') continue;
      zFeat++;
    }
    if (!ctx_generic(zFeat, &nTag, &cFinal)) continue;
    t = ctx_find(p, zFeat, nTag, 1);
    if (t == NULL) continue;
    if (kind == 0 && cFinal == '*') t->left = (int)id;
    if (kind == 1) t->right[cFinal == 'T' ? 1 : cFinal == 'F' ? 2 : 0] = (int)id;
    if (kind == 2 && cFinal == '*') t->posid = (int)id;
  }
  fclose(f);
  return KOAI_OK;
}

koai_context_ids *koai_context_ids_load(const koai_dict *d, char **pzErr) {
  koai_context_ids *p = calloc(1, sizeof(*p));
  static const char *azFile[3] = {"left-id.def", "right-id.def", "pos-id.def"};
  int i;
  *pzErr = NULL;
  if (p == NULL) return NULL;
  for (i = 0; i < 3; i++) {
    if (ctx_read(p, d->dir, azFile[i], i) != KOAI_OK) {
      size_t n = strlen(d->dir) + 64;
      *pzErr = malloc(n);
      if (*pzErr) snprintf(*pzErr, n, "cannot read %s/%s", d->dir, azFile[i]);
      free(p);
      return NULL;
    }
  }
  return p;
}

void koai_context_ids_free(koai_context_ids *p) { free(p); }

int koai_context_ids_find(const koai_context_ids *p, const char *zTag,
                          int hasFinal, uint16_t *pLeft, uint16_t *pRight,
                          uint16_t *pPosid) {
  const ctx_tag *t = ctx_find((koai_context_ids *)p, zTag, strlen(zTag), 0);
  int right;
  if (t == NULL || t->left < 0) return KOAI_ERROR_TAG;
  right = hasFinal < 0 ? t->right[0] : t->right[hasFinal ? 1 : 2];
  if (right < 0) right = t->right[0];
  if (right < 0) right = t->right[2];
  if (right < 0) return KOAI_ERROR_TAG;
  *pLeft = (uint16_t)t->left;
  *pRight = (uint16_t)right;
  *pPosid = (uint16_t)(t->posid < 0 ? 0 : t->posid);
  return KOAI_OK;
}
