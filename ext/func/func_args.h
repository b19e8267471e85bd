/*
** func_args.h: the text argument of koai's scalar functions.
**
** Every scalar function treats its text argument the same way: NULL gives
** NULL, numbers and blobs are read as SQLite converts them to text, and
** bytes that are not UTF-8 are an error naming the function and the byte.
** Errors are messages that start with the function's name.
*/
#ifndef KOAI_FUNC_ARGS_H
#define KOAI_FUNC_ARGS_H

#include "../koai_internal.h"

/*
** The text of argument v as UTF-8 in *pz (n bytes in *pn).  Returns 1
** when the caller should go on; 0 when the result is already set: NULL
** for a NULL argument, or an error ("ai_josa: invalid UTF-8 at byte 3",
** out of memory).
*/
int koai_func_text_arg(sqlite3_context *ctx, const char *zFunc,
                       sqlite3_value *v, const unsigned char **pz, int *pn);

/* Set the result to an error message formatted as sqlite3_mprintf() does
** ("ai_josa: bad pair '%s'"), or to out of memory. */
void koai_func_error(sqlite3_context *ctx, const char *zFmt, ...);

#endif /* KOAI_FUNC_ARGS_H */
