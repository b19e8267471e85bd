/*
** normalize.c: NFC, full-width folding and whitespace unification, with
** an offset map.
**
** The input is cut into normalization runs: a code point with an NFC
** boundary before it starts a new run.  A run of one code point (nearly
** all of them) is mapped directly; a longer run (a decomposed syllable, a
** letter with combining marks) goes through ICU's NFC normalizer.  Since
** NFC never acts across such boundaries, normalizing run by run gives the
** same text as normalizing the whole.  Runs are capped at a few dozen code
** points so that pathological input (a million combining marks) stays
** linear; the cap only bites where Unicode's stream-safe limit is already
** exceeded.
*/
#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>

#include "koai.h"
#include "utf8.h"

#define NORM_MAX_RUN 32

uint32_t koai_normalize_char(uint32_t c) {
  if (c < 0x80) {
    if (c == '\t' || c == '\n' || c == '\r') return c;
    if (c < 0x20 || c == 0x7f) return ' ';
    return c;
  }
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  switch (c) {
    case 0x85: case 0x2028: case 0x2029:
      return '\n';
    case 0xa0: case 0x1680: case 0x202f: case 0x205f: case 0x3000:
    case 0x200b: case 0xfeff:
      return ' ';
    case 0xffe0: return 0xa2;
    case 0xffe1: return 0xa3;
    case 0xffe2: return 0xac;
    case 0xffe3: return 0xaf;
    case 0xffe4: return 0xa6;
    case 0xffe5: return 0xa5;
    case 0xffe6: return 0x20a9;
    default: break;
  }
  if (c < 0xa0) return ' ';                     /* C1 controls */
  if (c >= 0x2000 && c <= 0x200a) return ' ';
  return c;
}

static int norm_reserve(koai_normbuf *nb, size_t need) {
  if (need + 1 > nb->cap) {
    size_t cap = nb->cap ? nb->cap : 256;
    unsigned char *z;
    uint32_t *s, *e;
    while (cap < need + 1) cap *= 2;
    z = realloc(nb->z, cap);
    if (z == NULL) return KOAI_ERROR_NOMEM;
    nb->z = z;
    s = realloc(nb->src_start, cap * sizeof(uint32_t));
    if (s == NULL) return KOAI_ERROR_NOMEM;
    nb->src_start = s;
    e = realloc(nb->src_end, cap * sizeof(uint32_t));
    if (e == NULL) return KOAI_ERROR_NOMEM;
    nb->src_end = e;
    nb->cap = cap;
  }
  return KOAI_OK;
}

/* Append one (already NFC) code point produced by input run [s, e). */
static int norm_put(koai_normbuf *nb, uint32_t c, uint32_t s, uint32_t e) {
  unsigned char buf[4];
  int len, i;
  c = koai_normalize_char(c);
  len = koai_utf8_encode(c, buf);
  if (norm_reserve(nb, nb->n + (size_t)len) != KOAI_OK) return KOAI_ERROR_NOMEM;
  for (i = 0; i < len; i++) {
    nb->z[nb->n] = buf[i];
    nb->src_start[nb->n] = s;
    nb->src_end[nb->n] = e;
    nb->n++;
  }
  return KOAI_OK;
}

static int norm_has_boundary_before(const UNormalizer2 *nfc, uint32_t c) {
  if (c < 0x300 || (c >= 0xac00 && c <= 0xd7a3)) return 1;
  if (nfc == NULL) return 1;
  return unorm2_hasBoundaryBefore(nfc, (UChar32)c);
}

/* NFC-normalize the code points of one run and append them. */
static int norm_run(koai_normbuf *nb, const UNormalizer2 *nfc,
                    const uint32_t *aCp, int nCp, uint32_t s, uint32_t e) {
  UChar in[NORM_MAX_RUN * 2], out[NORM_MAX_RUN * 4];
  UErrorCode status = U_ZERO_ERROR;
  int nIn = 0, nOut, i;
  for (i = 0; i < nCp; i++) {
    if (aCp[i] >= 0x10000) {
      in[nIn++] = (UChar)(0xd7c0 + (aCp[i] >> 10));
      in[nIn++] = (UChar)(0xdc00 | (aCp[i] & 0x3ff));
    } else {
      in[nIn++] = (UChar)aCp[i];
    }
  }
  nOut = unorm2_normalize(nfc, in, nIn, out, NORM_MAX_RUN * 4, &status);
  if (U_FAILURE(status)) {
    /* Not expected for valid code points; keep the run as it was. */
    for (i = 0; i < nCp; i++) {
      if (norm_put(nb, aCp[i], s, e) != KOAI_OK) return KOAI_ERROR_NOMEM;
    }
    return KOAI_OK;
  }
  for (i = 0; i < nOut; i++) {
    uint32_t c = out[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < nOut && out[i + 1] >= 0xdc00 &&
        out[i + 1] <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (out[i + 1] - 0xdc00);
      i++;
    }
    if (norm_put(nb, c, s, e) != KOAI_OK) return KOAI_ERROR_NOMEM;
  }
  return KOAI_OK;
}

