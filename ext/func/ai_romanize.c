/*
** ai_romanize.c: the scalar function ai_romanize(text [, mode]).
**
**   SELECT ai_romanize('왕십리');               -- 'wangsimni'
**   SELECT ai_romanize('신라', 'letters');      -- 'sinra'
**   SELECT ai_romanize('없었습니다', 'translit'); -- 'eobs-eoss-seubnida'
**
** The Revised Romanization of Korean (국어의 로마자 표기법, Ministry of
** Culture and Tourism notice 2000-8), in lower case.  Hangul syllables,
** composed or decomposed, are romanized; every other character is kept as
** it is.  A run of syllables without anything between them is one word:
** sound changes happen inside it, never across a space.
**
** Modes:
**   'standard' (the default) writes the pronunciation, as the rules ask
**     (chapter 1, article 1; chapter 3, article 1): the final consonant
**     moves to a following vowel (백암 baegam), nasals and ㄹ assimilate
**     (백마 baengma, 종로 jongno, 왕십리 wangsimni, 신라 silla, 별내
**     byeollae), ㄷ ㅌ before 이 palatalize (같이 gachi, 굳이 guji), ㅎ merges
**     with ㄱ ㄷ ㅂ ㅈ into an aspirate (좋고 joko, 잡혀 japyeo) except in
**     nouns, where ㅎ is written (묵호 mukho, 집현전 jiphyeonjeon), and tense
**     consonants are not written (압구정 apgujeong);
**   'letters' romanizes each syllable as if it stood alone, with no sound
**     change between syllables (신라 sinra, 복남 boknam): what article 4
**     asks for the given names of people;
**   'translit' is the letter-for-letter transliteration of article 8, from
**     which the Hangul can be restored: ㄱ ㄷ ㅂ ㄹ are always g d b l, final
**     consonants are written as spelled, and a hyphen marks a silent ㅇ or
**     a place where the letters could be read two ways.
**
** The standard mode asks koai's morphological analyzer where morphemes
** begin and what they are, for the rules that depend on it: ㅎ in nouns,
** ㄴㄴ for ㄹ after ㄴ in 신문로 or 의견란 (a one-syllable word after a longer
** one, standard pronunciation article 20), a final consonant before a
** content word that starts with a vowel (겉옷 geodot, article 15), ㄴ
** inserted between the nouns of a compound (알약 allyak, article 29), and
** ㄺ before ㄱ in verbs (읽고 ilgo).  What only a pronouncing dictionary
** knows is not guessed: 학여울 [항녀울] is one dictionary word, so it is
** hagyeoul here, not the rules' Hangnyeoul.
*/
#include "../koai_internal.h"

#include <string.h>

#include "../analyzer/morph.h"
#include "func_args.h"
#include "hangul.h"

#define ROMAN_STANDARD 0
#define ROMAN_LETTERS 1
#define ROMAN_TRANSLIT 2

/* What a morpheme is, for the rules. */
#define ROMAN_CLS_NONE 0         /* not analysed */
#define ROMAN_CLS_NOMINAL 1      /* nouns, pronouns, numerals */
#define ROMAN_CLS_PREDICATE 2    /* verbs, adjectives */
#define ROMAN_CLS_FUNCTIONAL 3   /* particles, endings, suffixes, copula */
#define ROMAN_CLS_OTHER 4        /* adverbs, determiners, roots, ... */

/* What comes before a syllable. */
#define ROMAN_BOUND_NONE 0       /* the same morpheme */
#define ROMAN_BOUND_PART 1       /* the next part of a dictionary compound */
#define ROMAN_BOUND_MORPH 2      /* the next morpheme */

/* A morpheme, or a part of a compound, as byte offsets of the input. */
typedef struct roman_elem {
  size_t start, end;
  unsigned char cls;
  unsigned char bound;           /* what starts at `start` */
} roman_elem;

/* One syllable of a word being romanized. */
typedef struct roman_syl {
  koai_syllable s;               /* l and t are rewritten by the rules */
  int elem;                      /* index of its element, -1 if none */
  int elem_len;                  /* syllables of that element in this word */
  unsigned char cls;
  unsigned char bound;
} roman_syl;

/* Everything one call works with. */
typedef struct roman_ctx {
  int mode;
  roman_elem *aElem;
  int nElem, nElemAlloc;
  roman_syl *aSyl;               /* the current word */
  int nSyl, nSylAlloc;
  int rc;                        /* SQLITE_OK or SQLITE_NOMEM */
} roman_ctx;

