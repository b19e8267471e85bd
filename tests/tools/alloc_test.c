/*
** alloc_test.c: koai under a counting allocator.
**
**   alloc_test [oom|callbacks|memory]...     (all three without arguments)
**
** Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,
** --wrap=free (tests/hardening.mk), so that every malloc-family call in
** koai's objects goes through the wrappers below; SQLite's allocations go
** through the same counter by sqlite3_config(SQLITE_CONFIG_MALLOC), with
** lookaside off so that none bypasses it.  One counter numbers every
** allocation of both.
**
**   oom        For N = 1, 2, ...: run a script of SQL statements using every
**              koai function and the tokenizer (with a user dictionary) on
**              a fresh connection, with the N-th allocation failing, until a
**              run has fewer than N allocations.  Each statement must either
**              give exactly the output it gives without failures, or fail
**              with SQLITE_NOMEM; after a failure the same statement and the
**              rest of the script, run again, must give the normal outputs
**              (koai's state survives).  Then the same for opening the
**              dictionary (every allocation) and for the first load of the
**              shipped gazetteer (a sample of allocations), which must be
**              retried after running out of memory.  Leaks are for the
**              sanitizer or Valgrind running this program to find.
**   callbacks  The tokenizer with an xToken callback that fails at the k-th
**              token, for every k: the error comes back unchanged, and the
**              next tokenization of the same text is complete and the same.
**   memory     The peak of koai's own heap (and SQLite's) while analysing
**              and tokenizing 1 MB and 8 MB of the same kinds of text must
**              not grow with the length: memory is bounded by the segment.
**
** Prints "alloc: N passed, N failed".  ALLOC_STRIDE=k tests only every
** k-th N in the oom loop (for slow runs under Valgrind).
*/
#define _GNU_SOURCE
#include <execinfo.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities/gazetteer.h"
#include "fts5/index_terms.h"
#include "dict/dict.h"
#include "koai.h"

/* ---- the counting allocator ------------------------------------------ */

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
char *__real_strdup(const char *);
void __real_free(void *);

static int counting;            /* count (and maybe fail) allocations */
static long n_alloc;            /* allocations since counting began */
static long fail_at;            /* fail the allocation with this number */
static int n_failed;            /* failures injected */
static size_t koai_live, koai_peak;   /* bytes koai holds, and its peak */

static int alloc_trace;         /* ALLOC_TRACE: print where each fails */

static int alloc_fail_now(void) {
  if (!counting) return 0;
  n_alloc++;
  if (fail_at > 0 && n_alloc == fail_at) {
    n_failed++;
    if (alloc_trace) {
      void *a[16];
      int n = backtrace(a, 16);
      fprintf(stderr, "-- allocation %ld fails here:\n", n_alloc);
      backtrace_symbols_fd(a, n, 2);
    }
    return 1;
  }
  return 0;
}

static void alloc_track(void *p, int sign) {
  size_t n;
  if (p == NULL) return;
  n = malloc_usable_size(p);
  if (sign > 0) {
    koai_live += n;
    if (koai_live > koai_peak) koai_peak = koai_live;
  } else {
    koai_live = koai_live > n ? koai_live - n : 0;
  }
}

void *__wrap_malloc(size_t n) {
  void *p;
  if (alloc_fail_now()) return NULL;
  p = __real_malloc(n);
  alloc_track(p, 1);
  return p;
}

void *__wrap_calloc(size_t n, size_t size) {
  void *p;
  if (alloc_fail_now()) return NULL;
  p = __real_calloc(n, size);
  alloc_track(p, 1);
  return p;
}

void *__wrap_realloc(void *old, size_t n) {
  size_t before = old ? malloc_usable_size(old) : 0;
  void *p;
  if (alloc_fail_now()) return NULL;
  p = __real_realloc(old, n);
  if (p != NULL || n == 0) {
    koai_live = koai_live > before ? koai_live - before : 0;
    alloc_track(p, 1);
  }
  return p;
}

char *__wrap_strdup(const char *z) {
  char *p;
  if (alloc_fail_now()) return NULL;
  p = __real_strdup(z);
  alloc_track(p, 1);
  return p;
}

