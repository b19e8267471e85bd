/*
** entities.h: find the entities of a text (ai_entities' engine).
**
** The text is analysed a segment (line or paragraph) at a time.  In each
** segment the recognizers add candidates:
**   - gazetteer names: the user's ai_gazetteer rows, the names this text
**     has already tied to an entity, and the shipped gazetteer, in that
**     order of precedence (names.c);
**   - patterns of news writing: a name and its form in another script in
**     parentheses, names around titles and roles, organization suffixes,
**     model names with versions, place names of the dictionary
**     (patterns.c);
**   - numbers and dates (numbers.c, dates.c).
** Overlaps are then resolved (longest span first), and names tied to an
** entity are remembered for the rest of the text (one sense per text).
*/
#ifndef KOAI_ENTITIES_H
#define KOAI_ENTITIES_H

#include <stddef.h>

#include "entity.h"
#include "gazetteer.h"
#include "name_model.h"
#include "koai.h"

typedef struct koai_entity_finder koai_entity_finder;

koai_entity_finder *koai_entity_finder_new(const koai_dict *d,
                                           const koai_gazetteer *builtin);
void koai_entity_finder_free(koai_entity_finder *);

/*
** Give every name candidate and its features to sink (NULL: none), for
** fitting the name model (tests/tools/entity_features.c).
*/
void koai_entity_finder_set_sink(koai_entity_finder *, koai_feature_sink sink,
                                 void *arg);

/*
** Append the entities of text[0..n) to out, in document order.  ref (may
** be NULL) resolves deictic dates; user (may be NULL) is the user's
** gazetteer.  Returns 0 or a KOAI_ERROR_ code.
*/
int koai_find_entities(koai_entity_finder *, const char *text, size_t n,
                       const koai_date *ref, const koai_gazetteer *user,
                       koai_entity_list *out);

#endif /* KOAI_ENTITIES_H */
