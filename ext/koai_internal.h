/*
** koai_internal.h: what the extension's SQL modules share.
*/
#ifndef KOAI_INTERNAL_H
#define KOAI_INTERNAL_H

/* Built as a loadable extension, every call goes through the API table
** SQLite hands to sqlite3_koai_init; built with -DSQLITE_CORE (static
** linking, tests), calls go straight to SQLite. */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "koai.h"

/* Each module registers itself on one connection; returns an SQLite code. */
int koai_register_version(sqlite3 *db);
int koai_register_ai_tokens(sqlite3 *db);
int koai_register_korean_tokenizer(sqlite3 *db);
int koai_register_ai_normalize(sqlite3 *db);
int koai_register_ai_choseong(sqlite3 *db);
int koai_register_ai_romanize(sqlite3 *db);
int koai_register_ai_josa(sqlite3 *db);
int koai_register_ai_sentences(sqlite3 *db);
int koai_register_ai_entities(sqlite3 *db);
int koai_register_ai_keywords(sqlite3 *db);
int koai_register_ai_fts_insert(sqlite3 *db);

/*
** The shared dictionary, or NULL after setting an error on the context
** that names the calling function ("ai_tokens: dictionary not found ...").
*/
const koai_dict *koai_dictionary_or_error(const char *zFunc, char **pzErr);

#endif /* KOAI_INTERNAL_H */
