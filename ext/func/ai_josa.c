/*
** ai_josa.c: the scalar function ai_josa(word, pair).
**
**   SELECT ai_josa('서울', '으로/로');       -- '서울로'
**   SELECT ai_josa('GPT-4', '이/가');        -- 'GPT-4가'
**
** Returns the word followed by the form of the particle that fits the
** sound the word ends with.  A pair names two forms: one for after a final
** consonant and one for after a vowel.  The known pairs (을/를, 은/는,
** 이/가, 과/와, 아/야, 이에요/예요, 이었다/였다) and any pair whose longer
** form is the shorter with 이 or 으 in front (이나/나, 이랑/랑, 이며/며,
** 으로/로, 으로서/로서, ...) are recognized in either order; for any other
** pair the first form is the one after a consonant.  In the 으 family
** (으로/로) a final ㄹ counts as a vowel: 서울로, 1로.
**
** The sound a word ends with, read from the end:
**   - a bracketed part at the end is an aside and skipped, as in Korean
**     writing: 삼성(005930) takes the particle of 삼성; trailing quotes and
**     punctuation are skipped too;
**   - a Hangul syllable (composed or not) by its final consonant; a lone
**     consonant jamo by its name (ㄱ 기역, ㄹ 리을), a lone vowel as a vowel;
**   - a number as Koreans read it: 3 삼, 10 십, 100 백, 1,000 천, 20000 이만,
**     3.5 삼 점 오; a single digit right after Latin letters in English, as
**     model and paper names are read (GPT-4 포, A4 포, F1 원);
**   - Latin letters: an acronym or a capital at the end by the letter's
**     English name (A 에이, L 엘, M 엠, N 엔, R 알; GPT 티, OpenAI 아이); a
**     lower-case word by an English-like reading of its ending (Google 구글,
**     iPhone 아이폰, Facebook 페이스북, web 웹, YouTube 유튜브);
**   - anything else (hanja, other scripts, an empty word) cannot be
**     decided, and both forms are given as Korean writes them then:
**     을(를), 이(가), (으)로, (이)나.
*/
#include "../koai_internal.h"

#include <string.h>
#include <unicode/uchar.h>

#include "../analyzer/normalize.h"
#include "func_args.h"
#include "hangul.h"

/* How a word ends, for choosing a form. */
#define JOSA_VOWEL 0
#define JOSA_RIEUL 1       /* final ㄹ */
#define JOSA_CONSONANT 2   /* any other final consonant */
#define JOSA_UNKNOWN 3

/* Longest form of a particle accepted, in bytes. */
#define JOSA_MAX_FORM 64

/* How far back the opening bracket of an aside is looked for. */
#define JOSA_MAX_ASIDE 256

/* One code point of the word, folded as the analyzer folds it. */
typedef struct josa_char {
  uint32_t c;        /* after koai_normalize_char: full-width is ASCII */
  koai_syllable s;   /* when is_syllable */
  int is_syllable;
} josa_char;

/* The two forms of a particle. */
typedef struct josa_pair {
  char zCons[JOSA_MAX_FORM];   /* after a final consonant */
  char zVowel[JOSA_MAX_FORM];  /* after a vowel */
  int rieul_as_vowel;          /* 으로 family: ㄹ takes the vowel form */
  int prefix_form;             /* the consonant form is 이/으 + the other */
} josa_pair;

/* Pairs whose forms are not one another with 이/으 in front. */
static const char *const aJosaKnown[][2] = {
    {"을", "를"}, {"은", "는"}, {"이", "가"}, {"과", "와"},
    {"아", "야"}, {"이에요", "예요"}, {"이었다", "였다"},
};

