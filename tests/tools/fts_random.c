/*
** fts_random.c: a randomized test of `korean` FTS5 indexes.
**
**   fts_random [OPS]      (3000 operations by default; the seed is fixed)
**
** Random inserts, updates and deletes of Korean documents (particles and
** endings, decomposed Hangul, full-width and mixed scripts, hanja,
** user-dictionary words) go to a table `docs` whose external-content index
** is kept in sync by triggers, and to a contentless index kept in sync by
** this program.  Every 500 operations and at the end: integrity-check
** holds on both, and every query (words, phrases, compounds, verbs by
** lemma, prefixes) finds exactly the documents that a brute-force scan
** finds: each stored text is tokenized again with the same tokenizer and
** the query's terms looked for at successive positions.
**
** Then the user dictionary changes under documents already indexed: on
** the same connection nothing changes (the tokenizer read its words when
** the table was opened); on a new connection the index no longer matches
** what the tokenizer makes of the stored text, which integrity-check
** reports (it is never silent); after 'rebuild' (for a contentless table:
** 'delete-all' and inserting the texts again) it holds again and queries
** find the new word.
**
** Prints "fts_random: N passed, N failed".
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koai.h"

#define NFD_ALIBABA "\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf\xe1\x84\x85\xe1\x85\xb5바바"

static const char *azWord[] = {
    "알리바바는", "알리바바가", NFD_ALIBABA "의", "중국에서", "중국과", "중국어로",
    "언어모델을", "모델이", "오픈소스", "오픈 소스를", "말했다", "말한", "말하며",
    "밝혔다", "발표했다", "공개했다고", "오픈AI가", "GPT-4를", "ＧＰＴ－４와",
    "中國", "經濟는", "딥시크가", "하이퍼클로바X와", "코아이봇이", "규제", "강화를",
    "1,000억", "달러", "3.5%", "e\xcc\x81t\xc3\xa9", "삼성전자", "주가가", "AI산업",
    "카페에서", "은", "는", "을", "다", "그리고", "새", "😀", "Ｓａｍ", "Altman은",
};
#define N_WORD ((int)(sizeof(azWord) / sizeof(azWord[0])))

static const char *azQuery[] = {
    "알리바바", "중국", "중국어", "모델", "언어모델", "오픈소스", "오픈 소스",
    "말하다",   "말했다", "밝히다", "발표하다", "공개", "gpt", "GPT-4", "中國",
    "딥시크",   "하이퍼클로바X", "코아이봇", "규제 강화", "1,000억", "ai",
    "오픈ai",   "sam", "카페", "étéx", "새",
};
#define N_QUERY ((int)(sizeof(azQuery) / sizeof(azQuery[0])))

static const char *azPrefix[] = {"알리", "중", "오픈", "gp", "하이퍼", "코아"};
#define N_PREFIX ((int)(sizeof(azPrefix) / sizeof(azPrefix[0])))

static int n_pass, n_fail;

static void check(int ok, const char *zFmt, const char *zArg) {
  if (ok) {
    n_pass++;
  } else {
    n_fail++;
    printf("FAIL ");
    printf(zFmt, zArg);
    printf("\n");
  }
}

static unsigned long long rng = 0x2545f4914f6cdd1dull;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

static int exec(sqlite3 *db, const char *zSql) {
  char *zErr = NULL;
  int rc = sqlite3_exec(db, zSql, NULL, NULL, &zErr);
  if (rc != SQLITE_OK && getenv("FTS_RANDOM_VERBOSE")) {
    printf("%s: %s\n", zSql, zErr);
  }
  sqlite3_free(zErr);
  return rc;
}

/* ---- brute force: the tokenizer run again over the stored text ------------ */

typedef struct term {
  char z[96];
  int pos;
} term;

typedef struct term_list {
  term *a;
  int n, cap, pos;
  int prefix;
} term_list;

static int collect(void *p, int tflags, const char *z, int n, int s, int e) {
  term_list *l = p;
  (void)s;
  (void)e;
  if (!(tflags & FTS5_TOKEN_COLOCATED) || l->n == 0) l->pos++;
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->a = realloc(l->a, (size_t)l->cap * sizeof(term));
  }
  if (n >= (int)sizeof(l->a[0].z)) n = (int)sizeof(l->a[0].z) - 1;
  memcpy(l->a[l->n].z, z, (size_t)n);
  l->a[l->n].z[n] = 0;
  l->a[l->n].pos = l->pos;
  l->n++;
  return SQLITE_OK;
}

