/*
** sqltest.c: run SQL test files against koai linked in statically.
**
** A test file is a sequence of blocks separated by blank lines.  A block
** is SQL, optionally followed by a line "----" and the exact output
** expected: one line per row, columns joined by '|', NULL as "NULL", or a
** single line "error: <message>" when the SQL must fail with that
** message.  A block without "----" is set-up: it must succeed.  Lines
** starting with '#' outside SQL are comments.
**
**   sqltest FILE...     prints failures and "N passed, N failed"
**
** Each file gets a fresh in-memory database (or the file named by a
** first-block comment "# db: PATH", for tests that reopen a database).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koai.h"

typedef struct strbuf {
  char *z;
  size_t n, cap;
} strbuf;

static void sb_append(strbuf *b, const char *z, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 1024;
    while (cap < b->n + n + 1) cap *= 2;
    b->z = realloc(b->z, cap);
    if (b->z == NULL) {
      fprintf(stderr, "sqltest: out of memory\n");
      exit(2);
    }
    b->cap = cap;
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}

static void sb_puts(strbuf *b, const char *z) { sb_append(b, z, strlen(z)); }

/* Run every statement of zSql, appending rows or the error to out. */
static int run_sql(sqlite3 *db, const char *zSql, strbuf *out) {
  const char *zTail = zSql;
  while (zTail && *zTail) {
    sqlite3_stmt *pStmt = NULL;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if (rc != SQLITE_OK) {
      sb_puts(out, "error: ");
      sb_puts(out, sqlite3_errmsg(db));
      sb_puts(out, "\n");
      return 1;
    }
    if (pStmt == NULL) continue;  /* whitespace or a comment */
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i, n = sqlite3_column_count(pStmt);
      for (i = 0; i < n; i++) {
        if (i) sb_puts(out, "|");
        if (sqlite3_column_type(pStmt, i) == SQLITE_NULL) {
          sb_puts(out, "NULL");
        } else {
          const char *z = (const char *)sqlite3_column_text(pStmt, i);
          sb_append(out, z, (size_t)sqlite3_column_bytes(pStmt, i));
        }
      }
      sb_puts(out, "\n");
    }
    if (rc != SQLITE_DONE) {
      sb_puts(out, "error: ");
      sb_puts(out, sqlite3_errmsg(db));
      sb_puts(out, "\n");
      sqlite3_finalize(pStmt);
      return 1;
    }
    sqlite3_finalize(pStmt);
  }
  return 0;
}

static char *read_file(const char *zPath) {
  FILE *f = fopen(zPath, "rb");
  strbuf b = {0, 0, 0};
  char buf[4096];
  size_t n;
  if (f == NULL) return NULL;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) sb_append(&b, buf, n);
  fclose(f);
  if (b.z == NULL) sb_puts(&b, "");
  return b.z;
}

static int g_passed = 0, g_failed = 0;

static void run_file(const char *zPath) {
  char *zText = read_file(zPath);
  char *z, *zLine;
  sqlite3 *db = NULL;
  int lineNo = 0, blockLine = 0;
  strbuf sql = {0, 0, 0}, want = {0, 0, 0};
  int inExpect = 0, hasExpect = 0;
  if (zText == NULL) {
    printf("FAIL %s: cannot read\n", zPath);
    g_failed++;
    return;
  }
  if (strncmp(zText, "# db: ", 6) == 0) {
    char zDb[1024];
    size_t n = strcspn(zText + 6, "\n");
    if (n >= sizeof(zDb)) n = sizeof(zDb) - 1;
    memcpy(zDb, zText + 6, n);
    zDb[n] = 0;
    remove(zDb);
    sqlite3_open(zDb, &db);
  } else {
    sqlite3_open(":memory:", &db);
  }
  z = zText;
  for (;;) {
    int atEnd = *z == 0;
    size_t n = atEnd ? 0 : strcspn(z, "\n");
    int blank;
    zLine = z;
    if (!atEnd) {
      z += n;
      if (*z == '\n') *z++ = 0;
      lineNo++;
    }
    blank = atEnd || n == 0;
    if (!blank && sql.n == 0 && !inExpect && zLine[0] == '#') continue;
    if (!blank) {
      if (sql.n == 0 && !inExpect) blockLine = lineNo;
      if (!inExpect && strcmp(zLine, "----") == 0) {
        inExpect = hasExpect = 1;
      } else if (inExpect) {
        sb_puts(&want, zLine);
        sb_puts(&want, "\n");
      } else {
        sb_puts(&sql, zLine);
        sb_puts(&sql, "\n");
      }
    }
    if (blank && sql.n > 0) {
      strbuf got = {0, 0, 0};
      int err = run_sql(db, sql.z, &got);
      const char *zGot = got.z ? got.z : "";
      const char *zWant = want.z ? want.z : "";
      if (hasExpect ? strcmp(zGot, zWant) != 0 : err) {
        printf("FAIL %s:%d\n%s---- expected\n%s---- got\n%s\n", zPath,
               blockLine, sql.z, zWant, zGot);
        g_failed++;
      } else if (hasExpect) {
        g_passed++;
      }
      free(got.z);
      sql.n = want.n = 0;
      if (sql.z) sql.z[0] = 0;
      if (want.z) want.z[0] = 0;
      inExpect = hasExpect = 0;
    }
    if (atEnd) break;
  }
  sqlite3_close(db);
  free(sql.z);
  free(want.z);
  free(zText);
}

int main(int argc, char **argv) {
  int i;
  sqlite3_auto_extension((void (*)(void))koai_auto_register);
  for (i = 1; i < argc; i++) run_file(argv[i]);
  printf("sqltest: %d passed, %d failed\n", g_passed, g_failed);
  return g_failed ? 1 : 0;
}
