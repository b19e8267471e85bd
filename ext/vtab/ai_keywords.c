/*
** ai_keywords.c: the table-valued function ai_keywords(text [, n [, fts]]).
**
**   SELECT keyword, score FROM ai_keywords('알리바바는 새 언어모델을 ...', 5);
**   SELECT keyword, score FROM articles a,
**          ai_keywords(a.body, 5, 'articles_fts');
**
** The n (default 10) most characteristic keywords of a text, best first:
** nouns and noun phrases found by ext/keywords/keywords.c (which keeps
** the names of koai's shipped gazetteer whole), each scored tf * idf.
** Without a third argument the idf is a prior from the dictionary's word
** costs.  With the name of an FTS5 table (indexed with tokenize='korean'),
** it is that corpus's BM25 idf, so that words common to every document
** rank low: a keyword's document frequency is the number of rows that
** MATCH it as a phrase, which for one term is what an fts5vocab 'row'
** table holds, and which also counts a compound written apart and a
** phrase as such.  No fts5vocab table is created: creating a table while
** the caller's statement runs can make SQLite abort that statement.  The
** corpus size and each keyword's frequency are read once per statement.
**
** It is marked innocuous, as ai_entities is (which reads ai_gazetteer):
** it changes nothing and reads nothing but the document counts of the
** table its caller names, so that it works in the views of a database
** opened with trusted_schema=OFF.
*/
#include "vtab_args.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/utf8.h"
#include "../entities/gazetteer.h"
#include "../keywords/keywords.h"

#define KW_COL_KEYWORD 0
#define KW_COL_SCORE 1
#define KW_COL_TEXT 2
#define KW_COL_N 3
#define KW_COL_FTS 4

#define KW_DEFAULT_N 10

/* idxNum bits: which arguments xFilter receives, in this order. */
#define KW_ARG_TEXT 1
#define KW_ARG_N 2
#define KW_ARG_FTS 4

typedef struct keywords_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
} keywords_vtab;

/* A document frequency already read, in the cursor's cache. */
typedef struct keywords_df {
  char *term;                 /* sqlite3_malloc'ed, NUL-terminated */
  sqlite3_int64 df;
} keywords_df;

typedef struct keywords_cursor {
  sqlite3_vtab_cursor base;
  koai_keywords *kw;
  int i, n;                   /* current row, rows to show */
  /* the corpus of the last call, kept for the rest of the statement */
  char *corpus;               /* the third argument as given */
  sqlite3_stmt *df_stmt;      /* SELECT count(*) ... WHERE t MATCH ? */
  sqlite3_int64 n_docs;
  char *df_error;             /* the df query's last error message */
  keywords_df *cache;         /* open addressing, NULL term: empty */
  int n_cache, cap_cache;     /* cap_cache is 0 or a power of two */
} keywords_cursor;

