/*
** names.c: names of the gazetteers found in a segment.
**
** At every byte where a morpheme starts, the three gazetteers are asked
** for the longest name starting there and ending where a morpheme ends,
** so that 중국 is found in 중국과 and 중국산 but not in 중국어 (one morpheme)
** and Meta not in Metaverse.  A name also starts where a word starts (or
** after punctuation or a particle): the analyzer's cut of 한수원 into 한 +
** 수원 does not make 수원 a place, nor 것이란 hold 이란.  A one-character
** name (美, 中, 미) stands alone: 미 행정부, not 미수령.  The longest of the
** three answers wins; on equal length the user's entry, then the text's
** own, then the shipped.
*/
#include <string.h>

#include "koai.h"
#include "segment.h"

static int names_is_break(const ent_morph *m) {
  return m->tag[0] == 'J' ||
         (m->tag[0] == 'S' && strcmp(m->tag, "SL") != 0 &&
          strcmp(m->tag, "SN") != 0 && strcmp(m->tag, "SH") != 0);
}

/* Can a name start at byte b (where morpheme i starts)? */
static int names_word_start(const ent_segment *s, int i) {
  return i <= 0 || s->m[i].space_before || names_is_break(&s->m[i - 1]);
}

/* Does a one-character name ending at byte e stand alone? */
static int names_alone(const ent_segment *s, size_t e) {
  int i;
  if (e >= s->n || s->z[e] == ' ') return 1;
  i = ent_morph_index_at(s, e);
  return i < 0 || s->m[i].b != e || s->m[i].space_before ||
         names_is_break(&s->m[i]);
}

/* Bytes of the first character of z[b, e), or 0 when it has more. */
static int names_one_char(const ent_segment *s, size_t b, size_t e) {
  unsigned char c = s->z[b];
  size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  return e - b == n;
}

/* Is there a candidate spanning exactly [b, e) already? */
static int names_has_span(const ent_context *c, size_t b, size_t e) {
  int i;
  for (i = 0; i < c->cands->n; i++) {
    if (c->cands->a[i].start == b && c->cands->a[i].end == e) return 1;
  }
  return 0;
}

int ent_find_names(ent_context *c, const ent_segment *s) {
  size_t b = 0, lastEnd = (size_t)-1;
  while (b < s->n) {
    const koai_gazetteer *aGaz[3];
    static const int aPrio[3] = {ENT_PRIO_USER, ENT_PRIO_LEARNED,
                                 ENT_PRIO_BUILTIN};
    const koai_gaz_entry *best = NULL;
    size_t bestEnd = 0;
    int bestPrio = 0, i, rc;
    /* a name glued to the one before starts there too: 로이터연합뉴스 */
    if (!s->can_start[b] ||
        (b != lastEnd && !names_word_start(s, ent_morph_index_at(s, b)))) {
      b++;
      continue;
    }
    aGaz[0] = c->user;
    aGaz[1] = c->learned;
    aGaz[2] = c->builtin;
    for (i = 0; i < 3; i++) {
      size_t end = 0;
      const koai_gaz_entry *e =
          koai_gazetteer_match(aGaz[i], s->z, s->n, b, s->can_end, &end);
      if (e && end > bestEnd &&
          (!names_one_char(s, b, end) || names_alone(s, end))) {
        best = e;
        bestEnd = end;
        bestPrio = aPrio[i];
      }
    }
    if (best == NULL) {
      b++;
      continue;
    }
    /* the mention that taught the text this name keeps its own source */
    if (bestPrio == ENT_PRIO_LEARNED && names_has_span(c, b, bestEnd)) {
      b = lastEnd = bestEnd;
      continue;
    }
    rc = ent_add(c, b, bestEnd, best->label, best->canonical,
                 bestPrio == ENT_PRIO_LEARNED ? "text" : "gazetteer",
                 bestPrio);
    if (rc == KOAI_OK && best->label == KOAI_LABEL_PERSON &&
        bestPrio != ENT_PRIO_LEARNED) {
      rc = ent_learn_person(c, s, b, bestEnd, best->canonical);
    }
    if (rc != KOAI_OK) return rc;
    b = lastEnd = bestEnd;
  }
  return KOAI_OK;
}