typedef struct tokenizer {
  fts5_tokenizer api;
  Fts5Tokenizer *p;
} tokenizer;

static int open_tokenizer(sqlite3 *db, const char **azArg, int nArg,
                          tokenizer *t) {
  fts5_api *pApi = NULL;
  sqlite3_stmt *pStmt = NULL;
  void *pUser = NULL;
  sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, NULL);
  sqlite3_bind_pointer(pStmt, 1, (void *)&pApi, "fts5_api_ptr", NULL);
  sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if (pApi == NULL) return SQLITE_ERROR;
  if (pApi->xFindTokenizer(pApi, "korean", &pUser, &t->api)) return 1;
  return t->api.xCreate(pUser, azArg, nArg, &t->p);
}

static void tokenize(tokenizer *t, int flags, const char *z, term_list *l) {
  l->n = 0;
  l->pos = 0;
  t->api.xTokenize(t->p, l, flags, z, (int)strlen(z), collect);
}

/* Does the document (its terms) contain the query's terms in a row? */
static int doc_matches(const term_list *d, const term_list *q) {
  int i, j, k;
  if (q->n == 0) return 0;
  for (i = 0; i < d->n; i++) {
    int p0 = d->a[i].pos, ok = 1;
    /* every query position must be found at p0 + its offset */
    for (j = 0; j < q->n && ok; j++) {
      int want = p0 + q->a[j].pos - q->a[0].pos, found = 0;
      if (j > 0 && q->a[j].pos == q->a[j - 1].pos) continue;
      for (k = 0; k < d->n && !found; k++) {
        int m;
        if (d->a[k].pos != want) continue;
        /* any alternative at this query position */
        for (m = j; m < q->n && q->a[m].pos == q->a[j].pos && !found; m++) {
          if (q->prefix && m == q->n - 1) {
            found = strncmp(d->a[k].z, q->a[m].z, strlen(q->a[m].z)) == 0;
          } else {
            found = strcmp(d->a[k].z, q->a[m].z) == 0;
          }
        }
      }
      ok = found;
    }
    if (ok && i == 0) return 1;
    if (ok) return 1;
  }
  return 0;
}

/* The rowids (as "1,5,9") FTS5 finds for zMatch in zTable. */
static void fts_rowids(sqlite3 *db, const char *zTable, const char *zMatch,
                       char *zOut, size_t nOut) {
  char *zSql = sqlite3_mprintf(
      "SELECT group_concat(rowid) FROM (SELECT rowid FROM %s WHERE %s MATCH %Q"
      " ORDER BY rowid)",
      zTable, zTable, zMatch);
  sqlite3_stmt *pStmt = NULL;
  zOut[0] = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &pStmt, NULL) == SQLITE_OK &&
      sqlite3_step(pStmt) == SQLITE_ROW && sqlite3_column_text(pStmt, 0)) {
    snprintf(zOut, nOut, "%s", sqlite3_column_text(pStmt, 0));
  } else if (sqlite3_errcode(db) != SQLITE_OK &&
             sqlite3_errcode(db) != SQLITE_ROW &&
             sqlite3_errcode(db) != SQLITE_DONE) {
    snprintf(zOut, nOut, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zSql);
}

/* The rowids a scan of the stored text finds for the query's terms. */
static void scan_rowids(sqlite3 *db, tokenizer *t, const term_list *q,
                        char *zOut, size_t nOut) {
  sqlite3_stmt *pStmt = NULL;
  term_list d = {0, 0, 0, 0, 0};
  size_t n = 0;
  zOut[0] = 0;
  sqlite3_prepare_v2(db, "SELECT id, body FROM docs ORDER BY id", -1, &pStmt,
                     NULL);
  while (sqlite3_step(pStmt) == SQLITE_ROW) {
    tokenize(t, FTS5_TOKENIZE_DOCUMENT,
             (const char *)sqlite3_column_text(pStmt, 1), &d);
    if (doc_matches(&d, q) && n + 24 < nOut) {
      n += (size_t)snprintf(zOut + n, nOut - n, "%s%lld", n ? "," : "",
                            sqlite3_column_int64(pStmt, 0));
    }
  }
  sqlite3_finalize(pStmt);
  free(d.a);
}