void __wrap_free(void *p) {
  alloc_track(p, -1);
  __real_free(p);
}

static sqlite3_mem_methods sqlite_mem;

static int failed_in_sqlite;    /* the injected failure was SQLite's */

static void *allocSqliteMalloc(int n) {
  if (alloc_fail_now()) {
    failed_in_sqlite = 1;
    return NULL;
  }
  return sqlite_mem.xMalloc(n);
}

static void *allocSqliteRealloc(void *p, int n) {
  if (alloc_fail_now()) {
    failed_in_sqlite = 1;
    return NULL;
  }
  return sqlite_mem.xRealloc(p, n);
}

static void alloc_install_sqlite(void) {
  sqlite3_mem_methods m;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem);
  m = sqlite_mem;
  m.xMalloc = allocSqliteMalloc;
  m.xRealloc = allocSqliteRealloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
  sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
}

static void alloc_arm(long n) {
  failed_in_sqlite = 0;
  n_alloc = 0;
  fail_at = n;
  n_failed = 0;
  counting = 1;
}

static void alloc_disarm(void) { counting = 0; }

/* ---- results ------------------------------------------------------------ */

static int n_pass, n_fail;

static void check(int ok, const char *zFmt, ...) {
  va_list ap;
  if (ok) {
    n_pass++;
    return;
  }
  n_fail++;
  printf("FAIL ");
  va_start(ap, zFmt);
  vprintf(zFmt, ap);
  va_end(ap);
  printf("\n");
}

/* A growing string that never uses the counted allocator. */
typedef struct outbuf {
  char *z;
  size_t n, cap;
} outbuf;

static void out_append(outbuf *b, const char *z, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->n + n + 1) cap *= 2;
    b->z = __real_realloc(b->z, cap);
    if (b->z == NULL) abort();
    b->cap = cap;
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}

/* Run every statement of zSql; rows go to out.  Returns the first error. */
static int run_sql(sqlite3 *db, const char *zSql, outbuf *out) {
  const char *zTail = zSql;
  out->n = 0;
  out_append(out, "", 0);
  while (zTail && *zTail) {
    sqlite3_stmt *pStmt = NULL;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if (rc != SQLITE_OK) return rc;
    if (pStmt == NULL) continue;
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i;
      for (i = 0; i < sqlite3_column_count(pStmt); i++) {
        const char *z = (const char *)sqlite3_column_text(pStmt, i);
        if (i) out_append(out, "|", 1);
        if (z == NULL && sqlite3_column_type(pStmt, i) != SQLITE_NULL) {
          rc = SQLITE_NOMEM;
          break;
        }
        out_append(out, z ? z : "NULL", z ? strlen(z) : 4);
      }
      out_append(out, "\n", 1);
      if (rc == SQLITE_NOMEM) break;
    }
    sqlite3_finalize(pStmt);
    if (rc != SQLITE_DONE) return rc;
  }
  return SQLITE_OK;
}

/* ---- oom ------------------------------------------------------------------ */

