/*
** bulk_insert.c: ai_fts_insert(table, query [, threads]), a bulk load of a
** full-text table that analyses its documents on every core.
**
**   SELECT ai_fts_insert('docs_fts', 'SELECT rowid, body FROM docs');
**
** runs `query` and inserts each of its rows into `table`, in order, as
**   INSERT INTO table(<the query's column names>) VALUES (...)
** would, and returns the number of rows inserted.  FTS5 itself is single-
** threaded, and for a `korean` table most of an INSERT's time is the
** analysis; so the rows are read a window ahead, worker threads turn the
** window's texts into terms (koai_terms(), exactly what the tokenizer
** would compute), and when FTS5 asks the tokenizer for a text's terms it
** gets them from there (bulk_insert.h).  The index is byte for byte the
** one a plain INSERT ... SELECT builds.
**
** Memory is bounded by the window (BULK_WINDOW_ROWS rows, at most
** BULK_WINDOW_BYTES of text), whatever the size of the load.  Tables with
** another tokenizer are loaded too, without the parallel analysis.
*/
#include "../koai_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulk_insert.h"
#include "index_terms.h"

#define BULK_WINDOW_ROWS 512
#define BULK_WINDOW_BYTES (8 << 20)
#define BULK_MAX_THREADS 64

#define JOB_NONE 0      /* not a text: nothing to analyse */
#define JOB_PENDING 1
#define JOB_RUNNING 2
#define JOB_DONE 3
#define JOB_FAILED 4    /* out of memory in a worker: analysed inline */
#define JOB_SKIPPED 5   /* left to the tokenizer, or never asked for */

typedef struct bulk_term {
  int colocated;
  int n;
  size_t off;            /* in the job's bytes */
  size_t start, end;
} bulk_term;

/* One text value of a row and, once analysed, its terms. */
typedef struct bulk_job {
  int state;
  int used;              /* replayed or left to the tokenizer */
  const char *text;      /* the row's value; valid while the row is */
  int n;
  bulk_term *terms;
  int n_terms, cap_terms;
  char *bytes;
  size_t n_bytes, cap_bytes;
} bulk_job;

typedef struct bulk_row {
  sqlite3_value **values;   /* the query's columns, copied */
  bulk_job *jobs;           /* one per column */
} bulk_row;

typedef struct bulk_load {
  const koai_dict *d;
  int n_cols;
  bulk_row rows[BULK_WINDOW_ROWS];
  sqlite3_int64 first;      /* sequence number of the oldest row held */
  sqlite3_int64 end;        /* one past the newest row read */
  size_t bytes;             /* text held in the window */
  sqlite3_int64 current;    /* the row being inserted, -1 between rows */
  /* the workers' next job: row sequence number and column */
  sqlite3_int64 claim_row;
  int claim_col;
  const void *owner;        /* the tokenizer instance analysed for */
  const koai_term_options *opts;
  koai_term_builder *helper;  /* the inserting thread's, while it waits */
  int stop;
  int n_idle;               /* workers waiting for work */
  int main_waiting;         /* the inserting thread waits for a job */
  pthread_mutex_t mutex;
  pthread_cond_t work;      /* more to claim, an owner, or stop */
  pthread_cond_t done;      /* a job finished */
} bulk_load;

/* The load running on this thread, for the tokenizer's calls. */
static _Thread_local bulk_load *tl_load;

static void bulk_job_clear(bulk_job *j) {
  free(j->terms);
  free(j->bytes);
  memset(j, 0, sizeof(*j));
}

