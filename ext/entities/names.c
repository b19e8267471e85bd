/*
** names.c: names of the gazetteers found in a segment.
**
** At every byte where a morpheme starts, the three gazetteers are asked
** for the longest name starting there and ending where a morpheme ends,
** so that 중국 is found in 중국과 and 중국산 but not in 중국어 (one morpheme)
** and Meta not in Metaverse.  The longest of the three answers wins; on
** equal length the user's entry, then the text's own, then the shipped.
*/
#include <string.h>

#include "koai.h"
#include "segment.h"

int ent_find_names(ent_context *c, const ent_segment *s) {
  size_t b = 0;
  while (b < s->n) {
    const koai_gazetteer *aGaz[3];
    static const int aPrio[3] = {ENT_PRIO_USER, ENT_PRIO_LEARNED,
                                 ENT_PRIO_BUILTIN};
    const koai_gaz_entry *best = NULL;
    size_t bestEnd = 0;
    int bestPrio = 0, i, rc;
    if (!s->can_start[b]) {
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
      if (e && end > bestEnd) {
        best = e;
        bestEnd = end;
        bestPrio = aPrio[i];
      }
    }
    if (best == NULL) {
      b++;
      continue;
    }
    rc = ent_add(c, b, bestEnd, best->label, best->canonical, "gazetteer",
                 bestPrio);
    if (rc == KOAI_OK && best->label == KOAI_LABEL_PERSON &&
        bestPrio != ENT_PRIO_LEARNED) {
      rc = ent_learn_person(c, s, b, bestEnd, best->canonical);
    }
    if (rc != KOAI_OK) return rc;
    b = bestEnd;
  }
  return KOAI_OK;
}
