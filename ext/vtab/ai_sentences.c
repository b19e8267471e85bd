/*
** ai_sentences.c: the table-valued function ai_sentences(text).
**
**   SELECT sentence, start, end FROM ai_sentences('첫 문장이다. 둘째 문장이다.');
**
** One row per sentence: `sentence` is the text exactly as written, without
** the whitespace around it; `start`/`end` are 0-based character offsets
** (substr(text, start + 1, end - start) = sentence).  Every character of
** the text is in exactly one sentence or in the whitespace between two.
**
** The rules are written for Korean news text, without a dictionary:
**   - a line break always ends a sentence, so headlines, bylines and list
**     items on their own lines are sentences of their own;
**   - a sentence ends after . ? ! … (and their full-width forms, and runs
**     of them: ?!, ...), together with the quotes and brackets that close
**     right after it (…했다." or …했다.』), when whitespace and then
**     something that can start a sentence follow; a period between two
**     Hangul syllables with no space (했다.그러나) ends one too;
**   - a period does not end a sentence in a number (3.5%, 2024.3.12), after
**     a Latin abbreviation or initial (U.S., Co., Dr., Xu L., e.g.), or
**     after a list number at the start of a sentence (1. 2. 가.);
**   - an ellipsis ends a sentence after a sentence-final ending (했다…,
**     했어요...) or non-Hangul text, not after a word that goes on (그런데…);
**   - nothing ends a sentence when a lower-case letter, a comma, a closing
**     bracket, or a particle right after a closing quote follows ("왜?"라고).
** The text is scanned a sentence at a time, each row from where the last
** one ended, with a look-ahead of a few characters: the memory used is the
** copy of the text and nothing that grows with the number of sentences.
*/
#include "vtab_args.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../analyzer/normalize.h"
#include "../analyzer/utf8.h"

#define SENT_COL_SENTENCE 0
#define SENT_COL_START 1
#define SENT_COL_END 2
#define SENT_COL_TEXT 3

/* Where a scan of one text is. */
typedef struct sent_scan {
  const unsigned char *z;
  size_t n;
  size_t pos;        /* where the search for the next sentence starts */
  int quote_open;    /* a straight double quote is open in this paragraph */
  int curly_depth;   /* “ 「 『 open and not yet closed in this paragraph */
} sent_scan;

/* How far ahead a quote's end is looked for. */
#define SENT_QUOTE_LOOKAHEAD 512

typedef struct sent_cursor {
  sqlite3_vtab_cursor base;
  unsigned char *text;          /* copy of the argument */
  size_t n;
  sent_scan scan;               /* over text */
  size_t byte_start, byte_end;  /* the current sentence */
  sqlite3_int64 char_start, char_end;
  size_t count_byte;            /* running byte -> character conversion */
  sqlite3_int64 count_char;
  sqlite3_int64 rowid;
  int eof;
} sent_cursor;

/* Latin abbreviations after which a period does not end a sentence, in
** any case (Fig., fig.). */
static const char *const azSentAbbrev[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",  "Prof", "Sr",   "Jr",   "St",  "Co",
    "Corp", "Inc",  "Ltd",  "vs",  "No",   "Vol",  "Fig",  "Gen", "Gov",
    "Sen",  "Rep",  "Jan",  "Feb", "Mar",  "Apr",  "Jun",  "Jul", "Aug",
    "Sep",  "Sept", "Oct",  "Nov", "Dec",  "Mt",   "Ave",  "Dept", "Univ",
    "Lt",   "Col",  "Capt", "Sgt", "Rev",  "Hon",  "al",   "cf",  "approx",
    "pp",   "ed",   "eds",  "Bros", "ca",  "Nos"};

/* Hangul syllables that end sentences before an ellipsis. */
static const uint32_t aSentFinal[] = {
    0xb2e4 /* 다 */, 0xc694 /* 요 */, 0xae4c /* 까 */, 0xc8e0 /* 죠 */,
    0xb124 /* 네 */, 0xad70 /* 군 */, 0xb2c8 /* 니 */, 0xb0d0 /* 냐 */,
    0xc790 /* 자 */, 0xb77c /* 라 */, 0xb798 /* 래 */};

/* Syllables used to number list items: 가. 나. 다. ... 하. */
static const uint32_t aSentMarker[] = {
    0xac00, 0xb098, 0xb2e4, 0xb77c, 0xb9c8, 0xbc14, 0xc0ac,
    0xc544, 0xc790, 0xcc28, 0xce74, 0xd0c0, 0xd30c, 0xd558};