static int bulk_collect(void *ctx, int colocated, const char *z, int n,
                        size_t start, size_t end) {
  bulk_job *j = ctx;
  bulk_term *t;
  if (j->n_terms == j->cap_terms) {
    int cap = j->cap_terms ? j->cap_terms * 2 : 64;
    bulk_term *a = realloc(j->terms, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    j->terms = a;
    j->cap_terms = cap;
  }
  if (j->n_bytes + (size_t)n > j->cap_bytes) {
    size_t cap = j->cap_bytes ? j->cap_bytes * 2 : 1024;
    char *p;
    while (cap < j->n_bytes + (size_t)n) cap *= 2;
    p = realloc(j->bytes, cap);
    if (p == NULL) return KOAI_ERROR_NOMEM;
    j->bytes = p;
    j->cap_bytes = cap;
  }
  t = &j->terms[j->n_terms++];
  t->colocated = colocated;
  t->n = n;
  t->off = j->n_bytes;
  t->start = start;
  t->end = end;
  memcpy(j->bytes + j->n_bytes, z, (size_t)n);
  j->n_bytes += (size_t)n;
  return 0;
}

/* The next pending job for a worker, marked running; NULL if none now.
** Called with the mutex held. */
static bulk_job *bulk_claim(bulk_load *L) {
  if (L->owner == NULL) return NULL;
  if (L->claim_row < L->first) {
    L->claim_row = L->first;
    L->claim_col = 0;
  }
  while (L->claim_row < L->end) {
    bulk_row *r = &L->rows[L->claim_row % BULK_WINDOW_ROWS];
    while (L->claim_col < L->n_cols) {
      bulk_job *j = &r->jobs[L->claim_col++];
      if (j->state == JOB_PENDING) {
        j->state = JOB_RUNNING;
        return j;
      }
    }
    L->claim_row++;
    L->claim_col = 0;
  }
  return NULL;
}

/* Analyse one claimed job with builder b; called with the mutex held,
** which is released meanwhile. */
static void bulk_analyse(bulk_load *L, koai_term_builder *b, bulk_job *j) {
  int rc;
  pthread_mutex_unlock(&L->mutex);
  rc = koai_terms(b, L->opts, KOAI_TERMS_DOCUMENT, j->text, (size_t)j->n,
                  bulk_collect, j);
  pthread_mutex_lock(&L->mutex);
  j->state = rc == 0 ? JOB_DONE : JOB_FAILED;
}

static void *bulk_worker(void *arg) {
  bulk_load *L = arg;
  koai_term_builder *b = koai_term_builder_new(L->d);
  pthread_mutex_lock(&L->mutex);
  for (;;) {
    bulk_job *j = b ? bulk_claim(L) : NULL;
    if (j == NULL) {
      if (L->stop || b == NULL) break;
      L->n_idle++;
      pthread_cond_wait(&L->work, &L->mutex);
      L->n_idle--;
      continue;
    }
    bulk_analyse(L, b, j);
    /* Wake-ups are system calls: only when someone waits. */
    if (L->main_waiting) pthread_cond_broadcast(&L->done);
  }
  pthread_mutex_unlock(&L->mutex);
  koai_term_builder_free(b);
  return NULL;
}

/*
** Wait until no worker analyses j; called with the mutex held.  Rather
** than sleep, the inserting thread analyses jobs further on meanwhile:
** it is one more worker whenever FTS5 is not busy.
*/
static void bulk_wait(bulk_load *L, bulk_job *j) {
  while (j->state == JOB_RUNNING) {
    bulk_job *k = L->helper ? bulk_claim(L) : NULL;
    if (k != NULL) {
      bulk_analyse(L, L->helper, k);
      continue;
    }
    L->main_waiting = 1;
    pthread_cond_wait(&L->done, &L->mutex);
    L->main_waiting = 0;
  }
}

int koai_bulk_tokenize(const void *owner, const koai_term_options *opts,
                       const char *pText, int nText,
                       int (*xToken)(void *, int, const char *, int, int, int),
                       void *pCtx, int *pRc) {
  bulk_load *L = tl_load;
  bulk_job *j = NULL;
  int i, rc = 0;
  if (L == NULL || L->current < 0) return 0;
  pthread_mutex_lock(&L->mutex);
  if (L->owner == NULL) {
    /* The first korean table to ask is the one being loaded. */
    L->owner = owner;
    L->opts = opts;
    pthread_cond_broadcast(&L->work);
  }
  if (L->owner == owner) {
    bulk_row *r = &L->rows[L->current % BULK_WINDOW_ROWS];
    for (i = 0; i < L->n_cols; i++) {
      bulk_job *c = &r->jobs[i];
      if (c->state != JOB_NONE && !c->used && c->n == nText &&
          memcmp(c->text, pText, (size_t)nText) == 0) {
        j = c;
        break;
      }
    }
  }
  if (j != NULL) {
    j->used = 1;
    if (j->state == JOB_PENDING) j->state = JOB_SKIPPED;  /* faster here */
    bulk_wait(L, j);
  }
  pthread_mutex_unlock(&L->mutex);
  if (j == NULL || j->state != JOB_DONE) return 0;
  for (i = 0; i < j->n_terms && rc == 0; i++) {
    const bulk_term *t = &j->terms[i];
    rc = xToken(pCtx, t->colocated ? FTS5_TOKEN_COLOCATED : 0,
                j->bytes + t->off, t->n, (int)t->start, (int)t->end);
  }
  *pRc = rc;
  return 1;
}

/* Read the next row of pQuery into the window; SQLITE_ROW, SQLITE_DONE or
** an error. */
static int bulk_read_row(bulk_load *L, sqlite3_stmt *pQuery) {
  bulk_row *r = &L->rows[L->end % BULK_WINDOW_ROWS];
  int rc = sqlite3_step(pQuery), i;
  size_t bytes = 0;
  if (rc != SQLITE_ROW) return rc;
  for (i = 0; i < L->n_cols; i++) {
    sqlite3_value *v = sqlite3_value_dup(sqlite3_column_value(pQuery, i));
    bulk_job *j = &r->jobs[i];
    memset(j, 0, sizeof(*j));
    r->values[i] = v;
    if (v != NULL && sqlite3_value_type(v) == SQLITE_TEXT) {
      j->text = (const char *)sqlite3_value_text(v);
      j->n = sqlite3_value_bytes(v);
      if (j->n > 0) j->state = JOB_PENDING;
      bytes += (size_t)j->n;
    }
    if (v == NULL || (j->state == JOB_NONE && j->text == NULL &&
                      sqlite3_value_type(v) == SQLITE_TEXT)) {
      /* Out of memory: the row was not taken into the window. */
      for (; i >= 0; i--) {
        sqlite3_value_free(r->values[i]);
        r->values[i] = NULL;
        memset(&r->jobs[i], 0, sizeof(bulk_job));
      }
      return SQLITE_NOMEM;
    }
  }
  pthread_mutex_lock(&L->mutex);
  L->end++;
  L->bytes += bytes;
  pthread_mutex_unlock(&L->mutex);
  return SQLITE_ROW;
}

/* Drop the oldest row, once no worker is analysing a text of it. */
static void bulk_drop_row(bulk_load *L) {
  bulk_row *r = &L->rows[L->first % BULK_WINDOW_ROWS];
  int i;
  pthread_mutex_lock(&L->mutex);
  for (i = 0; i < L->n_cols; i++) {
    bulk_job *j = &r->jobs[i];
    if (j->state == JOB_PENDING) j->state = JOB_SKIPPED;
    bulk_wait(L, j);
  }
  for (i = 0; i < L->n_cols; i++) {
    L->bytes -= (size_t)r->jobs[i].n;
    bulk_job_clear(&r->jobs[i]);
    sqlite3_value_free(r->values[i]);
    r->values[i] = NULL;
  }
  L->first++;
  pthread_mutex_unlock(&L->mutex);
}

/* The INSERT for the query's columns, or an error message in *pzErr. */
static int bulk_prepare_insert(sqlite3 *db, const char *zTable,
                               sqlite3_stmt *pQuery, sqlite3_stmt **ppInsert,
                               char **pzErr) {
  sqlite3_str *s = sqlite3_str_new(db);
  int i, n = sqlite3_column_count(pQuery), rc;
  char *zSql;
  sqlite3_str_appendf(s, "INSERT INTO \"%w\"(", zTable);
  for (i = 0; i < n; i++) {
    sqlite3_str_appendf(s, "%s\"%w\"", i ? ", " : "",
                        sqlite3_column_name(pQuery, i));
  }
  sqlite3_str_appendall(s, ") VALUES (");
  for (i = 0; i < n; i++) sqlite3_str_appendf(s, "%s?", i ? ", " : "");
  sqlite3_str_appendall(s, ")");
  zSql = sqlite3_str_finish(s);
  if (zSql == NULL) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, zSql, -1, ppInsert, NULL);
  sqlite3_free(zSql);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOMEM) {
    *pzErr = sqlite3_mprintf("ai_fts_insert: cannot insert into '%s': %s",
                             zTable, sqlite3_errmsg(db));
  }
  return rc;
}

