/*
** fuzz_functions.c: every SQL function koai registers, with fuzzed TEXT
** and BLOB arguments.
**
** The functions are found at start-up in pragma_function_list and
** pragma_module_list (every name beginning with ai_), so a function added
** later is fuzzed without editing this file; ai_entities has a harness of
** its own (fuzz_entities.c).  Byte 0 gives the length of the second
** argument (bits 0-4), taken from the end of the input; the rest is the
** first.  Each function runs with its arguments bound as TEXT, then as
** BLOB.  Checked: a result or a reported error, never a crash, a leak or an
** error code other than SQLITE_ERROR/NOMEM/TOOBIG; the rows of ai_tokens
** and ai_sentences are exactly their slice of the text, start to end.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#define MAX_STMTS 64

static sqlite3 *db;
static sqlite3_stmt *aStmt[MAX_STMTS];
static int aArgs[MAX_STMTS];
static int nStmt;
static sqlite3_stmt *pTokensSlice, *pSentencesSlice;

static void fuzzAdd(const char *zSql, int nArgs) {
  sqlite3_stmt *pStmt = NULL;
  if (nStmt >= MAX_STMTS) return;
  if (sqlite3_prepare_v2(db, zSql, -1, &pStmt, NULL) != SQLITE_OK) return;
  aStmt[nStmt] = pStmt;
  aArgs[nStmt] = nArgs;
  nStmt++;
}

static void fuzzInit(void) {
  sqlite3_stmt *pList = NULL;
  char zSql[256];
  db = fuzz_open_db();
  sqlite3_prepare_v2(db,
                     "SELECT name, narg FROM pragma_function_list"
                     " WHERE name LIKE 'ai\\_%' ESCAPE '\\' ORDER BY 1, 2",
                     -1, &pList, NULL);
  while (sqlite3_step(pList) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(pList, 0);
    int nArg = sqlite3_column_int(pList, 1);
    if (nArg < 0 || nArg > 2) continue;
    snprintf(zSql, sizeof(zSql), "SELECT %s(%s)", zName,
             nArg == 0 ? "" : nArg == 1 ? "?1" : "?1, ?2");
    fuzzAdd(zSql, nArg);
  }
  sqlite3_finalize(pList);
  sqlite3_prepare_v2(db,
                     "SELECT name FROM pragma_module_list"
                     " WHERE name LIKE 'ai\\_%' ESCAPE '\\'"
                     " AND name <> 'ai_entities' ORDER BY 1",
                     -1, &pList, NULL);
  while (sqlite3_step(pList) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(pList, 0);
    int before = nStmt;
    snprintf(zSql, sizeof(zSql), "SELECT * FROM %s(?1, ?2)", zName);
    fuzzAdd(zSql, 2);
    snprintf(zSql, sizeof(zSql), "SELECT * FROM %s(?1)", zName);
    fuzzAdd(zSql, 1);
    FUZZ_CHECK(nStmt > before, "cannot query %s", zName);
  }
  sqlite3_finalize(pList);
  FUZZ_CHECK(nStmt >= 8, "only %d functions found", nStmt);
  sqlite3_prepare_v2(db,
                     "SELECT token, start, end FROM ai_tokens(?1)",
                     -1, &pTokensSlice, NULL);
  sqlite3_prepare_v2(db,
                     "SELECT sentence, start, end FROM ai_sentences(?1)",
                     -1, &pSentencesSlice, NULL);
  FUZZ_CHECK(pTokensSlice && pSentencesSlice, "%s", sqlite3_errmsg(db));
}

static void fuzzBind(sqlite3_stmt *pStmt, int i, const uint8_t *z, int n,
                     int asBlob) {
  if (asBlob) {
    sqlite3_bind_blob(pStmt, i, z, n, SQLITE_STATIC);
  } else {
    sqlite3_bind_text(pStmt, i, (const char *)z, n, SQLITE_STATIC);
  }
}

/* No row may differ from its slice of the text. */
static void fuzzCheckSlices(sqlite3_stmt *pStmt, const uint8_t *z, int n) {
  int rc;
  sqlite3_bind_text(pStmt, 1, (const char *)z, n, SQLITE_STATIC);
  rc = fuzz_check_slices(pStmt, z, n);
  FUZZ_CHECK(rc == SQLITE_DONE || rc == SQLITE_ERROR, "%s", sqlite3_errmsg(db));
  sqlite3_reset(pStmt);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *z1, *z2;
  int n1, n2, i, asBlob;
  if (db == NULL) fuzzInit();
  if (size < 1 || size > 1 << 20) return 0;
  n2 = data[0] & 31;
  if ((size_t)n2 > size - 1) n2 = (int)size - 1;
  n1 = (int)size - 1 - n2;
  z1 = data + 1;
  z2 = data + 1 + n1;
  for (i = 0; i < nStmt; i++) {
    for (asBlob = 0; asBlob < 2; asBlob++) {
      int rc;
      if (aArgs[i] >= 1) fuzzBind(aStmt[i], 1, z1, n1, asBlob);
      if (aArgs[i] >= 2) fuzzBind(aStmt[i], 2, z2, n2, asBlob);
      rc = fuzz_step_all(aStmt[i]);
      FUZZ_CHECK(rc == SQLITE_DONE || rc == SQLITE_ERROR ||
                     rc == SQLITE_TOOBIG,
                 "%s: %d %s", sqlite3_sql(aStmt[i]), rc, sqlite3_errmsg(db));
      if (rc == SQLITE_ERROR) {
        const char *zMsg = sqlite3_errmsg(db);
        /* Errors name the function that raised them. */
        FUZZ_CHECK(strncmp(zMsg, "ai_", 3) == 0 ||
                       strstr(zMsg, "wrong number of arguments") ||
                       strstr(zMsg, "no such") ||
                       strstr(zMsg, "too many arguments"),
                   "%s: unhelpful error '%s'", sqlite3_sql(aStmt[i]), zMsg);
      }
      sqlite3_reset(aStmt[i]);
      sqlite3_clear_bindings(aStmt[i]);
    }
  }
  fuzzCheckSlices(pTokensSlice, z1, n1);
  fuzzCheckSlices(pSentencesSlice, z1, n1);
  return 0;
}
