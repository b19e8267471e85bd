/*
** choseong.h: the initial consonants (초성) of Hangul text, for reuse.
**
** ai_choseong() and the `korean` tokenizer's `choseong 1` option both turn
** each Hangul syllable into the compatibility jamo of its initial
** consonant (알리바바 -> ㅇㄹㅂㅂ) and keep every other character as it is.
*/
#ifndef KOAI_CHOSEONG_H
#define KOAI_CHOSEONG_H

/*
** Write the choseong form of the UTF-8 text z[0..n) into out (capacity
** cap).  Precomposed and decomposed (NFD) syllables both give one jamo;
** other bytes, including invalid ones, are copied.  The result is never
** longer than the input, so cap >= n is always enough.  Returns the
** length of the whole result; when that exceeds cap, only cap bytes were
** written.
*/
int koai_choseong(const char *z, int n, char *out, int cap);

/*
** 1 when z[0..n) is non-empty and made only of precomposed Hangul
** syllables: the terms the tokenizer gives a choseong twin.
*/
int koai_choseong_all_syllables(const char *z, int n);

/*
** 1 when z[0..n) is non-empty and made only of compatibility consonant
** jamo (ㄱ..ㅎ): how a choseong query is written.
*/
int koai_choseong_all_jamo(const char *z, int n);

#endif /* KOAI_CHOSEONG_H */
