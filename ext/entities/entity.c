/*
** entity.c: the entity list and small helpers shared by the recognizers.
*/
#include "entity.h"

#include <stdlib.h>
#include <string.h>

#include "koai.h"

const char *koai_label_name(int label) {
  static const char *azName[KOAI_N_LABELS] = {
      "PERSON", "ORG", "PRODUCT", "GPE", "DATE", "MONEY", "PERCENT", "QUANTITY"};
  return label >= 0 && label < KOAI_N_LABELS ? azName[label] : "?";
}

int koai_entity_list_add(koai_entity_list *list, const koai_entity *e) {
  koai_entity *p;
  size_t n = strlen(e->canonical ? e->canonical : "");
  if (list->n == list->cap) {
    int cap = list->cap ? list->cap * 2 : 32;
    koai_entity *a = realloc(list->a, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    list->a = a;
    list->cap = cap;
  }
  p = &list->a[list->n];
  *p = *e;
  p->canonical = malloc(n + 1);
  if (p->canonical == NULL) return KOAI_ERROR_NOMEM;
  memcpy(p->canonical, e->canonical ? e->canonical : "", n + 1);
  list->n++;
  return KOAI_OK;
}

void koai_entity_list_clear(koai_entity_list *list) {
  int i;
  for (i = 0; i < list->n; i++) free(list->a[i].canonical);
  list->n = 0;
}

void koai_entity_list_free(koai_entity_list *list) {
  koai_entity_list_clear(list);
  free(list->a);
  list->a = NULL;
  list->cap = 0;
}

static int date_is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int koai_date_parse(const char *z, koai_date *pOut) {
  static const int aDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int i, y, m, d, days;
  if (z == NULL || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (i = 0; i < 10; i++) {
    if (i == 4 || i == 7) continue;
    if (z[i] < '0' || z[i] > '9') return 0;
  }
  y = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 + (z[3] - '0');
  m = (z[5] - '0') * 10 + (z[6] - '0');
  d = (z[8] - '0') * 10 + (z[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
  days = aDays[m - 1] + (m == 2 && date_is_leap(y));
  if (d > days) return 0;
  pOut->y = y;
  pOut->m = m;
  pOut->d = d;
  return 1;
}