/* The connection's analyzer, made on first use of the standard mode. */
typedef struct roman_global {
  koai_analyzer *analyzer;
} roman_global;

static const char *const azRomanVowel[KOAI_HANGUL_N_VOWEL] = {
    "a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
    "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};

/* Initials; ㄹ is r here, l after ㄹ (standard) or always (translit). */
static const char *const azRomanInitial[19] = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "",  "j", "jj", "ch", "k", "t", "p", "h"};

/* Finals as spelled, for translit. */
static const char *const azRomanSpelled[KOAI_HANGUL_N_FINAL] = {
    "",  "g",  "kk", "gs", "n",  "nj", "nh", "d",  "l", "lg",
    "lm", "lb", "ls", "lt", "lp", "lh", "m",  "b",  "bs", "s",
    "ss", "ng", "j",  "ch", "k",  "t",  "p",  "h"};

/*
** What each final consonant does:
**   keep     what stays in the syllable when the last consonant moves on
**            to a following vowel (ㄺ keeps ㄹ); 0 for a single consonant;
**   move     the initial it becomes on the next syllable, -1 for none (ㅇ);
**   neutral  the final it is pronounced as before a consonant or at the
**            end: one of ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ (standard pronunciation 8-11);
**   asp      the aspirate it makes with a following ㅎ, -1 for none
**            (article 12: ㄱ ㄷ ㅂ ㅈ and what is pronounced as them);
**   asp_keep what stays in the syllable then.
*/
static const struct {
  signed char keep, move, neutral, asp, asp_keep;
} aRomanFinal[KOAI_HANGUL_N_FINAL] = {
    /* none */ {0, -1, KOAI_T_NONE, -1, 0},
    /* ㄱ */ {0, KOAI_L_G, KOAI_T_G, KOAI_L_K, 0},
    /* ㄲ */ {0, KOAI_L_KK, KOAI_T_G, KOAI_L_K, 0},
    /* ㄳ */ {KOAI_T_G, KOAI_L_S, KOAI_T_G, KOAI_L_K, 0},
    /* ㄴ */ {0, KOAI_L_N, KOAI_T_N, -1, 0},
    /* ㄵ */ {KOAI_T_N, KOAI_L_J, KOAI_T_N, KOAI_L_CH, KOAI_T_N},
    /* ㄶ */ {KOAI_T_N, KOAI_L_H, KOAI_T_N, -1, 0},
    /* ㄷ */ {0, KOAI_L_D, KOAI_T_D, KOAI_L_T, 0},
    /* ㄹ */ {0, KOAI_L_R, KOAI_T_L, -1, 0},
    /* ㄺ */ {KOAI_T_L, KOAI_L_G, KOAI_T_G, KOAI_L_K, KOAI_T_L},
    /* ㄻ */ {KOAI_T_L, KOAI_L_M, KOAI_T_M, -1, 0},
    /* ㄼ */ {KOAI_T_L, KOAI_L_B, KOAI_T_L, KOAI_L_P, KOAI_T_L},
    /* ㄽ */ {KOAI_T_L, KOAI_L_S, KOAI_T_L, -1, 0},
    /* ㄾ */ {KOAI_T_L, KOAI_L_T, KOAI_T_L, KOAI_L_T, KOAI_T_L},
    /* ㄿ */ {KOAI_T_L, KOAI_L_P, KOAI_T_B, KOAI_L_P, KOAI_T_L},
    /* ㅀ */ {KOAI_T_L, KOAI_L_H, KOAI_T_L, -1, 0},
    /* ㅁ */ {0, KOAI_L_M, KOAI_T_M, -1, 0},
    /* ㅂ */ {0, KOAI_L_B, KOAI_T_B, KOAI_L_P, 0},
    /* ㅄ */ {KOAI_T_B, KOAI_L_S, KOAI_T_B, KOAI_L_P, 0},
    /* ㅅ */ {0, KOAI_L_S, KOAI_T_D, KOAI_L_T, 0},
    /* ㅆ */ {0, KOAI_L_SS, KOAI_T_D, KOAI_L_T, 0},
    /* ㅇ */ {0, -1, KOAI_T_NG, -1, 0},
    /* ㅈ */ {0, KOAI_L_J, KOAI_T_D, KOAI_L_CH, 0},
    /* ㅊ */ {0, KOAI_L_CH, KOAI_T_D, KOAI_L_T, 0},
    /* ㅋ */ {0, KOAI_L_K, KOAI_T_G, KOAI_L_K, 0},
    /* ㅌ */ {0, KOAI_L_T, KOAI_T_D, KOAI_L_T, 0},
    /* ㅍ */ {0, KOAI_L_P, KOAI_T_B, KOAI_L_P, 0},
    /* ㅎ */ {0, KOAI_L_H, KOAI_T_D, -1, 0},
};

