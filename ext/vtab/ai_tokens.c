/*
** ai_tokens.c: the table-valued function ai_tokens(text).
**
**   SELECT token, tag, lemma, start, end FROM ai_tokens('알리바바는 말했다');
**
** One row per morpheme of the analyzer's best path: `token` is the text
** exactly as written in the input (substr(text, start+1, end-start)),
** `tag` the dictionary's part of speech, `lemma` the dictionary form,
** `start`/`end` 0-based character offsets, `features` the dictionary's
** feature string.  Rows are produced a segment of text at a time, so a
** large text never sits in memory as rows.
*/
#include "vtab_args.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/morph.h"
#include "../analyzer/utf8.h"

#define TOKENS_COL_TOKEN 0
#define TOKENS_COL_TAG 1
#define TOKENS_COL_LEMMA 2
#define TOKENS_COL_START 3
#define TOKENS_COL_END 4
#define TOKENS_COL_FEATURES 5
#define TOKENS_COL_TEXT 6

typedef struct tokens_row {
  size_t byte_start, byte_end;      /* in the input */
  sqlite3_int64 char_start, char_end;
  const char *feature;
  size_t lemma_off;                 /* in the cursor's lemma buffer */
  int lemma_len;
} tokens_row;

/* A dictionary entry's lemma rule, kept by the address of its feature
** string (the dictionary's strings never move while it is open). */
typedef struct tokens_rule {
  const char *feature;
  koai_lemma_rule rule;
} tokens_rule;

#define TOKENS_RULE_CACHE 1024   /* a power of two */

typedef struct tokens_cursor {
  sqlite3_vtab_cursor base;
  tokens_rule *rules;               /* direct-mapped, lazily */
  koai_analyzer *analyzer;
  char *text;                       /* copy of the argument */
  size_t n;
  size_t next_segment;              /* byte where the next segment starts */
  int has_text;
  /* rows of the current segment */
  tokens_row *rows;
  int n_rows, cap_rows, i_row;
  char *lemmas;
  size_t n_lemmas, cap_lemmas;
  /* running byte -> character offset conversion */
  size_t count_byte;
  sqlite3_int64 count_char;
  sqlite3_int64 rowid;
  int oom;
} tokens_cursor;