/* 1 when z[0..n) is non-empty and made only of Hangul syllables. */
static int josaIsHangulForm(const char *z, int n) {
  const unsigned char *u = (const unsigned char *)z;
  int i = 0;
  if (n <= 0 || n >= JOSA_MAX_FORM) return 0;
  while (i < n) {
    uint32_t c;
    int len = koai_utf8_decode(u + i, (size_t)(n - i), &c);
    if (len == 0 || c < KOAI_HANGUL_FIRST || c > KOAI_HANGUL_LAST) return 0;
    i += len;
  }
  return 1;
}

/* 1 when zLong is zShort with 이 or 으 in front; *pEu is 1 for 으. */
static int josaIsPrefixed(const char *zLong, const char *zShort, int *pEu) {
  size_t nLong = strlen(zLong), nShort = strlen(zShort);
  if (nLong != nShort + 3 || strcmp(zLong + 3, zShort) != 0) return 0;
  if (memcmp(zLong, "이", 3) == 0) {
    *pEu = 0;
    return 1;
  }
  if (memcmp(zLong, "으", 3) == 0) {
    *pEu = 1;
    return 1;
  }
  return 0;
}

/*
** Parse "A/B" into p.  Returns 0, or 1 when the pair is malformed: not two
** non-empty forms of Hangul syllables separated by one '/'.
*/
static int josaParsePair(const char *z, int n, josa_pair *p) {
  const char *zSlash = memchr(z, '/', (size_t)n);
  int nA, nB, eu = 0;
  size_t i;
  const char *zB;
  if (zSlash == NULL) return 1;
  nA = (int)(zSlash - z);
  zB = zSlash + 1;
  nB = n - nA - 1;
  if (!josaIsHangulForm(z, nA) || !josaIsHangulForm(zB, nB)) return 1;
  memset(p, 0, sizeof(*p));
  memcpy(p->zCons, z, (size_t)nA);
  memcpy(p->zVowel, zB, (size_t)nB);
  for (i = 0; i < sizeof(aJosaKnown) / sizeof(aJosaKnown[0]); i++) {
    if (strcmp(p->zCons, aJosaKnown[i][1]) == 0 &&
        strcmp(p->zVowel, aJosaKnown[i][0]) == 0) {
      strcpy(p->zCons, aJosaKnown[i][0]);
      strcpy(p->zVowel, aJosaKnown[i][1]);
      return 0;
    }
  }
  if (josaIsPrefixed(p->zVowel, p->zCons, &eu)) {
    char zTmp[JOSA_MAX_FORM];
    strcpy(zTmp, p->zCons);
    strcpy(p->zCons, p->zVowel);
    strcpy(p->zVowel, zTmp);
  }
  if (josaIsPrefixed(p->zCons, p->zVowel, &eu)) {
    p->prefix_form = 1;
    p->rieul_as_vowel = eu;
  }
  return 0;
}

/* Opening bracket that matches closing bracket c, or 0. */
static uint32_t josaOpener(uint32_t c) {
  switch (c) {
    case ')': return '(';
    case ']': return '[';
    case '}': return '{';
    case 0x3009: return 0x3008;   /* 〉 */
    case 0x300b: return 0x300a;   /* 》 */
    case 0x3011: return 0x3010;   /* 】 */
    case 0x3015: return 0x3014;   /* 〕 */
    default: return 0;
  }
}

/* 1 for a character that carries sound: a letter, digit or syllable. */
static int josaIsSounding(const josa_char *a) {
  return a->is_syllable || u_isalnum((UChar32)a->c);
}