static int sentIsNewline(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Whitespace, as the analyzer sees it (control characters included). */
static int sentIsSpace(uint32_t c) {
  if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0) return 1;
  if (sentIsNewline(c)) return 1;
  return koai_normalize_char(c) == ' ';
}

static int sentIsTerminator(uint32_t c) {
  switch (c) {
    case '.': case '?': case '!':
    case 0x2026: case 0x2025:                 /* … ‥ */
    case 0x3002: case 0xff61:                 /* 。 ｡ */
    case 0xff0e: case 0xff1f: case 0xff01:    /* ． ？ ！ */
    case 0x203c: case 0x2047: case 0x2048: case 0x2049:  /* ‼ ⁇ ⁈ ⁉ */
      return 1;
    default:
      return 0;
  }
}

/* Closing quotes and brackets that belong to the sentence before them. */
static int sentIsCloser(uint32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: case 0x201d: case 0xbb: case 0x203a:    /* ’ ” » › */
    case 0x3009: case 0x300b: case 0x300d: case 0x300f:  /* 〉 》 」 』 */
    case 0x3011: case 0x3015: case 0x301e: case 0x301f:  /* 】 〕 〞 〟 */
    case 0xff09: case 0xff3d: case 0xff5d:               /* ） ］ ｝ */
    case 0xff02: case 0xff07:                            /* ＂ ＇ */
      return 1;
    default:
      return 0;
  }
}

static int sentIsSyllable(uint32_t c) { return c >= 0xac00 && c <= 0xd7a3; }

static int sentIsAsciiLetter(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sentIsDigit(uint32_t c) { return c >= '0' && c <= '9'; }

static int sentInList(uint32_t c, const uint32_t *a, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (a[i] == c) return 1;
  }
  return 0;
}

/* The code point at byte i (the text is valid UTF-8); its length in *pLen. */
static uint32_t sentChar(const unsigned char *z, size_t n, size_t i,
                         int *pLen) {
  uint32_t c = 0;
  int len = koai_utf8_decode(z + i, n - i, &c);
  if (len == 0) {
    len = 1;
    c = z[i];
  }
  *pLen = len;
  return c;
}

/* The code point that ends before byte i, and where it starts. */
static uint32_t sentCharBefore(const unsigned char *z, size_t n, size_t i,
                               size_t *pStart) {
  size_t k = i;
  int len;
  if (i == 0) {
    *pStart = 0;
    return 0;
  }
  k--;
  while (k > 0 && (z[k] & 0xc0) == 0x80 && i - k < 4) k--;
  *pStart = k;
  return sentChar(z, n, k, &len);
}

/*
** 1 when the period at byte p follows a Latin abbreviation or initial.
** [word_start, p) holds only Latin letters and periods (the scan starts a
** new word at anything else); the letters after its last period must be a
** single letter (U.S, Xu L, e.g) or a word of azSentAbbrev.  Looking back
** only to that period keeps a long run of initials linear.
*/
static int sentIsAbbreviation(const unsigned char *z, size_t word_start,
                              size_t p) {
  size_t s = p, i;
  while (s > word_start && z[s - 1] != '.') s--;
  if (p - s == 1) return 1;
  for (i = 0; i < sizeof(azSentAbbrev) / sizeof(azSentAbbrev[0]); i++) {
    if (strlen(azSentAbbrev[i]) == p - s &&
        sqlite3_strnicmp(azSentAbbrev[i], (const char *)z + s, (int)(p - s)) ==
            0) {
      return 1;
    }
  }
  return 0;
}

/* 1 when the sentence so far, z[s..p), is a list number: 1 to 3 digits or
** one of 가 나 다 ... 하. */
static int sentIsListMarker(const unsigned char *z, size_t n, size_t s,
                            size_t p) {
  size_t k;
  int len;
  if (p > s && p - s <= 3) {
    for (k = s; k < p && sentIsDigit(z[k]); k++) {
    }
    if (k == p) return 1;
  }
  if (p - s == 3) {
    uint32_t c = sentChar(z, n, s, &len);
    return sentInList(c, aSentMarker,
                      sizeof(aSentMarker) / sizeof(aSentMarker[0]));
  }
  return 0;
}

