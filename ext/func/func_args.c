/*
** func_args.c: reading and checking a scalar function's text argument,
** and reporting errors.
*/
#include "func_args.h"

#include <stdarg.h>

#include "../analyzer/utf8.h"

void koai_func_error(sqlite3_context *ctx, const char *zFmt, ...) {
  va_list ap;
  char *zErr;
  va_start(ap, zFmt);
  zErr = sqlite3_vmprintf(zFmt, ap);
  va_end(ap);
  if (zErr == NULL) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_error(ctx, zErr, -1);
    sqlite3_free(zErr);
  }
}

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
    koai_func_error(ctx, "%s: invalid UTF-8 at byte %ld", zFunc, bad);
    return 0;
  }
  *pz = z;
  *pn = n;
  return 1;
}
