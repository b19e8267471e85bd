/*
** fuzz_options.c: the `korean` tokenizer's option parser.
**
** The input is split at line breaks into the tokenizer's arguments and
** handed to its constructor as FTS5 would; a tokenizer that is created
** must then tokenize a sample.  Byte 0 bit 0 also sends the input through
** SQL, as the tokenize= argument of CREATE VIRTUAL TABLE, which FTS5
** itself splits; a table that is created must index and pass
** integrity-check.  Every failure must leave a message naming the option
** (ai_tokenizer_error()).
*/
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#define MAX_ARGS 32

static sqlite3 *db;
static fuzz_tokenizer korean;

static int fuzzIgnoreToken(void *ctx, int tflags, const char *pToken,
                           int nToken, int iStart, int iEnd) {
  (void)ctx;
  (void)tflags;
  (void)pToken;
  (void)nToken;
  (void)iStart;
  (void)iEnd;
  return SQLITE_OK;
}

/* ai_tokenizer_error() must say what was wrong after a failure. */
static void fuzzCheckMessage(void) {
  sqlite3_stmt *pStmt = NULL;
  const char *z;
  sqlite3_prepare_v2(db, "SELECT ai_tokenizer_error()", -1, &pStmt, NULL);
  FUZZ_CHECK(sqlite3_step(pStmt) == SQLITE_ROW, "ai_tokenizer_error");
  z = (const char *)sqlite3_column_text(pStmt, 0);
  FUZZ_CHECK(z && strncmp(z, "korean: ", 8) == 0,
             "constructor failed without a message: %s", z ? z : "NULL");
  sqlite3_finalize(pStmt);
}

static void fuzzThroughSql(const char *zOpts) {
  char *zSql = sqlite3_mprintf(
      "CREATE VIRTUAL TABLE temp.o USING fts5(x, tokenize=%Q)", zOpts);
  int rc;
  FUZZ_CHECK(zSql != NULL, "out of memory");
  rc = sqlite3_exec(db, zSql, NULL, NULL, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK) return;
  fuzz_exec(db,
            "INSERT INTO temp.o VALUES ('알리바바는 하이퍼클로바X와 "
            "오픈AI가 GPT-4를 말했다');"
            "INSERT INTO temp.o(o, rank) VALUES ('integrity-check', 0);"
            "DROP TABLE temp.o;");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char zSample[] = "알리바바는 오픈AI가 GPT-4를 공개했다고 말했다";
  char *zCopy, *p;
  const char *azArg[MAX_ARGS];
  int nArg = 0, rc;
  Fts5Tokenizer *pTok = NULL;
  if (db == NULL) {
    db = fuzz_open_db();
    fuzz_exec(db, "CREATE TABLE words(word, tag);"
                  "INSERT INTO words VALUES ('딥시크', 'NNP'), ('가', 'NNG');"
                  "CREATE TABLE bad(word, tag);"
                  "INSERT INTO bad VALUES ('딥시크', 'XYZ');"
                  "CREATE TABLE nocols(a);");
    fuzz_find_korean(db, &korean);
  }
  if (size < 1 || size > 4096) return 0;
  zCopy = malloc(size);
  FUZZ_CHECK(zCopy != NULL, "out of memory");
  memcpy(zCopy, data + 1, size - 1);
  zCopy[size - 1] = 0;
  for (p = zCopy; nArg < MAX_ARGS;) {
    char *zEnd = strchr(p, '\n');
    azArg[nArg++] = p;
    if (zEnd == NULL) break;
    *zEnd = 0;
    p = zEnd + 1;
  }
  rc = korean.api.xCreate(korean.pUserData, azArg, nArg, &pTok);
  if (rc == SQLITE_OK) {
    FUZZ_CHECK(pTok != NULL, "no tokenizer");
    rc = korean.api.xTokenize(pTok, NULL, FTS5_TOKENIZE_DOCUMENT, zSample,
                              (int)sizeof(zSample) - 1, fuzzIgnoreToken);
    FUZZ_CHECK(rc == SQLITE_OK, "tokenize: %d", rc);
    korean.api.xDelete(pTok);
  } else {
    FUZZ_CHECK(rc == SQLITE_ERROR, "constructor returned %d", rc);
    fuzzCheckMessage();
  }
  if (data[0] & 1) {
    /* The same arguments, as FTS5 would read them from SQL. */
    for (p = zCopy; p < zCopy + size - 1; p++) {
      if (*p == 0) *p = ' ';
    }
    {
      char *zOpts = sqlite3_mprintf("korean %s", zCopy);
      FUZZ_CHECK(zOpts != NULL, "out of memory");
      fuzzThroughSql(zOpts);
      sqlite3_free(zOpts);
    }
  }
  free(zCopy);
  return 0;
}
