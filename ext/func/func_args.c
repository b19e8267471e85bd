/*
** func_args.c: reading and checking a scalar function's text argument.
*/
#include "func_args.h"

#include "../analyzer/utf8.h"

int koai_func_text_arg(sqlite3_context *ctx, const char *zFunc,
                       sqlite3_value *v, const unsigned char **pz, int *pn) {
  const unsigned char *z;
  long bad;
  int n;
  if (sqlite3_value_type(v) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return 0;
  }
  z = sqlite3_value_text(v);
  n = sqlite3_value_bytes(v);
  if (z == NULL) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  bad = koai_utf8_invalid_offset(z, (size_t)n);
  if (bad >= 0) {
    char *zErr = sqlite3_mprintf("%s: invalid UTF-8 at byte %ld", zFunc, bad);
    if (zErr == NULL) {
      sqlite3_result_error_nomem(ctx);
    } else {
      sqlite3_result_error(ctx, zErr, -1);
      sqlite3_free(zErr);
    }
    return 0;
  }
  *pz = z;
  *pn = n;
  return 1;
}