static int sentIsStraightQuote(uint32_t c) { return c == '"' || c == 0xff02; }

static int sentIsCurlyOpen(uint32_t c) {
  return c == 0x201c || c == 0x300c || c == 0x300e;   /* “ 「 『 */
}

static int sentIsCurlyClose(uint32_t c) {
  return c == 0x201d || c == 0x300d || c == 0x300f;   /* ” 」 』 */
}

/*
** 1 when the quote open at byte r closes, within the look-ahead and on
** the same line, right before a Hangul syllable: the quoted sentences are
** part of a longer one (그는 "아니요. 시작일 뿐입니다."라고 답했다).
*/
static int sentQuoteGoesOn(const unsigned char *z, size_t n, size_t r) {
  size_t limit = n - r > SENT_QUOTE_LOOKAHEAD ? r + SENT_QUOTE_LOOKAHEAD : n;
  int len;
  while (r < limit) {
    uint32_t c = sentChar(z, n, r, &len);
    if (sentIsNewline(c)) return 0;
    r += (size_t)len;
    if (sentIsStraightQuote(c) || sentIsCurlyClose(c)) {
      return r < n && sentIsSyllable(sentChar(z, n, r, &len));
    }
  }
  return 0;
}

/*
** Whether the terminators at [p, q) end the sentence that started at s.
** *pEnd receives where the sentence ends (after the quotes and brackets
** that close there).  word_start is where the current run of Latin
** letters and periods began; hasContent is 1 when the sentence so far has
** a letter or digit.
*/
static int sentIsBreak(sent_scan *sc, size_t s, size_t p, size_t q,
                       size_t word_start, int hasContent, size_t *pEnd) {
  const unsigned char *z = sc->z;
  size_t n = sc->n, r = q, before, k;
  uint32_t prev = sentCharBefore(z, n, p, &before), c;
  int len, nDots = 0, nOther = 0, hasEllipsisChar = 0, closers = 0;
  int single, ellipsis, quoteOpen = sc->quote_open, curly = sc->curly_depth;
  for (k = p; k < q; k += (size_t)len) {
    c = sentChar(z, n, k, &len);
    if (c == '.' || c == 0xff0e) {
      nDots++;
    } else if (c == 0x2026 || c == 0x2025) {
      hasEllipsisChar = 1;
    } else {
      nOther++;
    }
  }
  single = q - p == 1;                    /* one ASCII . ? ! */
  ellipsis = nOther == 0 && (nDots >= 2 || hasEllipsisChar);
  *pEnd = q;
  if (!hasContent) return 0;
  if (single && z[p] == '.') {
    if (sentIsDigit(prev) && q < n && sentIsDigit(z[q])) return 0;
    if (sentIsAsciiLetter(prev) && sentIsAbbreviation(z, word_start, p)) {
      return 0;
    }
    if (sentIsListMarker(z, n, s, p)) return 0;
  }
  /* Closing quotes and brackets right after the terminators. */
  while (r < n) {
    c = sentChar(z, n, r, &len);
    if (!sentIsCloser(c)) break;
    if (sentIsStraightQuote(c)) {
      /* Closes the open quote; with none open, it opens the next one. */
      if (!quoteOpen) break;
      quoteOpen = 0;
    } else if (sentIsCurlyClose(c)) {
      if (curly > 0) curly--;
    } else if (c == '\'') {
      /* Closes when a space, another closer, the end or a particle
      ** follows ('했다.'라고); else it opens the next quote. */
      int lenNext;
      uint32_t next = r + 1 < n ? sentChar(z, n, r + 1, &lenNext) : ' ';
      if (!sentIsSpace(next) && !sentIsCloser(next) && !sentIsSyllable(next)) {
        break;
      }
    }
    r += (size_t)len;
    closers++;
  }
  *pEnd = r;
  if (r < n) {
    c = sentChar(z, n, r, &len);
    if (!sentIsSpace(c)) {
      /* 했다.그러나 or 했다."이건: after a syllable, a terminator with no
      ** space ends a sentence only before a syllable or an opening quote. */
      if (!(single && closers == 0 && sentIsSyllable(prev) &&
            (sentIsSyllable(c) || sentIsStraightQuote(c) || c == 0x201c ||
             c == 0x300c || c == 0x300e))) {
        return 0;
      }
    } else {
      if (ellipsis && sentIsSyllable(prev) &&
          !sentInList(prev, aSentFinal,
                      sizeof(aSentFinal) / sizeof(aSentFinal[0]))) {
        return 0;
      }
      /* Inside a quote that a particle follows, the sentence goes on. */
      if ((quoteOpen || curly > 0) && sentQuoteGoesOn(z, n, r)) return 0;
      /* Whitespace follows: look at what comes after it. */
      while (r < n) {
        c = sentChar(z, n, r, &len);
        if (sentIsNewline(c) || !sentIsSpace(c)) break;
        r += (size_t)len;
      }
      /* A lower-case word goes on after Latin text (p. 5, e.g. the); a
      ** comma, a closing bracket or more punctuation goes on after any. */
      if (r < n && !sentIsNewline(c) &&
          ((c >= 'a' && c <= 'z' && !sentIsSyllable(prev)) || c == ',' ||
           c == ';' || c == ':' || c == ')' || c == ']' || c == '}' ||
           sentIsTerminator(c))) {
        return 0;
      }
    }
  }
  sc->quote_open = quoteOpen;
  sc->curly_depth = curly;
  return 1;
}