/* Every query: FTS5's answer on both indexes equals the scan's. */
static void compare_queries(sqlite3 *db, tokenizer *t, const char *zWhen) {
  static char zFts[65536], zCl[65536], zScan[65536];
  term_list q = {0, 0, 0, 0, 0};
  char zMatch[256], zWhat[512];
  int i, bad = 0;
  for (i = 0; i < N_QUERY + N_PREFIX; i++) {
    if (i < N_QUERY) {
      snprintf(zMatch, sizeof(zMatch), "\"%s\"", azQuery[i]);
      tokenize(t, FTS5_TOKENIZE_QUERY, azQuery[i], &q);
      q.prefix = 0;
    } else {
      snprintf(zMatch, sizeof(zMatch), "\"%s\" *", azPrefix[i - N_QUERY]);
      tokenize(t, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
               azPrefix[i - N_QUERY], &q);
      q.prefix = 1;
    }
    fts_rowids(db, "ext", zMatch, zFts, sizeof(zFts));
    fts_rowids(db, "cl", zMatch, zCl, sizeof(zCl));
    scan_rowids(db, t, &q, zScan, sizeof(zScan));
    if (strcmp(zFts, zScan) != 0 || strcmp(zCl, zScan) != 0) {
      bad++;
      snprintf(zWhat, sizeof(zWhat), "%s: MATCH %s: external %.60s, "
               "contentless %.60s, scan %.60s", zWhen, zMatch, zFts, zCl,
               zScan);
      check(0, "%s", zWhat);
    }
  }
  free(q.a);
  check(bad == 0, "%s: queries agree with the scan", zWhen);
}

static void integrity(sqlite3 *db, const char *zWhen) {
  /* rank 1: check the index against the content table too (rank 0 checks
  ** only the index's own structure of an external-content table). */
  int rc1 = exec(db, "INSERT INTO ext(ext, rank) VALUES ('integrity-check', 1)");
  int rc2 = exec(db, "INSERT INTO cl(cl, rank) VALUES ('integrity-check', 0)");
  check(rc1 == SQLITE_OK && rc2 == SQLITE_OK, "%s: integrity-check", zWhen);
}

static char *random_doc(void) {
  int i, n = 3 + (int)rnd(12);
  char *z = sqlite3_mprintf("%s", azWord[rnd(N_WORD)]);
  for (i = 1; i < n; i++) {
    const char *zSep = rnd(10) == 0 ? "\n" : rnd(15) == 0 ? ". " : " ";
    char *zNew = sqlite3_mprintf("%s%s%s", z, zSep, azWord[rnd(N_WORD)]);
    sqlite3_free(z);
    z = zNew;
  }
  return z;
}

static const char *zSchema =
    "CREATE TABLE words(word TEXT, tag TEXT);"
    "INSERT INTO words VALUES ('딥시크', 'NNP'), ('하이퍼클로바X', NULL);"
    "CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);"
    "CREATE VIRTUAL TABLE ext USING fts5(body, content='docs', content_rowid='id',"
    " tokenize='korean userdict words');"
    "CREATE VIRTUAL TABLE cl USING fts5(body, content='',"
    " tokenize='korean userdict words');"
    "CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN"
    "  INSERT INTO ext(rowid, body) VALUES (new.id, new.body); END;"
    "CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN"
    "  INSERT INTO ext(ext, rowid, body) VALUES ('delete', old.id, old.body); END;"
    "CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN"
    "  INSERT INTO ext(ext, rowid, body) VALUES ('delete', old.id, old.body);"
    "  INSERT INTO ext(rowid, body) VALUES (new.id, new.body); END;";

/* One random operation on docs (and, by hand, on the contentless cl). */
static void random_op(sqlite3 *db) {
  unsigned r = rnd(100);
  char *zDoc = random_doc(), *zSql;
  sqlite3_int64 id = 1 + (sqlite3_int64)rnd(400);
  if (r < 55) {
    zSql = sqlite3_mprintf(
        "INSERT INTO docs(body) VALUES (%Q);"
        "INSERT INTO cl(rowid, body) VALUES (last_insert_rowid(), %Q);",
        zDoc, zDoc);
  } else if (r < 85) {
    zSql = sqlite3_mprintf(
        "INSERT INTO cl(cl, rowid, body) SELECT 'delete', id, body FROM docs"
        " WHERE id = %lld;"
        "INSERT INTO cl(rowid, body) SELECT id, %Q FROM docs WHERE id = %lld;"
        "UPDATE docs SET body = %Q WHERE id = %lld;",
        id, zDoc, id, zDoc, id);
  } else {
    zSql = sqlite3_mprintf(
        "INSERT INTO cl(cl, rowid, body) SELECT 'delete', id, body FROM docs"
        " WHERE id = %lld;"
        "DELETE FROM docs WHERE id = %lld;",
        id, id);
  }
  if (exec(db, "BEGIN") != SQLITE_OK || exec(db, zSql) != SQLITE_OK ||
      exec(db, "COMMIT") != SQLITE_OK) {
    check(0, "operation failed: %s", zSql);
    exec(db, "ROLLBACK");
  }
  sqlite3_free(zSql);
  sqlite3_free(zDoc);
}

