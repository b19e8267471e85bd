/*
** fuzz_tokenizer.c: the `korean` FTS5 tokenizer in document, query and
** prefix-query mode.
**
** Byte 0 chooses one of eight option sets (bits 0-2), a failing xToken
** callback (bit 3, after byte 1 % 8 tokens) and a round trip through a real
** FTS5 table (bit 4); the rest is the text.  Checked: every token is
** non-empty with offsets inside the text; the document-mode tokens are the
** same on a second run (an index needs a deterministic tokenizer); an
** error from xToken is returned as it is; through SQL, inserting, querying
** and deleting the text leave an index that passes integrity-check.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#define N_OPTION_SETS 8

static const char *azOptions[N_OPTION_SETS][7] = {
    {NULL},
    {"compound", "parts", NULL},
    {"compound", "whole", NULL},
    {"choseong", "1", NULL},
    {"tags", "NN* J* E* X* S* VV VA MAG", NULL},
    {"userdict", "words", NULL},
    {"userdict", "words", "choseong", "1", "compound", "whole", NULL},
    {"tags", "SL,SN,SH", NULL},
};

typedef struct token_check {
  int n;             /* length of the text */
  int count;
  int fail_after;    /* -1: never fail */
  int failed;        /* the callback returned its error */
  uint64_t hash;     /* of every token, its flags and offsets */
} token_check;

static int fuzzOnToken(void *ctx, int tflags, const char *pToken, int nToken,
                       int iStart, int iEnd) {
  token_check *c = ctx;
  int i;
  FUZZ_CHECK(nToken > 0 && pToken != NULL, "empty token");
  FUZZ_CHECK(0 <= iStart && iStart <= iEnd && iEnd <= c->n,
             "token at %d-%d of %d", iStart, iEnd, c->n);
  FUZZ_CHECK(tflags == 0 || tflags == FTS5_TOKEN_COLOCATED, "flags %d",
             tflags);
  for (i = 0; i < nToken; i++) {
    c->hash = (c->hash ^ (unsigned char)pToken[i]) * 1099511628211ull;
  }
  c->hash = (c->hash ^ (uint64_t)tflags ^ ((uint64_t)iStart << 8) ^
             ((uint64_t)iEnd << 36)) * 1099511628211ull;
  if (c->fail_after >= 0 && c->count == c->fail_after) {
    c->failed = 1;
    return SQLITE_ABORT;
  }
  c->count++;
  return SQLITE_OK;
}

static sqlite3 *db;
static fuzz_tokenizer korean;
static Fts5Tokenizer *apTok[N_OPTION_SETS];

static void fuzzInit(void) {
  int i;
  char zSql[256];
  db = fuzz_open_db();
  fuzz_exec(db,
            "CREATE TABLE words(word, tag);"
            "INSERT INTO words VALUES ('딥시크', NULL), ('하이퍼클로바X', 'NNP'),"
            " ('오픈AI', 'NNG'), ('가나', 'NNG'), ('ㅋㅋ', 'NNP'), ('', NULL),"
            " (NULL, 'NNP'), ('  공백  ', 'NNG');");
  fuzz_find_korean(db, &korean);
  for (i = 0; i < N_OPTION_SETS; i++) {
    int nArg = 0;
    while (azOptions[i][nArg]) nArg++;
    FUZZ_CHECK(korean.api.xCreate(korean.pUserData, azOptions[i], nArg,
                                  &apTok[i]) == SQLITE_OK,
               "option set %d", i);
    snprintf(zSql, sizeof(zSql),
             "CREATE VIRTUAL TABLE f%d USING fts5(x, tokenize=\"korean%s%s%s%s%s%s\");",
             i, i == 1 ? " compound parts" : "", i == 2 ? " compound whole" : "",
             i == 3 ? " choseong 1" : "",
             i == 4 ? " tags 'NN* J* E* X* S* VV VA MAG'" : "",
             i == 5 || i == 6 ? " userdict words" : "",
             i == 6 ? " choseong 1 compound whole" : i == 7 ? " tags 'SL,SN,SH'" : "");
    fuzz_exec(db, zSql);
  }
}

/* Insert, query, check and delete the text in table f<iSet>. */
static void fuzzRoundTrip(int iSet, const char *z, int n) {
  char zSql[512];
  sqlite3_stmt *pStmt;
  int rc;
  snprintf(zSql, sizeof(zSql),
           "INSERT INTO f%d(rowid, x) VALUES (1, ?1);"
           "SELECT highlight(f%d, 0, '[', ']'), bm25(f%d) FROM f%d"
           " WHERE f%d MATCH '\"' || replace(?1, '\"', '\"\"') || '\"';"
           "SELECT snippet(f%d, 0, '[', ']', '…', 5) FROM f%d WHERE f%d MATCH ?1;"
           "INSERT INTO f%d(f%d, rank) VALUES ('integrity-check', 0);"
           "DELETE FROM f%d WHERE rowid = 1;"
           "INSERT INTO f%d(f%d, rank) VALUES ('integrity-check', 0);",
           iSet, iSet, iSet, iSet, iSet, iSet, iSet, iSet, iSet, iSet, iSet,
           iSet, iSet);
  {
    const char *zTail = zSql;
    int stmt = 0;
    while (*zTail) {
      rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
      FUZZ_CHECK(rc == SQLITE_OK, "prepare: %s", sqlite3_errmsg(db));
      if (pStmt == NULL) break;
      if (sqlite3_bind_parameter_count(pStmt) > 0) {
        sqlite3_bind_text(pStmt, 1, z, n, SQLITE_STATIC);
      }
      rc = fuzz_step_all(pStmt);
      /* Only the MATCH of the raw text may fail (FTS5 query syntax), and
      ** the quoted phrase when FTS5 stops reading the query at a NUL. */
      FUZZ_CHECK(rc == SQLITE_DONE ||
                     (rc == SQLITE_ERROR &&
                      (stmt == 2 || (stmt == 1 && memchr(z, 0, (size_t)n)))),
                 "statement %d: %s", stmt, sqlite3_errmsg(db));
      sqlite3_finalize(pStmt);
      stmt++;
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const int aFlags[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                               FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                               FTS5_TOKENIZE_AUX};
  token_check c;
  const char *z;
  int n, iSet, i, rc;
  uint64_t docHash = 0;
  int haveDocHash = 0;
  if (db == NULL) fuzzInit();
  if (size < 2 || size > 1 << 20) return 0;
  iSet = data[0] & 7;
  z = (const char *)data + 2;
  n = (int)size - 2;
  for (i = 0; i < 5; i++) {
    int flags = aFlags[i < 4 ? i : 0];
    memset(&c, 0, sizeof(c));
    c.n = n;
    c.hash = 14695981039346656037ull;
    c.fail_after =
        (data[0] & 8) && i == ((data[1] >> 3) & 3) ? data[1] % 8 : -1;
    rc = korean.api.xTokenize(apTok[iSet], &c, flags, z, n, fuzzOnToken);
    if (c.failed) {
      FUZZ_CHECK(rc == SQLITE_ABORT, "xToken's error became %d", rc);
      continue;
    }
    FUZZ_CHECK(rc == SQLITE_OK, "mode %d: %d", flags, rc);
    if (i == 0) {
      docHash = c.hash;
      haveDocHash = 1;
    }
    if (i == 4 && haveDocHash) {
      FUZZ_CHECK(c.hash == docHash, "document tokens differ on a second run");
    }
  }
  if (data[0] & 16) fuzzRoundTrip(iSet, z, n);
  return 0;
}
