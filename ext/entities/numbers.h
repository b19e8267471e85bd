/*
** numbers.h: Korean numbers, and the MONEY, PERCENT and QUANTITY
** recognizer of ai_entities.
**
** koai_read_korean_number() reads one number in any of the ways Korean
** news writes them (1,234.5, 1억5000만, 16조 5,000억, 3.5조, 5천만,
** 삼십오, 일곱, 수십억).  koai_find_numbers() finds amounts with a
** currency, a percent sign or a counter after them.  The small helpers
** below are shared with the date recognizer (dates.c), which reads the
** same text the same way.
*/
#ifndef KOAI_NUMBERS_H
#define KOAI_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "entity.h"

/*
** Append the MONEY, PERCENT and QUANTITY entities found in text[0..n) to
** out, in document order.  Offsets are bytes of text; canonical is the
** span with whitespace runs collapsed to one space and full-width forms
** folded to ASCII.  Returns KOAI_OK or KOAI_ERROR_NOMEM.
*/
int koai_find_numbers(const char *text, size_t n, koai_entity_list *out);

/*
** Read a Korean number at the very start of text[0..n): Arabic digits
** (with thousands commas and a decimal part), magnitude words (십 백 천
** 만 억 조 경) mixed with digits, Sino-Korean numerals (삼십오, 이백) or a
** native numeral (일곱, 스물다섯).  Returns the bytes consumed, 0 when no
** number starts there.  *pValue receives the value and *pVague 1 for an
** amount such as 수십억 whose value is unknown (then *pValue is 0).
** The caller checks what precedes text (a number inside a word is not
** one); this function checks only what it reads and what follows it.
*/
size_t koai_read_korean_number(const char *text, size_t n, double *pValue,
                               int *pVague);

/* ---- Helpers shared with dates.c ---- */

/*
** Decode the code point at z[i] (i < n) into *pc with full-width forms
** folded to ASCII (０ → 0, ％ → %) and other spaces to ' '.  Returns its
** byte length; an invalid byte counts as one byte of U+FFFD.  Returns 0
** at the end (i >= n).
*/
int koai_num_char(const unsigned char *z, size_t n, size_t i, uint32_t *pc);

/* 1 for a precomposed Hangul syllable (가-힣). */
int koai_num_is_hangul(uint32_t c);

/* 1 for an ASCII letter or digit. */
int koai_num_is_alnum(uint32_t c);

/*
** 1 when z[i..n) starts with the UTF-8 literal zLit.  A ' ' in zLit
** matches zero to three spaces or tabs; *pEnd receives the end of the
** match.
*/
int koai_num_match(const unsigned char *z, size_t n, size_t i,
                   const char *zLit, size_t *pEnd);

/* Skip at most three spaces or tabs from i; returns the new offset. */
size_t koai_num_skip_space(const unsigned char *z, size_t n, size_t i);

/*
** 1 when the word that starts at i may follow an entity that ends at i:
** the end of the text, a character that is not a Hangul syllable, or a
** syllable from zFollow (a string of syllables that begin particles,
** endings and qualifiers, such as "은는이가").
*/
int koai_num_may_follow(const unsigned char *z, size_t n, size_t i,
                        const char *zFollow);

/*
** The syllables that may follow a number entity glued to it: the first
** syllables of particles (은 는 을 를 의 에 ...) and of qualifiers that
** stay out of the span (대 in 40조원대, 가 of 가량, 넘 of 넘게, ...).
*/
extern const char koai_num_followers[];

/*
** 1 when a currency, a percent sign, a counter or a unit of measure
** starts at z[i] (used by dates.c to tell 11.06 the date from 11.06%).
*/
int koai_num_unit_at(const unsigned char *z, size_t n, size_t i);

/*
** Read a run of ASCII (or full-width) digits at z[i], at most maxDigits of
** them; *pValue receives their value.  Returns the number of digits read,
** or 0 when none is there or the run is longer than maxDigits; *pEnd
** receives the end offset.
*/
int koai_num_digits(const unsigned char *z, size_t n, size_t i, int maxDigits,
                    long *pValue, size_t *pEnd);

/*
** Append an entity of label for z[start..end) to out, with canonical zCanon
** (NULL: the span with whitespace collapsed and full-width folded).
** Returns KOAI_OK or KOAI_ERROR_NOMEM.
*/
int koai_num_emit(const unsigned char *z, size_t start, size_t end, int label,
                  const char *zCanon, double value, int hasValue,
                  const char *zUnit, const char *zSource,
                  koai_entity_list *out);

#endif /* KOAI_NUMBERS_H */
