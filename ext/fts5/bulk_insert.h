/*
** bulk_insert.h: the `korean` tokenizer's side of ai_fts_insert().
**
** While ai_fts_insert() runs on a thread, the documents it is about to
** insert are analysed ahead in worker threads; when FTS5 then asks the
** tokenizer for a document's terms, they are replayed from there instead
** of being computed again.  The terms are those koai_terms() gives, so
** the index is the same as with a plain INSERT.
*/
#ifndef KOAI_BULK_INSERT_H
#define KOAI_BULK_INSERT_H

#include "index_terms.h"

/*
** Called by the tokenizer for a document (not a query).  owner is the
** tokenizer instance and opts its options: the first instance that asks
** is the one the workers analyse for.  Returns 1 when the terms were
** replayed through xToken (*pRc holds 0 or xToken's first non-zero
** return), 0 when the caller must analyse the text itself (no load is
** running on this thread, another table, a text not queued, or the
** workers had not got to it yet).
*/
int koai_bulk_tokenize(const void *owner, const koai_term_options *opts,
                       const char *pText, int nText,
                       int (*xToken)(void *, int, const char *, int, int, int),
                       void *pCtx, int *pRc);

#endif /* KOAI_BULK_INSERT_H */
