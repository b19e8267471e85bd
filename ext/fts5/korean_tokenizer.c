/*
** korean_tokenizer.c: the `korean` FTS5 tokenizer.
**
**   CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='korean');
**
** Documents and queries go through the same analysis (index_terms.c), in
** the mode FTS5 asks for: documents and highlight()/snippet() get every
** term including colocated alternatives; queries get the terms that find
** them (compound parts as a phrase, derived verbs by lemma); prefix query
** terms are taken as written.  Offsets are exact bytes of the input, so
** highlight() marks the word without its particle.
**
** FTS5 reports any failure of a tokenizer's constructor as "error in
** tokenizer constructor"; the precise message (which option, which
** user-dictionary row) goes to sqlite3_log() and to ai_tokenizer_error().
*/
#include "../koai_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/userdict.h"
#include "../analyzer/utf8.h"
#include "bulk_insert.h"
#include "index_terms.h"
#include "tokenizer_options.h"

/* One per connection: the connection and its last constructor error. */
typedef struct korean_global {
  sqlite3 *db;
  char zLastError[512];
} korean_global;

typedef struct korean_tokenizer {
  koai_term_options opts;
  koai_userdict *userdict;
  koai_term_builder *builder;
} korean_tokenizer;

typedef struct korean_token_ctx {
  void *pCtx;
  int (*xToken)(void *, int, const char *, int, int, int);
} korean_token_ctx;

static void koreanDelete(Fts5Tokenizer *pTok) {
  korean_tokenizer *t = (korean_tokenizer *)pTok;
  if (t == NULL) return;
  koai_term_builder_free(t->builder);
  koai_userdict_free(t->userdict);
  sqlite3_free(t);
}

/* Read (word, tag) rows of the user's table into a user dictionary. */
static int koreanLoadUserdict(korean_global *g, const koai_dict *d,
                              const char *zTable, koai_userdict **ppOut) {
  sqlite3_stmt *pStmt = NULL;
  koai_userdict *ud;
  char *zSql;
  int rc, iRow = 0;
  *ppOut = NULL;
  zSql = sqlite3_mprintf("SELECT * FROM \"%w\"", zTable);
  if (zSql == NULL) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(g->db, zSql, -1, &pStmt, NULL);
  sqlite3_free(zSql);
  if ((rc & 0xff) == SQLITE_NOMEM) return SQLITE_NOMEM;
  if (rc != SQLITE_OK) {
    snprintf(g->zLastError, sizeof(g->zLastError),
             "korean: cannot read userdict table '%s': %s", zTable,
             sqlite3_errmsg(g->db));
    return SQLITE_ERROR;
  }
  if (sqlite3_column_count(pStmt) < 1) {
    sqlite3_finalize(pStmt);
    snprintf(g->zLastError, sizeof(g->zLastError),
             "korean: userdict table '%s' has no columns", zTable);
    return SQLITE_ERROR;
  }
  rc = koai_userdict_create(d, &ud, NULL);
  if (rc != KOAI_OK) {
    sqlite3_finalize(pStmt);
    if (rc == KOAI_ERROR_NOMEM) return SQLITE_NOMEM;
    snprintf(g->zLastError, sizeof(g->zLastError),
             "korean: cannot read the dictionary's id tables in %s",
             koai_dict_dir(d));
    return SQLITE_ERROR;
  }
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
    const char *zWord = (const char *)sqlite3_column_text(pStmt, 0);
    int nWord = sqlite3_column_bytes(pStmt, 0);
    const char *zTag = sqlite3_column_count(pStmt) > 1
                           ? (const char *)sqlite3_column_text(pStmt, 1)
                           : NULL;
    int r;
    long bad;
    iRow++;
    /* NULL for a value that is not NULL: out of memory converting it. */
    if ((zWord == NULL && sqlite3_column_type(pStmt, 0) != SQLITE_NULL) ||
        (zTag == NULL && sqlite3_column_count(pStmt) > 1 &&
         sqlite3_column_type(pStmt, 1) != SQLITE_NULL)) {
      rc = SQLITE_NOMEM;
      break;
    }
    if (zWord == NULL) continue;
    bad = koai_utf8_invalid_offset((const unsigned char *)zWord, (size_t)nWord);
    if (bad >= 0) {
      snprintf(g->zLastError, sizeof(g->zLastError),
               "korean: userdict table '%s': invalid UTF-8 at byte %ld of the "
               "word in row %d", zTable, bad, iRow);
      rc = SQLITE_ERROR;
      break;
    }
    if (zTag == NULL || zTag[0] == 0) zTag = "NNP";
    r = koai_userdict_add(ud, zWord, nWord, zTag);
    if (r == KOAI_ERROR_TAG) {
      snprintf(g->zLastError, sizeof(g->zLastError),
               "korean: userdict table '%s': unknown tag '%s' for word '%s'",
               zTable, zTag, zWord);
      rc = SQLITE_ERROR;
      break;
    }
    if (r != KOAI_OK) {
      rc = SQLITE_NOMEM;
      break;
    }
  }
  sqlite3_finalize(pStmt);
  if (rc != SQLITE_DONE) {
    koai_userdict_free(ud);
    return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
  }
  koai_userdict_prepare(ud);
  *ppOut = ud;
  return SQLITE_OK;
}

