/*
** ai_entities.c: the table-valued function ai_entities(text [, date]).
**
**   SELECT entity, label, canonical, value, unit, start, end
**   FROM ai_entities('네이버는 하이퍼클로바X에 1조 원을 투자했다', '2024-11-05');
**
** One row per named entity, amount or date, in document order, as
** ../shared/spec/entities.md defines them; `source` tells how each was
** found.  The optional second argument is the reference date for 오늘,
** 어제, 올해, 지난달....  Rows of the user's own table
** ai_gazetteer(name, label, canonical), when the database has one, are
** used as they are now: the table is read again whenever this connection
** has changed anything since the last call.
*/
#include "vtab_args.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/utf8.h"
#include "../entities/entities.h"

#define ENT_COL_ENTITY 0
#define ENT_COL_LABEL 1
#define ENT_COL_CANONICAL 2
#define ENT_COL_VALUE 3
#define ENT_COL_UNIT 4
#define ENT_COL_START 5
#define ENT_COL_END 6
#define ENT_COL_SOURCE 7
#define ENT_COL_TEXT 8
#define ENT_COL_DATE 9

typedef struct entities_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  koai_gazetteer *user;         /* the user's ai_gazetteer, or NULL */
  int user_loaded;
  sqlite3_int64 user_changes;   /* total_changes when it was read */
  unsigned int user_data_version;
} entities_vtab;

typedef struct entities_cursor {
  sqlite3_vtab_cursor base;
  koai_entity_finder *finder;
  koai_entity_list list;
  char *text;
  size_t n;
  sqlite3_int64 *char_start, *char_end;
  int i;
} entities_cursor;

