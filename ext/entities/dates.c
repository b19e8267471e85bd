/*
** dates.c: the DATE recognizer of ai_entities.
**
** The text is walked once.  Where a word starts with a digit, three forms
** are tried: numeric dates (2025.3.14, 2025. 3. 14, 2024-11-05,
** 24.11.06, and MM.DD such as 11.06 where it stands alone as a dateline
** does), then dates built with units: a year (2024년, and decades,
** 1990년대) optionally followed by a quarter (2분기, 1·4분기), a half
** (상반기), a month (11월, with a day, 11월 15일) or a part of the year
** (초, 말, 초반, 중반, 후반); a month alone; a quarter alone; a day alone
** (5일).  Where a word starts with a Hangul syllable, the halves and the
** deictic words are tried: days (오늘 어제 내일 그제 모레), years (올해
** 지난해 작년 내년, 올 with a unit after it), months (이번 달 지난달 다음
** 달) with a day or part after them (지난달 15일, 이달 말), and weeks
** (지난주 이번 주 다음 주).  Each candidate must end its word or be
** followed by a particle (2024년에, 3분기엔).
**
** Spans follow the spec: 초 and 말 are in (지난해 말, 11월 초); the words
** 지난 and 오는 before a date are out (지난 5일 → 5일), as are notes
** after it ((현지시간), (화)) and qualifiers (께, 경).  지난 해, 지난 달
** and 지난 주 written apart are read as 지난해, 지난달 and 지난주: 해, 달
** and 주 alone are not dates, and the pair is one deictic word.  MM.DD
** (11.06) is taken only where it stands alone as datelines write it (at a
** line start, after a space or in brackets, two digits each, with no
** unit, percent sign or particle after it), since 11.06 is as often a
** decimal.
**
** Not dates: durations (2년간, 30일 동안, 5일째, 3분기 연속, 5일 만에,
** 5일 전), ages, relative times (같은 날, 전년, 당시, 이날), and days of a
** week count (주 5일).  A 4-digit year, a month 1-12, a quarter 1-4 and a
** real day of the month are required.
**
** Canonical forms: 2024, 2024-Q2, 2024-H1, 2024-11, 2024-11-15, XXXX
** where the year is missing (XXXX-11-15, XXXX-XX-05, XXXX-Q3), 199X for
** 1990년대.  A part of a year or month keeps the coarser form (2024년
** 말 → 2024, 11월 초 → XXXX-11).  Weeks are ISO weeks (2024-W45).
**
** With a reference date (decisions where the spec is silent):
**   - deictic words are counted from it: 올해 → its year, 지난달 → the
**     month before, 어제 → the day before, 지난주 → the ISO week of the
**     day seven days before;
**   - a date without a year (or a day without a month) is placed near
**     it, as news writes them: after 지난, the latest such date on or
**     before the reference (지난 28일 written on 2024-11-05 → 2024-10-28);
**     after 오는, the first one after it (오는 3일 → 2024-12-03); with
**     neither, the one in the reference's own month (a day) or year (a
**     month, quarter or half): news writes 지난달 28일 and 내년 3월 for
**     other months and years, so a bare 28일 or 3월 is this month's or
**     this year's.  A day the month does not have (31일 in November)
**     goes to the nearest month that has it.
** Without one, deictic dates keep their surface as canonical.
*/
#include "dates.h"

#include <stdio.h>
#include <string.h>

#include "koai.h"
#include "numbers.h"

/* Syllables that may follow a date glued to it (particles, 께, 경, 중). */
static const char zDateFollow[] =
    "이가은는을를의에엔도로으와과까부보께쯤인였입라란나며처마뿐선넘미정안"
    "내남규수중랑경자";

/* Syllables after which a word such as 전 or 동안 is still that word. */
static const char zDateParticle[] = "에의까부인이으로엔도만을를은는";

/* What kind of thing a candidate is. */
#define DATE_ABS 0        /* written with numbers */
#define DATE_DAY 1        /* 오늘, 어제 */
#define DATE_WEEK 2       /* 이번 주 */
#define DATE_MONTH 3      /* 지난달 */
#define DATE_YEAR 4       /* 올해 */
#define DATE_YEAR_UNIT 5  /* 올: only with a unit after it (올 3분기) */

typedef struct date_val {
  int kind;               /* DATE_* */
  int off;                /* deictic offset in the kind's unit */
  int y, m, d;            /* 0 where not written */
  int q, h;               /* quarter 1-4, half 1-2, or 0 */
  int decade;             /* y is the first year of a decade */
} date_val;

