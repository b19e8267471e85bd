/*
** vtab_args.h: what koai's table-valued functions share: planning their
** arguments and reading their text.
*/
#ifndef KOAI_VTAB_ARGS_H
#define KOAI_VTAB_ARGS_H

#include "../koai_internal.h"

/*
** xBestIndex for a function whose arguments are the hidden columns
** iFirstArg .. iFirstArg + nArg - 1, the first (the text) required.  Each
** argument given is bound by equality, in column order, and sets bit k of
** idxNum for argument k.  A plan that cannot bind an argument it was given
** gets SQLITE_CONSTRAINT so that SQLite tries another; with no text at all
** (SQLite asks so for each side of an OR of output columns) the plan is
** one SQLite takes only when there is no other, and xFilter reports the
** missing argument, so that terms on output columns never fail a
** statement.
*/
int koai_vtab_best_index(sqlite3_index_info *info, int iFirstArg, int nArg,
                         double cost, sqlite3_int64 rows);

/* Set pVtab's error message, taking zMsg; SQLITE_NOMEM when it is NULL. */
int koai_vtab_error(sqlite3_vtab *pVtab, char *zMsg);

/*
** The text argument pText as UTF-8: *pz is SQLite's copy, valid during
** xFilter, or NULL for SQL NULL (no rows).  Returns SQLITE_OK,
** SQLITE_NOMEM, or SQLITE_ERROR with "zFunc: missing text argument" (pText
** NULL) or "zFunc: invalid UTF-8 at byte N".
*/
int koai_vtab_text(sqlite3_vtab *pVtab, const char *zFunc,
                   sqlite3_value *pText, const unsigned char **pz, int *pn);

#endif /* KOAI_VTAB_ARGS_H */