/*
** Find the next sentence at or after sc->pos: its bytes [*pStart, *pEnd).
** Returns 0 when only whitespace is left.
*/
static int sentNext(sent_scan *sc, size_t *pStart, size_t *pEnd) {
  const unsigned char *z = sc->z;
  size_t n = sc->n, i = sc->pos, s, lastEnd, word_start;
  int len, hasContent = 0;
  uint32_t c;
  while (i < n) {
    c = sentChar(z, n, i, &len);
    if (!sentIsSpace(c)) break;
    if (sentIsNewline(c)) sc->quote_open = sc->curly_depth = 0;
    i += (size_t)len;
  }
  if (i >= n) {
    sc->pos = n;
    return 0;
  }
  s = lastEnd = word_start = i;
  while (i < n) {
    c = sentChar(z, n, i, &len);
    if (sentIsNewline(c)) {
      /* A line break ends the sentence and the paragraph's quotes. */
      sc->quote_open = sc->curly_depth = 0;
      sc->pos = i + (size_t)len;
      *pStart = s;
      *pEnd = lastEnd;
      return 1;
    }
    if (sentIsTerminator(c)) {
      size_t q = i, end;
      int lenQ;
      while (q < n && sentIsTerminator(sentChar(z, n, q, &lenQ))) {
        q += (size_t)lenQ;
      }
      if (sentIsBreak(sc, s, i, q, word_start, hasContent, &end)) {
        sc->pos = end;
        *pStart = s;
        *pEnd = end;
        return 1;
      }
      /* Not an end: the terminators are part of the sentence, and a
      ** single period part of an abbreviation (U.S.). */
      if (!(q - i == 1 && c == '.')) word_start = q;
      lastEnd = q;
      i = q;
      continue;
    }
    if (!sentIsSpace(c)) {
      lastEnd = i + (size_t)len;
      if (u_isalnum((UChar32)c)) hasContent = 1;
      if (sentIsStraightQuote(c)) sc->quote_open = !sc->quote_open;
      if (sentIsCurlyOpen(c)) sc->curly_depth++;
      if (sentIsCurlyClose(c) && sc->curly_depth > 0) sc->curly_depth--;
    }
    if (!(sentIsAsciiLetter(c) || c == '.')) word_start = i + (size_t)len;
    i += (size_t)len;
  }
  sc->pos = n;
  *pStart = s;
  *pEnd = lastEnd;
  return 1;
}

