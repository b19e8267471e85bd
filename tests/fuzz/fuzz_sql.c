/*
** fuzz_sql.c: SQL statements run with koai registered.
**
** The input is SQL, run by sqlite3_exec() on a fresh in-memory database
** with koai registered, as a user would type it at the sqlite3 shell.  (The
** shell's own source, shell.c, is not in any Debian binary package and the
** machine has no source packages, so the shell itself cannot be built with
** libFuzzer here; this harness stands in for it: the same SQL reaches koai
** the same way.)  Limits keep a run short: strings up to 100 kB, no
** attached databases, at most a million virtual-machine steps; files
** (VACUUM INTO) land in a scratch directory.  Checked: no crash, leak,
** hang or sanitizer report.  (An integrity-check afterwards would prove
** nothing: fuzzed SQL can desynchronize an external-content table on
** purpose, which FTS5 then rightly reports.)
*/
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

static int fuzzProgress(void *p) {
  int *pn = p;
  return ++*pn > 1000;   /* called every 1000 steps */
}

static int fuzzIgnoreRow(void *p, int n, char **az, char **azCol) {
  (void)p;
  (void)n;
  (void)az;
  (void)azCol;
  return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_dictionary();
  mkdir("build/fuzz/scratch", 0700);
  if (chdir("build/fuzz/scratch") != 0 && chdir("/tmp") != 0) return 0;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sqlite3 *db = NULL;
  char *zSql;
  int nProgress = 0;
  if (size > 1 << 16) return 0;
  zSql = malloc(size + 1);
  FUZZ_CHECK(zSql != NULL, "out of memory");
  memcpy(zSql, data, size);
  zSql[size] = 0;
  if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
      koai_register(db, NULL) == SQLITE_OK) {
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 25000);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    sqlite3_progress_handler(db, 1000, fuzzProgress, &nProgress);
    sqlite3_exec(db, zSql, fuzzIgnoreRow, NULL, NULL);
  }
  sqlite3_close(db);
  free(zSql);
  return 0;
}
