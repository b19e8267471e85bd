/*
** func_args.h: the text argument of koai's scalar functions.
**
** Every scalar function treats its text argument the same way: NULL gives
** NULL, numbers and blobs are read as SQLite converts them to text, and
** bytes that are not UTF-8 are an error naming the function and the byte.
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

#endif /* KOAI_FUNC_ARGS_H */