/* Each statement of the script, with every koai function in it. */
static const char *azScript[] = {
    "CREATE TABLE words(word, tag);",
    "INSERT INTO words VALUES ('하이퍼클로바X', 'NNP'), ('딥시크', NULL);",
    "CREATE VIRTUAL TABLE t USING fts5(body,"
    " tokenize='korean userdict words choseong 1');",
    "INSERT INTO t VALUES ('알리바바는 새 언어모델을 공개했다고 말했다.');",
    "INSERT INTO t VALUES ('하이퍼클로바X와 딥시크가 맞붙었다. ＧＰＴ－４도');",
    "INSERT INTO t VALUES (char(4363, 4449, 4527, 4357, 4469) || '바바가"
    " 中國에서 오픈 소스를 밝혔다');",
    "SELECT rowid, highlight(t, 0, '[', ']') FROM t WHERE t MATCH '알리바바'"
    " ORDER BY rowid;",
    "SELECT rowid FROM t WHERE t MATCH '언어모델 OR 오픈소스 OR 밝히다'"
    " ORDER BY rowid;",
    "SELECT rowid, snippet(t, 0, '[', ']', '…', 3) FROM t"
    " WHERE t MATCH '알리* OR ㄷㅅㅋ OR gpt' ORDER BY rowid;",
    "INSERT INTO t(t, rank) VALUES ('integrity-check', 0);",
    "DELETE FROM t WHERE rowid = 2;",
    "INSERT INTO t(t, rank) VALUES ('integrity-check', 0);",
    "SELECT token, tag, lemma, start, end FROM"
    " ai_tokens('알리바바는 중국에서 밝혔다. GPT-4를');",
    "SELECT start, end, sentence FROM ai_sentences('회사 측은 \"3.5배 빨라졌다.\"고"
    " 밝혔다. 미국 U.S. Steel도 참여했다… 비용은 미정이다.그러나 반응은!');",
    "SELECT entity, label, canonical, value, unit, start, end FROM"
    " ai_entities('오픈AI는 지난달 GPT-4o를 공개했고, 샘 올트먼(Sam Altman) CEO는"
    " 120억달러(16조5000억원)를 말했다.', '2024-11-05');",
    "CREATE TABLE ai_gazetteer(name TEXT, label TEXT, canonical TEXT);",
    "INSERT INTO ai_gazetteer VALUES ('누리봇', 'PRODUCT', 'Nuribot');",
    "SELECT entity, label, canonical FROM ai_entities('누리봇과 메타가 나왔다');",
    "SELECT ai_normalize('ＧＰＴ－４ 中國'), ai_choseong('알리바바'),"
    " ai_romanize('왕십리에서 신라'), ai_romanize('신라', 'letters'),"
    " ai_josa('서울', '으로/로'), ai_josa('GPT-4', '이/가');",
    "SELECT keyword, round(score, 2) FROM ai_keywords('코아이랩은 대규모"
    " 언어모델을 공개했다. 회사는 이 모델이 법률 문서를 요약한다고 설명했다.');",
    "SELECT keyword FROM ai_keywords('알리바바는 모델을 공개했다', 3, 't');",
    "SELECT ai_version() IS NOT NULL, ai_tokenizer_error();",
    "CREATE VIRTUAL TABLE bad USING fts5(body, tokenize='korean compound all');",
    "SELECT ai_tokenizer_error();",
};
#define N_SCRIPT ((int)(sizeof(azScript) / sizeof(azScript[0])))

static char *azRef[N_SCRIPT];
static int aRefRc[N_SCRIPT];

/*
** FTS5 itself (SQLite 3.40) does not always survive running out of
** memory: a failure inside FTS5's segment I/O can leave an index that
** integrity-check calls malformed, and snippet()/highlight() can drop a
** match without an error.  The same script with the unicode61 tokenizer
** shows both, so when the failed allocation was SQLite's own, those two
** outcomes are counted as FTS5's, not koai's; everything else fails.
*/
static long n_fts5_own;

static int oom_is_fts5s_own(int rc, const char *zSql) {
  if (!failed_in_sqlite) return 0;
  if ((rc & 0xff) == SQLITE_CORRUPT) return 1;
  return rc == SQLITE_OK &&
         (strstr(zSql, "snippet(") || strstr(zSql, "highlight("));
}

/* Run the script from statement iFrom on; compare with the reference. */
static int oom_run_rest(sqlite3 *db, int iFrom, long n, outbuf *out) {
  int i;
  for (i = iFrom; i < N_SCRIPT; i++) {
    int rc = run_sql(db, azScript[i], out);
    if ((rc != aRefRc[i] || strcmp(out->z, azRef[i]) != 0) &&
        oom_is_fts5s_own(rc, azScript[i])) {
      n_fts5_own++;
      return 0;
    }
    if (rc != aRefRc[i] || strcmp(out->z, azRef[i]) != 0) {
      check(0,
            "oom: after the failure of allocation %ld, statement %d gives"
            " rc %d (%s) and:\n%s---- instead of rc %d and:\n%s----\n%s",
            n, i, rc, sqlite3_errmsg(db), out->z, aRefRc[i], azRef[i],
            azScript[i]);
      return 1;
    }
  }
  return 0;
}

