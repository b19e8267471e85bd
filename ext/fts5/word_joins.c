/*
** word_joins.c: a compound noun written as two words.
**
** Korean spacing varies: 삼성전자 and 삼성 전자, 국립공원 and 국립 공원 are the
** same noun.  A word takes one position of the index, and a query for
** 삼성전자 searches it as one term, which the spelling with a space would
** not have.  So in a document, when a word ends in a noun (without a
** particle), the next word begins with one, and the two joined (the first
** word and the stem of the second: 삼성전자 from 삼성 전자가) are a noun of
** the dictionary, that noun is also a term, at the first word's position.
** Only nouns the dictionary knows: joining every pair of nouns would make
** the index half as large again.  The terms of a word's last piece are
** held until the next word is seen, to add that term beside them.
*/
#include <stdlib.h>
#include <string.h>

#include "term_builder.h"

int koai_joins_hold(koai_term_builder *b, int colocated, const char *z, int n,
                    size_t start, size_t end, int withTwin) {
  word_term *t;
  if (b->n_held == b->cap_held) {
    int cap = b->cap_held ? b->cap_held * 2 : 16;
    word_term *a = realloc(b->held, (size_t)cap * sizeof(*a));
    if (a == NULL) return b->rc = KOAI_ERROR_NOMEM;
    b->held = a;
    b->cap_held = cap;
  }
  if (b->n_held_buf + (size_t)n > b->cap_held_buf) {
    size_t cap = b->cap_held_buf ? b->cap_held_buf : 256;
    char *p;
    while (cap < b->n_held_buf + (size_t)n) cap *= 2;
    p = realloc(b->held_buf, cap);
    if (p == NULL) return b->rc = KOAI_ERROR_NOMEM;
    b->held_buf = p;
    b->cap_held_buf = cap;
  }
  t = &b->held[b->n_held++];
  memcpy(b->held_buf + b->n_held_buf, z, (size_t)n);
  t->text_off = b->n_held_buf;
  t->text_len = n;
  t->colocated = colocated;
  t->start = start;
  t->end = end;
  t->twin = withTwin;
  b->n_held_buf += (size_t)n;
  return KOAI_OK;
}

/* Pass held terms [k0, k1) on to the caller. */
static void joins_pass(koai_term_builder *b, int k0, int k1) {
  int k;
  for (k = k0; k < k1 && b->rc == 0; k++) {
    const word_term *t = &b->held[k];
    koai_terms_pass(b, t->colocated, b->held_buf + t->text_off, t->text_len,
                    t->start, t->end, t->twin);
  }
}

int koai_joins_remember(koai_term_builder *b, const char *z, size_t n,
                        size_t start) {
  if (n > b->cap_join) {
    char *p = realloc(b->join, n);
    if (p == NULL) return b->rc = KOAI_ERROR_NOMEM;
    b->join = p;
    b->cap_join = n;
  }
  memcpy(b->join, z, n);
  b->n_join = n;
  b->join_start = start;
  return KOAI_OK;
}

/*
** Fold the remembered word and zStem, joined, into b->out when they are a
** noun of the dictionary: its length, 0 when they are not, -1 when out of
** memory.
*/
static int joins_fold(koai_term_builder *b, const char *zStem, size_t nStem) {
  size_t n = b->n_join + nStem;
  if (n > b->cap_join) {
    char *p = realloc(b->join, n);
    if (p == NULL) return -1;
    b->join = p;
    b->cap_join = n;
  }
  memcpy(b->join + b->n_join, zStem, nStem);
  if (!koai_terms_dictionary_noun(b->d, b->join, n, 1)) return 0;
  return koai_terms_fold(b, b->join, (int)n);
}

int koai_joins_next_word(koai_term_builder *b, const char *zStem,
                         size_t nStem, size_t stemEnd) {
  if (b->mode == KOAI_TERMS_DOCUMENT && b->n_join > 0 && b->n_held > 0 &&
      nStem > 0 && b->rc == 0) {
    int n = joins_fold(b, zStem, nStem);
    if (n < 0) return b->rc = KOAI_ERROR_NOMEM;
    if (n > 0) {
      /* The first word's span grows to both words, so that highlight()
      ** marks the noun (삼성 전자). */
      if (b->held[0].end < stemEnd) b->held[0].end = stemEnd;
      koai_joins_hold(b, 1, b->out, n, b->join_start, stemEnd, 0);
    }
  }
  koai_joins_release(b);
  return b->rc;
}

void koai_joins_release(koai_term_builder *b) {
  joins_pass(b, 0, b->n_held);
  b->n_held = 0;
  b->n_held_buf = 0;
  b->n_join = 0;
}
