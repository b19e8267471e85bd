/*
** gazetteer_builtin.c: the gazetteer koai ships, loaded once per process.
**
** sql/gazetteer.sql is compiled in as text (scripts/embed-sql.sh).  On
** first use it is run in a private in-memory database and its rows are
** read into a trie that every connection then shares read-only.  Keeping
** the data as SQL lets analysts read, diff and extend it with the same
** tool they query with.
*/
#include "../koai_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"

extern const char koai_gazetteer_sql[];

static pthread_mutex_t builtin_mutex = PTHREAD_MUTEX_INITIALIZER;
static koai_gazetteer *builtin_gazetteer = NULL;
static char builtin_error[256];
static int builtin_tried = 0;

static int builtin_load(koai_gazetteer *g) {
  sqlite3 *db = NULL;
  sqlite3_stmt *pStmt = NULL;
  char *zErr = NULL;
  int step = SQLITE_DONE;
  int rc = sqlite3_open(":memory:", &db);
  if (rc == SQLITE_OK) {
    rc = sqlite3_exec(db, koai_gazetteer_sql, NULL, NULL, &zErr);
  }
  if (rc == SQLITE_OK) {
    rc = sqlite3_prepare_v2(db,
                            "SELECT name, label, canonical FROM koai_gazetteer "
                            "ORDER BY rowid",
                            -1, &pStmt, NULL);
  }
  while (rc == SQLITE_OK && (step = sqlite3_step(pStmt)) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(pStmt, 0);
    const char *zLabel = (const char *)sqlite3_column_text(pStmt, 1);
    const char *zCanon = (const char *)sqlite3_column_text(pStmt, 2);
    int r;
    if (zName == NULL || zLabel == NULL || zCanon == NULL) continue;
    r = koai_gazetteer_add(g, zName, sqlite3_column_bytes(pStmt, 0), zLabel,
                           zCanon);
    if (r == KOAI_ERROR_NOMEM) rc = SQLITE_NOMEM;
  }
  /* A step that failed (out of memory) must not pass for the last row. */
  if (rc == SQLITE_OK && step != SQLITE_DONE) rc = step;
  if (rc != SQLITE_OK) {
    snprintf(builtin_error, sizeof(builtin_error),
             "cannot load the shipped gazetteer: %s",
             zErr ? zErr : (db ? sqlite3_errmsg(db) : "out of memory"));
  }
  sqlite3_free(zErr);
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return rc;
}

const koai_gazetteer *koai_gazetteer_builtin(const char **pzErr) {
  koai_gazetteer *g;
  pthread_mutex_lock(&builtin_mutex);
  if (!builtin_tried) {
    builtin_tried = 1;
    int rc = SQLITE_NOMEM;
    g = koai_gazetteer_new();
    if (g == NULL) {
      snprintf(builtin_error, sizeof(builtin_error), "out of memory");
    } else if ((rc = builtin_load(g)) != SQLITE_OK) {
      koai_gazetteer_free(g);
    } else {
      builtin_gazetteer = g;
    }
    /* Running out of memory is not remembered: the next call tries again. */
    if ((rc & 0xff) == SQLITE_NOMEM) builtin_tried = 0;
  }
  g = builtin_gazetteer;
  if (pzErr) *pzErr = builtin_error;
  pthread_mutex_unlock(&builtin_mutex);
  return g;
}

__attribute__((destructor)) static void builtin_release(void) {
  koai_gazetteer_free(builtin_gazetteer);
  builtin_gazetteer = NULL;
}
