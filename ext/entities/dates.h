/*
** dates.h: the DATE recognizer of ai_entities.
**
** Finds calendar points and periods as Korean news writes them (2024년,
** 2024년 2분기, 11월 15일, 2025년 상반기, 2025.3.14, 11.06) and deictic
** ones (오늘, 어제, 올해, 지난해 8월, 지난달, 이번 주, 올 3분기), and
** gives each an ISO-like canonical form: 2024, 2024-Q2, 2024-11-15,
** 2025-H1, XXXX-11-15 where the year is not written, 199X for a decade,
** 2024-W45 for a week.  See dates.c for the rules.
*/
#ifndef KOAI_DATES_H
#define KOAI_DATES_H

#include <stddef.h>

#include "entity.h"

/*
** Append the DATE entities of text[0..n) to out, in document order.  ref
** (may be NULL, or have m or d 0 when unknown) is the date the text was
** written: with it, deictic dates and dates without a year are resolved
** (지난해 8월 → 2023-08); without it, deictic dates keep their surface as
** canonical and a missing year is written XXXX.  Returns KOAI_OK or
** KOAI_ERROR_NOMEM.
*/
int koai_find_dates(const char *text, size_t n, const koai_date *ref,
                    koai_entity_list *out);

#endif /* KOAI_DATES_H */