/* Insert every row of pQuery with pInsert; *pnRows counts them. */
static int bulk_run(bulk_load *L, sqlite3 *db, sqlite3_stmt *pQuery,
                    sqlite3_stmt *pInsert, sqlite3_int64 *pnRows,
                    char **pzErr) {
  int rc = SQLITE_ROW, i, more = 1;
  while (more || L->first < L->end) {
    bulk_row *r;
    /* Keep the window full, so that the workers stay ahead: refilled
    ** when half empty, then the idle workers are woken once. */
    if (more && (L->end - L->first <= BULK_WINDOW_ROWS / 2 ||
                 L->bytes < BULK_WINDOW_BYTES / 2)) {
      while (more && L->end - L->first < BULK_WINDOW_ROWS &&
             (L->bytes < BULK_WINDOW_BYTES || L->first == L->end)) {
        rc = bulk_read_row(L, pQuery);
        if (rc == SQLITE_DONE) {
          more = 0;
        } else if (rc != SQLITE_ROW) {
          if ((rc & 0xff) != SQLITE_NOMEM) {
            *pzErr = sqlite3_mprintf("ai_fts_insert: %s", sqlite3_errmsg(db));
          }
          return rc;
        }
      }
      pthread_mutex_lock(&L->mutex);
      if (L->n_idle > 0) pthread_cond_broadcast(&L->work);
      pthread_mutex_unlock(&L->mutex);
    }
    if (L->first == L->end) break;
    r = &L->rows[L->first % BULK_WINDOW_ROWS];
    for (i = 0; i < L->n_cols; i++) {
      /* A text is bound in place: the window holds it until the row is
      ** dropped, after the insert. */
      if (r->jobs[i].text != NULL) {
        rc = sqlite3_bind_text(pInsert, i + 1, r->jobs[i].text, r->jobs[i].n,
                               SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_value(pInsert, i + 1, r->values[i]);
      }
      if (rc != SQLITE_OK) return rc;
    }
    L->current = L->first;
    rc = sqlite3_step(pInsert);
    L->current = -1;
    if (rc != SQLITE_DONE) {
      rc = sqlite3_reset(pInsert);
      if ((rc & 0xff) != SQLITE_NOMEM) {
        *pzErr = sqlite3_mprintf("ai_fts_insert: %s", sqlite3_errmsg(db));
      }
      return rc == SQLITE_OK ? SQLITE_ERROR : rc;
    }
    sqlite3_reset(pInsert);
    sqlite3_clear_bindings(pInsert);
    bulk_drop_row(L);
    (*pnRows)++;
  }
  return SQLITE_OK;
}

/* Threads to use: the argument, or one fewer than the online CPUs (at
** least one): the inserting thread needs a core for FTS5 and analyses
** rows ahead too whenever it would wait. */
static int bulk_thread_count(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv, int *pn) {
  long n;
  if (argc >= 3 && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
    sqlite3_int64 v = sqlite3_value_int64(argv[2]);
    if (sqlite3_value_type(argv[2]) != SQLITE_INTEGER || v < 0 ||
        v > BULK_MAX_THREADS) {
      sqlite3_result_error(ctx,
                           "ai_fts_insert: threads must be an integer from 0 "
                           "to 64",
                           -1);
      return 0;
    }
    *pn = (int)v;
    return 1;
  }
  n = sysconf(_SC_NPROCESSORS_ONLN) - 1;
  *pn = n < 1 ? 1 : n > BULK_MAX_THREADS ? BULK_MAX_THREADS : (int)n;
  return 1;
}

static void aiFtsInsertFunc(sqlite3_context *ctx, int argc,
                            sqlite3_value **argv) {
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  const char *zTable = (const char *)sqlite3_value_text(argv[0]);
  const char *zQuery = (const char *)sqlite3_value_text(argv[1]);
  sqlite3_stmt *pQuery = NULL, *pInsert = NULL;
  pthread_t aThread[BULK_MAX_THREADS];
  bulk_load *L = NULL;
  char *zErr = NULL;
  sqlite3_int64 nRows = 0;
  int nThread = 0, nStarted = 0, i, rc;

  if (zTable == NULL || zQuery == NULL) {
    sqlite3_result_error(ctx, "ai_fts_insert: table and query are required",
                         -1);
    return;
  }
  if (!bulk_thread_count(ctx, argc, argv, &nThread)) return;
  if (tl_load != NULL) {
    sqlite3_result_error(ctx, "ai_fts_insert: already loading on this thread",
                         -1);
    return;
  }
  rc = sqlite3_prepare_v2(db, zQuery, -1, &pQuery, NULL);
  if (rc != SQLITE_OK || pQuery == NULL) {
    if ((rc & 0xff) == SQLITE_NOMEM) {
      sqlite3_result_error_nomem(ctx);
    } else {
      zErr = sqlite3_mprintf("ai_fts_insert: bad query: %s",
                             rc == SQLITE_OK ? "empty" : sqlite3_errmsg(db));
      sqlite3_result_error(ctx, zErr ? zErr : "ai_fts_insert: bad query", -1);
      sqlite3_free(zErr);
    }
    sqlite3_finalize(pQuery);
    return;
  }
  if (!sqlite3_stmt_readonly(pQuery) || sqlite3_column_count(pQuery) == 0) {
    sqlite3_finalize(pQuery);
    sqlite3_result_error(ctx, "ai_fts_insert: the query must be a SELECT", -1);
    return;
  }
  rc = bulk_prepare_insert(db, zTable, pQuery, &pInsert, &zErr);
  if (rc == SQLITE_OK) {
    L = calloc(1, sizeof(*L));
    if (L == NULL) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) {
    L->n_cols = sqlite3_column_count(pQuery);
    L->current = -1;
    L->d = koai_dictionary(NULL);
    for (i = 0; i < BULK_WINDOW_ROWS && rc == SQLITE_OK; i++) {
      L->rows[i].values = calloc((size_t)L->n_cols, sizeof(sqlite3_value *));
      L->rows[i].jobs = calloc((size_t)L->n_cols, sizeof(bulk_job));
      if (L->rows[i].values == NULL || L->rows[i].jobs == NULL) {
        rc = SQLITE_NOMEM;
      }
    }
  }
  if (rc == SQLITE_OK) {
    pthread_mutex_init(&L->mutex, NULL);
    pthread_cond_init(&L->work, NULL);
    pthread_cond_init(&L->done, NULL);
    /* Without the dictionary there is nothing to analyse ahead; the
    ** tokenizer reports the error itself. */
    if (L->d == NULL) nThread = 0;
    if (nThread > 0) L->helper = koai_term_builder_new(L->d);
    for (i = 0; i < nThread; i++) {
      if (pthread_create(&aThread[i], NULL, bulk_worker, L) != 0) break;
      nStarted++;
    }
    /* One transaction for the load (nested in the caller's, if any):
    ** a commit per row would cost a sync per row. */
    tl_load = L;
    rc = sqlite3_exec(db, "SAVEPOINT ai_fts_insert", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
      rc = bulk_run(L, db, pQuery, pInsert, &nRows, &zErr);
      if (rc != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK TO ai_fts_insert", NULL, NULL, NULL);
        sqlite3_exec(db, "RELEASE ai_fts_insert", NULL, NULL, NULL);
      } else {
        rc = sqlite3_exec(db, "RELEASE ai_fts_insert", NULL, NULL, NULL);
        if (rc != SQLITE_OK && zErr == NULL && (rc & 0xff) != SQLITE_NOMEM) {
          zErr = sqlite3_mprintf("ai_fts_insert: cannot commit: %s",
                                 sqlite3_errmsg(db));
        }
      }
    } else if ((rc & 0xff) != SQLITE_NOMEM) {
      zErr = sqlite3_mprintf("ai_fts_insert: %s", sqlite3_errmsg(db));
    }
    tl_load = NULL;
    pthread_mutex_lock(&L->mutex);
    L->stop = 1;
    pthread_cond_broadcast(&L->work);
    pthread_mutex_unlock(&L->mutex);
    for (i = 0; i < nStarted; i++) pthread_join(aThread[i], NULL);
    while (L->first < L->end) bulk_drop_row(L);
    koai_term_builder_free(L->helper);
    pthread_cond_destroy(&L->done);
    pthread_cond_destroy(&L->work);
    pthread_mutex_destroy(&L->mutex);
  }
  if (L != NULL) {
    for (i = 0; i < BULK_WINDOW_ROWS; i++) {
      free(L->rows[i].values);
      free(L->rows[i].jobs);
    }
    free(L);
  }
  sqlite3_finalize(pInsert);
  sqlite3_finalize(pQuery);
  if (rc == SQLITE_OK) {
    sqlite3_result_int64(ctx, nRows);
  } else if (zErr != NULL) {
    sqlite3_result_error(ctx, zErr, -1);
    sqlite3_result_error_code(ctx, rc);
  } else if ((rc & 0xff) == SQLITE_NOMEM) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_error_code(ctx, rc);
  }
  sqlite3_free(zErr);
}

int koai_register_ai_fts_insert(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "ai_fts_insert", 2,
                                   SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                   aiFtsInsertFunc, NULL, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_function(db, "ai_fts_insert", 3,
                                 SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                 aiFtsInsertFunc, NULL, NULL);
  }
  return rc;
}
