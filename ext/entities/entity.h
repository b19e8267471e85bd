/*
** entity.h: what ai_entities finds, as C structures shared by its parts.
**
** Each recognizer (numbers and dates, gazetteer names, news-writing
** patterns, the analyzer's proper nouns) appends candidates to one list;
** a resolver then removes overlaps, applies one sense per text and puts
** them in document order.  Offsets are bytes of the input text; the table
** function converts them to characters.
*/
#ifndef KOAI_ENTITY_H
#define KOAI_ENTITY_H

#include <stddef.h>

#define KOAI_LABEL_PERSON 0
#define KOAI_LABEL_ORG 1
#define KOAI_LABEL_PRODUCT 2
#define KOAI_LABEL_GPE 3
#define KOAI_LABEL_DATE 4
#define KOAI_LABEL_MONEY 5
#define KOAI_LABEL_PERCENT 6
#define KOAI_LABEL_QUANTITY 7
#define KOAI_N_LABELS 8

/* "PERSON", "ORG", ... */
const char *koai_label_name(int label);

typedef struct koai_entity {
  size_t start, end;      /* byte offsets in the text, end exclusive */
  int label;              /* KOAI_LABEL_* */
  char *canonical;        /* malloc'ed, NUL-terminated; never NULL */
  double value;           /* MONEY, PERCENT, QUANTITY */
  int has_value;          /* 0 where the amount is vague (수십 억 달러) */
  char unit[24];          /* ISO 4217 code, "%", or the counter */
  const char *source;     /* how it was found: "number", "date", ... */
  int priority;           /* higher wins an overlap of equal length */
} koai_entity;

typedef struct koai_entity_list {
  koai_entity *a;
  int n, cap;
} koai_entity_list;

/*
** Append a copy of *e (its canonical is copied too).  Returns 0 or
** KOAI_ERROR_NOMEM.
*/
int koai_entity_list_add(koai_entity_list *list, const koai_entity *e);
void koai_entity_list_clear(koai_entity_list *list);   /* keeps memory */
void koai_entity_list_free(koai_entity_list *list);

/* A calendar date; y, m or d is 0 where unknown. */
typedef struct koai_date {
  int y, m, d;
} koai_date;

/*
** Parse "YYYY-MM-DD" strictly (a real calendar date).  Returns 1 on
** success.
*/
int koai_date_parse(const char *z, koai_date *pOut);

#endif /* KOAI_ENTITY_H */