/* Romanization of the seven finals that are pronounced. */
static const char *romanFinalSound(int t) {
  switch (t) {
    case KOAI_T_G: return "k";
    case KOAI_T_N: return "n";
    case KOAI_T_D: return "t";
    case KOAI_T_L: return "l";
    case KOAI_T_M: return "m";
    case KOAI_T_B: return "p";
    case KOAI_T_NG: return "ng";
    default: return "";
  }
}

/* The final of syllable x pronounced alone or before a consonant:
** 밟 is read with ㅂ (밟다 [밥따]); other ㄼ with ㄹ (넓다 [널따]). */
static int romanNeutral(const koai_syllable *x) {
  if (x->t == KOAI_T_LB && x->l == KOAI_L_B && x->v == 0) return KOAI_T_B;
  return aRomanFinal[x->t].neutral;
}

/* 1 for the vowels before which ㄴ would be inserted: ㅣ ㅑ ㅕ ㅛ ㅠ ㅒ ㅖ. */
static int romanIotized(int v) {
  return v == 20 || v == 2 || v == 6 || v == 12 || v == 17 || v == 3 || v == 7;
}

/*
** 1 when ㄹ after ㄴ is pronounced ㄴ (신문로 [신문노], 의견란 [의견난]): the
** ㄹ syllable is a one-syllable element after a longer one, and one of the
** Sino-Korean syllables standard pronunciation article 20 lists for this:
** 란 량 력 론 료 류 례 로.  (령 is left out: 대관령 is [대괄령].)
*/
static int romanNasalRieul(const roman_syl *x, const roman_syl *y) {
  static const unsigned char aVT[][2] = {
      {0, KOAI_T_N},  /* 란 */ {2, KOAI_T_NG}, /* 량 */
      {6, KOAI_T_G},  /* 력 */ {8, KOAI_T_N},  /* 론 */
      {12, 0},        /* 료 */ {17, 0},        /* 류 */
      {7, 0},         /* 례 */ {8, 0},         /* 로 */
  };
  size_t i;
  if (y->bound == ROMAN_BOUND_NONE || y->elem_len != 1 || x->elem_len < 2) {
    return 0;
  }
  for (i = 0; i < sizeof(aVT) / sizeof(aVT[0]); i++) {
    if (y->s.v == aVT[i][0] && y->s.t == aVT[i][1]) return 1;
  }
  return 0;
}

/*
** 1 when ㄴ is inserted before syllable k (standard pronunciation article
** 29): the second noun of a dictionary compound starts with 이 야 여 요 유
** after a final consonant: 꽃잎 [꼰닙], 알약 [알략], 식용유 [시굥뉴].  The
** days of the week (금요일 [그묘일]) are the common exception.
*/
static int romanInsertsN(const roman_syl *a, int k, int n) {
  const roman_syl *x = &a[k - 1], *y = &a[k];
  int v = y->s.v;
  if (x->s.t == KOAI_T_NONE || x->s.t == KOAI_T_H || x->s.t == KOAI_T_NH ||
      x->s.t == KOAI_T_LH || y->s.l != KOAI_L_NG ||
      y->bound != ROMAN_BOUND_PART || x->cls != ROMAN_CLS_NOMINAL ||
      y->cls != ROMAN_CLS_NOMINAL) {
    return 0;
  }
  if (v != 20 && v != 2 && v != 6 && v != 12 && v != 17) return 0;
  if (v == 12 && y->s.t == 0 && k + 1 < n && a[k + 1].s.l == KOAI_L_NG &&
      a[k + 1].s.v == 20 && a[k + 1].s.t == KOAI_T_L) {
    return 0;   /* 요일 */
  }
  return 1;
}

