/*
** unit.h: a minimal assertion framework for koai's C unit tests.
*/
#ifndef KOAI_UNIT_H
#define KOAI_UNIT_H

#include <stdio.h>

extern int unit_passed, unit_failed;

#define CHECK(cond, ...)                                            \
  do {                                                              \
    if (cond) {                                                     \
      unit_passed++;                                                \
    } else {                                                        \
      unit_failed++;                                                \
      printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);        \
      printf(__VA_ARGS__);                                          \
      printf("\n");                                                 \
    }                                                               \
  } while (0)

/* Analyse text with koai and render "surface/TAG@start-end ..." (bytes). */
const char *unit_analyze(const char *zText, size_t n, int spacePenalty);

void test_normalize(void);
void test_analyzer(void);
void test_dictionary(void);
void test_userdict(void);
void test_numeric_entities(void);
void test_bounded(void);
void test_name_model(void);

#endif