/* ---- Calendar ---- */

static int date_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y (y 0: a leap year, to allow 2월 29일). */
static int date_month_days(int y, int m) {
  static const int aDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return aDays[m - 1] + (m == 2 && (y == 0 || date_leap(y)));
}

/* Days from 0001-01-01 (day 0, a Monday) to y-m-d. */
static long date_days(int y, int m, int d) {
  static const int aCum[12] = {0,   31,  59,  90,  120, 151,
                               181, 212, 243, 273, 304, 334};
  long yy = (long)y - 1;
  long days = yy * 365 + yy / 4 - yy / 100 + yy / 400;
  days += aCum[m - 1] + (m > 2 && date_leap(y));
  return days + d - 1;
}

/* The inverse of date_days(). */
static void date_from_days(long days, int *pY, int *pM, int *pD) {
  int y = (int)(days * 400 / 146097) + 1, m = 1;
  while (y > 1 && date_days(y, 1, 1) > days) y--;
  while (date_days(y + 1, 1, 1) <= days) y++;
  days -= date_days(y, 1, 1);
  while (m < 12 && days >= date_month_days(y, m)) {
    days -= date_month_days(y, m);
    m++;
  }
  *pY = y;
  *pM = m;
  *pD = (int)days + 1;
}

/* The ISO 8601 week (year and number) of day number `days`. */
static void date_iso_week(long days, int *pYear, int *pWeek) {
  long thursday = days - days % 7 + 3;
  int y, m, d;
  date_from_days(thursday, &y, &m, &d);
  *pYear = y;
  *pWeek = (int)((thursday - date_days(y, 1, 1)) / 7) + 1;
}

/* ---- Reading ---- */

/* 1 when the date that ends at i may end there. */
static int date_end_ok(const unsigned char *z, size_t n, size_t i) {
  return koai_num_may_follow(z, n, i, zDateFollow);
}

/*
** 1 when the word after i (past spaces) is zWord standing alone or with a
** particle: 동안, 전 in 5일 전에, but not 전망.
*/
static int date_word_after(const unsigned char *z, size_t n, size_t i,
                           const char *zWord) {
  size_t e;
  if (!koai_num_match(z, n, koai_num_skip_space(z, n, i), zWord, &e)) {
    return 0;
  }
  return koai_num_may_follow(z, n, e, zDateParticle);
}

/* 1 when a duration word follows i: 5일 동안, 3분기 연속, 5일 전. */
static int date_is_duration(const unsigned char *z, size_t n, size_t i) {
  static const char *azWord[] = {"동안", "만에", "만의", "만이", "째",
                                 "연속", "이내", "내내", "전",   "후",
                                 "뒤",   "이상", "이하", "미만", "남짓",
                                 "가까이", "넘게", "정도", "가량", "간"};
  int k;
  for (k = 0; k < (int)(sizeof(azWord) / sizeof(azWord[0])); k++) {
    if (date_word_after(z, n, i, azWord[k])) return 1;
  }
  return 0;
}

/*
** A part word after p (past up to three spaces): one of azPart, ending
** where a date may end.  Returns its end, or p.
*/
static size_t date_part(const unsigned char *z, size_t n, size_t p,
                        const char *const *azPart, int nPart) {
  size_t q = koai_num_skip_space(z, n, p), best = p;
  int k;
  for (k = 0; k < nPart; k++) {
    size_t e;
    if (koai_num_match(z, n, q, azPart[k], &e) && e > best &&
        date_end_ok(z, n, e)) {
      best = e;
    }
  }
  return best;
}

static const char *const azYearPart[] = {"초반", "중반", "후반", "초", "말",
                                         "연말", "연초"};
static const char *const azMonthPart[] = {"초순", "중순", "하순", "초", "말"};
static const char *const azShortPart[] = {"초", "말"};

#define DATE_N(a) ((int)(sizeof(a) / sizeof(a[0])))

