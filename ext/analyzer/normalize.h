/*
** normalize.h: the text the analyzer sees, with a map back to the input.
**
** Input is brought to NFC (decomposed Hangul from macOS becomes syllables),
** full-width Latin, digits and symbols become their ASCII forms, every
** kind of whitespace becomes a space or a line break, and bytes that are
** not valid UTF-8, NUL and other control characters become spaces.  Each
** output byte remembers the input bytes of the normalization run it came
** from, so a morpheme found in the normalized text maps back to exact
** input offsets.
*/
#ifndef KOAI_NORMALIZE_H
#define KOAI_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

typedef struct koai_normbuf {
  unsigned char *z;     /* normalized UTF-8, n bytes, NUL-terminated */
  size_t n;
  uint32_t *src_start;  /* by output byte: input offset where its run starts */
  uint32_t *src_end;    /* by output byte: input offset where its run ends */
  size_t cap;
} koai_normbuf;

/*
** Normalize in[0..n) into nb (reusing its memory).  Offsets in the map are
** relative to in.  n must be below 2^32.  Returns 0 or KOAI_ERROR_NOMEM.
*/
int koai_normalize(koai_normbuf *nb, const unsigned char *in, size_t n);
void koai_normbuf_free(koai_normbuf *nb);

/*
** The replacement of one code point after NFC: ASCII for full-width forms,
** ' ' for spaces and control characters, '\n' for line separators, the
** code point itself otherwise.
*/
uint32_t koai_normalize_char(uint32_t c);

#endif /* KOAI_NORMALIZE_H */
