/*
** ai_choseong.c: the scalar function ai_choseong(text).
**
**   SELECT ai_choseong('알리바바');          -- 'ㅇㄹㅂㅂ'
**
** Each Hangul syllable becomes the compatibility jamo of its initial
** consonant (ㄱ ㄲ ㄴ ... ㅎ, U+3131..U+314E); decomposed syllables (NFD)
** count as the syllable they spell; every other character is kept as it
** is.  The work is koai_choseong() (choseong.c), which the tokenizer's
** `choseong 1` option shares.
*/
#include "../koai_internal.h"

#include "choseong.h"
#include "func_args.h"

/* ai_choseong(text): NULL for NULL, an error for invalid UTF-8. */
static void koaiChoseongFunc(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv) {
  const unsigned char *z;
  char *zOut;
  int n, nOut;
  (void)argc;
  if (!koai_func_text_arg(ctx, "ai_choseong", argv[0], &z, &n)) return;
  zOut = sqlite3_malloc(n + 1);
  if (zOut == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  nOut = koai_choseong((const char *)z, n, zOut, n);
  sqlite3_result_text(ctx, zOut, nOut, sqlite3_free);
}

int koai_register_ai_choseong(sqlite3 *db) {
  return sqlite3_create_function(
      db, "ai_choseong", 1,
      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
      koaiChoseongFunc, NULL, NULL);
}