static int keywordsConnect(sqlite3 *db, void *pAux, int argc,
                           const char *const *argv, sqlite3_vtab **ppVtab,
                           char **pzErr) {
  keywords_vtab *p;
  int rc;
  (void)pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  rc = sqlite3_declare_vtab(db,
                            "CREATE TABLE x(keyword TEXT, score REAL, "
                            "text HIDDEN, n HIDDEN, fts_table HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if (p == NULL) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int keywordsDisconnect(sqlite3_vtab *pVtab) {
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int keywordsOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  keywords_cursor *cur;
  (void)pVtab;
  cur = sqlite3_malloc(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

/* Forget the corpus of the last call and its document frequencies. */
static void keywordsForgetCorpus(keywords_cursor *cur) {
  int i;
  sqlite3_finalize(cur->df_stmt);
  sqlite3_free(cur->corpus);
  for (i = 0; i < cur->cap_cache; i++) sqlite3_free(cur->cache[i].term);
  sqlite3_free(cur->cache);
  sqlite3_free(cur->df_error);
  cur->df_error = NULL;
  cur->df_stmt = NULL;
  cur->corpus = NULL;
  cur->n_docs = 0;
  cur->cache = NULL;
  cur->n_cache = cur->cap_cache = 0;
}

static int keywordsClose(sqlite3_vtab_cursor *pCur) {
  keywords_cursor *cur = (keywords_cursor *)pCur;
  keywordsForgetCorpus(cur);
  koai_keywords_free(cur->kw);
  sqlite3_free(cur);
  return SQLITE_OK;
}


/*
** The n argument: a positive integer (an integral REAL such as 5.0 is
** accepted).  NULL means the default.
*/
static int keywordsArgN(sqlite3_vtab *pVtab, sqlite3_value *v, int *pN) {
  int type = sqlite3_value_numeric_type(v);
  if (type == SQLITE_NULL) {
    *pN = KW_DEFAULT_N;
    return SQLITE_OK;
  }
  if (type == SQLITE_INTEGER) {
    sqlite3_int64 n = sqlite3_value_int64(v);
    if (n >= 1) {
      *pN = n > 0x7fffffff ? 0x7fffffff : (int)n;
      return SQLITE_OK;
    }
  } else if (type == SQLITE_FLOAT) {
    double r = sqlite3_value_double(v);
    if (r >= 1 && r <= 2147483647.0 && r == (double)(sqlite3_int64)r) {
      *pN = (int)r;
      return SQLITE_OK;
    }
  }
  return koai_vtab_error(
      pVtab, sqlite3_mprintf("ai_keywords: bad n '%s' (expected a positive "
                             "integer)",
                             sqlite3_value_text(v) ? (const char *)
                                                         sqlite3_value_text(v)
                                                   : ""));
}

/*
** 1 when a CREATE statement from sqlite_schema creates a virtual table of
** module fts5: "CREATE VIRTUAL TABLE <name> USING fts5(...)", the module
** name possibly quoted.
*/
static int keywordsIsFts5(const char *zSql) {
  const char *z;
  static const char zUsing[] = "using";
  size_t i;
  if (zSql == NULL || sqlite3_strnicmp(zSql, "CREATE VIRTUAL TABLE", 20) != 0) {
    return 0;
  }
  /* the first USING outside quotes */
  for (z = zSql + 20; *z; z++) {
    char q = *z;
    if (q == '"' || q == '\'' || q == '`' || q == '[') {
      char close = q == '[' ? ']' : q;
      for (z++; *z && *z != close; z++) {
      }
      if (*z == 0) return 0;
      continue;
    }
    if (sqlite3_strnicmp(z, zUsing, 5) == 0 &&
        (z[5] == ' ' || z[5] == '\t' || z[5] == '\n' || z[5] == '\r' ||
         z[5] == '"')) {
      break;
    }
  }
  if (*z == 0) return 0;
  z += 5;
  while (*z == ' ' || *z == '\t' || *z == '\n' || *z == '\r') z++;
  if (*z == '"' || *z == '\'' || *z == '`' || *z == '[') z++;
  if (sqlite3_strnicmp(z, "fts5", 4) != 0) return 0;
  i = 4;
  return !((z[i] >= 'a' && z[i] <= 'z') || (z[i] >= 'A' && z[i] <= 'Z') ||
           (z[i] >= '0' && z[i] <= '9') || z[i] == '_');
}

/* Run one statement that returns at most one integer into *pOut. */
static int keywordsQueryInt(sqlite3 *db, const char *zSql, const char *zBind,
                            sqlite3_int64 *pOut, int *pFound) {
  sqlite3_stmt *pStmt = NULL;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, NULL);
  *pFound = 0;
  if (rc == SQLITE_OK && zBind) {
    rc = sqlite3_bind_text(pStmt, 1, zBind, -1, SQLITE_TRANSIENT);
  }
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(pStmt);
    if (rc == SQLITE_ROW) {
      *pOut = sqlite3_column_int64(pStmt, 0);
      *pFound = 1;
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(pStmt);
  return rc;
}

/*
** Make the corpus named zName ready: check that it is an FTS5 table of
** the main database or of "schema.table", count its documents and
** prepare the query that counts the documents of a phrase.
*/
static int keywordsOpenCorpus(keywords_cursor *cur, const char *zName) {
  sqlite3_vtab *pVtab = cur->base.pVtab;
  sqlite3 *db = ((keywords_vtab *)pVtab)->db;
  char *zSchema = NULL, *zTable = NULL, *zSql = NULL;
  const char *zDot = strchr(zName, '.');
  sqlite3_stmt *pStmt = NULL;
  sqlite3_int64 dummy;
  int rc = SQLITE_OK, found = 0, isFts5 = 0;

  if (cur->corpus && strcmp(cur->corpus, zName) == 0 && cur->df_stmt) {
    return SQLITE_OK;
  }
  keywordsForgetCorpus(cur);
  /* "schema.table" when the part before the dot names a database */
  if (zDot) {
    zSchema = sqlite3_mprintf("%.*s", (int)(zDot - zName), zName);
    if (zSchema == NULL) return SQLITE_NOMEM;
    rc = keywordsQueryInt(db,
                          "SELECT 1 FROM pragma_database_list WHERE name = ?1",
                          zSchema, &dummy, &found);
    if (rc != SQLITE_OK) goto failed;
    if (found) {
      zTable = sqlite3_mprintf("%s", zDot + 1);
    } else {
      sqlite3_free(zSchema);
      zSchema = NULL;
    }
  }
  if (zSchema == NULL) {
    zSchema = sqlite3_mprintf("main");
    zTable = sqlite3_mprintf("%s", zName);
  }
  if (zSchema == NULL || zTable == NULL) {
    rc = SQLITE_NOMEM;
    goto done;
  }

  /* It exists and is an FTS5 table. */
  zSql = sqlite3_mprintf("SELECT sql FROM \"%w\".sqlite_schema "
                         "WHERE type = 'table' AND name = ?1 COLLATE NOCASE",
                         zSchema);
  if (zSql == NULL) {
    rc = SQLITE_NOMEM;
    goto done;
  }
  rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(pStmt, 1, zTable, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(pStmt);
    if (rc == SQLITE_ROW) {
      found = 1;
      isFts5 = keywordsIsFts5((const char *)sqlite3_column_text(pStmt, 0));
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      found = 0;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(pStmt);
  pStmt = NULL;
  if (rc != SQLITE_OK) goto failed;
  if (!found) {
    rc = koai_vtab_error(pVtab,
                       sqlite3_mprintf("ai_keywords: no such table: %s", zName));
    goto done;
  }
  if (!isFts5) {
    rc = koai_vtab_error(pVtab, sqlite3_mprintf(
                                  "ai_keywords: %s is not an FTS5 table", zName));
    goto done;
  }

  /* Its size, and the query that counts the rows of a phrase. */
  sqlite3_free(zSql);
  zSql = sqlite3_mprintf("SELECT count(*) FROM \"%w\".\"%w\"", zSchema,
                         zTable);
  if (zSql == NULL) {
    rc = SQLITE_NOMEM;
    goto done;
  }
  rc = keywordsQueryInt(db, zSql, NULL, &cur->n_docs, &found);
  if (rc == SQLITE_OK) {
    sqlite3_free(zSql);
    zSql = sqlite3_mprintf("SELECT count(*) FROM \"%w\".\"%w\" "
                           "WHERE \"%w\" MATCH ?1",
                           zSchema, zTable, zTable);
    if (zSql == NULL) {
      rc = SQLITE_NOMEM;
      goto done;
    }
    rc = sqlite3_prepare_v2(db, zSql, -1, &cur->df_stmt, NULL);
  }
failed:
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOMEM) {
    rc = koai_vtab_error(pVtab, sqlite3_mprintf("ai_keywords: cannot read %s: %s",
                                              zName, sqlite3_errmsg(db)));
    goto done;
  }
  if (rc != SQLITE_OK) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK) {
    cur->corpus = sqlite3_mprintf("%s", zName);
    if (cur->corpus == NULL) rc = SQLITE_NOMEM;
  }

done:
  if (rc != SQLITE_OK) keywordsForgetCorpus(cur);
  sqlite3_free(zSchema);
  sqlite3_free(zTable);
  sqlite3_free(zSql);
  return rc;
}

static unsigned keywordsHash(const char *z, int n) {
  unsigned h = 2166136261u;
  int i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)z[i];
    h *= 16777619u;
  }
  return h;
}

/* The cache slot of term z[0..n): where it is, or the empty one for it. */
static keywords_df *keywordsCacheSlot(keywords_cursor *cur, const char *z,
                                      int n) {
  unsigned i = keywordsHash(z, n) & (unsigned)(cur->cap_cache - 1);
  for (;; i = (i + 1) & (unsigned)(cur->cap_cache - 1)) {
    keywords_df *e = &cur->cache[i];
    if (e->term == NULL ||
        (strncmp(e->term, z, (size_t)n) == 0 && e->term[n] == 0)) {
      return e;
    }
  }
}

/* Keep the cache at most half full; SQLITE_OK or SQLITE_NOMEM. */
static int keywordsCacheGrow(keywords_cursor *cur) {
  keywords_df *old = cur->cache;
  int oldCap = cur->cap_cache, cap = oldCap ? oldCap * 2 : 256, i;
  if ((cur->n_cache + 1) * 2 <= oldCap) return SQLITE_OK;
  cur->cache = sqlite3_malloc64((sqlite3_uint64)cap * sizeof(keywords_df));
  if (cur->cache == NULL) {
    cur->cache = old;
    return SQLITE_NOMEM;
  }
  memset(cur->cache, 0, (size_t)cap * sizeof(keywords_df));
  cur->cap_cache = cap;
  for (i = 0; i < oldCap; i++) {
    if (old[i].term) {
      *keywordsCacheSlot(cur, old[i].term, (int)strlen(old[i].term)) = old[i];
    }
  }
  sqlite3_free(old);
  return SQLITE_OK;
}

/*
** koai_keywords_df_fn over the cursor's corpus: the rows that MATCH the
** keyword as a phrase ("..." with its quotes doubled), read once per
** statement.
*/
static int keywordsDf(void *ctx, const char *z, int n, long long *pDf) {
  keywords_cursor *cur = ctx;
  keywords_df *e;
  char *zTerm, *zPhrase;
  int rc;
  *pDf = -1;
  rc = keywordsCacheGrow(cur);
  if (rc != SQLITE_OK) return rc;
  e = keywordsCacheSlot(cur, z, n);
  if (e->term) {
    *pDf = e->df;
    return SQLITE_OK;
  }
  zTerm = sqlite3_mprintf("%.*s", n, z);
  if (zTerm == NULL) return SQLITE_NOMEM;
  zPhrase = sqlite3_mprintf("\"%w\"", zTerm);
  if (zPhrase == NULL) {
    sqlite3_free(zTerm);
    return SQLITE_NOMEM;
  }
  rc = sqlite3_bind_text(cur->df_stmt, 1, zPhrase, -1, sqlite3_free);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(cur->df_stmt);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
      *pDf = rc == SQLITE_ROW ? sqlite3_column_int64(cur->df_stmt, 0) : 0;
      rc = SQLITE_OK;
    } else {
      /* the query's own message, before anything else replaces it */
      sqlite3_free(cur->df_error);
      cur->df_error = sqlite3_mprintf(
          "%s", sqlite3_errmsg(((keywords_vtab *)cur->base.pVtab)->db));
    }
  }
  sqlite3_reset(cur->df_stmt);
  if (rc != SQLITE_OK) {
    sqlite3_free(zTerm);
    return rc;
  }
  e->term = zTerm;
  e->df = *pDf;
  cur->n_cache++;
  return SQLITE_OK;
}

