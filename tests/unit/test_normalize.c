/*
** test_normalize.c: normalization keeps exact offsets into the input.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/normalize.h"
#include "unit.h"

static koai_normbuf nb;

static int norm(const char *z, size_t n) {
  return koai_normalize(&nb, (const unsigned char *)z, n);
}

static void test_nfd_hangul(void) {
  /* 알리 as macOS writes it: conjoining jamo, 3 + 2 code points */
  const char *zNfd = "\xe1\x84\x8b\xe1\x85\xa1\xe1\x86\xaf"
                     "\xe1\x84\x85\xe1\x85\xb5";
  CHECK(norm(zNfd, strlen(zNfd)) == 0, "normalize failed");
  CHECK(nb.n == 6 && memcmp(nb.z, "알리", 6) == 0, "got '%s'", nb.z);
  CHECK(nb.src_start[0] == 0 && nb.src_end[2] == 9, "알 maps to %u-%u",
        nb.src_start[0], nb.src_end[2]);
  CHECK(nb.src_start[3] == 9 && nb.src_end[5] == 15, "리 maps to %u-%u",
        nb.src_start[3], nb.src_end[5]);
}

static void test_syllable_plus_final(void) {
  /* 가 + final ᆨ composes to 각 */
  const char *z = "가\xe1\x86\xa8!";
  CHECK(norm(z, strlen(z)) == 0, "normalize failed");
  CHECK(nb.n == 4 && memcmp(nb.z, "각!", 4) == 0, "got '%s'", nb.z);
  CHECK(nb.src_start[0] == 0 && nb.src_end[2] == 6 && nb.src_start[3] == 6,
        "offsets %u %u %u", nb.src_start[0], nb.src_end[2], nb.src_start[3]);
}

static void test_full_width(void) {
  const char *z = "ＧＰＴ－４";
  CHECK(norm(z, strlen(z)) == 0, "normalize failed");
  CHECK(nb.n == 5 && memcmp(nb.z, "GPT-4", 5) == 0, "got '%s'", nb.z);
  CHECK(nb.src_start[4] == 12 && nb.src_end[4] == 15, "４ maps to %u-%u",
        nb.src_start[4], nb.src_end[4]);
}

static void test_spaces_and_bad_bytes(void) {
  /* ideographic space, NBSP, NUL, an invalid byte, a lone continuation */
  const char z[] = "가\xe3\x80\x80나\xc2\xa0다\0라\xff마\x80";
  size_t n = sizeof(z) - 1;
  CHECK(norm(z, n) == 0, "normalize failed");
  CHECK(nb.n == 20 && memcmp(nb.z, "가 나 다 라 마 ", 20) == 0, "got '%s' (%zu)",
        nb.z, nb.n);
  CHECK(nb.src_start[3] == 3 && nb.src_end[3] == 6, "U+3000 maps to %u-%u",
        nb.src_start[3], nb.src_end[3]);
  CHECK(nb.src_start[11] == 14 && nb.src_end[11] == 15, "NUL maps to %u-%u",
        nb.src_start[11], nb.src_end[11]);
  CHECK(nb.src_start[15] == 18 && nb.src_end[15] == 19, "0xff maps to %u-%u",
        nb.src_start[15], nb.src_end[15]);
}

static void test_combining_marks(void) {
  const char *z = "Cafe\xcc\x81 x";
  CHECK(norm(z, strlen(z)) == 0, "normalize failed");
  CHECK(strcmp((const char *)nb.z, "Caf\xc3\xa9 x") == 0, "got '%s'", nb.z);
  CHECK(nb.src_start[3] == 3 && nb.src_end[4] == 6, "é maps to %u-%u",
        nb.src_start[3], nb.src_end[4]);
}

static void test_many_combining_marks(void) {
  /* A base letter with 10,000 combining marks stays linear and bounded. */
  size_t n = 1 + 2 * 10000, i;
  char *z = malloc(n);
  z[0] = 'a';
  for (i = 1; i < n; i += 2) {
    z[i] = (char)0xcc;
    z[i + 1] = (char)0x81;
  }
  CHECK(norm(z, n) == 0, "normalize failed");
  CHECK(nb.n > 0 && nb.src_end[nb.n - 1] == n, "last byte maps to %u",
        nb.src_end[nb.n - 1]);
  free(z);
}

void test_normalize(void) {
  test_nfd_hangul();
  test_syllable_plus_final();
  test_full_width();
  test_spaces_and_bad_bytes();
  test_combining_marks();
  test_many_combining_marks();
  koai_normbuf_free(&nb);
}