/* 1 when z[0..n) starts with a Hangul syllable, U+AC00..U+D7A3. */
static inline int norm_is_syllable(const unsigned char *z, size_t n) {
  uint32_t c;
  if (n < 3 || z[0] < 0xea || z[0] > 0xed || (z[1] & 0xc0) != 0x80 ||
      (z[2] & 0xc0) != 0x80) {
    return 0;
  }
  c = ((uint32_t)(z[0] & 0x0f) << 12) | ((uint32_t)(z[1] & 0x3f) << 6) |
      (z[2] & 0x3f);
  return c >= 0xac00 && c <= 0xd7a3;
}

/*
** The length of the character at z[0..n) (n > 0) when it is ASCII (1) or a
** Hangul syllable (3), 0 for any other.  Both start a normalization run
** for certain, so the character before one is complete as it stands.
*/
static inline int norm_simple_length(const unsigned char *z, size_t n) {
  if (z[0] < 0x80) return 1;
  return norm_is_syllable(z, n) ? 3 : 0;
}

int koai_normalize(koai_normbuf *nb, const unsigned char *in, size_t n) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = NULL;
  size_t i = 0;
  nb->n = 0;
  if (norm_reserve(nb, n) != KOAI_OK) return KOAI_ERROR_NOMEM;
  while (i < n) {
    uint32_t aCp[NORM_MAX_RUN];
    int nCp = 0, len;
    size_t runStart;
    uint32_t c;

    /* The fast path, nearly all Korean text: ASCII and Hangul syllables
    ** followed by a character that starts a run are already NFC and map
    ** to themselves (but for ASCII controls), without ICU.  A tight loop
    ** over such characters; each one's length is known from the
    ** look-ahead of the one before. */
    {
      size_t o = nb->n;
      int len1 = norm_simple_length(in + i, n - i);
      while (len1 > 0) {
        size_t next = i + (size_t)len1;
        int len2 = next < n ? norm_simple_length(in + next, n - next) : 0;
        if (len2 == 0 && next < n) break;   /* it may combine with the next */
        if (o + 4 > nb->cap) {
          nb->n = o;
          if (norm_reserve(nb, o + 3)) goto nomem;
        }
        if (len1 == 1) {
          unsigned char b = in[i];
          if (b < 0x20 || b == 0x7f) b = (unsigned char)koai_normalize_char(b);
          nb->z[o] = b;
          nb->src_start[o] = (uint32_t)i;
          nb->src_end[o] = (uint32_t)next;
          o++;
        } else {
          nb->z[o] = in[i];
          nb->z[o + 1] = in[i + 1];
          nb->z[o + 2] = in[i + 2];
          nb->src_start[o] = nb->src_start[o + 1] = nb->src_start[o + 2] =
              (uint32_t)i;
          nb->src_end[o] = nb->src_end[o + 1] = nb->src_end[o + 2] =
              (uint32_t)next;
          o += 3;
        }
        i = next;
        len1 = len2;
      }
      nb->n = o;
      if (i >= n) break;
    }
    runStart = i;
    if (nfc == NULL && status == U_ZERO_ERROR) {
      nfc = unorm2_getNFCInstance(&status);
      if (U_FAILURE(status)) nfc = NULL;
    }
    len = koai_utf8_decode(in + i, n - i, &c);
    if (len == 0) {
      /* An invalid byte separates words, like a space. */
      if (norm_put(nb, ' ', (uint32_t)i, (uint32_t)i + 1)) goto nomem;
      i++;
      continue;
    }
    aCp[nCp++] = c;
    i += (size_t)len;
    while (i < n && nCp < NORM_MAX_RUN) {
      uint32_t c2;
      int len2 = koai_utf8_decode(in + i, n - i, &c2);
      if (len2 == 0 || norm_has_boundary_before(nfc, c2)) break;
      aCp[nCp++] = c2;
      i += (size_t)len2;
    }
    if (nCp == 1 || nfc == NULL) {
      int k;
      for (k = 0; k < nCp; k++) {
        if (norm_put(nb, aCp[k], (uint32_t)runStart, (uint32_t)i)) goto nomem;
      }
    } else if (norm_run(nb, nfc, aCp, nCp, (uint32_t)runStart, (uint32_t)i)) {
      goto nomem;
    }
  }
  nb->z[nb->n] = 0;
  return KOAI_OK;
nomem:
  return KOAI_ERROR_NOMEM;
}

void koai_normbuf_free(koai_normbuf *nb) {
  free(nb->z);
  free(nb->src_start);
  free(nb->src_end);
  memset(nb, 0, sizeof(*nb));
}