static void test_random(const char *zPath, int nOps) {
  static const char *azArg[] = {"userdict", "words"};
  sqlite3 *db = NULL;
  tokenizer t;
  int i;
  char zWhen[64];
  remove(zPath);
  sqlite3_open(zPath, &db);
  exec(db, "PRAGMA journal_mode=WAL");
  check(exec(db, zSchema) == SQLITE_OK, "%s", "schema");
  check(open_tokenizer(db, azArg, 2, &t) == SQLITE_OK, "%s", "tokenizer");
  for (i = 1; i <= nOps; i++) {
    random_op(db);
    if (i % 500 == 0 || i == nOps) {
      snprintf(zWhen, sizeof(zWhen), "after %d operations", i);
      integrity(db, zWhen);
      compare_queries(db, &t, zWhen);
    }
  }
  t.api.xDelete(t.p);
  sqlite3_close(db);
}

/*
** The user dictionary changes after documents were indexed.  What happens
** and what the user does about it (README, "User dictionary").
*/
static void test_userdict_change(const char *zPath) {
  static const char *azArg[] = {"userdict", "words"};
  sqlite3 *db = NULL;
  tokenizer t;
  char zFts[4096];
  int rc;
  /* The database of test_random: its documents mention 코아이봇, a word
  ** the user dictionary does not have yet. */
  sqlite3_open(zPath, &db);
  fts_rowids(db, "ext", "알리바바", zFts, sizeof(zFts));   /* opens ext */
  fts_rowids(db, "cl", "알리바바", zFts, sizeof(zFts));
  exec(db, "INSERT INTO words VALUES ('코아이봇', 'NNP')");
  /* Same connection: the tables keep the words they were opened with. */
  integrity(db, "userdict changed, same connection");
  sqlite3_close(db);

  /* A new connection reads the new words: the stored documents no longer
  ** tokenize as they were indexed, and integrity-check says so. */
  sqlite3_open(zPath, &db);
  rc = exec(db, "INSERT INTO ext(ext, rank) VALUES ('integrity-check', 1)");
  check(rc == SQLITE_CORRUPT_VTAB || (rc & 0xff) == SQLITE_CORRUPT,
        "%s", "userdict changed: integrity-check reports the stale index");
  /* What the user runs: 'rebuild' for an external-content (or ordinary)
  ** table; for a contentless one, 'delete-all' and the texts again. */
  check(exec(db, "INSERT INTO ext(ext) VALUES ('rebuild');"
                 "INSERT INTO cl(cl) VALUES ('delete-all');"
                 "INSERT INTO cl(rowid, body) SELECT id, body FROM docs;") ==
            SQLITE_OK,
        "%s", "rebuild");
  integrity(db, "after rebuild");
  check(open_tokenizer(db, azArg, 2, &t) == SQLITE_OK, "%s", "tokenizer");
  compare_queries(db, &t, "after rebuild");
  /* The new word is now one term, found as a whole. */
  fts_rowids(db, "ext", "코아이봇", zFts, sizeof(zFts));
  check(zFts[0] != 0 && strncmp(zFts, "error", 5) != 0, "%s",
        "after rebuild: 코아이봇 is found");
  t.api.xDelete(t.p);
  sqlite3_close(db);
}

int main(int argc, char **argv) {
  const char *zPath = "build/fts_random.db";
  int nOps = argc > 1 ? atoi(argv[1]) : 3000;
  char zWal[256];
  sqlite3_auto_extension((void (*)(void))koai_auto_register);
  test_random(zPath, nOps > 0 ? nOps : 3000);
  test_userdict_change(zPath);
  remove(zPath);
  snprintf(zWal, sizeof(zWal), "%s-wal", zPath);
  remove(zWal);
  snprintf(zWal, sizeof(zWal), "%s-shm", zPath);
  remove(zWal);
  printf("fts_random: %d passed, %d failed\n", n_pass, n_fail);
  return n_fail ? 1 : 0;
}
