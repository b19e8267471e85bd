/*
** static_test.c: koai linked statically into a program with Debian's
** SQLite, as an application that compiles SQLite itself uses it: no
** load_extension anywhere (it stays disabled), registration through
** sqlite3_auto_extension(koai_auto_register) and through an explicit
** koai_register(db).
**
**   static_test     prints failures and "N passed, N failed"
**
** The dictionary is found as koai_dictionary() documents: KOAI_DICDIR
** when set, else the directory compiled into an installed libkoai.a.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "koai.h"

static int g_passed = 0, g_failed = 0;

/* The rows of zSql, columns joined by '|', rows by '\n'; or "error: ...". */
static void query(sqlite3 *db, const char *zSql, char *zOut, size_t nOut) {
  sqlite3_stmt *pStmt = NULL;
  size_t n = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, NULL);
  zOut[0] = 0;
  if (rc == SQLITE_OK) rc = sqlite3_step(pStmt);
  for (; rc == SQLITE_ROW; rc = sqlite3_step(pStmt)) {
    int i;
    for (i = 0; i < sqlite3_column_count(pStmt); i++) {
      const char *z = (const char *)sqlite3_column_text(pStmt, i);
      n += (size_t)snprintf(zOut + n, n < nOut ? nOut - n : 0, "%s%s%s",
                            n && i == 0 ? "\n" : "", i ? "|" : "",
                            z ? z : "NULL");
    }
  }
  if (rc != SQLITE_DONE) {
    snprintf(zOut, nOut, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
}

static void check(sqlite3 *db, const char *zName, const char *zSql,
                  const char *zWant) {
  char zGot[4096];
  query(db, zSql, zGot, sizeof(zGot));
  if (strcmp(zGot, zWant) == 0) {
    g_passed++;
    printf("PASS %s\n", zName);
  } else {
    g_failed++;
    printf("FAIL %s\n  expected: %s\n  got:      %s\n", zName, zWant, zGot);
  }
}

/* What every connection with koai must do, loaded by either route. */
static void check_koai(sqlite3 *db, const char *zHow) {
  char zName[200];
  snprintf(zName, sizeof(zName), "%s: a korean FTS5 table", zHow);
  check(db, zName,
        "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='korean')", "");
  check(db, zName,
        "INSERT INTO docs VALUES ('알리바바는 새 언어모델을 공개했다고 말했다'),"
        " ('중국에서 오픈 소스 모델이 나왔다')", "");
  snprintf(zName, sizeof(zName), "%s: korean tokenizer", zHow);
  check(db, zName,
        "SELECT rowid, highlight(docs, 0, '[', ']') FROM docs "
        "WHERE docs MATCH '모델 말하다' OR docs MATCH '\"오픈 소스\"' "
        "ORDER BY rowid",
        "1|알리바바는 새 [언어모델]을 공개했다고 [말했다]\n"
        "2|중국에서 [오픈 소스] 모델이 나왔다");
  snprintf(zName, sizeof(zName), "%s: ai_tokens", zHow);
  check(db, zName,
        "SELECT group_concat(token || '/' || tag, ' ') FROM ai_tokens('오픈AI가')",
        "오픈/NNG AI/SL 가/JKS");
  snprintf(zName, sizeof(zName), "%s: ai_entities", zHow);
  check(db, zName,
        "SELECT entity, label, canonical, value, unit FROM "
        "ai_entities('오픈AI의 샘 올트먼은 120억달러 투자를 언급했다.')",
        "오픈AI|ORG|OpenAI|NULL|NULL\n"
        "샘 올트먼|PERSON|Sam Altman|NULL|NULL\n"
        "120억달러|MONEY|120억달러|12000000000.0|USD");
  snprintf(zName, sizeof(zName), "%s: ai_version is KOAI_VERSION", zHow);
  check(db, zName,
        "SELECT substr(ai_version(), 1, instr(ai_version(), ' (') - 1)",
        "koai " KOAI_VERSION);
}

int main(void) {
  sqlite3 *db = NULL;
  char *zErr = NULL;

  /* 1. sqlite3_auto_extension: every new connection has koai. */
  sqlite3_auto_extension((void (*)(void))koai_auto_register);
  sqlite3_open(":memory:", &db);
  check(db, "the load_extension() SQL function stays disabled",
        "SELECT load_extension('koai')", "error: not authorized");
  check_koai(db, "auto extension");
  sqlite3_close(db);

  /* 2. Without it, nothing until koai_register(db) is called. */
  sqlite3_reset_auto_extension();
  sqlite3_open(":memory:", &db);
  check(db, "no koai without registration", "SELECT ai_version()",
        "error: no such function: ai_version");
  if (koai_register(db, &zErr) == SQLITE_OK) {
    g_passed++;
    printf("PASS koai_register\n");
    check_koai(db, "koai_register");
  } else {
    g_failed++;
    printf("FAIL koai_register: %s\n", zErr ? zErr : "(no message)");
    sqlite3_free(zErr);
  }
  sqlite3_close(db);

  printf("static: %d passed, %d failed\n", g_passed, g_failed);
  return g_failed ? 1 : 0;
}