/*
** The sound changes between syllable k - 1 (x) and syllable k (y) of a
** word of n, in the standard mode: rewrites x's final (to one of the seven
** pronounced ones, or none) and y's initial.
*/
static void romanBoundary(roman_syl *a, int k, int n) {
  roman_syl *x = &a[k - 1], *y = &a[k];
  int t = x->s.t, v = y->s.v;
  int hFinal = t == KOAI_T_H || t == KOAI_T_NH || t == KOAI_T_LH;
  int keep = aRomanFinal[t].keep, neutral;
  if (t == KOAI_T_NONE) return;
  if (romanInsertsN(a, k, n)) y->s.l = KOAI_L_N;

  if (y->s.l == KOAI_L_NG) {
    /* A vowel follows: the final moves over (연음). */
    if (t == KOAI_T_NG) return;
    neutral = romanNeutral(&x->s);
    x->s.t = KOAI_T_NONE;
    if (hFinal) {
      /* ㅎ is silent before a vowel: 좋아 [조아], 않아 [아나], 싫어 [시러]. */
      if (keep) y->s.l = aRomanFinal[keep].move;
    } else if (y->bound != ROMAN_BOUND_NONE && !romanIotized(v) &&
               (y->cls == ROMAN_CLS_NOMINAL ||
                y->cls == ROMAN_CLS_PREDICATE)) {
      /* Before a content word the final is neutralized first: 겉옷
      ** [거돋], 헛웃음 [허두슴], 값어치 [가버치] (article 15). */
      y->s.l = aRomanFinal[neutral].move;
    } else if (keep) {
      /* A double final keeps its first consonant: 닭이 [달기], 앉아 [안자]. */
      x->s.t = keep;
      y->s.l = aRomanFinal[t].move;
      if (t == KOAI_T_LT && v == 20) y->s.l = KOAI_L_CH;
    } else {
      y->s.l = aRomanFinal[t].move;
      /* Palatalization: 굳이 [구지], 같이 [가치] (article 17). */
      if (t == KOAI_T_D && v == 20) y->s.l = KOAI_L_J;
      if (t == KOAI_T_T && v == 20) y->s.l = KOAI_L_CH;
    }
    return;
  }

  if (y->s.l == KOAI_L_H) {
    /* ㄱ ㄷ ㅂ ㅈ + ㅎ make an aspirate (잡혀 [자펴], 굳히다 [구치다]), except
    ** in nouns, where the rules write the ㅎ (묵호 Mukho, 집현전). */
    if (hFinal) {
      x->s.t = keep;
    } else if (aRomanFinal[t].asp >= 0 &&
               !(x->cls == ROMAN_CLS_NOMINAL && y->cls == ROMAN_CLS_NOMINAL)) {
      y->s.l = aRomanFinal[t].asp;
      x->s.t = aRomanFinal[t].asp_keep;
      if (v == 20 && (t == KOAI_T_D || t == KOAI_T_LT)) y->s.l = KOAI_L_CH;
    } else {
      x->s.t = romanNeutral(&x->s);
    }
    return;
  }

  if (hFinal) {
    /* ㅎ before a consonant (article 12): 좋고 [조코], 놓다 [노타], 낳지
    ** [나치]; 좋소 [조쏘]; 놓는 [논는], 뚫는 [뚤른]. */
    switch (y->s.l) {
      case KOAI_L_G: y->s.l = KOAI_L_K; x->s.t = keep; return;
      case KOAI_L_D: y->s.l = KOAI_L_T; x->s.t = keep; return;
      case KOAI_L_J: y->s.l = KOAI_L_CH; x->s.t = keep; return;
      case KOAI_L_S: x->s.t = keep; return;
      case KOAI_L_N: x->s.t = keep ? keep : KOAI_T_N; break;
      default: x->s.t = keep ? keep : KOAI_T_D; break;
    }
  } else if (t == KOAI_T_LG && y->s.l == KOAI_L_G &&
             x->cls == ROMAN_CLS_PREDICATE) {
    x->s.t = KOAI_T_L;   /* 읽고 [일꼬], 맑게 [말께] (article 11) */
  } else {
    x->s.t = romanNeutral(&x->s);
  }

  /* Assimilation (articles 18-20). */
  if (y->s.l == KOAI_L_R) {
    if (x->s.t == KOAI_T_N) {
      if (romanNasalRieul(x, y)) {
        y->s.l = KOAI_L_N;       /* 신문로 [신문노] */
      } else {
        x->s.t = KOAI_T_L;       /* 신라 [실라] */
      }
    } else if (x->s.t != KOAI_T_L) {
      y->s.l = KOAI_L_N;         /* 종로 [종노], 십리 [십니] -> [심니] */
    }
  }
  if (y->s.l == KOAI_L_N || y->s.l == KOAI_L_M) {
    if (x->s.t == KOAI_T_G) x->s.t = KOAI_T_NG;   /* 백마 [뱅마] */
    if (x->s.t == KOAI_T_D) x->s.t = KOAI_T_N;    /* 받는 [반는] */
    if (x->s.t == KOAI_T_B) x->s.t = KOAI_T_M;    /* 십니 [심니] */
    if (x->s.t == KOAI_T_L && y->s.l == KOAI_L_N) {
      y->s.l = KOAI_L_R;                          /* 별내 [별래] */
    }
  }
}