static int sentConnect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr) {
  sqlite3_vtab *pNew;
  int rc;
  (void)pAux;
  (void)argc;
  (void)argv;
  (void)pzErr;
  rc = sqlite3_declare_vtab(db,
                            "CREATE TABLE x(sentence TEXT, start INTEGER, "
                            "end INTEGER, text HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  pNew = sqlite3_malloc(sizeof(*pNew));
  if (pNew == NULL) return SQLITE_NOMEM;
  memset(pNew, 0, sizeof(*pNew));
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = pNew;
  return SQLITE_OK;
}

static int sentDisconnect(sqlite3_vtab *pVtab) {
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

static int sentOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCursor) {
  sent_cursor *cur;
  (void)pVtab;
  cur = sqlite3_malloc(sizeof(*cur));
  if (cur == NULL) return SQLITE_NOMEM;
  memset(cur, 0, sizeof(*cur));
  cur->eof = 1;
  *ppCursor = &cur->base;
  return SQLITE_OK;
}

/* Forget the current text. */
static void sentReset(sent_cursor *cur) {
  free(cur->text);
  memset((char *)cur + sizeof(cur->base), 0, sizeof(*cur) - sizeof(cur->base));
  cur->eof = 1;
}

static int sentClose(sqlite3_vtab_cursor *pCur) {
  sent_cursor *cur = (sent_cursor *)pCur;
  sentReset(cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Character offset of byte b; b never decreases within one text. */
static sqlite3_int64 sentCharOffset(sent_cursor *cur, size_t b) {
  cur->count_char +=
      (sqlite3_int64)koai_utf8_count(cur->text + cur->count_byte,
                                     b - cur->count_byte);
  cur->count_byte = b;
  return cur->count_char;
}

/* Move to the next sentence, or to the end. */
static int sentAdvance(sent_cursor *cur) {
  if (!sentNext(&cur->scan, &cur->byte_start, &cur->byte_end)) {
    cur->eof = 1;
    return SQLITE_OK;
  }
  cur->char_start = sentCharOffset(cur, cur->byte_start);
  cur->char_end = sentCharOffset(cur, cur->byte_end);
  cur->rowid++;
  return SQLITE_OK;
}

static int sentFilter(sqlite3_vtab_cursor *pCur, int idxNum,
                      const char *idxStr, int argc, sqlite3_value **argv) {
  sent_cursor *cur = (sent_cursor *)pCur;
  sqlite3_vtab *pVtab = pCur->pVtab;
  const unsigned char *z;
  int n, rc;
  (void)idxStr;
  sentReset(cur);
  rc = koai_vtab_text(pVtab, "ai_sentences",
                      idxNum && argc >= 1 ? argv[0] : NULL, &z, &n);
  if (rc != SQLITE_OK || z == NULL) return rc;
  cur->text = malloc((size_t)n + 1);
  if (cur->text == NULL) return SQLITE_NOMEM;
  memcpy(cur->text, z, (size_t)n);
  cur->text[n] = 0;
  cur->n = (size_t)n;
  cur->scan.z = cur->text;
  cur->scan.n = cur->n;
  cur->eof = 0;
  return sentAdvance(cur);
}

static int sentNextRow(sqlite3_vtab_cursor *pCur) {
  return sentAdvance((sent_cursor *)pCur);
}

static int sentEof(sqlite3_vtab_cursor *pCur) {
  return ((sent_cursor *)pCur)->eof;
}

static int sentColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx,
                      int iCol) {
  sent_cursor *cur = (sent_cursor *)pCur;
  switch (iCol) {
    case SENT_COL_SENTENCE:
      sqlite3_result_text(ctx, (const char *)cur->text + cur->byte_start,
                          (int)(cur->byte_end - cur->byte_start),
                          SQLITE_TRANSIENT);
      break;
    case SENT_COL_START:
      sqlite3_result_int64(ctx, cur->char_start);
      break;
    case SENT_COL_END:
      sqlite3_result_int64(ctx, cur->char_end);
      break;
    default:
      sqlite3_result_text(ctx, (const char *)cur->text, (int)cur->n,
                          SQLITE_TRANSIENT);
      break;
  }
  return SQLITE_OK;
}

static int sentRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid) {
  *pRowid = ((sent_cursor *)pCur)->rowid;
  return SQLITE_OK;
}

/* The text argument, bound by equality (see koai_vtab_best_index). */
static int sentBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *info) {
  (void)pVtab;
  return koai_vtab_best_index(info, SENT_COL_TEXT, 1, 100, 10);
}

static sqlite3_module sentModule = {
    0,              /* iVersion */
    0,              /* xCreate: eponymous only */
    sentConnect,    /* xConnect */
    sentBestIndex,  /* xBestIndex */
    sentDisconnect, /* xDisconnect */
    0,              /* xDestroy */
    sentOpen,       /* xOpen */
    sentClose,      /* xClose */
    sentFilter,     /* xFilter */
    sentNextRow,    /* xNext */
    sentEof,        /* xEof */
    sentColumn,     /* xColumn */
    sentRowid,      /* xRowid */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int koai_register_ai_sentences(sqlite3 *db) {
  return sqlite3_create_module(db, "ai_sentences", &sentModule, NULL);
}