static void test_oom_script(long first, long stride) {
  sqlite3 *db = NULL;
  outbuf out = {0, 0, 0};
  long n, nRuns = 0, nFailed = 0;
  int i;
  /* The reference outputs, without failures. */
  sqlite3_open(":memory:", &db);
  koai_register(db, NULL);
  for (i = 0; i < N_SCRIPT; i++) {
    aRefRc[i] = run_sql(db, azScript[i], &out);
    azRef[i] = __real_strdup(out.z);
  }
  sqlite3_close(db);
  check(aRefRc[N_SCRIPT - 2] == SQLITE_ERROR && aRefRc[0] == SQLITE_OK,
        "oom: the script's reference run");

  alloc_trace = getenv("ALLOC_TRACE") != NULL;
  for (n = first;; n += stride) {
    int rc = SQLITE_OK, bad = 0, reached;
    alloc_arm(n);
    db = NULL;
    rc = sqlite3_open(":memory:", &db);
    if (rc == SQLITE_OK) rc = koai_register(db, NULL);
    if (rc != SQLITE_OK) {
      bad = (rc & 0xff) != SQLITE_NOMEM;
      check(!bad, "oom: allocation %ld: opening gives rc %d", n, rc);
    }
    for (i = 0; rc == SQLITE_OK && i < N_SCRIPT; i++) {
      int failedBefore = n_failed;
      rc = run_sql(db, azScript[i], &out);
      if (rc == aRefRc[i] && strcmp(out.z, azRef[i]) == 0) {
        rc = SQLITE_OK;
        continue;
      }
      if (oom_is_fts5s_own(rc, azScript[i])) {
        n_fts5_own++;
        break;
      }
      if (n_failed == failedBefore || (rc & 0xff) != SQLITE_NOMEM) {
        check(0,
              "oom: allocation %ld failing: statement %d gives rc %d (%s)"
              " and:\n%s---- instead of rc %d and:\n%s----\n%s",
              n, i, rc, sqlite3_errmsg(db), out.z, aRefRc[i], azRef[i],
              azScript[i]);
        bad = 1;
        break;
      }
      /* Out of memory, reported: run it again, and the rest. */
      nFailed++;
      bad = oom_run_rest(db, i, n, &out);
      break;
    }
    reached = n_alloc >= n;
    alloc_disarm();
    sqlite3_close(db);
    nRuns++;
    if (bad && n_fail > 20) break;
    if (!reached || first > 1) break;
  }
  check(first > 1 || nRuns > 100, "oom: only %ld runs", nRuns);
  printf("oom: %ld runs of the script (allocations %ld..%ld, stride %ld), %ld "
         "reported out of memory, %ld left to FTS5's own handling\n", nRuns,
         first, n, stride, nFailed, n_fts5_own);
  for (i = 0; i < N_SCRIPT; i++) __real_free(azRef[i]);
  __real_free(out.z);
}

/* Opening the dictionary fails cleanly at every allocation. */
static void test_oom_dictionary(void) {
  const char *zDir = koai_dict_dir(koai_dictionary(NULL));
  long n;
  int ok = 1;
  for (n = 1;; n++) {
    koai_dict *d = NULL;
    char *zErr = NULL;
    int rc, reached;
    alloc_arm(n);
    rc = koai_dict_open(zDir, &d, &zErr);
    reached = n_alloc >= n;
    alloc_disarm();
    if (rc == KOAI_OK) {
      koai_dict_close(d);
      if (!reached) break;
    } else if (rc != KOAI_ERROR_NOMEM || d != NULL) {
      ok = 0;
      printf("dictionary: allocation %ld: rc %d (%s)\n", n, rc,
             zErr ? zErr : "");
    }
    free(zErr);
  }
  check(ok && n > 3, "oom: opening the dictionary (%ld allocations)", n - 1);
}

