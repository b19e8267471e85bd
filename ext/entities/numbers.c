/*
** numbers.c: Korean numbers, and the MONEY, PERCENT and QUANTITY
** recognizer of ai_entities.
**
** How a number is read.  Korean groups digits by four: a number is a
** sequence of sections, each a "small part" (below 10,000) followed by a
** big magnitude word (만 10^4, 억 10^8, 조 10^12, 경 10^16), the big words
** strictly decreasing, the last section possibly without one (2만3000).
** A small part is Arabic digits (1,234.5) or a sum of coefficient and
** small magnitude (십 백 천) pairs, where a coefficient is Arabic digits,
** a Sino-Korean digit (일 이 삼 ... 구) or nothing (천 = 1천): 5천,
** 3천500, 삼십오, 천오백.  수 before a magnitude (수십, 수백만, 수조) and
** 수 after 십 (십수억) make the amount vague.  Sections may be separated
** by a space when the next one has its own big word (16조 5,000억), and
** a big word may stand after a space (수십 억).  Native numerals (한 두
** 세 ... 열 스물 ... 아흔, 스물다섯) form a separate, smaller grammar
** that is used only before counters (일곱 명).  The grammar is read by
** loops whose trip counts are bounded by the number of magnitude words and
** digits (at most 18 significant digits, beyond which a digit run is not
** a number), so reading never takes more than a few hundred bytes.
**
** Values are exact where a double can be: each section is kept as an
** integer mantissa and a power of ten and scaled once, so 1.1억 is
** 110000000 and not 110000000.00000001.
**
** How an entity is found.  koai_find_numbers() walks the text once.  At a
** place where a number may start (a digit not glued to a Latin word or
** another number, a sign, a currency symbol, or a Hangul syllable at the
** start of a word) it reads a number, then looks for a unit after it,
** with or without a space: a currency (MONEY), a percent sign or 퍼센트
** (PERCENT), a counter or unit of measure (QUANTITY).  The unit must end
** the word, or be followed by a particle or a qualifier that stays out of
** the span (500억원을, 40조원대, 50개 이상).  A few counters need more:
** 대 is not a quantity in ages (20대) and ranks (5대 그룹), 주 is shares
** only from 100 up (52주 is weeks).  What is not an entity is simply not
** matched: durations (개월, 년, 일), ordinals (번째, 제3자), multipliers
** (배), ranks (위), times (시, 분).
**
** Decisions where the spec is silent:
**   - %p, %포인트, 퍼센트포인트 are PERCENT with the points in the span
**     (0.25%포인트), unit "%" as the spec's unit column says; canonical
**     keeps the difference visible.
**   - A range written with ~ (10~20%, 100만~200만 원) is one entity whose
**     value is NULL: it is not one amount.
**   - 300여 명 keeps 여 (more than) inside the span, which cannot skip it,
**     with value 300.
**   - Frequencies (3회, 세 차례, 두 번) are not QUANTITY: like multipliers
**     they count occurrences, not things.
**   - A sign (-3.2%, +5%) stays in the span and the value for every label.
**   - Native numerals count only before the counters they go with (개 명
**     곳 대 ...), written apart as edited news writes them (일곱 명), so
**     that 세종 or 한국 are never read as numbers.  A magnitude word alone
**     (천, 만) also needs a space before its unit: 천 명, but not 천장 (a
**     ceiling) or 만원 (crowded).
**   - 대 is QUANTITY except in ages (20대 남성) and ranks: 5대 그룹, 100대
**     기업, and 10 or less followed by a noun (4대 금융지주); 주 counts
**     shares from 100 up (100만주), weeks below (52주 신고가).
*/
#include "numbers.h"

#include <string.h>

#include "analyzer/normalize.h"
#include "analyzer/utf8.h"
#include "koai.h"

#define NUM_MAX_DIGITS 18     /* significant digits in one digit run */
#define NUM_MAX_SPAN 400      /* longest span we report, in bytes */

/* ---- Characters ---- */

/* Decode one code point, folded (see numbers.h). */
int koai_num_char(const unsigned char *z, size_t n, size_t i, uint32_t *pc) {
  uint32_t c;
  int len;
  if (i >= n) {
    *pc = 0;
    return 0;
  }
  len = koai_utf8_decode(z + i, n - i, &c);
  if (len == 0) {
    *pc = 0xfffd;
    return 1;
  }
  if (c >= 0x80) c = koai_normalize_char(c);
  *pc = c;
  return len;
}

/* A precomposed Hangul syllable. */
int koai_num_is_hangul(uint32_t c) { return c >= 0xac00 && c <= 0xd7a3; }