static int keywordsFilter(sqlite3_vtab_cursor *pCur, int idxNum,
                          const char *idxStr, int argc, sqlite3_value **argv) {
  keywords_cursor *cur = (keywords_cursor *)pCur;
  sqlite3_vtab *pVtab = pCur->pVtab;
  sqlite3_value *pText = NULL, *pN = NULL, *pFts = NULL;
  const unsigned char *z;
  int i = 0, n, nRows = KW_DEFAULT_N, rc;
  char *zErr = NULL;
  (void)idxStr;
  cur->i = cur->n = 0;
  if (!(idxNum & KW_ARG_TEXT)) {
    return koai_vtab_text(pVtab, "ai_keywords", NULL, &z, &n);
  }
  if (idxNum & KW_ARG_TEXT && i < argc) pText = argv[i++];
  if (idxNum & KW_ARG_N && i < argc) pN = argv[i++];
  if (idxNum & KW_ARG_FTS && i < argc) pFts = argv[i++];
  if (pN) {
    rc = keywordsArgN(pVtab, pN, &nRows);
    if (rc != SQLITE_OK) return rc;
  }
  if (pFts && sqlite3_value_type(pFts) != SQLITE_NULL) {
    const char *zName = (const char *)sqlite3_value_text(pFts);
    if (zName == NULL) return SQLITE_NOMEM;
    rc = keywordsOpenCorpus(cur, zName);
    if (rc != SQLITE_OK) return rc;
  } else {
    pFts = NULL;
  }
  rc = koai_vtab_text(pVtab, "ai_keywords", pText, &z, &n);
  if (rc != SQLITE_OK || z == NULL) return rc;
  if (cur->kw == NULL) {
    const koai_dict *d = koai_dictionary_or_error("ai_keywords", &zErr);
    const koai_gazetteer *names;
    const char *zGazErr = NULL;
    if (d == NULL) return koai_vtab_error(pVtab, zErr);
    names = koai_gazetteer_builtin(&zGazErr);
    if (names == NULL) {
      return koai_vtab_error(pVtab,
                           sqlite3_mprintf("ai_keywords: %s", zGazErr));
    }
    cur->kw = koai_keywords_new(d, names);
    if (cur->kw == NULL) return SQLITE_NOMEM;
  }
  /* The analyzer does not keep the text; argv's copy lives long enough. */
  if (koai_keywords_extract(cur->kw, (const char *)z, (size_t)n) != KOAI_OK) {
    return SQLITE_NOMEM;
  }
  if (pFts) {
    rc = koai_keywords_score(cur->kw, keywordsDf, cur, cur->n_docs);
    if (rc == KOAI_ERROR_NOMEM || (rc & 0xff) == SQLITE_NOMEM) {
      return SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) {
      return koai_vtab_error(
          pVtab, sqlite3_mprintf("ai_keywords: cannot read %s: %s",
                                 cur->corpus, cur->df_error ? cur->df_error
                                                            : sqlite3_errstr(rc)));
    }
  } else if (koai_keywords_score(cur->kw, NULL, NULL, 0) != KOAI_OK) {
    return SQLITE_NOMEM;
  }
  n = koai_keywords_count(cur->kw);
  cur->n = n < nRows ? n : nRows;
  return SQLITE_OK;
}