/*
** A quarter at p: 3분기, 1·4분기 (then 초 or 말).  Returns the end (p if
** none) and sets v->q.
*/
static size_t date_quarter(const unsigned char *z, size_t n, size_t p,
                           date_val *v) {
  static const char *azOf4[] = {"·4분기", "ㆍ4분기", "/4분기", "‧4분기"};
  long q;
  size_t e, e2;
  int k;
  if (koai_num_digits(z, n, p, 1, &q, &e) != 1 || q < 1 || q > 4) return p;
  if (!koai_num_match(z, n, e, "분기", &e2)) {
    for (k = 0; k < DATE_N(azOf4); k++) {
      if (koai_num_match(z, n, e, azOf4[k], &e2)) break;
    }
    if (k == DATE_N(azOf4)) return p;
  }
  e = date_part(z, n, e2, azShortPart, DATE_N(azShortPart));
  if (e == e2 && !date_end_ok(z, n, e2)) return p;
  v->q = (int)q;
  return e;
}

/* A half at p: 상반기 or 하반기 (then 초 or 말).  Sets v->h. */
static size_t date_half(const unsigned char *z, size_t n, size_t p,
                        date_val *v) {
  size_t e, e2;
  int h;
  if (koai_num_match(z, n, p, "상반기", &e)) {
    h = 1;
  } else if (koai_num_match(z, n, p, "하반기", &e)) {
    h = 2;
  } else {
    return p;
  }
  e2 = date_part(z, n, e, azShortPart, DATE_N(azShortPart));
  if (e2 == e && !date_end_ok(z, n, e)) return p;
  v->h = h;
  return e2;
}

/*
** A day at p: 15일, a real day of month m (0: any month) of year y (0:
** any year).  Returns the end (p if none) and sets v->d.
*/
static size_t date_day(const unsigned char *z, size_t n, size_t p, int y,
                       int m, date_val *v) {
  long d;
  size_t e, e2;
  if (koai_num_digits(z, n, p, 2, &d, &e) == 0 || d < 1) return p;
  if (!koai_num_match(z, n, e, "일", &e2)) return p;
  if (d > (m ? date_month_days(y, m) : 31)) return p;
  if (!date_end_ok(z, n, e2)) return p;
  v->d = (int)d;
  return e2;
}

/*
** A month at p: 11월, with a day (11월 15일) or a part (11월 초, 11월말)
** after it.  Sets v->m (and v->d).
*/
static size_t date_month(const unsigned char *z, size_t n, size_t p,
                         date_val *v) {
  long m;
  size_t e, e2, q;
  if (koai_num_digits(z, n, p, 2, &m, &e) == 0 || m < 1 || m > 12) return p;
  if (!koai_num_match(z, n, e, "월", &e2)) return p;
  q = koai_num_skip_space(z, n, e2);
  e = date_day(z, n, q, v->y, (int)m, v);
  if (e > q) {
    v->m = (int)m;
    return e;
  }
  e = date_part(z, n, e2, azMonthPart, DATE_N(azMonthPart));
  if (e == e2 && !date_end_ok(z, n, e2)) return p;
  v->m = (int)m;
  return e;
}

/*
** What may follow a year, written or deictic, at p: a quarter, a half, a
** month or a part of the year, after up to three spaces.  Returns the
** end, or p.
*/
static size_t date_after_year(const unsigned char *z, size_t n, size_t p,
                              date_val *v) {
  size_t q = koai_num_skip_space(z, n, p), e;
  e = date_quarter(z, n, q, v);
  if (e > q) return e;
  e = date_half(z, n, q, v);
  if (e > q) return e;
  e = date_month(z, n, q, v);
  if (e > q) return e;
  return date_part(z, n, p, azYearPart, DATE_N(azYearPart));
}

/* 1 when the word before byte i (past one to three spaces) is zWord. */
static int date_word_before(const unsigned char *z, size_t i,
                            const char *zWord) {
  size_t len = strlen(zWord), j = i;
  int k;
  uint32_t c;
  for (k = 0; k < 3 && j > 0 && (z[j - 1] == ' ' || z[j - 1] == '\t'); k++) {
    j--;
  }
  if (j == i || j < len || memcmp(z + j - len, zWord, len) != 0) return 0;
  if (j == len) return 1;
  /* the character before the word must not be a syllable (오는 ≠ 다가오는) */
  {
    size_t s = j - len, b = s - 1;
    while (b > 0 && s - b < 4 && (z[b] & 0xc0) == 0x80) b--;
    koai_num_char(z, s, b, &c);
  }
  return !koai_num_is_hangul(c);
}

