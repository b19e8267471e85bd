/*
** ai_normalize.c: the scalar function ai_normalize(text).
**
**   SELECT ai_normalize('ＧＰＴ－４');      -- 'GPT-4'
**
** Returns the text exactly as the analyzer and the `korean` tokenizer see
** it: NFC (decomposed Hangul becomes syllables), full-width Latin, digits
** and symbols folded to ASCII, every kind of space a plain space, line
** separators a line break, control characters a space.  It is
** koai_normalize() itself, so a stored column and what koai indexes can be
** compared byte for byte.
*/
#include "../koai_internal.h"

#include <string.h>

#include "../analyzer/normalize.h"
#include "func_args.h"

/* ai_normalize(text): NULL for NULL, an error for invalid UTF-8. */
static void koaiNormalizeFunc(sqlite3_context *ctx, int argc,
                              sqlite3_value **argv) {
  koai_normbuf nb;
  const unsigned char *z;
  int n;
  (void)argc;
  if (!koai_func_text_arg(ctx, "ai_normalize", argv[0], &z, &n)) return;
  memset(&nb, 0, sizeof(nb));
  if (koai_normalize(&nb, z, (size_t)n) != KOAI_OK) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_text(ctx, (const char *)nb.z, (int)nb.n, SQLITE_TRANSIENT);
  }
  koai_normbuf_free(&nb);
}

int koai_register_ai_normalize(sqlite3 *db) {
  return sqlite3_create_function(
      db, "ai_normalize", 1,
      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
      koaiNormalizeFunc, NULL, NULL);
}
