/*
** fuzz_common.c: set-up shared by koai's libFuzzer harnesses.
*/
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void fuzz_fail(const char *zFile, int line, const char *zCond,
               const char *zFmt, ...) {
  va_list ap;
  fprintf(stderr, "koai fuzz: %s:%d: invariant broken: %s: ", zFile, line,
          zCond);
  va_start(ap, zFmt);
  vfprintf(stderr, zFmt, ap);
  va_end(ap);
  fprintf(stderr, "\n");
  abort();
}

const koai_dict *fuzz_dictionary(void) {
  static const koai_dict *d = NULL;
  const char *zErr = NULL;
  struct stat st;
  if (d) return d;
  if (getenv("KOAI_DICDIR") == NULL && stat("dist/mecab-ko-dic", &st) == 0) {
    koai_set_dictionary_dir("dist/mecab-ko-dic");
  }
  d = koai_dictionary(&zErr);
  if (d == NULL) {
    fprintf(stderr, "koai fuzz: no dictionary: %s\n", zErr);
    exit(2);
  }
  return d;
}

sqlite3 *fuzz_open_db(void) {
  sqlite3 *db = NULL;
  char *zErr = NULL;
  fuzz_dictionary();
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      koai_register(db, &zErr) != SQLITE_OK) {
    fprintf(stderr, "koai fuzz: cannot open a database: %s\n",
            zErr ? zErr : sqlite3_errmsg(db));
    exit(2);
  }
  return db;
}

void fuzz_exec(sqlite3 *db, const char *zSql) {
  char *zErr = NULL;
  if (sqlite3_exec(db, zSql, NULL, NULL, &zErr) != SQLITE_OK) {
    fprintf(stderr, "koai fuzz: set-up failed: %s\n%s\n", zErr, zSql);
    exit(2);
  }
}

void fuzz_find_korean(sqlite3 *db, fuzz_tokenizer *pOut) {
  fts5_api *pApi = NULL;
  sqlite3_stmt *pStmt = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, NULL) ==
      SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pApi, "fts5_api_ptr", NULL);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  if (pApi == NULL ||
      pApi->xFindTokenizer(pApi, "korean", &pOut->pUserData, &pOut->api) !=
          SQLITE_OK) {
    fprintf(stderr, "koai fuzz: no korean tokenizer\n");
    exit(2);
  }
}

int fuzz_step_all(sqlite3_stmt *pStmt) {
  int rc;
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
  }
  return rc;
}

int fuzz_rc_ok(int rc) {
  switch (rc & 0xff) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: case SQLITE_ERROR:
    case SQLITE_NOMEM: case SQLITE_TOOBIG: case SQLITE_INTERRUPT:
    case SQLITE_CONSTRAINT: case SQLITE_RANGE: case SQLITE_MISMATCH:
      return 1;
    default:
      return 0;
  }
}

/* Byte offset of character iChar of z[0..n), or -1 past the end. */
static long fuzzByteOfChar(const uint8_t *z, int n, sqlite3_int64 iChar) {
  int i = 0;
  sqlite3_int64 k = 0;
  while (i < n && k < iChar) {
    i++;
    while (i < n && (z[i] & 0xc0) == 0x80) i++;
    k++;
  }
  return k == iChar ? i : -1;
}

int fuzz_check_slices(sqlite3_stmt *pStmt, const uint8_t *z, int n) {
  int rc;
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
    const void *p = sqlite3_column_blob(pStmt, 0);
    int nP = sqlite3_column_bytes(pStmt, 0);
    sqlite3_int64 s = sqlite3_column_int64(pStmt, 1);
    sqlite3_int64 e = sqlite3_column_int64(pStmt, 2);
    long bs = fuzzByteOfChar(z, n, s), be = fuzzByteOfChar(z, n, e);
    FUZZ_CHECK(0 <= s && s <= e && bs >= 0 && be >= 0, "%s: row at %lld-%lld",
               sqlite3_sql(pStmt), (long long)s, (long long)e);
    FUZZ_CHECK(be - bs == nP && (nP == 0 || memcmp(z + bs, p, (size_t)nP) == 0),
               "%s: row at %lld-%lld is not its slice of the text",
               sqlite3_sql(pStmt), (long long)s, (long long)e);
  }
  return rc;
}
