/*
** threads.c: koai from many threads at once, and from two processes.
**
**   threads [THREADS]      (8 by default)
**
** Threads: each thread opens its own connection and indexes its own
** Korean texts in a `korean` FTS5 table (with a user dictionary), then
** queries them with MATCH, highlight(), ai_tokens, ai_entities and
** ai_sentences; all at once, against the one shared dictionary, which
** the threads also open together on first use.  Every thread's output must
** equal the output of the same work done afterwards on one thread.  Built
** with -fsanitize=thread (make tsan), ThreadSanitizer must report nothing.
**
** Processes: two processes write to one database file in WAL mode, each
** inserting, updating and deleting documents of an external-content
** `korean` table kept in sync by triggers and of a plain one, in many
** small transactions; afterwards integrity-check holds on both and each
** term finds exactly the documents a scan of the stored text finds.
**
** Prints "threads: N passed, N failed".
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "koai.h"

static const char *azSentence[] = {
    "알리바바는 새 언어모델을 공개했다고 밝혔다.",
    "오픈AI가 GPT-4를 발표하며 120억달러 투자를 언급했다.",
    "샘 올트먼(Sam Altman) CEO는 \"올해 매출이 36.5% 늘 것\"이라고 말했다.",
    "삼성전자 주가가 2024년 2분기에 1,000억 원을 넘었다.",
    "中國 經濟는 지난해 말 5% 성장했다.",
    "하이퍼클로바X와 딥시크가 맞붙었다.",
    "네이버는 11월 15일 오픈 소스 모델을 공개했다.",
    "\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf\xe1\x84\x85\xe1\x85\xb5바바가 중국에서 "
    "말했다.",
    "ＧＰＴ－４ｏ와 라마 3 모델이 비교됐다.",
    "김민준 대표는 기자들에게 규제 강화를 요구했다.",
    "미국 상무부는 엔비디아 H100 칩 수출을 막았다.",
    "카카오와 LG전자가 AI산업 협력을 발표했다.",
};
#define N_SENTENCE ((int)(sizeof(azSentence) / sizeof(azSentence[0])))

static const char *azQuery[] = {"알리바바", "모델", "말하다", "오픈소스",
                                "gpt",      "딥시크", "中國",   "발표하다",
                                "규제 강화", "삼성*"};
#define N_QUERY ((int)(sizeof(azQuery) / sizeof(azQuery[0])))

typedef struct outbuf {
  char *z;
  size_t n, cap;
} outbuf;

static void out_append(outbuf *b, const char *z) {
  size_t n = strlen(z);
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->z = realloc(b->z, b->cap);
    if (b->z == NULL) abort();
  }
  memcpy(b->z + b->n, z, n + 1);
  b->n += n;
}

/* Run SQL; append every row, or the error, to out. */
static void run(sqlite3 *db, const char *zSql, outbuf *out) {
  const char *zTail = zSql;
  while (zTail && *zTail) {
    sqlite3_stmt *pStmt = NULL;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if (rc != SQLITE_OK) {
      out_append(out, "error: ");
      out_append(out, sqlite3_errmsg(db));
      out_append(out, "\n");
      return;
    }
    if (pStmt == NULL) continue;
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i;
      for (i = 0; i < sqlite3_column_count(pStmt); i++) {
        const char *z = (const char *)sqlite3_column_text(pStmt, i);
        if (i) out_append(out, "|");
        out_append(out, z ? z : "NULL");
      }
      out_append(out, "\n");
    }
    if (rc != SQLITE_DONE) {
      out_append(out, "error: ");
      out_append(out, sqlite3_errmsg(db));
      out_append(out, "\n");
    }
    sqlite3_finalize(pStmt);
  }
}