/* Numeric dates: 2025.3.14, 2025. 3. 14, 2024-11-05, 24.11.06, 11.06. */
static size_t date_numeric(const unsigned char *z, size_t n, size_t i,
                           date_val *v) {
  long a, b, c3;
  size_t p, q, r, e;
  int na, nb, nc;
  uint32_t sep, ch;
  na = koai_num_digits(z, n, i, 4, &a, &p);
  if (na != 4 && na != 2) return i;
  if (koai_num_char(z, n, p, &sep) == 0) return i;
  if (sep != '.' && sep != '-' && sep != '/') return i;
  q = p + 1;
  if (sep == '.' && na == 4) q = koai_num_skip_space(z, n, q);
  nb = koai_num_digits(z, n, q, 2, &b, &r);
  if (nb == 0) return i;
  /* a third part? */
  if (koai_num_char(z, n, r, &ch) > 0 && ch == sep) {
    size_t q2 = r + 1, r2;
    if (sep == '.' && na == 4) q2 = koai_num_skip_space(z, n, q2);
    nc = koai_num_digits(z, n, q2, 2, &c3, &r2);
    if (nc == 0) return i;
    if (na == 2 && (sep != '.' || nb != 2 || nc != 2)) return i;
    /* not part of a longer dotted number (1.2.3.4, an IP address) */
    if (koai_num_char(z, n, r2, &ch) > 0 && (ch == sep || ch == ',')) {
      uint32_t c2;
      koai_num_char(z, n, r2 + 1, &c2);
      if (c2 >= '0' && c2 <= '9') return i;
    }
    if (na == 2) a += 2000;
    if (a < 1000 || a > 2999 || b < 1 || b > 12) return i;
    if (c3 < 1 || c3 > date_month_days((int)a, (int)b)) return i;
    v->y = (int)a;
    v->m = (int)b;
    v->d = (int)c3;
    return r2;
  }
  /* MM.DD: two digits each, standing alone like a dateline */
  if (na != 2 || nb != 2 || sep != '.') return i;
  if (a < 1 || a > 12 || b < 1 || b > date_month_days(0, (int)a)) return i;
  {
    uint32_t before;
    size_t s = i, bb;
    if (s > 0) {
      bb = s - 1;
      while (bb > 0 && s - bb < 4 && (z[bb] & 0xc0) == 0x80) bb--;
      koai_num_char(z, s, bb, &before);
    } else {
      before = 0;
    }
    if (!(before == 0 || before == ' ' || before == '\t' || before == '\n' ||
          before == '\r' || before == '(' || before == '[' || before == '<')) {
      return i;
    }
  }
  koai_num_char(z, n, r, &ch);
  if (!(ch == 0 || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
        ch == ')' || ch == ']' || ch == '>' || ch == '(' || ch == ',')) {
    return i;
  }
  e = koai_num_skip_space(z, n, r);
  if (e > r && koai_num_unit_at(z, n, e)) return i;      /* 11.06 달러 */
  v->m = (int)a;
  v->d = (int)b;
  return r;
}

/*
** A date written with units that starts with a digit at i: 2024년 ...,
** 1990년대, 11월 15일, 3분기, 5일.  Returns the end, or i.
*/
static size_t date_units(const unsigned char *z, size_t n, size_t i,
                         date_val *v) {
  long num;
  size_t p, e;
  int nd = koai_num_digits(z, n, i, 4, &num, &p);
  if (nd == 0) return i;
  if (koai_num_match(z, n, p, "년", &e)) {
    if (nd != 4 || num < 1000 || num > 2999) return i;
    v->y = (int)num;
    if (koai_num_match(z, n, e, "대", &p)) {
      v->decade = 1;
      v->y = (int)(num - num % 10);
      e = date_part(z, n, p, azYearPart, DATE_N(azYearPart));
      if (e == p && !date_end_ok(z, n, p)) return i;
      return e;
    }
    p = date_after_year(z, n, e, v);
    if (p > e) return p;
    if (!date_end_ok(z, n, e) || date_is_duration(z, n, e)) return i;
    return e;
  }
  e = date_month(z, n, i, v);
  if (e > i) return e;
  e = date_quarter(z, n, i, v);
  if (e > i) return date_is_duration(z, n, e) ? i : e;
  e = date_day(z, n, i, 0, 0, v);
  if (e > i) {
    if (date_is_duration(z, n, e)) return i;
    if (date_word_before(z, i, "주")) return i;          /* 주 5일 근무 */
    return e;
  }
  return i;
}