static int keywordsNext(sqlite3_vtab_cursor *pCur) {
  ((keywords_cursor *)pCur)->i++;
  return SQLITE_OK;
}

static int keywordsEof(sqlite3_vtab_cursor *pCur) {
  keywords_cursor *cur = (keywords_cursor *)pCur;
  return cur->i >= cur->n;
}

static int keywordsColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx,
                          int iCol) {
  keywords_cursor *cur = (keywords_cursor *)pCur;
  const char *z;
  int n;
  double score;
  koai_keywords_get(cur->kw, cur->i, &z, &n, &score);
  switch (iCol) {
    case KW_COL_KEYWORD:
      sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
      break;
    case KW_COL_SCORE:
      sqlite3_result_double(ctx, score);
      break;
    default:
      /* the arguments are consumed by xFilter (omit) */
      sqlite3_result_null(ctx);
      break;
  }
  return SQLITE_OK;
}

static int keywordsRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid) {
  *pRowid = ((keywords_cursor *)pCur)->i + 1;
  return SQLITE_OK;
}

/*
** The text, n and the corpus, bound by equality (see koai_vtab_best_index):
** idxNum has KW_ARG_TEXT, KW_ARG_N and KW_ARG_FTS for those given.
*/
static int keywordsBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  (void)pVtab;
  return koai_vtab_best_index(info, KW_COL_TEXT, 3, 10000, KW_DEFAULT_N);
}

static sqlite3_module keywordsModule = {
    0,                  /* iVersion */
    0,                  /* xCreate: eponymous only */
    keywordsConnect,    /* xConnect */
    keywordsBestIndex,  /* xBestIndex */
    keywordsDisconnect, /* xDisconnect */
    0,                  /* xDestroy */
    keywordsOpen,       /* xOpen */
    keywordsClose,      /* xClose */
    keywordsFilter,     /* xFilter */
    keywordsNext,       /* xNext */
    keywordsEof,        /* xEof */
    keywordsColumn,     /* xColumn */
    keywordsRowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int koai_register_ai_keywords(sqlite3 *db) {
  return sqlite3_create_module(db, "ai_keywords", &keywordsModule, NULL);
}