static int koreanCreate(void *pCtx, const char **azArg, int nArg,
                        Fts5Tokenizer **ppOut) {
  korean_global *g = pCtx;
  korean_tokenizer *t;
  const char *zUserdict = NULL;
  const char *zDictErr = NULL;
  const koai_dict *d;
  int rc = SQLITE_OK;

  *ppOut = NULL;
  g->zLastError[0] = 0;
  t = sqlite3_malloc(sizeof(*t));
  if (t == NULL) return SQLITE_NOMEM;
  memset(t, 0, sizeof(*t));
  if (koai_tokenizer_options_parse(azArg, nArg, &t->opts, &zUserdict,
                                   g->zLastError, sizeof(g->zLastError))) {
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK) {
    d = koai_dictionary(&zDictErr);
    if (d == NULL) {
      snprintf(g->zLastError, sizeof(g->zLastError), "korean: %s", zDictErr);
      rc = SQLITE_ERROR;
    } else {
      t->builder = koai_term_builder_new(d);
      if (t->builder == NULL) rc = SQLITE_NOMEM;
      if (rc == SQLITE_OK && zUserdict) {
        rc = koreanLoadUserdict(g, d, zUserdict, &t->userdict);
        t->opts.userdict = t->userdict;
      }
    }
  }
  if (rc != SQLITE_OK) {
    if (g->zLastError[0]) sqlite3_log(rc, "%s", g->zLastError);
    koreanDelete((Fts5Tokenizer *)t);
    return rc;
  }
  *ppOut = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static int koreanOnTerm(void *ctx, int colocated, const char *z, int n,
                        size_t start, size_t end) {
  korean_token_ctx *c = ctx;
  return c->xToken(c->pCtx, colocated ? FTS5_TOKEN_COLOCATED : 0, z, n,
                   (int)start, (int)end);
}

static int koreanTokenize(Fts5Tokenizer *pTok, void *pCtx, int flags,
                          const char *pText, int nText,
                          int (*xToken)(void *, int, const char *, int, int,
                                        int)) {
  korean_tokenizer *t = (korean_tokenizer *)pTok;
  korean_token_ctx c;
  int mode = KOAI_TERMS_DOCUMENT;
  int rc;
  if (flags & FTS5_TOKENIZE_PREFIX) {
    mode = KOAI_TERMS_PREFIX;
  } else if (flags & FTS5_TOKENIZE_QUERY) {
    mode = KOAI_TERMS_QUERY;
  }
  if (pText == NULL || nText <= 0) return SQLITE_OK;
  /* During ai_fts_insert() the terms may be ready (bulk_insert.c). */
  if (mode == KOAI_TERMS_DOCUMENT &&
      koai_bulk_tokenize(t, &t->opts, pText, nText, xToken, pCtx, &rc)) {
    return rc;
  }
  c.pCtx = pCtx;
  c.xToken = xToken;
  rc = koai_terms(t->builder, &t->opts, mode, pText, (size_t)nText,
                  koreanOnTerm, &c);
  if (rc == KOAI_ERROR_NOMEM) return SQLITE_NOMEM;
  if (rc < 0) return SQLITE_ERROR;
  return rc;   /* 0, or what xToken returned */
}

/* ai_tokenizer_error(): why the last `korean` constructor failed here. */
static void koaiTokenizerErrorFunc(sqlite3_context *ctx, int argc,
                                   sqlite3_value **argv) {
  korean_global *g = sqlite3_user_data(ctx);
  (void)argc;
  (void)argv;
  if (g->zLastError[0]) {
    sqlite3_result_text(ctx, g->zLastError, -1, SQLITE_TRANSIENT);
  } else {
    sqlite3_result_null(ctx);
  }
}

/* The connection's fts5_api; an error when FTS5 is missing, or NOMEM. */
static int koreanFts5Api(sqlite3 *db, fts5_api **ppApi) {
  sqlite3_stmt *pStmt = NULL;
  int rc;
  *ppApi = NULL;
  rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)ppApi, "fts5_api_ptr", NULL);
    sqlite3_step(pStmt);
    rc = sqlite3_finalize(pStmt);
  }
  if (rc == SQLITE_OK && *ppApi == NULL) rc = SQLITE_ERROR;
  return rc;
}

int koai_register_korean_tokenizer(sqlite3 *db) {
  static fts5_tokenizer tokenizer = {koreanCreate, koreanDelete,
                                     koreanTokenize};
  fts5_api *pApi = NULL;
  korean_global *g;
  int rc = koreanFts5Api(db, &pApi);
  if (rc != SQLITE_OK) return rc;
  g = sqlite3_malloc(sizeof(*g));
  if (g == NULL) return SQLITE_NOMEM;
  memset(g, 0, sizeof(*g));
  g->db = db;
  rc = pApi->xCreateTokenizer(pApi, "korean", g, &tokenizer, sqlite3_free);
  if (rc != SQLITE_OK) {
    sqlite3_free(g);   /* FTS5 took nothing: it failed before keeping g */
    return rc;
  }
  /* The tokenizer owns g; the function only borrows it, and both go away
  ** with the connection. */
  return sqlite3_create_function(db, "ai_tokenizer_error", 0, SQLITE_UTF8, g,
                                 koaiTokenizerErrorFunc, NULL, NULL);
}