/* The deictic words, longest first where one is a prefix of another. */
static const struct {
  const char *z;
  int kind, off;
} aDateDeictic[] = {
    {"오늘", DATE_DAY, 0},       {"금일", DATE_DAY, 0},
    {"어제", DATE_DAY, -1},      {"내일", DATE_DAY, 1},
    {"그저께", DATE_DAY, -2},    {"그제", DATE_DAY, -2},
    {"모레", DATE_DAY, 2},       {"올해", DATE_YEAR, 0},
    {"금년", DATE_YEAR, 0},      {"지난 해", DATE_YEAR, -1},
    {"작년", DATE_YEAR, -1},     {"재작년", DATE_YEAR, -2},
    {"내년", DATE_YEAR, 1},      {"내후년", DATE_YEAR, 2},
    {"올", DATE_YEAR_UNIT, 0},   {"이번 달", DATE_MONTH, 0},
    {"이달", DATE_MONTH, 0},     {"지난 달", DATE_MONTH, -1},
    {"다음 달", DATE_MONTH, 1},  {"내달", DATE_MONTH, 1},
    {"이번 주", DATE_WEEK, 0},   {"지난 주", DATE_WEEK, -1},
    {"다음 주", DATE_WEEK, 1},
};

/*
** A deictic date at i (올해, 지난해 8월, 지난달 15일, 이달 말, 어제),
** or a half alone (상반기).  Returns the end, or i.
*/
static size_t date_words(const unsigned char *z, size_t n, size_t i,
                         date_val *v) {
  size_t best = i, e, q;
  int k, iBest = -1;
  e = date_half(z, n, i, v);
  if (e > i) return e;
  for (k = 0; k < DATE_N(aDateDeictic); k++) {
    if (koai_num_match(z, n, i, aDateDeictic[k].z, &e) && e > best) {
      best = e;
      iBest = k;
    }
  }
  if (iBest < 0) return i;
  v->kind = aDateDeictic[iBest].kind;
  v->off = aDateDeictic[iBest].off;
  switch (v->kind) {
    case DATE_YEAR:
    case DATE_YEAR_UNIT:
      e = date_after_year(z, n, best, v);
      if (e > best) return e;
      if (v->kind == DATE_YEAR_UNIT) return i;
      break;
    case DATE_MONTH:
      q = koai_num_skip_space(z, n, best);
      e = date_day(z, n, q, 0, 0, v);
      if (e > q) return e;
      e = date_part(z, n, best, azMonthPart, DATE_N(azMonthPart));
      if (e > best) return e;
      break;
    default:
      break;
  }
  return date_end_ok(z, n, best) ? best : i;
}

/* ---- Canonical forms ---- */



/* Write the canonical form of a date with its year (or XXXX) known. */
static void date_format(const date_val *v, char *buf, size_t nBuf) {
  char zYear[8];
  if (v->decade) {
    snprintf(buf, nBuf, "%03dX", v->y / 10);
    return;
  }
  if (v->y) {
    snprintf(zYear, sizeof(zYear), "%04d", v->y);
  } else {
    memcpy(zYear, "XXXX", 5);
  }
  if (v->q) {
    snprintf(buf, nBuf, "%s-Q%d", zYear, v->q);
  } else if (v->h) {
    snprintf(buf, nBuf, "%s-H%d", zYear, v->h);
  } else if (v->m && v->d) {
    snprintf(buf, nBuf, "%s-%02d-%02d", zYear, v->m, v->d);
  } else if (v->m) {
    snprintf(buf, nBuf, "%s-%02d", zYear, v->m);
  } else if (v->d) {
    snprintf(buf, nBuf, "%s-XX-%02d", zYear, v->d);
  } else {
    snprintf(buf, nBuf, "%s", zYear);
  }
}