/* An ASCII letter or digit. */
int koai_num_is_alnum(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* An ASCII digit (full-width ones are folded before this is asked). */
static int num_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* The spaces allowed inside an entity: space and tab, not a line break. */
static int num_is_space(uint32_t c) { return c == ' ' || c == '\t'; }

/*
** The code point that ends just before byte i, folded like koai_num_char;
** 0 at the start of the text.  Returns the offset where it starts.
*/
static size_t num_prev(const unsigned char *z, size_t i, uint32_t *pc) {
  size_t j;
  if (i == 0) {
    *pc = 0;
    return 0;
  }
  j = i - 1;
  while (j > 0 && i - j < 4 && (z[j] & 0xc0) == 0x80) j--;
  if (koai_num_char(z, i, j, pc) != (int)(i - j)) {
    *pc = 0xfffd;
    return i - 1;
  }
  return j;
}

/* Skip up to three spaces or tabs (see numbers.h). */
size_t koai_num_skip_space(const unsigned char *z, size_t n, size_t i) {
  int k;
  for (k = 0; k < 3; k++) {
    uint32_t c;
    int len = koai_num_char(z, n, i, &c);
    if (len == 0 || !num_is_space(c)) break;
    i += (size_t)len;
  }
  return i;
}

/* Match a literal, code point by code point after folding (numbers.h). */
int koai_num_match(const unsigned char *z, size_t n, size_t i,
                   const char *zLit, size_t *pEnd) {
  const unsigned char *p = (const unsigned char *)zLit;
  size_t litLen = strlen(zLit), k = 0;
  while (k < litLen) {
    uint32_t want, got;
    int lw, lg;
    if (p[k] == ' ') {
      i = koai_num_skip_space(z, n, i);
      k++;
      continue;
    }
    lw = koai_utf8_decode(p + k, litLen - k, &want);
    if (lw == 0) return 0;
    lg = koai_num_char(z, n, i, &got);
    if (lg == 0 || got != want) return 0;
    k += (size_t)lw;
    i += (size_t)lg;
  }
  *pEnd = i;
  return 1;
}

/* 1 when the Hangul syllable zSyl (3 bytes) is at z[i]. */
static int num_syl(const unsigned char *z, size_t n, size_t i,
                   const char *zSyl) {
  return i + 3 <= n && memcmp(z + i, zSyl, 3) == 0;
}

/*
** Position (1-based) of the syllable at z[i] in zSet, a string of
** Hangul syllables, or 0 when it is not one of them.
*/
static int num_syl_index(const unsigned char *z, size_t n, size_t i,
                         const char *zSet) {
  size_t k, len = strlen(zSet);
  if (i + 3 > n) return 0;
  for (k = 0; k + 3 <= len; k += 3) {
    if (memcmp(z + i, zSet + k, 3) == 0) return (int)(k / 3) + 1;
  }
  return 0;
}

/* The syllables that may follow a number entity (see numbers.h). */
const char koai_num_followers[] =
    "이가은는을를의에엔도만로으와과까부보께쯤인였입라란나며처마뿐대선넘미"
    "초정안내남규수어씩야요밖급짜화중일랑";

/* May an entity end just before i (see numbers.h)? */
int koai_num_may_follow(const unsigned char *z, size_t n, size_t i,
                        const char *zFollow) {
  uint32_t c;
  if (koai_num_char(z, n, i, &c) == 0) return 1;
  if (!koai_num_is_hangul(c)) return 1;
  return num_syl_index(z, n, i, zFollow) != 0;
}

/* Read a bounded run of digits (see numbers.h). */
int koai_num_digits(const unsigned char *z, size_t n, size_t i, int maxDigits,
                    long *pValue, size_t *pEnd) {
  long v = 0;
  int nd = 0;
  for (;;) {
    uint32_t c;
    int len = koai_num_char(z, n, i, &c);
    if (len == 0 || !num_is_digit(c)) break;
    if (nd == maxDigits) return 0;
    v = v * 10 + (long)(c - '0');
    nd++;
    i += (size_t)len;
  }
  *pValue = v;
  *pEnd = i;
  return nd;
}

/* ---- Reading numbers ---- */

/* m * 10^e as a double, correctly rounded for the usual sizes. */
static double num_scale(uint64_t m, int e) {
  static const double aPow[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
                                1e18, 1e19, 1e20, 1e21, 1e22};
  double v = (double)m;
  if (e >= 0) {
    while (e > 22) {
      v *= 1e22;
      e -= 22;
    }
    return v * aPow[e];
  }
  e = -e;
  while (e > 22) {
    v /= 1e22;
    e -= 22;
  }
  return v / aPow[e];
}

/*
** Arabic digits at z[i]: 1234, 1,234, 1,234.5, 3.5.  Stores the digits as
** a mantissa *pM and exponent *pE (value = M * 10^E).  Returns the end, or
** i when there is no digit or more than NUM_MAX_DIGITS of them.
*/
static size_t num_arabic(const unsigned char *z, size_t n, size_t i,
                         uint64_t *pM, int *pE, int *pDecimal) {
  uint64_t m = 0;
  int nd = 0, nInt, e = 0;
  size_t pos = i;
  uint32_t c;
  int len;
  *pDecimal = 0;
  while ((len = koai_num_char(z, n, pos, &c)) > 0 && num_is_digit(c)) {
    if (nd == NUM_MAX_DIGITS) return i;
    m = m * 10 + (c - '0');
    nd++;
    pos += (size_t)len;
  }
  if (nd == 0) return i;
  nInt = nd;
  /* thousands groups: ",ddd" not followed by another digit */
  while (nInt <= 3 && koai_num_char(z, n, pos, &c) > 0 && c == ',') {
    size_t q = pos + 1;
    uint64_t g = 0;
    int k;
    for (k = 0; k < 3; k++) {
      len = koai_num_char(z, n, q, &c);
      if (len == 0 || !num_is_digit(c)) break;
      g = g * 10 + (c - '0');
      q += (size_t)len;
    }
    if (k < 3) break;
    if (koai_num_char(z, n, q, &c) > 0 && num_is_digit(c)) break;
    if (nd + 3 > NUM_MAX_DIGITS) return i;
    m = m * 1000 + g;
    nd += 3;
    pos = q;
  }
  /* decimal part */
  len = koai_num_char(z, n, pos, &c);
  if (len > 0 && c == '.') {
    size_t q = pos + (size_t)len;
    int l2 = koai_num_char(z, n, q, &c);
    if (l2 > 0 && num_is_digit(c)) {
      pos = q;
      while ((len = koai_num_char(z, n, pos, &c)) > 0 && num_is_digit(c)) {
        if (nd == NUM_MAX_DIGITS) return i;
        m = m * 10 + (c - '0');
        nd++;
        e--;
        pos += (size_t)len;
      }
      *pDecimal = 1;
    }
  }
  *pM = m;
  *pE = e;
  return pos;
}

/* The value of the Sino-Korean digit syllable at z[i] (1-9), or 0. */
static int num_sino_digit(const unsigned char *z, size_t n, size_t i) {
  return num_syl_index(z, n, i, "일이삼사오육칠팔구");
}

/* 십 → 1, 백 → 2, 천 → 3 (the power of ten), 0 otherwise. */
static int num_small_mag(const unsigned char *z, size_t n, size_t i) {
  return num_syl_index(z, n, i, "십백천");
}

/* 만 → 1, 억 → 2, 조 → 3, 경 → 4 (power of ten / 4), 0 otherwise. */
static int num_big_mag(const unsigned char *z, size_t n, size_t i) {
  return num_syl_index(z, n, i, "만억조경");
}

static int num_unit_find(const unsigned char *z, size_t n, size_t i,
                         size_t *pEnd);

/* One small part (below 10^4 times its scale) of a number. */
typedef struct num_small {
  uint64_t m;       /* value = m * 10^e */
  int e;
  int any;          /* a coefficient or magnitude was read */
  int vague;        /* 수십, 십수 */
  int arabic, sino, hasSmall, decimal;
} num_small;

/*
** Read a small part at z[i]: 1,234.5, 5천, 3천500, 삼십오, 천오백, 수십,
** 십수.  Returns its end (i when there is none).
*/
static size_t num_small_read(const unsigned char *z, size_t n, size_t i,
                             num_small *s) {
  size_t pos = i;
  uint64_t total = 0;
  int lastRank = 4, k;
  memset(s, 0, sizeof(*s));
  if (num_syl(z, n, pos, "수") &&
      (num_small_mag(z, n, pos + 3) || num_big_mag(z, n, pos + 3))) {
    s->vague = 1;
    pos += 3;
  }
  for (k = 0; k < 4; k++) {
    size_t c0 = pos;
    uint64_t cm = 1;
    int ce = 0, haveCoef = 0, coefDecimal = 0, rank;
    uint32_t c;
    if (koai_num_char(z, n, pos, &c) > 0 && num_is_digit(c)) {
      size_t p2 = num_arabic(z, n, pos, &cm, &ce, &coefDecimal);
      if (p2 == pos) {                          /* an overlong digit run */
        if (!s->any) return i;
        break;
      }
      if (coefDecimal && s->any) break;
      haveCoef = 1;
      s->arabic = 1;
      pos = p2;
    } else {
      int d = num_sino_digit(z, n, pos);
      if (d) {
        if (num_small_mag(z, n, pos + 3) || num_big_mag(z, n, pos + 3)) {
          cm = (uint64_t)d;
          haveCoef = 1;
          s->sino = 1;
          pos += 3;
        } else if (s->hasSmall && !s->arabic) {
          /* the last digit of 삼십오: it must end the word or meet a unit */
          size_t u;
          uint32_t c2;
          koai_num_char(z, n, pos + 3, &c2);
          if (!koai_num_is_hangul(c2) || num_unit_find(z, n, pos + 3, &u)) {
            total += (uint64_t)d;
            pos += 3;
          }
          break;
        } else {
          break;
        }
      }
    }
    rank = num_small_mag(z, n, pos);
    if (rank && rank < lastRank && !(haveCoef && cm > 1000000000000ULL)) {
      if (coefDecimal) {
        s->m = cm;
        s->e = ce + rank;
        s->decimal = 1;
        s->any = s->hasSmall = 1;
        return pos + 3;
      }
      total += cm * (rank == 1 ? 10 : rank == 2 ? 100 : 1000);
      lastRank = rank;
      s->any = s->hasSmall = 1;
      pos += 3;
      if (rank == 1 && num_syl(z, n, pos, "수") &&
          !num_small_mag(z, n, pos + 3)) {
        s->vague = 1;                           /* 십수 */
        pos += 3;
        break;
      }
      continue;
    }
    if (haveCoef) {
      if (coefDecimal) {
        s->m = cm;
        s->e = ce;
        s->decimal = 1;
        s->any = 1;
        return pos;
      }
      if (s->any) {
        /* units after 천/백/십: smaller than the last magnitude */
        uint64_t limit = lastRank == 1 ? 10 : lastRank == 2 ? 100 : 1000;
        if (cm >= limit) {
          pos = c0;
          break;
        }
      }
      total += cm;
      s->any = 1;
    }
    break;
  }
  if (!s->any && !s->vague) return i;
  s->m = total;
  s->e = 0;
  return pos;
}

/* A number read by num_read(). */
typedef struct num_read_t {
  size_t end;
  double value;
  int vague;
  int hasBig, hasSmall, arabic, sino, decimal;
  int native;
} num_read_t;

/*
** Read a number (not a native numeral) at z[i].  Returns its end, i when
** there is none.
*/
static size_t num_read(const unsigned char *z, size_t n, size_t i,
                       num_read_t *r) {
  size_t pos = i;
  int lastBig = 5, sec;
  memset(r, 0, sizeof(*r));
  for (sec = 0; sec < 6; sec++) {
    num_small sm;
    size_t s0 = pos, p, bigEnd;
    int big, spaced = 0;
    if (sec > 0) {
      size_t q = koai_num_skip_space(z, n, pos);
      if (q > pos) {
        spaced = 1;
        s0 = q;
      }
    }
    p = num_small_read(z, n, s0, &sm);
    big = num_big_mag(z, n, p);
    bigEnd = p + 3;
    if (!big && p > s0) {
      /* 수십 억: a big word after a space */
      size_t q = koai_num_skip_space(z, n, p);
      if (q > p && q - p == 1 && num_big_mag(z, n, q)) {
        big = num_big_mag(z, n, q);
        bigEnd = q + 3;
      }
    }
    if (p == s0) {
      /* no small part: only a bare 만 opens a number (만 명) */
      if (sec == 0 && big == 1) {
        sm.m = 1;
        sm.e = 0;
      } else {
        break;
      }
    }
    if (big && big < lastBig) {
      double v = num_scale(sm.m, sm.e + 4 * big);
      r->value += v;
      r->vague |= sm.vague;
      r->hasBig = 1;
      r->hasSmall |= sm.hasSmall;
      r->arabic |= sm.arabic;
      r->sino |= sm.sino;
      r->decimal |= sm.decimal;
      lastBig = big;
      pos = bigEnd;
      if (sm.decimal) break;      /* 3.5조 takes nothing after it */
      continue;
    }
    if (big) break;               /* 1만2억: the second part is not ours */
    /* a last section without a big word */
    if (sec > 0) {
      if (spaced || sm.vague || sm.decimal) break;
      if (num_scale(sm.m, sm.e) >= num_scale(1, 4 * lastBig)) break;
    }
    r->value += num_scale(sm.m, sm.e);
    r->vague |= sm.vague;
    r->hasSmall |= sm.hasSmall;
    r->arabic |= sm.arabic;
    r->sino |= sm.sino;
    r->decimal |= sm.decimal;
    pos = p;
    break;
  }
  if (pos == i) return i;
  if (r->vague) r->value = 0;
  r->end = pos;
  return pos;
}

/*
** A native Korean numeral at z[i] (한, 두, 열두, 스물다섯, 아흔아홉) that
** ends its word.  Returns the end, or i; *pValue receives the value.
*/
static size_t num_native(const unsigned char *z, size_t n, size_t i,
                         int *pValue) {
  static const struct {
    const char *z;
    int v;
  } aTens[] = {{"열", 10},   {"스물", 20}, {"스무", -20}, {"서른", 30},
               {"마흔", 40}, {"쉰", 50},   {"예순", 60},  {"일흔", 70},
               {"여든", 80}, {"아흔", 90}},
    aOnes[] = {{"한", 1},   {"두", 2},   {"세", 3},   {"네", 4},   {"다섯", 5},
               {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9}};
  size_t pos = i, e;
  int v = 0, k, closed = 0;
  uint32_t c;
  for (k = 0; k < (int)(sizeof(aTens) / sizeof(aTens[0])); k++) {
    if (koai_num_match(z, n, pos, aTens[k].z, &e)) {
      v = aTens[k].v < 0 ? -aTens[k].v : aTens[k].v;
      closed = aTens[k].v < 0;
      pos = e;
      break;
    }
  }
  if (!closed) {
    for (k = 0; k < (int)(sizeof(aOnes) / sizeof(aOnes[0])); k++) {
      if (koai_num_match(z, n, pos, aOnes[k].z, &e)) {
        v += aOnes[k].v;
        pos = e;
        break;
      }
    }
  }
  if (v == 0) return i;
  koai_num_char(z, n, pos, &c);
  if (koai_num_is_hangul(c)) return i;
  *pValue = v;
  return pos;
}

/*
** The exposed reader: the grammar of num_read(), then a native numeral
** (see numbers.h).
*/
size_t koai_read_korean_number(const char *text, size_t n, double *pValue,
                               int *pVague) {
  const unsigned char *z = (const unsigned char *)text;
  num_read_t r;
  int v;
  size_t e;
  *pValue = 0;
  *pVague = 0;
  if (z == NULL) return 0;
  e = num_read(z, n, 0, &r);
  if (e > 0) {
    *pValue = r.value;
    *pVague = r.vague;
    return e;
  }
  e = num_native(z, n, 0, &v);
  if (e > 0) *pValue = v;
  return e;
}

/* ---- Units ---- */

#define NU_NATIVE 0x01    /* native numerals may count it: 세 명 */
#define NU_REJECT 0x02    /* a duration: 3개월 is not an entity */
#define NU_SHARES 0x04    /* 주: shares from 100 up, weeks below */
#define NU_DAE    0x08    /* 대: not in ages (20대) or ranks (5대 그룹) */

typedef struct num_unit {
  const char *zText;      /* as written; ' ' matches optional spaces */
  int label;              /* KOAI_LABEL_* */
  const char *zUnit;      /* ISO code or "%"; NULL: zText itself */
  unsigned flags;
} num_unit;

#define NU_M KOAI_LABEL_MONEY
#define NU_P KOAI_LABEL_PERCENT
#define NU_Q KOAI_LABEL_QUANTITY

static const num_unit aNumUnit[] = {
    /* PERCENT */
    {"%", NU_P, "%", 0},
    {"%p", NU_P, "%", 0},
    {"%P", NU_P, "%", 0},
    {"%포인트", NU_P, "%", 0},
    {"퍼센트", NU_P, "%", 0},
    {"퍼센트포인트", NU_P, "%", 0},
    /* MONEY */
    {"원", NU_M, "KRW", 0},
    {"달러", NU_M, "USD", 0},
    {"미 달러", NU_M, "USD", 0},
    {"미국 달러", NU_M, "USD", 0},
    {"美 달러", NU_M, "USD", 0},
    {"홍콩 달러", NU_M, "HKD", 0},
    {"대만 달러", NU_M, "TWD", 0},
    {"싱가포르 달러", NU_M, "SGD", 0},
    {"호주 달러", NU_M, "AUD", 0},
    {"캐나다 달러", NU_M, "CAD", 0},
    {"뉴질랜드 달러", NU_M, "NZD", 0},
    {"위안", NU_M, "CNY", 0},
    {"엔", NU_M, "JPY", 0},
    {"유로", NU_M, "EUR", 0},
    {"파운드", NU_M, "GBP", 0},
    {"루피", NU_M, "INR", 0},
    {"루피아", NU_M, "IDR", 0},
    {"루블", NU_M, "RUB", 0},
    {"바트", NU_M, "THB", 0},
    {"링깃", NU_M, "MYR", 0},
    {"리라", NU_M, "TRY", 0},
    {"스위스 프랑", NU_M, "CHF", 0},
    {"헤알", NU_M, "BRL", 0},
    {"멕시코 페소", NU_M, "MXN", 0},
    {"필리핀 페소", NU_M, "PHP", 0},
    {"아르헨티나 페소", NU_M, "ARS", 0},
    {"베트남 동", NU_M, "VND", 0},
    {"디르함", NU_M, "AED", 0},
    {"리얄", NU_M, "SAR", 0},
    /* QUANTITY: counters */
    {"개", NU_Q, NULL, NU_NATIVE},
    {"개국", NU_Q, NULL, NU_NATIVE},
    {"개사", NU_Q, NULL, NU_NATIVE},
    {"개소", NU_Q, NULL, 0},
    {"명", NU_Q, NULL, NU_NATIVE},
    {"곳", NU_Q, NULL, NU_NATIVE},
    {"종", NU_Q, NULL, NU_NATIVE},
    {"대", NU_Q, NULL, NU_NATIVE | NU_DAE},
    {"건", NU_Q, NULL, NU_NATIVE},
    {"척", NU_Q, NULL, NU_NATIVE},
    {"편", NU_Q, NULL, 0},
    {"권", NU_Q, NULL, NU_NATIVE},
    {"장", NU_Q, NULL, NU_NATIVE},
    {"가지", NU_Q, NULL, NU_NATIVE},
    {"채", NU_Q, NULL, NU_NATIVE},
    {"병", NU_Q, NULL, NU_NATIVE},
    {"벌", NU_Q, NULL, NU_NATIVE},
    {"마리", NU_Q, NULL, NU_NATIVE},
    {"그루", NU_Q, NULL, NU_NATIVE},
    {"가구", NU_Q, NULL, NU_NATIVE},
    {"주", NU_Q, NULL, NU_SHARES},
    /* durations that share a first syllable with a counter */
    {"개월", NU_Q, NULL, NU_REJECT},
    {"개년", NU_Q, NULL, NU_REJECT},
    /* units of measure, in Hangul */
    {"톤", NU_Q, NULL, 0},
    {"킬로그램", NU_Q, NULL, 0},
    {"그램", NU_Q, NULL, 0},
    {"킬로미터", NU_Q, NULL, 0},
    {"미터", NU_Q, NULL, 0},
    {"센티미터", NU_Q, NULL, 0},
    {"밀리미터", NU_Q, NULL, 0},
    {"나노미터", NU_Q, NULL, 0},
    {"마이크로미터", NU_Q, NULL, 0},
    {"나노", NU_Q, NULL, 0},
    {"인치", NU_Q, NULL, 0},
    {"마일", NU_Q, NULL, 0},
    {"평", NU_Q, NULL, 0},
    {"평형", NU_Q, NULL, 0},
    {"제곱미터", NU_Q, NULL, 0},
    {"제곱킬로미터", NU_Q, NULL, 0},
    {"헥타르", NU_Q, NULL, 0},
    {"에이커", NU_Q, NULL, 0},
    {"리터", NU_Q, NULL, 0},
    {"배럴", NU_Q, NULL, 0},
    {"갤런", NU_Q, NULL, 0},
    {"와트", NU_Q, NULL, 0},
    {"킬로와트", NU_Q, NULL, 0},
    {"메가와트", NU_Q, NULL, 0},
    {"기가와트", NU_Q, NULL, 0},
    {"테라와트", NU_Q, NULL, 0},
    {"킬로와트시", NU_Q, NULL, 0},
    {"메가와트시", NU_Q, NULL, 0},
    {"기가와트시", NU_Q, NULL, 0},
    {"테라와트시", NU_Q, NULL, 0},
    {"메가바이트", NU_Q, NULL, 0},
    {"기가바이트", NU_Q, NULL, 0},
    {"테라바이트", NU_Q, NULL, 0},
    {"페타바이트", NU_Q, NULL, 0},
    {"기가비트", NU_Q, NULL, 0},
    {"메가헤르츠", NU_Q, NULL, 0},
    {"기가헤르츠", NU_Q, NULL, 0},
    {"큐비트", NU_Q, NULL, 0},
    {"파라미터", NU_Q, NULL, 0},
    {"매개변수", NU_Q, NULL, 0},
    {"토큰", NU_Q, NULL, 0},
    /* units of measure, Latin and symbols */
    {"TWh", NU_Q, NULL, 0},
    {"GWh", NU_Q, NULL, 0},
    {"MWh", NU_Q, NULL, 0},
    {"kWh", NU_Q, NULL, 0},
    {"KWh", NU_Q, NULL, 0},
    {"TW", NU_Q, NULL, 0},
    {"GW", NU_Q, NULL, 0},
    {"MW", NU_Q, NULL, 0},
    {"kW", NU_Q, NULL, 0},
    {"KW", NU_Q, NULL, 0},
    {"mAh", NU_Q, NULL, 0},
    {"PB", NU_Q, NULL, 0},
    {"TB", NU_Q, NULL, 0},
    {"GB", NU_Q, NULL, 0},
    {"MB", NU_Q, NULL, 0},
    {"KB", NU_Q, NULL, 0},
    {"Tb", NU_Q, NULL, 0},
    {"Gb", NU_Q, NULL, 0},
    {"Mb", NU_Q, NULL, 0},
    {"Tbps", NU_Q, NULL, 0},
    {"Gbps", NU_Q, NULL, 0},
    {"Mbps", NU_Q, NULL, 0},
    {"THz", NU_Q, NULL, 0},
    {"GHz", NU_Q, NULL, 0},
    {"MHz", NU_Q, NULL, 0},
    {"kHz", NU_Q, NULL, 0},
    {"Hz", NU_Q, NULL, 0},
    {"nm", NU_Q, NULL, 0},
    {"μm", NU_Q, NULL, 0},
    {"mm", NU_Q, NULL, 0},
    {"cm", NU_Q, NULL, 0},
    {"km", NU_Q, NULL, 0},
    {"m", NU_Q, NULL, 0},
    {"m²", NU_Q, NULL, 0},
    {"km²", NU_Q, NULL, 0},
    {"kg", NU_Q, NULL, 0},
    {"mg", NU_Q, NULL, 0},
    {"mL", NU_Q, NULL, 0},
    {"ml", NU_Q, NULL, 0},
    {"TOPS", NU_Q, NULL, 0},
    {"TFLOPS", NU_Q, NULL, 0},
    {"PFLOPS", NU_Q, NULL, 0},
    {"EFLOPS", NU_Q, NULL, 0},
    {"㎚", NU_Q, NULL, 0},
    {"㎛", NU_Q, NULL, 0},
    {"㎜", NU_Q, NULL, 0},
    {"㎝", NU_Q, NULL, 0},
    {"㎞", NU_Q, NULL, 0},
    {"㎏", NU_Q, NULL, 0},
    {"㎎", NU_Q, NULL, 0},
    {"㎡", NU_Q, NULL, 0},
    {"㎢", NU_Q, NULL, 0},
    {"㎥", NU_Q, NULL, 0},
    {"ℓ", NU_Q, NULL, 0},
    {"㎖", NU_Q, NULL, 0},
    {"㎾", NU_Q, NULL, 0},
    {"㎿", NU_Q, NULL, 0},
    {"℃", NU_Q, NULL, 0},
    {"°C", NU_Q, NULL, 0},
};

#define NUM_N_UNITS ((int)(sizeof(aNumUnit) / sizeof(aNumUnit[0])))

/*
** The longest unit that starts at z[i] and ends where it may end (a Latin
** unit not glued to more letters, a Hangul one followed by a particle or
** nothing).  Returns its index + 1, 0 when there is none; *pEnd receives
** its end.
*/
static int num_unit_find(const unsigned char *z, size_t n, size_t i,
                         size_t *pEnd) {
  int k, best = 0, lc;
  size_t bestEnd = i;
  uint32_t c;
  unsigned char ac[4] = {0, 0, 0, 0};
  koai_num_char(z, n, i, &c);
  if (c == 0 || num_is_space(c) || num_is_digit(c)) return 0;
  lc = koai_utf8_encode(c, ac);
  for (k = 0; k < NUM_N_UNITS; k++) {
    const char *zt = aNumUnit[k].zText;
    size_t e, lt;
    unsigned char last;
    /* the first character must be c (each test stops at zt's NUL) */
    if ((unsigned char)zt[0] != ac[0]) continue;
    if (lc > 1 && (unsigned char)zt[1] != ac[1]) continue;
    if (lc > 2 && (unsigned char)zt[2] != ac[2]) continue;
    if (lc > 3 && (unsigned char)zt[3] != ac[3]) continue;
    lt = strlen(zt);
    last = (unsigned char)zt[lt - 1];
    if (!koai_num_match(z, n, i, zt, &e) || e <= bestEnd) continue;
    if (last < 0x80) {
      uint32_t c2;
      koai_num_char(z, n, e, &c2);
      if (((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z')) &&
          koai_num_is_alnum(c2)) {
        continue;
      }
    } else if (lt >= 3 && (unsigned char)zt[lt - 3] >= 0xea &&
               (unsigned char)zt[lt - 3] <= 0xed) {
      /* a Hangul syllable ends it */
      if (!koai_num_may_follow(z, n, e, koai_num_followers)) continue;
    }
    best = k + 1;
    bestEnd = e;
  }
  if (best) *pEnd = bestEnd;
  return best;
}

/* A unit or a magnitude word at z[i] (see numbers.h). */
int koai_num_unit_at(const unsigned char *z, size_t n, size_t i) {
  size_t e;
  if (num_big_mag(z, n, i) || num_small_mag(z, n, i)) return 1;
  return num_unit_find(z, n, i, &e) != 0;
}

/* ---- Emitting ---- */

/*
** Append one entity (see numbers.h).  A span longer than NUM_MAX_SPAN
** cannot come from the grammars here and is dropped.
*/
int koai_num_emit(const unsigned char *z, size_t start, size_t end, int label,
                  const char *zCanon, double value, int hasValue,
                  const char *zUnit, const char *zSource,
                  koai_entity_list *out) {
  char buf[NUM_MAX_SPAN + 8];
  koai_entity e;
  if (end <= start || end - start > NUM_MAX_SPAN) return KOAI_OK;
  if (zCanon == NULL) {
    size_t i = start, k = 0;
    int space = 0;
    while (i < end) {
      uint32_t c;
      int len = koai_num_char(z, end, i, &c);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = 1;
      } else {
        if (space && k > 0) buf[k++] = ' ';
        space = 0;
        if (k + 4 < sizeof(buf)) {
          k += (size_t)koai_utf8_encode(c, (unsigned char *)buf + k);
        }
      }
      i += (size_t)len;
    }
    buf[k] = 0;
    zCanon = buf;
  }
  memset(&e, 0, sizeof(e));
  e.start = start;
  e.end = end;
  e.label = label;
  e.canonical = (char *)zCanon;
  e.value = hasValue ? value : 0.0;
  e.has_value = hasValue;
  if (zUnit) {
    size_t lu = strlen(zUnit);
    if (lu >= sizeof(e.unit)) lu = sizeof(e.unit) - 1;
    memcpy(e.unit, zUnit, lu);
    e.unit[lu] = 0;
  }
  e.source = zSource;
  e.priority = 1;
  return koai_entity_list_add(out, &e);
}

/* ---- The recognizer ---- */

/* Currency symbols written before an amount. */
static const struct {
  const char *z;
  const char *zIso;
} aNumSymbol[] = {{"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"},
                  {"S$", "SGD"},  {"A$", "AUD"},  {"C$", "CAD"},
                  {"$", "USD"},   {"₩", "KRW"},   {"€", "EUR"},
                  {"£", "GBP"},   {"¥", "JPY"}};

/* English magnitudes after a symbol amount: $1.5 billion, $300M. */
static const struct {
  const char *z;
  double mul;
} aNumEnglish[] = {{" thousand", 1e3}, {" million", 1e6}, {" billion", 1e9},
                   {" trillion", 1e12}, {"bn", 1e9},      {"tn", 1e12},
                   {"mn", 1e6},        {"K", 1e3},        {"k", 1e3},
                   {"M", 1e6},         {"B", 1e9}};

/*
** 1 when a number may start at i, judging by what comes before it: not
** inside a Latin word or another number (GPT-4, 1.2.3, S24), not after
** 제 (제3자).  bHangul: the number starts with a Hangul syllable, which
** must begin its word.
*/
static int num_left_ok(const unsigned char *z, size_t i, int bHangul) {
  uint32_t c1, c2;
  size_t j = num_prev(z, i, &c1);
  num_prev(z, j, &c2);
  if (c1 == 0) return 1;
  if (koai_num_is_alnum(c1) || c1 == '.' || c1 == '_' || c1 == '$') return 0;
  if (bHangul) return !koai_num_is_hangul(c1);
  if (c1 == ',' && num_is_digit(c2)) return 0;
  if ((c1 == '-' || c1 == '+' || c1 == 0x2212) &&
      (koai_num_is_alnum(c2) || c2 == ')')) {
    return 0;
  }
  if (c1 == 0xc81c /* 제 */ || c1 == 0x7b2c /* 第 */) return 0;
  return 1;
}

/* The next word after z[i] (past spaces) starts with zWord. */
static int num_next_word(const unsigned char *z, size_t n, size_t i,
                         const char *zWord) {
  size_t e;
  return koai_num_match(z, n, koai_num_skip_space(z, n, i), zWord, &e);
}

/*
** 대 after a number: 1 when it counts things (차량 3대, 100만 대), 0 for
** ages (20대, 30대) and ranks (3대 은행, 5대 그룹, 100대 기업).
*/
static int num_dae_is_quantity(const unsigned char *z, size_t n,
                               const num_read_t *r, int glued, size_t end) {
  static const char *azQualifier[] = {"이상", "이하", "미만", "가량", "정도",
                                      "규모", "수준", "안팎", "내외", "넘게",
                                      "남짓", "씩",   "가까이", "분량"};
  static const char *azGroup[] = {"기업", "그룹", "대기업", "은행", "건설사",
                                  "증권사", "재벌", "상장사"};
  size_t q;
  uint32_t c;
  int k;
  if (r->native || r->hasBig || r->decimal || r->vague) return 1;
  if (glued && r->value >= 10 && r->value <= 90 &&
      (long)r->value % 10 == 0) {
    return 0;                                   /* ages */
  }
  for (k = 0; k < (int)(sizeof(azGroup) / sizeof(azGroup[0])); k++) {
    if (num_next_word(z, n, end, azGroup[k])) return 0;
  }
  q = koai_num_skip_space(z, n, end);
  koai_num_char(z, n, q, &c);
  if (q > end && koai_num_is_hangul(c) && r->value <= 10) {
    for (k = 0; k < (int)(sizeof(azQualifier) / sizeof(azQualifier[0])); k++) {
      if (num_next_word(z, n, end, azQualifier[k])) return 1;
    }
    return 0;                                   /* 3대 은행, 4대 금융지주 */
  }
  return 1;
}

/*
** An amount after a currency symbol at z[i] ($100, US$1.5 billion, €30).
** Returns the end of the entity (0: none) and fills the value and ISO code.
*/
static size_t num_symbol_amount(const unsigned char *z, size_t n, size_t i,
                                double *pValue, const char **pzIso) {
  int k;
  for (k = 0; k < (int)(sizeof(aNumSymbol) / sizeof(aNumSymbol[0])); k++) {
    size_t p, q;
    num_read_t r;
    uint32_t c;
    int j;
    if (!koai_num_match(z, n, i, aNumSymbol[k].z, &p)) continue;
    if (koai_num_char(z, n, p, &c) > 0 && c == ' ') p++;
    if (koai_num_char(z, n, p, &c) == 0 || !num_is_digit(c)) return 0;
    q = num_read(z, n, p, &r);
    if (q == p || r.vague) return 0;
    *pValue = r.value;
    *pzIso = aNumSymbol[k].zIso;
    for (j = 0; j < (int)(sizeof(aNumEnglish) / sizeof(aNumEnglish[0])); j++) {
      size_t e;
      uint32_t c2;
      if (aNumEnglish[j].z[0] == ' ' && (koai_num_char(z, n, q, &c2) == 0 ||
                                         c2 != ' ')) {
        continue;
      }
      if (!koai_num_match(z, n, q, aNumEnglish[j].z, &e)) continue;
      koai_num_char(z, n, e, &c2);
      if (koai_num_is_alnum(c2)) continue;
      *pValue *= aNumEnglish[j].mul;
      q = e;
      break;
    }
    return q;
  }
  return 0;
}

/*
** Try to recognize an entity starting at z[i]; on success append it and
** set *pEnd to its end (else *pEnd = i).
*/
static int num_try(const unsigned char *z, size_t n, size_t i,
                   koai_entity_list *out, size_t *pEnd) {
  num_read_t r, r2;
  size_t p = i, after, u0, uEnd = 0;
  double sign = 1.0;
  int iUnit, native = 0, range = 0, nat = 0;
  uint32_t c, c2;
  const num_unit *pu;
  *pEnd = i;
  koai_num_char(z, n, i, &c);

  /* a currency symbol before the amount */
  if (!num_is_digit(c) && !koai_num_is_hangul(c) && c != '-' && c != '+' &&
      c != 0x2212) {
    double v;
    const char *zIso;
    size_t e;
    if (!num_left_ok(z, i, 0)) return KOAI_OK;
    e = num_symbol_amount(z, n, i, &v, &zIso);
    if (e == 0) return KOAI_OK;
    *pEnd = e;
    return koai_num_emit(z, i, e, KOAI_LABEL_MONEY, NULL, v, 1, zIso,
                         "number", out);
  }
  if (!num_left_ok(z, i, koai_num_is_hangul(c))) return KOAI_OK;
  if (c == '-' || c == '+' || c == 0x2212) {
    int len = koai_num_char(z, n, i, &c);
    koai_num_char(z, n, i + (size_t)len, &c2);
    if (!num_is_digit(c2)) return KOAI_OK;
    sign = c == '+' ? 1.0 : -1.0;
    p = i + (size_t)len;
  }

  /* the number */
  after = num_read(z, n, p, &r);
  if (after == p) {
    if (!koai_num_is_hangul(c)) return KOAI_OK;
    after = num_native(z, n, p, &nat);
    if (after == p) return KOAI_OK;
    memset(&r, 0, sizeof(r));
    r.value = nat;
    r.native = native = 1;
  }
  /* 300여 명: more than 300 */
  if (!native && num_syl(z, n, after, "여")) {
    size_t e;
    if (num_unit_find(z, n, koai_num_skip_space(z, n, after + 3), &e)) {
      after += 3;
    }
  }
  u0 = koai_num_skip_space(z, n, after);
  iUnit = num_unit_find(z, n, u0, &uEnd);
  if (!iUnit && !native) {
    /* a range: 10~20%, 100만~200만 원 */
    size_t t = koai_num_skip_space(z, n, after), t2, a2;
    int len = koai_num_char(z, n, t, &c2);
    if (len > 0 && (c2 == '~' || c2 == 0x223c || c2 == 0x301c)) {
      t2 = koai_num_skip_space(z, n, t + (size_t)len);
      a2 = num_read(z, n, t2, &r2);
      if (a2 > t2) {
        u0 = koai_num_skip_space(z, n, a2);
        iUnit = num_unit_find(z, n, u0, &uEnd);
        range = iUnit != 0;
        after = a2;
      }
    }
  }
  if (!iUnit) return KOAI_OK;
  if (!r.arabic && !r.sino && !r.vague && !native && u0 == after) {
    return KOAI_OK;             /* 천장 (a ceiling), 만원 (full): 천 명 only */
  }
  pu = &aNumUnit[iUnit - 1];
  if (pu->flags & NU_REJECT) return KOAI_OK;
  if (native && !(pu->flags & NU_NATIVE)) return KOAI_OK;
  if ((pu->flags & NU_SHARES) && !r.hasBig && !r.vague && r.value < 100) {
    return KOAI_OK;
  }
  if (strcmp(pu->zText, "개") == 0 && num_next_word(z, n, uEnd, "분기")) {
    return KOAI_OK;             /* 2개 분기 연속: a duration */
  }
  if ((pu->flags & NU_DAE) && !range &&
      !num_dae_is_quantity(z, n, &r, u0 == after, uEnd)) {
    return KOAI_OK;
  }
  *pEnd = uEnd;
  return koai_num_emit(z, i, uEnd, pu->label, NULL, sign * r.value,
                       !(r.vague || range), pu->zUnit ? pu->zUnit : pu->zText,
                       "number", out);
}

/* The syllables a number written in Hangul can begin with. */
static const char zNumFirst[] =
    "일이삼사오육칠팔구십백천만수열스서마쉰예여아한두세네다";

/*
** Walk the text once; at each place where a number may start, try an
** entity; after one, continue at its end (see numbers.h).
*/
int koai_find_numbers(const char *text, size_t n, koai_entity_list *out) {
  const unsigned char *z = (const unsigned char *)text;
  size_t i = 0;
  if (z == NULL) return KOAI_OK;
  while (i < n) {
    uint32_t c;
    int len = koai_num_char(z, n, i, &c);
    int maybe = num_is_digit(c) ||
                (koai_num_is_hangul(c) &&
                 num_syl_index(z, n, i, zNumFirst) != 0) || c == '-' ||
                c == '+' || c == 0x2212 || c == '$' || c == 0x20a9 ||
                c == 0x20ac || c == 0xa3 || c == 0xa5 || c == 'U' ||
                c == 'H' || c == 'N' || c == 'S' || c == 'A' || c == 'C';
    if (maybe) {
      size_t end;
      int rc = num_try(z, n, i, out, &end);
      if (rc != KOAI_OK) return rc;
      if (end > i) {
        i = end;
        continue;
      }
    }
    i += (size_t)len;
  }
  return KOAI_OK;
}