/* The work of thread t: index its texts, then query them. */
static char *work(int t) {
  sqlite3 *db = NULL;
  outbuf out = {0, 0, 0};
  char zSql[512];
  int i, j;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return strdup("open");
  run(db,
      "CREATE TABLE words(word, tag);"
      "INSERT INTO words VALUES ('하이퍼클로바X', 'NNP'), ('딥시크', NULL);"
      "CREATE VIRTUAL TABLE docs USING fts5(body,"
      " tokenize='korean userdict words');",
      &out);
  /* Each thread its own documents: sentences in its own order. */
  for (i = 0; i < 60; i++) {
    char *z = sqlite3_mprintf("%s %s %d번째 %s",
                              azSentence[(i * (t + 1)) % N_SENTENCE],
                              azSentence[(i + 3 * t) % N_SENTENCE], i + t,
                              azSentence[(i * 7 + t) % N_SENTENCE]);
    sqlite3_stmt *pStmt = NULL;
    sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?1)", -1, &pStmt, NULL);
    sqlite3_bind_text(pStmt, 1, z, -1, sqlite3_free);
    if (sqlite3_step(pStmt) != SQLITE_DONE) out_append(&out, "insert failed\n");
    sqlite3_finalize(pStmt);
  }
  run(db, "DELETE FROM docs WHERE rowid % 7 = 3;"
          "INSERT INTO docs(docs, rank) VALUES ('integrity-check', 0);",
      &out);
  for (j = 0; j < N_QUERY; j++) {
    snprintf(zSql, sizeof(zSql),
             "SELECT group_concat(rowid), count(*) FROM docs"
             " WHERE docs MATCH '%s';"
             "SELECT highlight(docs, 0, '[', ']') FROM docs"
             " WHERE docs MATCH '%s' ORDER BY rank LIMIT 2;",
             azQuery[j], azQuery[j]);
    run(db, zSql, &out);
  }
  snprintf(zSql, sizeof(zSql),
           "SELECT count(*), group_concat(lemma, ' ') FROM ai_tokens(?1);");
  for (i = 0; i < 4; i++) {
    const char *zText = azSentence[(t + i) % N_SENTENCE];
    sqlite3_stmt *pStmt = NULL;
    static const char *azFn[] = {
        "SELECT group_concat(token || '/' || tag, ' ') FROM ai_tokens(?1)",
        "SELECT group_concat(entity || '/' || label || '/' || canonical, ' ')"
        " FROM ai_entities(?1, '2024-11-05')",
        "SELECT group_concat(sentence, ' || ') FROM ai_sentences(?1 || ' ' || ?1)",
        "SELECT ai_normalize(?1), ai_choseong(?1), ai_romanize(?1),"
        " ai_josa(?1, '을/를')",
        "SELECT group_concat(keyword, ' ') FROM ai_keywords(?1 || ' ' || ?1)"};
    int k;
    for (k = 0; k < 5; k++) {
      int rc;
      sqlite3_prepare_v2(db, azFn[k], -1, &pStmt, NULL);
      sqlite3_bind_text(pStmt, 1, zText, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
        int c;
        for (c = 0; c < sqlite3_column_count(pStmt); c++) {
          const char *z = (const char *)sqlite3_column_text(pStmt, c);
          out_append(&out, z ? z : "NULL");
          out_append(&out, "|");
        }
        out_append(&out, "\n");
      }
      if (rc != SQLITE_DONE) out_append(&out, sqlite3_errmsg(db));
      sqlite3_finalize(pStmt);
    }
  }
  sqlite3_close(db);
  return out.z;
}

typedef struct thread_arg {
  int t;
  char *result;
} thread_arg;

static void *thread_main(void *p) {
  thread_arg *a = p;
  a->result = work(a->t);
  return NULL;
}

static int n_pass, n_fail;

static void check(int ok, const char *zMsg, int t) {
  if (ok) {
    n_pass++;
  } else {
    n_fail++;
    printf("FAIL %s (thread %d)\n", zMsg, t);
  }
}

static void test_threads(int nThread) {
  pthread_t *aTid = calloc((size_t)nThread, sizeof(pthread_t));
  thread_arg *aArg = calloc((size_t)nThread, sizeof(thread_arg));
  int t;
  for (t = 0; t < nThread; t++) {
    aArg[t].t = t;
    if (pthread_create(&aTid[t], NULL, thread_main, &aArg[t]) != 0) {
      check(0, "pthread_create", t);
      aArg[t].t = -1;
    }
  }
  for (t = 0; t < nThread; t++) {
    if (aArg[t].t >= 0) pthread_join(aTid[t], NULL);
  }
  /* The same work, one thread after the other. */
  for (t = 0; t < nThread; t++) {
    char *zAlone = work(t);
    check(aArg[t].result && zAlone && strcmp(aArg[t].result, zAlone) == 0 &&
              strstr(zAlone, "error") == NULL &&
              strstr(zAlone, "]") != NULL,   /* highlight() marked matches */
          "concurrent output differs from the single-threaded one", t);
    if (getenv("THREADS_SHOW") && zAlone &&
        t == atoi(getenv("THREADS_SHOW"))) {
      printf("---- thread %d, concurrent:\n%s---- alone:\n%s", t,
             aArg[t].result, zAlone);
    }
    free(zAlone);
    free(aArg[t].result);
  }
  free(aTid);
  free(aArg);
}

/* ---- two processes ------------------------------------------------------- */

static sqlite3 *open_wal(const char *zPath) {
  sqlite3 *db = NULL;
  outbuf out = {0, 0, 0};
  sqlite3_open(zPath, &db);
  sqlite3_busy_timeout(db, 30000);
  run(db, "PRAGMA journal_mode=WAL;", &out);
  free(out.z);
  return db;
}

