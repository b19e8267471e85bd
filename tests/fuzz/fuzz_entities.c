/*
** fuzz_entities.c: ai_entities(text [, date]) with fuzzed TEXT and BLOB
** arguments, with a user gazetteer in the database.
**
** Byte 0: bit 0 binds a reference date (the last 10 bytes of the input,
** or a valid date when bit 1 is set), bit 2 binds the text as a BLOB, bit
** 3 changes the user's ai_gazetteer first (so that it is read again).
** Checked: rows or a reported error naming ai_entities; every row is
** exactly substr(text, start + 1, end - start), with a label of the spec,
** and a value only for amounts.
*/
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static sqlite3 *db;
static sqlite3_stmt *pRows, *pSlices, *pTouch;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *zText, *zDate = NULL;
  int nText, nDate = 0, rc, useDate, asBlob;
  if (db == NULL) {
    db = fuzz_open_db();
    fuzz_exec(db,
              "CREATE TABLE ai_gazetteer(name TEXT, label TEXT, canonical TEXT);"
              "INSERT INTO ai_gazetteer VALUES ('누리봇', 'PRODUCT', 'Nuribot'),"
              " ('메타', 'PRODUCT', 'Meta Quest'), ('김', 'PERSON', ''),"
              " ('A', 'ORG', NULL), ('서울', 'GPE', 'Seoul');");
    sqlite3_prepare_v2(db,
                       "SELECT entity, label, canonical, value, unit, start,"
                       " end, source FROM ai_entities(?1, ?2)",
                       -1, &pRows, NULL);
    sqlite3_prepare_v2(db,
                       "SELECT entity, start, end FROM ai_entities(?1, ?2)",
                       -1, &pSlices, NULL);
    sqlite3_prepare_v2(db,
                       "UPDATE ai_gazetteer SET canonical = canonical"
                       " WHERE rowid = 1",
                       -1, &pTouch, NULL);
    FUZZ_CHECK(pRows && pSlices && pTouch, "%s", sqlite3_errmsg(db));
  }
  if (size < 1 || size > 1 << 20) return 0;
  useDate = data[0] & 1;
  asBlob = (data[0] & 4) != 0;
  zText = data + 1;
  nText = (int)size - 1;
  if (useDate && (data[0] & 2)) {
    zDate = (const uint8_t *)"2024-11-05";
    nDate = 10;
  } else if (useDate && nText >= 10) {
    zDate = data + size - 10;
    nDate = 10;
    nText -= 10;
  }
  if (data[0] & 8) fuzz_step_all(pTouch), sqlite3_reset(pTouch);
  if (asBlob) {
    sqlite3_bind_blob(pRows, 1, zText, nText, SQLITE_STATIC);
  } else {
    sqlite3_bind_text(pRows, 1, (const char *)zText, nText, SQLITE_STATIC);
  }
  if (zDate) {
    sqlite3_bind_text(pRows, 2, (const char *)zDate, nDate, SQLITE_STATIC);
  } else {
    sqlite3_bind_null(pRows, 2);
  }
  while ((rc = sqlite3_step(pRows)) == SQLITE_ROW) {
    const char *zLabel = (const char *)sqlite3_column_text(pRows, 1);
    int isAmount;
    FUZZ_CHECK(zLabel != NULL, "no label");
    isAmount = strcmp(zLabel, "MONEY") == 0 || strcmp(zLabel, "PERCENT") == 0 ||
               strcmp(zLabel, "QUANTITY") == 0;
    FUZZ_CHECK(isAmount || strcmp(zLabel, "PERSON") == 0 ||
                   strcmp(zLabel, "ORG") == 0 || strcmp(zLabel, "PRODUCT") == 0 ||
                   strcmp(zLabel, "GPE") == 0 || strcmp(zLabel, "DATE") == 0,
               "label %s", zLabel);
    FUZZ_CHECK(isAmount || sqlite3_column_type(pRows, 3) == SQLITE_NULL,
               "a value for %s", zLabel);
    FUZZ_CHECK(sqlite3_column_int64(pRows, 5) <= sqlite3_column_int64(pRows, 6),
               "start after end");
  }
  FUZZ_CHECK(rc == SQLITE_DONE ||
                 (rc == SQLITE_ERROR &&
                  strncmp(sqlite3_errmsg(db), "ai_entities: ", 13) == 0),
             "%d %s", rc, sqlite3_errmsg(db));
  sqlite3_reset(pRows);
  if (rc == SQLITE_DONE && !asBlob) {
    sqlite3_bind_text(pSlices, 1, (const char *)zText, nText, SQLITE_STATIC);
    if (zDate) {
      sqlite3_bind_text(pSlices, 2, (const char *)zDate, nDate, SQLITE_STATIC);
    } else {
      sqlite3_bind_null(pSlices, 2);
    }
    FUZZ_CHECK(fuzz_check_slices(pSlices, zText, nText) == SQLITE_DONE, "%s",
               sqlite3_errmsg(db));
    sqlite3_reset(pSlices);
  }
  return 0;
}