/*
** The canonical form of v into buf.  Returns 0 when the surface should be
** used instead (a deictic date without a usable reference).
*/
static int date_canonical(date_val *v, const koai_date *ref, int tense,
                          char *buf, size_t nBuf) {
  int ok = ref != NULL && ref->y >= 3 && ref->y <= 9997;
  switch (v->kind) {
    case DATE_YEAR:
    case DATE_YEAR_UNIT:
      if (!ok) return 0;
      v->y = ref->y + v->off;
      break;
    case DATE_MONTH: {
      int mi;
      if (!ok || ref->m == 0) return 0;
      mi = ref->y * 12 + ref->m - 1 + v->off;
      v->y = mi / 12;
      v->m = mi % 12 + 1;
      if (v->d > date_month_days(v->y, v->m)) return 0;
      break;
    }
    case DATE_WEEK: {
      int wy, wn;
      if (!ok || ref->m == 0 || ref->d == 0) return 0;
      date_iso_week(date_days(ref->y, ref->m, ref->d) + 7L * v->off, &wy, &wn);
      snprintf(buf, nBuf, "%04d-W%02d", wy, wn);
      return 1;
    }
    case DATE_DAY:
      if (!ok || ref->m == 0 || ref->d == 0) return 0;
      date_from_days(date_days(ref->y, ref->m, ref->d) + v->off, &v->y, &v->m,
                     &v->d);
      break;
    default:
      /* The spec resolves deictic words only: a date written without its
      ** year keeps XXXX even when the reference date would give one. */
      (void)tense;
      break;
  }
  date_format(v, buf, nBuf);
  return 1;
}

/* ---- The recognizer ---- */

/* 1 when a date may start at i, judging by the character before it. */
static int date_left_ok(const unsigned char *z, size_t i) {
  uint32_t c;
  size_t b;
  if (i == 0) return 1;
  b = i - 1;
  while (b > 0 && i - b < 4 && (z[b] & 0xc0) == 0x80) b--;
  koai_num_char(z, i, b, &c);
  if (koai_num_is_alnum(c) || koai_num_is_hangul(c)) return 0;
  return !(c == '.' || c == ',' || c == '-' || c == '+' || c == '/' ||
           c == ':' || c == '$' || c == '_' || c == 0x2212);
}

/*
** A copy of the caller's reference date with impossible parts cleared:
** NULL when even the year is unusable (outside 3-9997, so that a year or
** two either side still has four digits).
*/
static const koai_date *date_ref_sane(const koai_date *ref, koai_date *pCopy) {
  if (ref == NULL || ref->y < 3 || ref->y > 9997) return NULL;
  *pCopy = *ref;
  if (pCopy->m < 1 || pCopy->m > 12) pCopy->m = 0;
  if (pCopy->m == 0 || pCopy->d < 1 ||
      pCopy->d > date_month_days(pCopy->y, pCopy->m)) {
    pCopy->d = 0;
  }
  return pCopy;
}

/* 1 when a date written in words may begin with the syllable at z[i]. */
static int date_first_ok(const unsigned char *z, size_t n, size_t i) {
  static const char zFirst[] = "오금어내그모올지작재이다상하";
  size_t k;
  if (i + 3 > n) return 0;
  for (k = 0; k + 3 <= sizeof(zFirst) - 1; k += 3) {
    if (memcmp(z + i, zFirst + k, 3) == 0) return 1;
  }
  return 0;
}

/*
** Walk the text once; where a word starts with a digit or a syllable that
** can begin a date, try one; after a date, continue at its end.
*/
int koai_find_dates(const char *text, size_t n, const koai_date *ref,
                    koai_entity_list *out) {
  const unsigned char *z = (const unsigned char *)text;
  size_t i = 0;
  koai_date refCopy;
  if (z == NULL) return KOAI_OK;
  ref = date_ref_sane(ref, &refCopy);
  while (i < n) {
    uint32_t c;
    int len = koai_num_char(z, n, i, &c);
    int isDigit = c >= '0' && c <= '9';
    int isWord = koai_num_is_hangul(c) && date_first_ok(z, n, i);
    if ((isDigit || isWord) && date_left_ok(z, i)) {
      date_val v;
      size_t e;
      memset(&v, 0, sizeof(v));
      if (isDigit) {
        e = date_numeric(z, n, i, &v);
        if (e == i) {
          memset(&v, 0, sizeof(v));
          e = date_units(z, n, i, &v);
        }
      } else {
        e = date_words(z, n, i, &v);
      }
      if (e > i) {
        char buf[32];
        int tense = date_word_before(z, i, "지난")   ? -1
                    : date_word_before(z, i, "오는") ? 1
                                                     : 0;
        int rc;
        int have = date_canonical(&v, ref, tense, buf, sizeof(buf));
        rc = koai_num_emit(z, i, e, KOAI_LABEL_DATE, have ? buf : NULL, 0, 0,
                           NULL, "date", out);
        if (rc != KOAI_OK) return rc;
        i = e;
        continue;
      }
    }
    i += (size_t)len;
  }
  return KOAI_OK;
}