static int entitiesConnect(sqlite3 *db, void *pAux, int argc,
                           const char *const *argv, sqlite3_vtab **ppVtab,
                           char **pzErr) {
  entities_vtab *p;
  int rc;
  (void)pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  rc = sqlite3_declare_vtab(db,
                            "CREATE TABLE x(entity TEXT, label TEXT, "
                            "canonical TEXT, value REAL, unit TEXT, "
                            "start INTEGER, end INTEGER, source TEXT, "
                            "text HIDDEN, date HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if (p == NULL) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int entitiesDisconnect(sqlite3_vtab *pVtab) {
  entities_vtab *p = (entities_vtab *)pVtab;
  koai_gazetteer_free(p->user);
  sqlite3_free(p);
  return SQLITE_OK;
}

static int entitiesOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  entities_cursor *cur;
  (void)pVtab;
  cur = sqlite3_malloc(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

static void entitiesReset(entities_cursor *cur) {
  koai_entity_list_clear(&cur->list);
  free(cur->text);
  free(cur->char_start);
  free(cur->char_end);
  cur->text = NULL;
  cur->char_start = cur->char_end = NULL;
  cur->n = 0;
  cur->i = 0;
}

static int entitiesClose(sqlite3_vtab_cursor *pCur) {
  entities_cursor *cur = (entities_cursor *)pCur;
  entitiesReset(cur);
  koai_entity_list_free(&cur->list);
  koai_entity_finder_free(cur->finder);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/*
** Read the user's ai_gazetteer table again if this connection or another
** one may have changed the database since it was last read.
*/
static int entitiesLoadUser(entities_vtab *p) {
  sqlite3_int64 changes = sqlite3_total_changes(p->db);
  unsigned int dataVersion = 0;
  sqlite3_stmt *pStmt = NULL;
  int rc, step = SQLITE_DONE, iRow = 0;
  long bad;
  sqlite3_file_control(p->db, "main", SQLITE_FCNTL_DATA_VERSION, &dataVersion);
  if (p->user_loaded && changes == p->user_changes &&
      dataVersion == p->user_data_version) {
    return SQLITE_OK;
  }
  koai_gazetteer_free(p->user);
  p->user = NULL;
  p->user_loaded = 1;
  p->user_changes = changes;
  p->user_data_version = dataVersion;
  rc = sqlite3_table_column_metadata(p->db, NULL, "ai_gazetteer", NULL, NULL,
                                     NULL, NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_NOMEM) {
    p->user_loaded = 0;                   /* try again next time */
    return SQLITE_NOMEM;
  }
  if (rc != SQLITE_OK) return SQLITE_OK;  /* no such table: no user names */
  rc = sqlite3_prepare_v2(p->db,
                          "SELECT name, label, canonical FROM ai_gazetteer",
                          -1, &pStmt, NULL);
  if (rc != SQLITE_OK) {
    p->user_loaded = 0;                   /* try again next time */
    if ((rc & 0xff) == SQLITE_NOMEM) return SQLITE_NOMEM;
    return koai_vtab_error(
        &p->base, sqlite3_mprintf("ai_entities: cannot read ai_gazetteer: %s",
                                  sqlite3_errmsg(p->db)));
  }
  p->user = koai_gazetteer_new();
  if (p->user == NULL) rc = SQLITE_NOMEM;
  while (rc == SQLITE_OK && (step = sqlite3_step(pStmt)) == SQLITE_ROW) {
    const char *zName = (const char *)sqlite3_column_text(pStmt, 0);
    const char *zLabel = (const char *)sqlite3_column_text(pStmt, 1);
    const char *zCanon = (const char *)sqlite3_column_text(pStmt, 2);
    int r, iCol;
    /* NULL for a value that is not NULL: out of memory converting it. */
    for (iCol = 0; iCol < 3; iCol++) {
      if (sqlite3_column_type(pStmt, iCol) != SQLITE_NULL &&
          sqlite3_column_text(pStmt, iCol) == NULL) {
        rc = SQLITE_NOMEM;
      }
    }
    if (rc != SQLITE_OK) break;
    iRow++;
    if (zName == NULL || zName[0] == 0) continue;
    bad = koai_utf8_invalid_offset((const unsigned char *)zName,
                                   (size_t)sqlite3_column_bytes(pStmt, 0));
    if (bad >= 0) {
      rc = koai_vtab_error(
          &p->base,
          sqlite3_mprintf("ai_entities: ai_gazetteer row %d: invalid UTF-8 at "
                          "byte %ld of the name", iRow, bad));
      break;
    }
    if (zCanon == NULL || zCanon[0] == 0) zCanon = zName;
    r = koai_gazetteer_add(p->user, zName, sqlite3_column_bytes(pStmt, 0),
                           zLabel ? zLabel : "", zCanon);
    if (r == KOAI_ERROR_NOMEM) {
      rc = SQLITE_NOMEM;
    } else if (r == KOAI_ERROR_TAG) {
      rc = koai_vtab_error(
          &p->base,
          sqlite3_mprintf("ai_entities: ai_gazetteer row '%s' has unknown "
                          "label '%s' (PERSON, ORG, PRODUCT or GPE)",
                          zName, zLabel ? zLabel : ""));
    }
  }
  sqlite3_finalize(pStmt);
  /* A step that failed (out of memory) must not pass for the last row. */
  if (rc == SQLITE_OK && step != SQLITE_DONE) rc = step;
  if (rc != SQLITE_OK) {
    koai_gazetteer_free(p->user);
    p->user = NULL;
    p->user_loaded = 0;
  }
  return rc;
}

/* Character offsets of every entity, from their byte offsets. */
static int entitiesCharOffsets(entities_cursor *cur) {
  int i, n = cur->list.n;
  size_t at = 0;
  sqlite3_int64 chars = 0;
  cur->char_start = malloc((size_t)(n ? n : 1) * sizeof(sqlite3_int64));
  cur->char_end = malloc((size_t)(n ? n : 1) * sizeof(sqlite3_int64));
  if (cur->char_start == NULL || cur->char_end == NULL) return SQLITE_NOMEM;
  for (i = 0; i < n; i++) {
    const koai_entity *e = &cur->list.a[i];
    chars += (sqlite3_int64)koai_utf8_count((const unsigned char *)cur->text + at,
                                            e->start - at);
    at = e->start;
    cur->char_start[i] = chars;
    cur->char_end[i] = chars + (sqlite3_int64)koai_utf8_count(
                                   (const unsigned char *)cur->text + e->start,
                                   e->end - e->start);
  }
  return SQLITE_OK;
}

static int entitiesFilter(sqlite3_vtab_cursor *pCur, int idxNum,
                          const char *idxStr, int argc, sqlite3_value **argv) {
  entities_cursor *cur = (entities_cursor *)pCur;
  entities_vtab *p = (entities_vtab *)pCur->pVtab;
  koai_date ref, *pRef = NULL;
  const unsigned char *z;
  char *zErr = NULL;
  int n, rc;
  (void)idxStr;
  entitiesReset(cur);
  if (idxNum == 0 || argc < 1) {
    return koai_vtab_text(pCur->pVtab, "ai_entities", NULL, &z, &n);
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  if ((idxNum & 2) && argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    const char *zDate = (const char *)sqlite3_value_text(argv[1]);
    if (!koai_date_parse(zDate, &ref)) {
      return koai_vtab_error(
          pCur->pVtab,
          sqlite3_mprintf("ai_entities: malformed reference date '%s' "
                          "(expected YYYY-MM-DD)",
                          zDate ? zDate : ""));
    }
    pRef = &ref;
  }
  rc = koai_vtab_text(pCur->pVtab, "ai_entities", argv[0], &z, &n);
  if (rc != SQLITE_OK) return rc;
  cur->text = malloc((size_t)n + 1);
  if (cur->text == NULL) return SQLITE_NOMEM;
  memcpy(cur->text, z, (size_t)n);
  cur->text[n] = 0;
  cur->n = (size_t)n;
  if (cur->finder == NULL) {
    const koai_dict *d = koai_dictionary_or_error("ai_entities", &zErr);
    const koai_gazetteer *g;
    const char *zGazErr = NULL;
    if (d == NULL) return koai_vtab_error(pCur->pVtab, zErr);
    g = koai_gazetteer_builtin(&zGazErr);
    if (g == NULL) {
      return koai_vtab_error(pCur->pVtab,
                              sqlite3_mprintf("ai_entities: %s", zGazErr));
    }
    cur->finder = koai_entity_finder_new(d, g);
    if (cur->finder == NULL) return SQLITE_NOMEM;
  }
  rc = entitiesLoadUser(p);
  if (rc != SQLITE_OK) return rc;
  rc = koai_find_entities(cur->finder, cur->text, cur->n, pRef, p->user,
                          &cur->list);
  if (rc != KOAI_OK) return SQLITE_NOMEM;
  return entitiesCharOffsets(cur);
}

static int entitiesNext(sqlite3_vtab_cursor *pCur) {
  ((entities_cursor *)pCur)->i++;
  return SQLITE_OK;
}

static int entitiesEof(sqlite3_vtab_cursor *pCur) {
  entities_cursor *cur = (entities_cursor *)pCur;
  return cur->i >= cur->list.n;
}

static int entitiesColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx,
                          int iCol) {
  entities_cursor *cur = (entities_cursor *)pCur;
  const koai_entity *e = &cur->list.a[cur->i];
  switch (iCol) {
    case ENT_COL_ENTITY:
      sqlite3_result_text(ctx, cur->text + e->start, (int)(e->end - e->start),
                          SQLITE_TRANSIENT);
      break;
    case ENT_COL_LABEL:
      sqlite3_result_text(ctx, koai_label_name(e->label), -1, SQLITE_STATIC);
      break;
    case ENT_COL_CANONICAL:
      sqlite3_result_text(ctx, e->canonical, -1, SQLITE_TRANSIENT);
      break;
    case ENT_COL_VALUE:
      if (e->has_value) {
        sqlite3_result_double(ctx, e->value);
      } else {
        sqlite3_result_null(ctx);
      }
      break;
    case ENT_COL_UNIT:
      if (e->unit[0]) {
        sqlite3_result_text(ctx, e->unit, -1, SQLITE_TRANSIENT);
      } else {
        sqlite3_result_null(ctx);
      }
      break;
    case ENT_COL_START:
      sqlite3_result_int64(ctx, cur->char_start[cur->i]);
      break;
    case ENT_COL_END:
      sqlite3_result_int64(ctx, cur->char_end[cur->i]);
      break;
    case ENT_COL_SOURCE:
      sqlite3_result_text(ctx, e->source ? e->source : "", -1, SQLITE_STATIC);
      break;
    case ENT_COL_TEXT:
      sqlite3_result_text(ctx, cur->text, (int)cur->n, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_result_null(ctx);
      break;
  }
  return SQLITE_OK;
}

static int entitiesRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid) {
  *pRowid = ((entities_cursor *)pCur)->i + 1;
  return SQLITE_OK;
}

/*
** The text, then the reference date, bound by equality (see
** koai_vtab_best_index): idxNum bit 1 the text, bit 2 the date.
*/
static int entitiesBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  (void)pVtab;
  return koai_vtab_best_index(info, ENT_COL_TEXT, 2, 10000, 20);
}

static sqlite3_module entitiesModule = {
    0,                  /* iVersion */
    0,                  /* xCreate: eponymous only */
    entitiesConnect,    /* xConnect */
    entitiesBestIndex,  /* xBestIndex */
    entitiesDisconnect, /* xDisconnect */
    0,                  /* xDestroy */
    entitiesOpen,       /* xOpen */
    entitiesClose,      /* xClose */
    entitiesFilter,     /* xFilter */
    entitiesNext,       /* xNext */
    entitiesEof,        /* xEof */
    entitiesColumn,     /* xColumn */
    entitiesRowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int koai_register_ai_entities(sqlite3 *db) {
  return sqlite3_create_module(db, "ai_entities", &entitiesModule, NULL);
}
