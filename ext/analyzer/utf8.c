/*
** utf8.c: validation and counting over whole buffers.
*/
#include "utf8.h"

long koai_utf8_invalid_offset(const unsigned char *z, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint32_t c;
    int len;
    if (z[i] < 0x80) {
      i++;
      continue;
    }
    len = koai_utf8_decode(z + i, n - i, &c);
    if (len == 0) return (long)i;
    i += (size_t)len;
  }
  return -1;
}

size_t koai_utf8_count(const unsigned char *z, size_t n) {
  size_t i, count = 0;
  for (i = 0; i < n; i++) count += (z[i] & 0xc0) != 0x80;
  return count;
}