/* An initial in translit, where ㄹ is always l. */
static const char *romanTranslitInitial(int l) {
  return l == KOAI_L_R ? "l" : azRomanInitial[l];
}

/* 1 when the letters zFinal + zInitial could also be split another way
** (ss + s: 었습 is eoss-seub), which translit marks with a hyphen. */
static int romanAmbiguous(const char *zFinal, const char *zInitial) {
  char z[8];
  size_t n, k;
  int i, j;
  n = strlen(zFinal) + strlen(zInitial);
  if (n >= sizeof(z)) return 0;
  strcpy(z, zFinal);
  strcat(z, zInitial);
  for (k = 0; k <= n; k++) {
    if (k == strlen(zFinal)) continue;
    for (i = 0; i < KOAI_HANGUL_N_FINAL; i++) {
      if (strlen(azRomanSpelled[i]) != k ||
          memcmp(azRomanSpelled[i], z, k) != 0) {
        continue;
      }
      for (j = 0; j < 19; j++) {
        if (j != KOAI_L_NG && strcmp(romanTranslitInitial(j), z + k) == 0) {
          return 1;
        }
      }
    }
  }
  return 0;
}

/* Romanize the word in c->aSyl into out. */
static void romanWord(roman_ctx *c, sqlite3_str *out) {
  roman_syl *a = c->aSyl;
  int n = c->nSyl, k, j, m;
  /* How many syllables each element has in this word. */
  for (k = 0; k < n; k = j) {
    j = k + 1;
    while (j < n && a[k].elem >= 0 && a[j].elem == a[k].elem) j++;
    for (m = k; m < j; m++) a[m].elem_len = j - k;
  }
  if (c->mode == ROMAN_STANDARD) {
    for (k = 1; k < n; k++) romanBoundary(a, k, n);
    if (n > 0) a[n - 1].s.t = romanNeutral(&a[n - 1].s);
  }
  for (k = 0; k < n; k++) {
    const koai_syllable *s = &a[k].s;
    switch (c->mode) {
      case ROMAN_STANDARD:
        if (s->l == KOAI_L_R && k > 0 && a[k - 1].s.t == KOAI_T_L) {
          sqlite3_str_appendall(out, "l");
        } else {
          sqlite3_str_appendall(out, azRomanInitial[s->l]);
        }
        sqlite3_str_appendall(out, azRomanVowel[s->v]);
        sqlite3_str_appendall(out, romanFinalSound(s->t));
        break;
      case ROMAN_LETTERS:
        sqlite3_str_appendall(out, azRomanInitial[s->l]);
        sqlite3_str_appendall(out, azRomanVowel[s->v]);
        sqlite3_str_appendall(out, romanFinalSound(romanNeutral(s)));
        break;
      default: {
        const char *zInit = romanTranslitInitial(s->l);
        if (k > 0 && (s->l == KOAI_L_NG ||
                      romanAmbiguous(azRomanSpelled[a[k - 1].s.t], zInit))) {
          sqlite3_str_appendall(out, "-");
        }
        sqlite3_str_appendall(out, zInit);
        sqlite3_str_appendall(out, azRomanVowel[s->v]);
        sqlite3_str_appendall(out, azRomanSpelled[s->t]);
        break;
      }
    }
  }
  c->nSyl = 0;
}