/* One writer: 150 small transactions of inserts, updates and deletes. */
static int writer(const char *zPath, int w) {
  sqlite3 *db = open_wal(zPath);
  outbuf out = {0, 0, 0};
  int i, bad = 0;
  for (i = 0; i < 150; i++) {
    char *zSql = sqlite3_mprintf(
        "BEGIN IMMEDIATE;"
        "INSERT INTO articles(body) VALUES ('%q %d %q');"
        "INSERT INTO plain(rowid, body) VALUES (%d, '%q');"
        "UPDATE articles SET body = body || ' 규제 강화' WHERE id %% 11 = %d;"
        "DELETE FROM articles WHERE id %% 17 = %d AND id > %d;"
        "DELETE FROM plain WHERE rowid %% 13 = %d;"
        "COMMIT;",
        azSentence[(i + w * 5) % N_SENTENCE], i,
        azSentence[(i * 3 + w) % N_SENTENCE], w * 100000 + i,
        azSentence[(i + w) % N_SENTENCE], i % 11, i % 17, i * 2, i % 13);
    out.n = 0;
    run(db, zSql, &out);
    sqlite3_free(zSql);
    if (out.n) {
      bad = 1;
      fprintf(stderr, "writer %d: %s", w, out.z);
      run(db, "ROLLBACK;", &out);
    }
  }
  free(out.z);
  sqlite3_close(db);
  return bad;
}

static void test_two_processes(void) {
  const char *zPath = "build/threads-wal.db";
  static const char *azTerm[][3] = {
      {"알리바바", "%알리바바%", "%\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf\xe1\x84\x85\xe1\x85\xb5바바%"},
      {"딥시크", "%딥시크%", "%딥시크%"},
      {"규제", "%규제%", "%규제%"},
      {"gpt", "%GPT%", "%ＧＰＴ%"},
  };
  sqlite3 *db;
  outbuf out = {0, 0, 0};
  pid_t aPid[2];
  int w, status, bad = 0;
  size_t k;
  remove(zPath);
  db = open_wal(zPath);
  run(db,
      "CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT);"
      "CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='articles',"
      " content_rowid='id', tokenize='korean');"
      "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
      "  INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body); END;"
      "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
      "  INSERT INTO articles_fts(articles_fts, rowid, body)"
      "  VALUES ('delete', old.id, old.body); END;"
      "CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN"
      "  INSERT INTO articles_fts(articles_fts, rowid, body)"
      "  VALUES ('delete', old.id, old.body);"
      "  INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body); END;"
      "CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='korean');",
      &out);
  sqlite3_close(db);
  for (w = 0; w < 2; w++) {
    fflush(stdout);
    aPid[w] = fork();
    if (aPid[w] == 0) _exit(writer(zPath, w));
  }
  for (w = 0; w < 2; w++) {
    if (aPid[w] < 0 || waitpid(aPid[w], &status, 0) < 0 ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      bad = 1;
    }
  }
  check(!bad, "two processes: a writer failed", -1);
  db = open_wal(zPath);
  out.n = 0;
  run(db,
      "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0);"
      "INSERT INTO plain(plain, rank) VALUES ('integrity-check', 0);",
      &out);
  check(out.n == 0, "two processes: integrity-check", -1);
  if (out.n) printf("%s", out.z);
  for (k = 0; k < sizeof(azTerm) / sizeof(azTerm[0]); k++) {
    char *zSql = sqlite3_mprintf(
        "SELECT (SELECT count(*) FROM articles_fts WHERE articles_fts MATCH %Q)"
        " = (SELECT count(*) FROM articles WHERE body LIKE %Q OR body LIKE %Q),"
        " (SELECT count(*) FROM plain WHERE plain MATCH %Q)"
        " = (SELECT count(*) FROM plain WHERE body LIKE %Q OR body LIKE %Q),"
        " (SELECT count(*) FROM articles) > 20;",
        azTerm[k][0], azTerm[k][1], azTerm[k][2], azTerm[k][0], azTerm[k][1],
        azTerm[k][2]);
    out.n = 0;
    run(db, zSql, &out);
    sqlite3_free(zSql);
    check(out.z && strcmp(out.z, "1|1|1\n") == 0,
          "two processes: a term does not find what a scan finds", (int)k);
    if (getenv("THREADS_SHOW")) printf("%s: %s", azTerm[k][0], out.z);
  }
  sqlite3_close(db);
  free(out.z);
  remove(zPath);
}

int main(int argc, char **argv) {
  int nThread = argc > 1 ? atoi(argv[1]) : 8;
  sqlite3_auto_extension((void (*)(void))koai_auto_register);
  test_threads(nThread > 0 ? nThread : 8);
  test_two_processes();
  printf("threads: %d passed, %d failed\n", n_pass, n_fail);
  return n_fail ? 1 : 0;
}