/* The shipped gazetteer's first load is retried after running out. */
static void test_oom_gazetteer(void) {
  long n = 1;
  int nTries = 0;
  const koai_gazetteer *g = NULL;
  const char *zErr = NULL;
  while (g == NULL && nTries < 400) {
    alloc_arm(n);
    g = koai_gazetteer_builtin(&zErr);
    alloc_disarm();
    nTries++;
    n = n < 64 ? n + 1 : n + n / 8;
  }
  check(g != NULL && nTries > 30,
        "oom: the gazetteer loads after %d failed tries (%s)", nTries,
        zErr ? zErr : "");
}

/* ---- callbacks ------------------------------------------------------------ */

typedef struct fail_ctx {
  int k, count;
  outbuf *out;
} fail_ctx;

static int failingToken(void *p, int tflags, const char *z, int n, int s,
                        int e) {
  fail_ctx *c = p;
  char buf[64];
  if (c->count == c->k) return SQLITE_ABORT;
  c->count++;
  if (c->out) {
    out_append(c->out, z, (size_t)n);
    snprintf(buf, sizeof(buf), "/%d@%d-%d ", tflags, s, e);
    out_append(c->out, buf, strlen(buf));
  }
  return SQLITE_OK;
}

static void test_failing_xtoken(void) {
  static const char zText[] =
      "알리바바는 새 언어모델을 공개했다고 말했다. 오픈AI가 GPT-4를 하이퍼클로바X와 "
      "\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf리바바 中國 오픈 소스를 밝혔다";
  static const char *azArg[] = {"choseong", "1"};
  static const int aFlags[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                               FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX};
  sqlite3 *db = NULL;
  fts5_api *pApi = NULL;
  sqlite3_stmt *pStmt = NULL;
  void *pUser = NULL;
  fts5_tokenizer tok;
  Fts5Tokenizer *p = NULL;
  int f, k, n = (int)sizeof(zText) - 1;
  sqlite3_open(":memory:", &db);
  koai_register(db, NULL);
  sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, NULL);
  sqlite3_bind_pointer(pStmt, 1, (void *)&pApi, "fts5_api_ptr", NULL);
  sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if (pApi == NULL || pApi->xFindTokenizer(pApi, "korean", &pUser, &tok) ||
      tok.xCreate(pUser, azArg, 2, &p)) {
    check(0, "callbacks: no korean tokenizer");
    sqlite3_close(db);
    return;
  }
  for (f = 0; f < 3; f++) {
    outbuf ref = {0, 0, 0}, again = {0, 0, 0};
    fail_ctx c = {-1, 0, &ref};
    int nTokens, ok = 1;
    tok.xTokenize(p, &c, aFlags[f], zText, n, failingToken);
    nTokens = c.count;
    for (k = 0; k <= nTokens; k++) {
      fail_ctx cf = {k, 0, NULL};
      fail_ctx ca = {-1, 0, &again};
      int rc = tok.xTokenize(p, &cf, aFlags[f], zText, n, failingToken);
      again.n = 0;
      out_append(&again, "", 0);
      if (rc != (k < nTokens ? SQLITE_ABORT : SQLITE_OK) || cf.count != k) {
        ok = 0;
        printf("callbacks: mode %d, failing at token %d: rc %d after %d\n",
               aFlags[f], k, rc, cf.count);
      }
      rc = tok.xTokenize(p, &ca, aFlags[f], zText, n, failingToken);
      if (rc != SQLITE_OK || strcmp(again.z, ref.z) != 0) {
        ok = 0;
        printf("callbacks: mode %d: after failing at %d the tokens differ:\n"
               "%s\n%s\n", aFlags[f], k, again.z, ref.z);
      }
    }
    check(ok && nTokens > 10, "callbacks: mode %d, %d tokens", aFlags[f],
          nTokens);
    __real_free(ref.z);
    __real_free(again.z);
  }
  tok.xDelete(p);
  sqlite3_close(db);
}

/* ---- memory ---------------------------------------------------------------- */

static char *repeat_text(const char *zUnit, size_t total, size_t *pn) {
  size_t u = strlen(zUnit), n = 0;
  char *z = __real_malloc(total + u + 1);
  while (n + u <= total) {
    memcpy(z + n, zUnit, u);
    n += u;
  }
  z[n] = 0;
  *pn = n;
  return z;
}