/* Append one element (morpheme or compound part) found by the analyzer. */
static int romanAddElem(roman_ctx *c, size_t start, size_t end,
                        koai_field tag, int bound) {
  roman_elem *e;
  int cls = ROMAN_CLS_OTHER;
  if (c->nElem == c->nElemAlloc) {
    int nNew = c->nElemAlloc ? c->nElemAlloc * 2 : 64;
    roman_elem *aNew =
        sqlite3_realloc64(c->aElem, (sqlite3_uint64)nNew * sizeof(*aNew));
    if (aNew == NULL) return KOAI_ERROR_NOMEM;
    c->aElem = aNew;
    c->nElemAlloc = nNew;
  }
  if (tag.n > 0 && tag.z[0] == 'N') {
    cls = ROMAN_CLS_NOMINAL;
  } else if (koai_field_starts(tag, "VV") || koai_field_starts(tag, "VA") ||
             koai_field_starts(tag, "VX") || koai_field_starts(tag, "VCN")) {
    cls = ROMAN_CLS_PREDICATE;
  } else if (tag.n > 0 && (tag.z[0] == 'J' || tag.z[0] == 'E' ||
                           koai_field_starts(tag, "XS") ||
                           koai_field_starts(tag, "VCP"))) {
    cls = ROMAN_CLS_FUNCTIONAL;
  }
  e = &c->aElem[c->nElem++];
  e->start = start;
  e->end = end;
  e->cls = (unsigned char)cls;
  e->bound = (unsigned char)bound;
  return KOAI_OK;
}

/* Analyzer callback: a morpheme becomes one element, or one per part
** when it is a dictionary compound whose parts spell it (집현 + 전). */
static int romanOnMorph(void *ctx, const koai_morph *m) {
  roman_ctx *c = ctx;
  koai_feature f;
  koai_field surf, tag, head;
  const char *z;
  int off = 0, rc;
  koai_feature_parse(m->feature, &f);
  if (koai_field_is(f.type, "Compound")) {
    z = f.expression.z;
    while (koai_expression_next(f.expression, &z, &surf, &tag)) {
      if (surf.n == 0 || off + surf.n > m->n_surface ||
          memcmp(m->surface + off, surf.z, (size_t)surf.n) != 0) {
        break;
      }
      off += surf.n;
    }
    if (off == m->n_surface) {
      int first = 1;
      z = f.expression.z;
      off = 0;
      while (koai_expression_next(f.expression, &z, &surf, &tag)) {
        rc = romanAddElem(c, m->map_base + m->map_start[off],
                          m->map_base + m->map_end[off + surf.n - 1], tag,
                          first ? ROMAN_BOUND_MORPH : ROMAN_BOUND_PART);
        if (rc != KOAI_OK) return rc;
        off += surf.n;
        first = 0;
      }
      return KOAI_OK;
    }
  }
  head = f.tag;
  if ((koai_field_is(f.type, "Inflect") ||
       koai_field_is(f.type, "Preanalysis")) &&
      f.first_tag.n > 0 && !koai_field_is(f.first_tag, "*")) {
    head = f.first_tag;
  }
  return romanAddElem(c, m->start, m->end, head, ROMAN_BOUND_MORPH);
}

/* Add the syllable at byte i of the input to the current word. */
static int romanAddSyl(roman_ctx *c, const koai_syllable *s, size_t i,
                       int *piElem) {
  roman_syl *y;
  if (c->nSyl == c->nSylAlloc) {
    int nNew = c->nSylAlloc ? c->nSylAlloc * 2 : 32;
    roman_syl *aNew =
        sqlite3_realloc64(c->aSyl, (sqlite3_uint64)nNew * sizeof(*aNew));
    if (aNew == NULL) return SQLITE_NOMEM;
    c->aSyl = aNew;
    c->nSylAlloc = nNew;
  }
  y = &c->aSyl[c->nSyl];
  y->s = *s;
  y->elem = -1;
  y->elem_len = 1;
  y->cls = ROMAN_CLS_NONE;
  y->bound = ROMAN_BOUND_NONE;
  while (*piElem < c->nElem && c->aElem[*piElem].end <= i) (*piElem)++;
  if (*piElem < c->nElem && c->aElem[*piElem].start <= i) {
    y->elem = *piElem;
    y->cls = c->aElem[*piElem].cls;
  }
  if (c->nSyl > 0) {
    roman_syl *x = &c->aSyl[c->nSyl - 1];
    if (y->elem != x->elem) {
      y->bound = y->elem >= 0 ? c->aElem[y->elem].bound : ROMAN_BOUND_MORPH;
    }
  }
  c->nSyl++;
  return SQLITE_OK;
}