/*
** The number of characters of a[0..n) that remain when the bracketed
** asides, quotes and punctuation at the end are taken off.  *pUnit is set
** when a unit sign that is read with a vowel ends the word (% 퍼센트, ° 도).
** A closing bracket's opener is looked for at most JOSA_MAX_ASIDE
** characters back, which keeps pathological input (a long run of closing
** brackets) linear.
*/
static int josaSoundingEnd(const josa_char *a, int n, int *pUnit) {
  int end = n, first = 0;
  *pUnit = 0;
  while (first < n && !josaIsSounding(&a[first])) first++;
  while (end > 0) {
    uint32_t c = a[end - 1].c, open = josaOpener(c);
    if (open) {
      int depth = 0, k, j = -1;
      for (k = end - 1; k >= 0 && k >= end - JOSA_MAX_ASIDE && j < 0; k--) {
        if (a[k].c == c) depth++;
        if (a[k].c == open && --depth == 0) j = k;
      }
      /* Skip "(...)" when something sounding comes before it; otherwise
      ** only its closing bracket, so that "(주)" reads 주. */
      end = j > first ? j : end - 1;
    } else if (c == '%' || c == 0x2030 || c == 0xb0 || c == 0x2103 ||
               c == 0x2109) {
      *pUnit = 1;   /* 퍼센트, 퍼밀, 도 */
      return end;
    } else if (!josaIsSounding(&a[end - 1])) {
      end--;
    } else {
      break;
    }
  }
  return end;
}

/* How the Korean reading of one digit ends (영 일 이 삼 사 오 육 칠 팔 구). */
static int josaKoreanDigit(uint32_t d) {
  static const unsigned char aEnd[10] = {
      JOSA_CONSONANT, JOSA_RIEUL, JOSA_VOWEL,     JOSA_CONSONANT,
      JOSA_VOWEL,     JOSA_VOWEL, JOSA_CONSONANT, JOSA_RIEUL,
      JOSA_RIEUL,     JOSA_VOWEL};
  return aEnd[d - '0'];
}

/* How the English name of one digit ends (제로 원 투 쓰리 포 파이브 식스
** 세븐 에이트 나인). */
static int josaEnglishDigit(uint32_t d) {
  static const unsigned char aEnd[10] = {
      JOSA_VOWEL, JOSA_CONSONANT, JOSA_VOWEL, JOSA_VOWEL, JOSA_VOWEL,
      JOSA_VOWEL, JOSA_VOWEL,     JOSA_CONSONANT, JOSA_VOWEL,
      JOSA_CONSONANT};
  return aEnd[d - '0'];
}

static int josaIsDigit(uint32_t c) { return c >= '0' && c <= '9'; }

static int josaIsLatin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
** How the number ending at a[end-1] is read.  Its integer part is read
** with Korean units: the last non-zero digit, or 십 백 천 for one to three
** zeros, or the group unit 만 억 조 경 after more; a decimal part digit by
** digit.
*/
static int josaNumber(const josa_char *a, int end) {
  int k = end - 1, zeros = 0, sawPoint = 0;
  int start;
  /* Find the start: digits, and commas or one point between digits. */
  while (k > 0 && (josaIsDigit(a[k - 1].c) ||
                   ((a[k - 1].c == ',' || a[k - 1].c == '.') && k > 1 &&
                    josaIsDigit(a[k - 2].c)))) {
    k--;
  }
  start = k;
  for (k = start; k < end; k++) sawPoint |= a[k].c == '.';
  /* One digit right after Latin letters (GPT-4, A4): its English name. */
  if (end - start == 1 && start > 0 &&
      (josaIsLatin(a[start - 1].c) ||
       (a[start - 1].c == '-' && start > 1 && josaIsLatin(a[start - 2].c)))) {
    return josaEnglishDigit(a[start].c);
  }
  if (sawPoint) return josaKoreanDigit(a[end - 1].c);
  for (k = end - 1; k >= start; k--) {
    if (a[k].c == ',') continue;
    if (a[k].c != '0') break;
    zeros++;
  }
  if (k < start) return JOSA_CONSONANT;    /* 0, 00: 영 */
  if (zeros == 0) return josaKoreanDigit(a[end - 1].c);
  if (zeros <= 3) return JOSA_CONSONANT;   /* 십 백 천 */
  switch (zeros / 4) {
    case 1: return JOSA_CONSONANT;         /* 만 */
    case 2: return JOSA_CONSONANT;         /* 억 */
    case 3: return JOSA_VOWEL;             /* 조 */
    case 4: return JOSA_CONSONANT;         /* 경 */
    default: return JOSA_UNKNOWN;
  }
}

