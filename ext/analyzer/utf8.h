/*
** utf8.h: strict UTF-8 decoding and encoding.
**
** Decoding rejects overlong forms, surrogates and code points past
** U+10FFFF, so that every byte of valid input belongs to exactly one code
** point and offsets computed from it can be trusted.
*/
#ifndef KOAI_UTF8_H
#define KOAI_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
** Decode the code point at z[0..n).  Returns its length in bytes (1-4) and
** stores it in *pc, or returns 0 when the bytes there are not valid UTF-8
** (then one byte should be skipped).
*/
static inline int koai_utf8_decode(const unsigned char *z, size_t n,
                                   uint32_t *pc) {
  uint32_t c;
  if (n == 0) return 0;
  c = z[0];
  if (c < 0x80) {
    *pc = c;
    return 1;
  }
  if (c < 0xc2) return 0;
  if (c < 0xe0) {
    if (n < 2 || (z[1] & 0xc0) != 0x80) return 0;
    *pc = ((c & 0x1f) << 6) | (z[1] & 0x3f);
    return 2;
  }
  if (c < 0xf0) {
    if (n < 3 || (z[1] & 0xc0) != 0x80 || (z[2] & 0xc0) != 0x80) return 0;
    c = ((c & 0x0f) << 12) | ((uint32_t)(z[1] & 0x3f) << 6) | (z[2] & 0x3f);
    if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) return 0;
    *pc = c;
    return 3;
  }
  if (c < 0xf5) {
    if (n < 4 || (z[1] & 0xc0) != 0x80 || (z[2] & 0xc0) != 0x80 ||
        (z[3] & 0xc0) != 0x80) {
      return 0;
    }
    c = ((c & 0x07) << 18) | ((uint32_t)(z[1] & 0x3f) << 12) |
        ((uint32_t)(z[2] & 0x3f) << 6) | (z[3] & 0x3f);
    if (c < 0x10000 || c > 0x10ffff) return 0;
    *pc = c;
    return 4;
  }
  return 0;
}

/* Encode c into z (room for 4 bytes); returns the byte count. */
static inline int koai_utf8_encode(uint32_t c, unsigned char *z) {
  if (c < 0x80) {
    z[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    z[0] = (unsigned char)(0xc0 | (c >> 6));
    z[1] = (unsigned char)(0x80 | (c & 0x3f));
    return 2;
  }
  if (c < 0x10000) {
    z[0] = (unsigned char)(0xe0 | (c >> 12));
    z[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
    z[2] = (unsigned char)(0x80 | (c & 0x3f));
    return 3;
  }
  z[0] = (unsigned char)(0xf0 | (c >> 18));
  z[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
  z[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
  z[3] = (unsigned char)(0x80 | (c & 0x3f));
  return 4;
}

/*
** Byte offset of the first invalid UTF-8 sequence in z[0..n), or -1 when
** the whole buffer is valid.
*/
long koai_utf8_invalid_offset(const unsigned char *z, size_t n);

/* Number of code points in valid UTF-8 z[0..n). */
size_t koai_utf8_count(const unsigned char *z, size_t n);

#endif /* KOAI_UTF8_H */
