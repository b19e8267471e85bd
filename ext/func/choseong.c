/*
** choseong.c: the initial consonant of each Hangul syllable.
**
** A syllable (three bytes precomposed, six or nine decomposed) becomes the
** three-byte compatibility jamo of its initial, so the output is never
** longer than the input and is written in one pass without allocation.
*/
#include "choseong.h"

#include "hangul.h"

int koai_choseong(const char *z, int n, char *out, int cap) {
  const unsigned char *zIn = (const unsigned char *)z;
  int i = 0, o = 0;
  while (i < n) {
    koai_syllable s;
    int len = koai_hangul_syllable(zIn + i, (size_t)(n - i), &s);
    if (len > 0) {
      unsigned char buf[4];
      int k, nJamo = koai_utf8_encode(koai_hangul_initial_jamo(s.l), buf);
      for (k = 0; k < nJamo; k++, o++) {
        if (o < cap) out[o] = (char)buf[k];
      }
      i += len;
    } else {
      if (o < cap) out[o] = z[i];
      o++;
      i++;
    }
  }
  return o;
}

/* 1 when z[0..n) is non-empty and every code point passes xIs. */
static int choseongAll(const char *z, int n, int (*xIs)(uint32_t)) {
  const unsigned char *zIn = (const unsigned char *)z;
  int i = 0;
  if (n <= 0) return 0;
  while (i < n) {
    uint32_t c;
    int len = koai_utf8_decode(zIn + i, (size_t)(n - i), &c);
    if (len == 0 || !xIs(c)) return 0;
    i += len;
  }
  return 1;
}

static int choseongIsSyllable(uint32_t c) {
  return c >= KOAI_HANGUL_FIRST && c <= KOAI_HANGUL_LAST;
}

int koai_choseong_all_syllables(const char *z, int n) {
  return choseongAll(z, n, choseongIsSyllable);
}

int koai_choseong_all_jamo(const char *z, int n) {
  return choseongAll(z, n, koai_hangul_is_consonant_jamo);
}