/* How the English name of a letter ends: only L 엘, M 엠, N 엔, R 알 end
** in a consonant. */
static int josaLetterName(uint32_t c) {
  if (c >= 'a' && c <= 'z') c -= 32;
  if (c == 'L' || c == 'R') return JOSA_RIEUL;
  if (c == 'M' || c == 'N') return JOSA_CONSONANT;
  return JOSA_VOWEL;
}

static int josaIsVowelLetter(uint32_t c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/*
** How a lower-case English word w[0..n) (folded) sounds at its end when
** written in Hangul.  A silent e after a consonant is dropped (phone,
** google, game); then -ng is ㅇ, -m ㅁ, -n ㄴ, -l ㄹ; -ck and -ook are ㄱ
** (facebook, talk), -b and -p after one vowel letter ㅂ (web, app); everything
** else ends in a vowel sound (브, 트, 스, 터: youtube, chat, windows).
*/
static int josaEnglishWord(const char *w, int n) {
  int silentE = 0;
  char last, prev;
  if (n >= 3 && w[n - 1] == 'e' && !josaIsVowelLetter((uint32_t)w[n - 2])) {
    n--;
    silentE = 1;
  }
  last = w[n - 1];
  prev = n >= 2 ? w[n - 2] : 0;
  if (last == 'g' && prev == 'n') return JOSA_CONSONANT;
  if (last == 'm' || last == 'n') return JOSA_CONSONANT;
  if (last == 'l') return JOSA_RIEUL;
  if (silentE) return JOSA_VOWEL;
  if (last == 'k' && (prev == 'c' || (prev == 'o' && n >= 3 &&
                                      w[n - 3] == 'o') ||
                      (prev == 'l' && n >= 3 && w[n - 3] == 'a'))) {
    return JOSA_CONSONANT;   /* facebook 북, slack 랙, talk 톡 */
  }
  if (last == 'b' || last == 'p') {
    int k = n - 2;
    if (k >= 0 && w[k] == last) k--;   /* app */
    if (k >= 0 && josaIsVowelLetter((uint32_t)w[k]) &&
        (k == 0 || !josaIsVowelLetter((uint32_t)w[k - 1]))) {
      return JOSA_CONSONANT;   /* web 웹, app 앱; but jeep 지프 */
    }
  }
  return JOSA_VOWEL;
}

/* How the Latin word ending at a[end-1] sounds. */
static int josaLatin(const josa_char *a, int end) {
  char w[32] = {0};
  int start = end, n, k;
  while (start > 0 && josaIsLatin(a[start - 1].c)) start--;
  n = end - start;
  /* A single letter, or a capital at the end: the letter's name. */
  if (n == 1 || (a[end - 1].c >= 'A' && a[end - 1].c <= 'Z')) {
    return josaLetterName(a[end - 1].c);
  }
  if (n > (int)sizeof(w)) {
    start = end - (int)sizeof(w);
    n = (int)sizeof(w);
  }
  for (k = 0; k < n; k++) {
    uint32_t c = a[start + k].c;
    w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return josaEnglishWord(w, n);
}

/* How the sounding part a[0..end) ends. */
static int josaEnding(const josa_char *a, int end) {
  const josa_char *last;
  if (end == 0) return JOSA_UNKNOWN;
  last = &a[end - 1];
  if (last->is_syllable) {
    if (last->s.t == KOAI_T_NONE) return JOSA_VOWEL;
    return last->s.t == KOAI_T_L ? JOSA_RIEUL : JOSA_CONSONANT;
  }
  if (koai_hangul_is_consonant_jamo(last->c)) {
    return last->c == 0x3139 ? JOSA_RIEUL : JOSA_CONSONANT;  /* 리을 */
  }
  if (last->c >= 0x314f && last->c <= 0x3163) return JOSA_VOWEL;
  if (josaIsDigit(last->c)) return josaNumber(a, end);
  if (josaIsLatin(last->c)) return josaLatin(a, end);
  return JOSA_UNKNOWN;
}

/*
** Read the word z[0..n) into an array of characters (syllables, composed
** or decomposed, as one).  Returns the count, or -1 when out of memory.
*/
static int josaReadWord(const unsigned char *z, int n, josa_char **paOut) {
  josa_char *a = sqlite3_malloc64(sizeof(josa_char) * ((sqlite3_uint64)n + 1));
  int i = 0, m = 0;
  if (a == NULL) return -1;
  while (i < n) {
    josa_char *p = &a[m++];
    int len = koai_hangul_syllable(z + i, (size_t)(n - i), &p->s);
    if (len > 0) {
      p->is_syllable = 1;
      p->c = KOAI_HANGUL_FIRST;
    } else {
      p->is_syllable = 0;
      len = koai_utf8_decode(z + i, (size_t)(n - i), &p->c);
      if (len == 0) len = 1;  /* not reached: the text was checked */
      p->c = koai_normalize_char(p->c);
    }
    i += len;
  }
  *paOut = a;
  return m;
}

/* ai_josa(word, pair): the word and the form of the particle that fits. */
static void koaiJosaFunc(sqlite3_context *ctx, int argc,
                         sqlite3_value **argv) {
  const unsigned char *zWord, *zPair;
  int nWord, nPair, nChar, how, unit, nA, nB;
  josa_char *a = NULL;
  josa_pair pair;
  const char *zA, *zB;
  char *zOut, *p;
  (void)argc;
  if (!koai_func_text_arg(ctx, "ai_josa", argv[0], &zWord, &nWord)) return;
  if (!koai_func_text_arg(ctx, "ai_josa", argv[1], &zPair, &nPair)) return;
  if (josaParsePair((const char *)zPair, nPair, &pair)) {
    koai_func_error(ctx,
                    "ai_josa: bad pair '%.*s' (two Hangul forms such as 을/를)",
                    nPair, zPair);
    return;
  }
  nChar = josaReadWord(zWord, nWord, &a);
  if (nChar < 0) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  nChar = josaSoundingEnd(a, nChar, &unit);
  how = unit ? JOSA_VOWEL : josaEnding(a, nChar);
  sqlite3_free(a);
  /* The particle: one form, or both as Korean writes them when the sound
  ** is unknown: 을(를), and (으)로 for the 이/으 families. */
  zA = "";
  zB = "";
  if (how == JOSA_VOWEL || (how == JOSA_RIEUL && pair.rieul_as_vowel)) {
    zA = pair.zVowel;
  } else {
    zA = pair.zCons;
    if (how == JOSA_UNKNOWN) zB = pair.zVowel;
  }
  nA = (int)strlen(zA);
  nB = (int)strlen(zB);
  zOut = sqlite3_malloc64((sqlite3_uint64)nWord + (sqlite3_uint64)nA +
                          (sqlite3_uint64)nB + 3);
  if (zOut == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  p = zOut;
  if (nWord > 0) memcpy(p, zWord, (size_t)nWord);
  p += nWord;
  if (nB == 0) {
    memcpy(p, zA, (size_t)nA);
    p += nA;
  } else if (pair.prefix_form) {
    *p++ = '(';
    memcpy(p, zA, 3);   /* 이 or 으 */
    p += 3;
    *p++ = ')';
    memcpy(p, zB, (size_t)nB);
    p += nB;
  } else {
    memcpy(p, zA, (size_t)nA);
    p += nA;
    *p++ = '(';
    memcpy(p, zB, (size_t)nB);
    p += nB;
    *p++ = ')';
  }
  sqlite3_result_text(ctx, zOut, (int)(p - zOut), sqlite3_free);
}

int koai_register_ai_josa(sqlite3 *db) {
  return sqlite3_create_function(
      db, "ai_josa", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
      NULL, koaiJosaFunc, NULL, NULL);
}
