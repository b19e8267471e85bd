/*
** gazetteer.h: names of things, with their label and canonical name.
**
** A gazetteer is a byte trie of names as the analyzer normalizes text
** (NFC, full-width folded), with Latin letters in lower case and every run
** of whitespace as one space, so that 샘 올트먼, SAM ALTMAN and Sam  Altman all
** find their entry.  koai ships one (sql/gazetteer.sql, compiled in); a
** user's ai_gazetteer table gives another per connection; ai_entities
** also builds a small one per text from the names the text ties to an
** entity (one sense per text).
*/
#ifndef KOAI_GAZETTEER_H
#define KOAI_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef struct koai_gazetteer koai_gazetteer;

typedef struct koai_gaz_entry {
  int label;              /* KOAI_LABEL_* */
  char *canonical;
  char *name;             /* the name as given (for diagnostics) */
} koai_gaz_entry;

koai_gazetteer *koai_gazetteer_new(void);
void koai_gazetteer_free(koai_gazetteer *);
void koai_gazetteer_reset(koai_gazetteer *);   /* empty, memory kept */

/*
** Add a name.  zLabel is "PERSON", "ORG", "PRODUCT", "GPE" (or any label
** name).  A name already present keeps its first entry.  Returns 0,
** KOAI_ERROR_TAG for an unknown label, or KOAI_ERROR_NOMEM.
*/
int koai_gazetteer_add(koai_gazetteer *, const char *zName, int nName,
                       const char *zLabel, const char *zCanonical);

/* Same, with the label as a number. */
int koai_gazetteer_add_label(koai_gazetteer *, const char *zName, int nName,
                             int label, const char *zCanonical);

int koai_gazetteer_size(const koai_gazetteer *);

/*
** The longest name that starts at z[pos] in normalized text z[0..n) and
** ends at a byte where canEnd[] is non-zero (canEnd may be NULL: any
** character boundary).  Returns the entry or NULL; *pEnd gets the end.
*/
const koai_gaz_entry *koai_gazetteer_match(const koai_gazetteer *,
                                           const unsigned char *z, size_t n,
                                           size_t pos, const uint8_t *canEnd,
                                           size_t *pEnd);

/*
** The shipped gazetteer, loaded from the compiled-in SQL on first use and
** shared read-only by every connection.  NULL with *pzErr on failure.
*/
const koai_gazetteer *koai_gazetteer_builtin(const char **pzErr);

#endif /* KOAI_GAZETTEER_H */
