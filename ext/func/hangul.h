/*
** hangul.h: reading Hangul syllables out of UTF-8, composed or not.
**
** A Hangul syllable is written either precomposed (U+AC00..U+D7A3, what
** nearly all text holds) or, as macOS file names and some copy-paste
** paths leave it, decomposed into conjoining jamo: an initial consonant
** (U+1100..U+1112), a vowel (U+1161..U+1175) and optionally a final
** consonant (U+11A8..U+11C2).  Unicode defines the composition
** arithmetically (chapter 3.12), so both forms are read here into the
** same three indices without a normalizer:
**
**   initial 0..18  ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
**   vowel   0..20  ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
**   final   0..27  none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ
**                  ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
**
** ai_choseong, ai_romanize, ai_josa and the tokenizer's choseong terms
** all read syllables through koai_hangul_syllable().
*/
#ifndef KOAI_HANGUL_H
#define KOAI_HANGUL_H

#include <stddef.h>
#include <stdint.h>

#include "../analyzer/utf8.h"

#define KOAI_HANGUL_FIRST 0xac00
#define KOAI_HANGUL_LAST 0xd7a3
#define KOAI_HANGUL_N_VOWEL 21
#define KOAI_HANGUL_N_FINAL 28

/* Initial consonant indices used by name in the rules. */
#define KOAI_L_G 0     /* ㄱ */
#define KOAI_L_KK 1    /* ㄲ */
#define KOAI_L_N 2     /* ㄴ */
#define KOAI_L_D 3     /* ㄷ */
#define KOAI_L_TT 4    /* ㄸ */
#define KOAI_L_R 5     /* ㄹ */
#define KOAI_L_M 6     /* ㅁ */
#define KOAI_L_B 7     /* ㅂ */
#define KOAI_L_PP 8    /* ㅃ */
#define KOAI_L_S 9     /* ㅅ */
#define KOAI_L_SS 10   /* ㅆ */
#define KOAI_L_NG 11   /* ㅇ, silent as an initial */
#define KOAI_L_J 12    /* ㅈ */
#define KOAI_L_JJ 13   /* ㅉ */
#define KOAI_L_CH 14   /* ㅊ */
#define KOAI_L_K 15    /* ㅋ */
#define KOAI_L_T 16    /* ㅌ */
#define KOAI_L_P 17    /* ㅍ */
#define KOAI_L_H 18    /* ㅎ */

/* Final consonant indices. */
#define KOAI_T_NONE 0
#define KOAI_T_G 1     /* ㄱ */
#define KOAI_T_KK 2    /* ㄲ */
#define KOAI_T_GS 3    /* ㄳ */
#define KOAI_T_N 4     /* ㄴ */
#define KOAI_T_NJ 5    /* ㄵ */
#define KOAI_T_NH 6    /* ㄶ */
#define KOAI_T_D 7     /* ㄷ */
#define KOAI_T_L 8     /* ㄹ */
#define KOAI_T_LG 9    /* ㄺ */
#define KOAI_T_LM 10   /* ㄻ */
#define KOAI_T_LB 11   /* ㄼ */
#define KOAI_T_LS 12   /* ㄽ */
#define KOAI_T_LT 13   /* ㄾ */
#define KOAI_T_LP 14   /* ㄿ */
#define KOAI_T_LH 15   /* ㅀ */
#define KOAI_T_M 16    /* ㅁ */
#define KOAI_T_B 17    /* ㅂ */
#define KOAI_T_BS 18   /* ㅄ */
#define KOAI_T_S 19    /* ㅅ */
#define KOAI_T_SS 20   /* ㅆ */
#define KOAI_T_NG 21   /* ㅇ */
#define KOAI_T_J 22    /* ㅈ */
#define KOAI_T_CH 23   /* ㅊ */
#define KOAI_T_K 24    /* ㅋ */
#define KOAI_T_T 25    /* ㅌ */
#define KOAI_T_P 26    /* ㅍ */
#define KOAI_T_H 27    /* ㅎ */

/* One syllable: its jamo indices. */
typedef struct koai_syllable {
  int l, v, t;
} koai_syllable;

/*
** Read the Hangul syllable at z[0..n): precomposed, precomposed without
** final followed by a conjoining final, or conjoining initial + vowel
** (+ final).  Returns the number of bytes it takes, or 0 when no syllable
** starts there.
*/
static inline int koai_hangul_syllable(const unsigned char *z, size_t n,
                                       koai_syllable *s) {
  uint32_t c, c2;
  int len, len2, used;
  len = koai_utf8_decode(z, n, &c);
  if (len == 0) return 0;
  if (c >= KOAI_HANGUL_FIRST && c <= KOAI_HANGUL_LAST) {
    uint32_t i = c - KOAI_HANGUL_FIRST;
    s->l = (int)(i / (KOAI_HANGUL_N_VOWEL * KOAI_HANGUL_N_FINAL));
    s->v = (int)(i / KOAI_HANGUL_N_FINAL % KOAI_HANGUL_N_VOWEL);
    s->t = (int)(i % KOAI_HANGUL_N_FINAL);
    used = len;
  } else if (c >= 0x1100 && c <= 0x1112) {
    len2 = koai_utf8_decode(z + len, n - (size_t)len, &c2);
    if (len2 == 0 || c2 < 0x1161 || c2 > 0x1175) return 0;
    s->l = (int)(c - 0x1100);
    s->v = (int)(c2 - 0x1161);
    s->t = 0;
    used = len + len2;
  } else {
    return 0;
  }
  if (s->t == 0) {
    len2 = koai_utf8_decode(z + used, n - (size_t)used, &c2);
    if (len2 > 0 && c2 >= 0x11a8 && c2 <= 0x11c2) {
      s->t = (int)(c2 - 0x11a7);
      used += len2;
    }
  }
  return used;
}

/* The compatibility jamo (U+3131..) of initial consonant l: ㄱ for 0. */
static inline uint32_t koai_hangul_initial_jamo(int l) {
  static const unsigned short aJamo[19] = {
      0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
      0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
      0x314a, 0x314b, 0x314c, 0x314d, 0x314e};
  return aJamo[l];
}

/* 1 for a compatibility consonant jamo, ㄱ (U+3131) to ㅎ (U+314E). */
static inline int koai_hangul_is_consonant_jamo(uint32_t c) {
  return c >= 0x3131 && c <= 0x314e;
}

#endif /* KOAI_HANGUL_H */
