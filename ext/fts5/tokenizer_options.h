/*
** tokenizer_options.h: parsing the `korean` tokenizer's options.
*/
#ifndef KOAI_TOKENIZER_OPTIONS_H
#define KOAI_TOKENIZER_OPTIONS_H

#include "index_terms.h"

/*
** Parse key/value arguments into *o.  *pzUserdict receives the userdict
** table name (pointing into azArg) or NULL.  Returns 0, or 1 with a
** message naming the bad option in zErr.
*/
int koai_tokenizer_options_parse(const char **azArg, int nArg,
                                 koai_term_options *o, const char **pzUserdict,
                                 char *zErr, int nErr);

#endif /* KOAI_TOKENIZER_OPTIONS_H */