static int tokensConnect(sqlite3 *db, void *pAux, int argc,
                         const char *const *argv, sqlite3_vtab **ppVtab,
                         char **pzErr) {
  sqlite3_vtab *pNew;
  int rc;
  (void)pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  rc = sqlite3_declare_vtab(db,
                            "CREATE TABLE x(token TEXT, tag TEXT, lemma TEXT, "
                            "start INTEGER, end INTEGER, features TEXT, "
                            "text HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  pNew = sqlite3_malloc(sizeof(*pNew));
  if (pNew == NULL) return SQLITE_NOMEM;
  memset(pNew, 0, sizeof(*pNew));
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = pNew;
  return SQLITE_OK;
}

static int tokensDisconnect(sqlite3_vtab *pVtab) {
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int tokensOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  tokens_cursor *cur;
  (void)pVtab;
  cur = sqlite3_malloc(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

static void tokensReset(tokens_cursor *cur) {
  free(cur->text);
  cur->text = NULL;
  cur->n = 0;
  cur->next_segment = 0;
  cur->has_text = 0;
  cur->n_rows = 0;
  cur->i_row = 0;
  cur->n_lemmas = 0;
  cur->count_byte = 0;
  cur->count_char = 0;
  cur->rowid = 0;
  cur->oom = 0;
}

static int tokensClose(sqlite3_vtab_cursor *pCur) {
  tokens_cursor *cur = (tokens_cursor *)pCur;
  tokensReset(cur);
  koai_analyzer_free(cur->analyzer);
  free(cur->rules);
  free(cur->rows);
  free(cur->lemmas);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/*
** Character offset of byte b.  b almost never decreases within one text,
** so the count runs forward; it steps back a little when two morphemes
** come from one normalization run (a letter and the combining marks NFC
** could not fold into it), which gives both the whole run's offsets.
*/
static sqlite3_int64 tokensCharOffset(tokens_cursor *cur, size_t b) {
  if (b < cur->count_byte) {
    cur->count_char -= (sqlite3_int64)koai_utf8_count(
        (const unsigned char *)cur->text + b, cur->count_byte - b);
    cur->count_byte = b;
  }
  cur->count_char +=
      (sqlite3_int64)koai_utf8_count((const unsigned char *)cur->text +
                                         cur->count_byte,
                                     b - cur->count_byte);
  cur->count_byte = b;
  return cur->count_char;
}

static int tokensAddMorph(void *ctx, const koai_morph *m) {
  tokens_cursor *cur = ctx;
  tokens_row *row;
  char zLemma[256];
  koai_lemma_rule rule;
  int need;
  if (cur->n_rows == cur->cap_rows) {
    int cap = cur->cap_rows ? cur->cap_rows * 2 : 64;
    tokens_row *a = realloc(cur->rows, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    cur->rows = a;
    cur->cap_rows = cap;
  }
  if (m->kind != KOAI_MORPH_USER && cur->rules != NULL) {
    uintptr_t h = (uintptr_t)m->feature;
    tokens_rule *r = &cur->rules[((h >> 3) ^ (h >> 13)) & (TOKENS_RULE_CACHE - 1)];
    if (r->feature != m->feature) {
      r->feature = m->feature;
      koai_lemma_rule_of(m->feature, &r->rule);
    }
    rule = r->rule;
  } else {
    koai_lemma_rule_of(m->feature, &rule);
  }
  need = koai_lemma_rule_apply(&rule, m->surface, m->n_surface, zLemma,
                               (int)sizeof(zLemma));
  if (cur->n_lemmas + (size_t)need > cur->cap_lemmas) {
    size_t cap = cur->cap_lemmas ? cur->cap_lemmas : 1024;
    char *z;
    while (cap < cur->n_lemmas + (size_t)need) cap *= 2;
    z = realloc(cur->lemmas, cap);
    if (z == NULL) return KOAI_ERROR_NOMEM;
    cur->lemmas = z;
    cur->cap_lemmas = cap;
  }
  if (need > (int)sizeof(zLemma)) {
    /* a lemma longer than the stack buffer: build it in place */
    koai_lemma_rule_apply(&rule, m->surface, m->n_surface,
                          cur->lemmas + cur->n_lemmas, need);
  } else {
    memcpy(cur->lemmas + cur->n_lemmas, zLemma, (size_t)need);
  }
  row = &cur->rows[cur->n_rows++];
  row->byte_start = m->start;
  row->byte_end = m->end;
  row->char_start = tokensCharOffset(cur, m->start);
  row->char_end = tokensCharOffset(cur, m->end);
  row->feature = m->feature;
  row->lemma_off = cur->n_lemmas;
  row->lemma_len = need;
  cur->n_lemmas += (size_t)need;
  return 0;
}

/* Fill the row buffer from the next segments until it has rows or the
** text is done. */
static int tokensFill(tokens_cursor *cur) {
  cur->n_rows = 0;
  cur->i_row = 0;
  cur->n_lemmas = 0;
  while (cur->n_rows == 0 && cur->next_segment < cur->n) {
    int rc = koai_analyze_segment(cur->analyzer, NULL, cur->text, cur->n,
                                  &cur->next_segment, tokensAddMorph, cur);
    if (rc != KOAI_OK) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

static int tokensFilter(sqlite3_vtab_cursor *pCur, int idxNum,
                        const char *idxStr, int argc, sqlite3_value **argv) {
  tokens_cursor *cur = (tokens_cursor *)pCur;
  sqlite3_vtab *pVtab = pCur->pVtab;
  const unsigned char *z;
  char *zErr = NULL;
  int n, rc;
  (void)idxStr;
  tokensReset(cur);
  rc = koai_vtab_text(pVtab, "ai_tokens", idxNum && argc >= 1 ? argv[0] : NULL,
                      &z, &n);
  if (rc != SQLITE_OK || z == NULL) return rc;
  if (cur->analyzer == NULL) {
    const koai_dict *d = koai_dictionary_or_error("ai_tokens", &zErr);
    if (d == NULL) return koai_vtab_error(pVtab, zErr);
    cur->analyzer = koai_analyzer_new(d);
    if (cur->analyzer == NULL) return SQLITE_NOMEM;
    /* Without it lemmas are only slower: no error. */
    cur->rules = calloc(TOKENS_RULE_CACHE, sizeof(tokens_rule));
  }
  cur->text = malloc((size_t)n + 1);
  if (cur->text == NULL) return SQLITE_NOMEM;
  memcpy(cur->text, z, (size_t)n);
  cur->text[n] = 0;
  cur->n = (size_t)n;
  cur->has_text = 1;
  return tokensFill(cur);
}

static int tokensNext(sqlite3_vtab_cursor *pCur) {
  tokens_cursor *cur = (tokens_cursor *)pCur;
  cur->rowid++;
  cur->i_row++;
  if (cur->i_row >= cur->n_rows) return tokensFill(cur);
  return SQLITE_OK;
}

static int tokensEof(sqlite3_vtab_cursor *pCur) {
  tokens_cursor *cur = (tokens_cursor *)pCur;
  return cur->i_row >= cur->n_rows;
}

static int tokensColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx,
                        int iCol) {
  tokens_cursor *cur = (tokens_cursor *)pCur;
  const tokens_row *row = &cur->rows[cur->i_row];
  switch (iCol) {
    case TOKENS_COL_TOKEN:
      sqlite3_result_text(ctx, cur->text + row->byte_start,
                          (int)(row->byte_end - row->byte_start),
                          SQLITE_TRANSIENT);
      break;
    case TOKENS_COL_TAG: {
      const char *zComma = strchr(row->feature, ',');
      int nTag = zComma ? (int)(zComma - row->feature) : -1;
      sqlite3_result_text(ctx, row->feature, nTag, SQLITE_TRANSIENT);
      break;
    }
    case TOKENS_COL_LEMMA:
      sqlite3_result_text(ctx, cur->lemmas + row->lemma_off, row->lemma_len,
                          SQLITE_TRANSIENT);
      break;
    case TOKENS_COL_START:
      sqlite3_result_int64(ctx, row->char_start);
      break;
    case TOKENS_COL_END:
      sqlite3_result_int64(ctx, row->char_end);
      break;
    case TOKENS_COL_FEATURES:
      sqlite3_result_text(ctx, row->feature, -1, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_result_text(ctx, cur->text, (int)cur->n, SQLITE_TRANSIENT);
      break;
  }
  return SQLITE_OK;
}

static int tokensRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid) {
  *pRowid = ((tokens_cursor *)pCur)->rowid + 1;
  return SQLITE_OK;
}

/* The text argument, bound by equality (see koai_vtab_best_index). */
static int tokensBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  (void)pVtab;
  return koai_vtab_best_index(info, TOKENS_COL_TEXT, 1, 1000, 100);
}

static sqlite3_module tokensModule = {
    0,                /* iVersion */
    0,                /* xCreate: eponymous only */
    tokensConnect,    /* xConnect */
    tokensBestIndex,  /* xBestIndex */
    tokensDisconnect, /* xDisconnect */
    0,                /* xDestroy */
    tokensOpen,       /* xOpen */
    tokensClose,      /* xClose */
    tokensFilter,     /* xFilter */
    tokensNext,       /* xNext */
    tokensEof,        /* xEof */
    tokensColumn,     /* xColumn */
    tokensRowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int koai_register_ai_tokens(sqlite3 *db) {
  return sqlite3_create_module(db, "ai_tokens", &tokensModule, NULL);
}