static int ignore_morph(void *ctx, const koai_morph *m) {
  (void)ctx;
  (void)m;
  return 0;
}

static int ignore_term(void *ctx, int colocated, const char *z, int n,
                       size_t s, size_t e) {
  (void)ctx;
  (void)colocated;
  (void)z;
  (void)n;
  (void)s;
  (void)e;
  return 0;
}

/* Peak bytes koai holds while analysing (0) or tokenizing (1) the text. */
static size_t peak_for(int how, const char *z, size_t n) {
  const koai_dict *d = koai_dictionary(NULL);
  size_t base;
  koai_term_options opts;
  base = koai_live;
  koai_peak = koai_live;
  if (how == 0) {
    koai_analyzer *a = koai_analyzer_new(d);
    koai_analyze(a, NULL, z, n, ignore_morph, NULL);
    koai_analyzer_free(a);
  } else {
    koai_term_builder *b = koai_term_builder_new(d);
    memset(&opts, 0, sizeof(opts));
    koai_terms(b, &opts, KOAI_TERMS_DOCUMENT, z, n, ignore_term, NULL);
    koai_term_builder_free(b);
  }
  return koai_peak - base;
}

static void test_bounded_memory(void) {
  static const struct {
    const char *name, *unit;
  } aCase[] = {
      {"news", "알리바바는 새 언어모델을 공개했다고 밝혔다. 오픈AI가 GPT-4를 말했다.\n"},
      {"one long line", "중국에서 1,000억 달러를 투자했다. "},
      {"no spaces", "알리바바가중국에서말했다"},
      {"particles", "은는이가을를"},
      {"digits", "1234567890"},
      {"hanja", "中國經濟"},
      {"one syllable", "가"},
  };
  size_t i;
  int how;
  for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    for (how = 0; how < 2; how++) {
      size_t n1, n8, p1, p8;
      char *z1 = repeat_text(aCase[i].unit, 1 << 20, &n1);
      char *z8 = repeat_text(aCase[i].unit, 8 << 20, &n8);
      p1 = peak_for(how, z1, n1);
      p8 = peak_for(how, z8, n8);
      /* Bounded: 8 times the text, (nearly) the same peak, which is what
      ** one segment of at most 16 KB needs (its lattice, the word cache). */
      check(p8 <= p1 + p1 / 4 + (64 << 10) && p8 < (32 << 20),
            "memory: %s %s: peak %zu bytes for 1 MB, %zu for 8 MB",
            how ? "tokenizing" : "analysing", aCase[i].name, p1, p8);
      printf("memory: %-10s %-14s peak %6zu KB for 1 MB, %6zu KB for 8 MB\n",
             how ? "tokenizer" : "analyzer", aCase[i].name, p1 >> 10,
             p8 >> 10);
      __real_free(z1);
      __real_free(z8);
    }
  }
}

int main(int argc, char **argv) {
  const char *zStride = getenv("ALLOC_STRIDE");
  const char *zOnly = getenv("ALLOC_ONLY");     /* one N, to debug it */
  long stride = zStride ? atol(zStride) : 1;
  int i, all = argc < 2;
  alloc_install_sqlite();
  if (koai_dictionary(NULL) == NULL) {
    printf("alloc: no dictionary\nalloc: 0 passed, 1 failed\n");
    return 1;
  }
  if (stride < 1) stride = 1;

  for (i = all ? 0 : 1; i < (all ? 1 : argc); i++) {
    const char *zWhat = all ? NULL : argv[i];
    if (all || strcmp(zWhat, "oom") == 0) {
      test_oom_gazetteer();
      test_oom_dictionary();
      test_oom_script(zOnly ? atol(zOnly) : 1, stride);
    }
    if (all || strcmp(zWhat, "callbacks") == 0) test_failing_xtoken();
    if (all || strcmp(zWhat, "memory") == 0) test_bounded_memory();
  }
  printf("alloc: %d passed, %d failed\n", n_pass, n_fail);
  return n_fail ? 1 : 0;
}
