/*
** fuzz_common.h: what koai's libFuzzer harnesses share.
**
** Each harness (tests/fuzz/fuzz_*.c) links koai statically, built with
** clang and -fsanitize=fuzzer,address,undefined, against the system
** SQLite and ICU.  The dictionary is found as koai finds it: $KOAI_DICDIR
** (tests/fuzz/run.sh sets it), else dist/mecab-ko-dic under the current
** directory.  A broken invariant aborts with a message, which libFuzzer
** reports as a crash and saves with its input.
*/
#ifndef KOAI_FUZZ_COMMON_H
#define KOAI_FUZZ_COMMON_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "koai.h"

/* Abort with the harness's name and the broken invariant. */
#define FUZZ_CHECK(cond, ...)                                        \
  do {                                                               \
    if (!(cond)) fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);  \
  } while (0)

void fuzz_fail(const char *zFile, int line, const char *zCond,
               const char *zFmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));

/* The shared dictionary, opened once; aborts when it cannot be found. */
const koai_dict *fuzz_dictionary(void);

/* An in-memory connection with koai registered; aborts on failure. */
sqlite3 *fuzz_open_db(void);

/* Run SQL that must succeed (set-up); aborts on failure. */
void fuzz_exec(sqlite3 *db, const char *zSql);

/* The `korean` tokenizer of a connection, through the FTS5 API. */
typedef struct fuzz_tokenizer {
  void *pUserData;
  fts5_tokenizer api;
} fuzz_tokenizer;
void fuzz_find_korean(sqlite3 *db, fuzz_tokenizer *pOut);

/* Step a statement to the end; returns the last result code. */
int fuzz_step_all(sqlite3_stmt *pStmt);

/* A result code that is acceptable from koai on fuzzed input: success,
** a reported error, out of memory, a limit hit, an interrupt. */
int fuzz_rc_ok(int rc);

/*
** Step pStmt, whose columns 0, 1, 2 are a slice of z[0..n) and its start
** and end character offsets, and check that every row's column 0 is
** exactly that slice of z.  (SQL's substr() cannot check this: it stops at
** a NUL.)  Returns the statement's last result code.
*/
int fuzz_check_slices(sqlite3_stmt *pStmt, const uint8_t *z, int n);

#endif /* KOAI_FUZZ_COMMON_H */