/* Romanize z[0..n) into out: words of syllables, other characters as
** they are. */
static int romanText(roman_ctx *c, const unsigned char *z, size_t n,
                     sqlite3_str *out) {
  size_t i = 0;
  int iElem = 0, rc = SQLITE_OK;
  while (i < n && rc == SQLITE_OK) {
    koai_syllable s;
    int len = koai_hangul_syllable(z + i, n - i, &s);
    if (len > 0) {
      rc = romanAddSyl(c, &s, i, &iElem);
      i += (size_t)len;
      continue;
    }
    if (c->nSyl > 0) romanWord(c, out);
    len = 1;
    while (i + (size_t)len < n && (z[i + (size_t)len] & 0xc0) == 0x80) len++;
    sqlite3_str_append(out, (const char *)z + i, len);
    i += (size_t)len;
  }
  if (rc == SQLITE_OK && c->nSyl > 0) romanWord(c, out);
  return rc;
}

/* ai_romanize(text [, mode]) */
static void koaiRomanizeFunc(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv) {
  roman_global *g = sqlite3_user_data(ctx);
  roman_ctx c;
  const unsigned char *z;
  sqlite3_str *out;
  int n, rc = SQLITE_OK;
  memset(&c, 0, sizeof(c));
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    const char *zMode = (const char *)sqlite3_value_text(argv[1]);
    if (zMode == NULL) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if (strcmp(zMode, "letters") == 0) {
      c.mode = ROMAN_LETTERS;
    } else if (strcmp(zMode, "translit") == 0) {
      c.mode = ROMAN_TRANSLIT;
    } else if (strcmp(zMode, "standard") != 0) {
      koai_func_error(ctx,
                      "ai_romanize: unknown mode '%s' "
                      "(standard, letters or translit)",
                      zMode);
      return;
    }
  }
  if (!koai_func_text_arg(ctx, "ai_romanize", argv[0], &z, &n)) return;
  if (c.mode == ROMAN_STANDARD && n > 0) {
    if (g->analyzer == NULL) {
      char *zErr = NULL;
      const koai_dict *d = koai_dictionary_or_error("ai_romanize", &zErr);
      if (d == NULL) {
        if (zErr == NULL) {
          sqlite3_result_error_nomem(ctx);
        } else {
          sqlite3_result_error(ctx, zErr, -1);
          sqlite3_free(zErr);
        }
        return;
      }
      g->analyzer = koai_analyzer_new(d);
      if (g->analyzer == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
      }
    }
    if (koai_analyze(g->analyzer, NULL, (const char *)z, (size_t)n,
                     romanOnMorph, &c) != KOAI_OK) {
      rc = SQLITE_NOMEM;
    }
  }
  out = sqlite3_str_new(NULL);
  if (rc == SQLITE_OK) rc = romanText(&c, z, (size_t)n, out);
  if (rc == SQLITE_OK) rc = sqlite3_str_errcode(out);
  if (rc == SQLITE_OK) {
    int nOut = sqlite3_str_length(out);
    char *zOut = sqlite3_str_finish(out);
    if (zOut == NULL && nOut > 0) {
      sqlite3_result_error_nomem(ctx);
    } else {
      sqlite3_result_text(ctx, zOut ? zOut : "", nOut,
                          zOut ? sqlite3_free : SQLITE_STATIC);
    }
  } else {
    sqlite3_free(sqlite3_str_finish(out));
    sqlite3_result_error_code(ctx, rc);
  }
  sqlite3_free(c.aElem);
  sqlite3_free(c.aSyl);
}

/* Free the connection's analyzer with the function. */
static void romanGlobalFree(void *p) {
  roman_global *g = p;
  koai_analyzer_free(g->analyzer);
  sqlite3_free(g);
}

int koai_register_ai_romanize(sqlite3 *db) {
  int rc, nArg;
  for (nArg = 1; nArg <= 2; nArg++) {
    roman_global *g = sqlite3_malloc(sizeof(*g));
    if (g == NULL) return SQLITE_NOMEM;
    memset(g, 0, sizeof(*g));
    rc = sqlite3_create_function_v2(
        db, "ai_romanize", nArg,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, g,
        koaiRomanizeFunc, NULL, NULL, romanGlobalFree);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
