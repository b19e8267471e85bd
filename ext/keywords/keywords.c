/*
** keywords.c: candidates and scores for ai_keywords.
**
** The analyzer's morphemes arrive one at a time and are grouped into
** words (runs without whitespace).  When a word is complete, its nouns are
** cut into units: a unit is a run of noun parts written together (언어모델
** is 언어 + 모델), optionally after a prefix (고 + 대역폭), with digits
** only next to Latin letters (H100, 5G), and particles, bound nouns and
** interjections only inside a name the dictionary lacks (앤트 + 로 + 픽,
** 제미 + 나이).  A unit ends at anything else; a
** unit right before 하다/되다 (투자 + 했다) loses its last part, which is a
** verb there.  Units of consecutive words form a run when each word but
** the last is nothing but its unit (인공지능 모델을: 인공지능, 모델); a
** line break, a particle, a quote or punctuation ends the run.
**
** When a run ends, its candidates are counted: each unit, each phrase of
** 2 or 3 units (when the run has at most 3), and each noun part of a unit
** of several parts.  Candidates
** live in one hash table keyed by their letters without spaces, so that
** 오픈소스 and 오픈 소스 count as one; each keeps the form it was first
** written in, its parts (for the scores and the pruning) and how often it
** occurred.
**
** Scoring (koai_keywords_score) drops each candidate that occurs only
** inside a longer one: a candidate whose count equals that of a candidate
** one of whose part ranges it is.  The rest get tf * idf and are sorted;
** the idf is the dictionary prior of the candidate's rarest noun, or the
** corpus's idf of the candidate as a whole.
*/
#include "keywords.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../analyzer/morph.h"
#include "../analyzer/utf8.h"
#include "../dict/dict.h"
#include "../entities/gazetteer.h"

/*
** Nouns that place a statement in time or in a sequence rather than name
** what it is about (도입한 뒤, 올해 매출, 회사 관계자): never keywords, and
** they end phrases.
*/
static const char *const azKwStop[] = {
    "뒤",     "후",     "전",     "중",     "때",     "동안",   "이후",
    "직후",   "직전",   "가운데", "사이",   "당시",   "이날",   "오늘",
    "어제",   "내일",   "올해",   "지난해", "작년",   "내년",   "최근",
    "현재",   "이번",   "지난달", "이달",   "연말",   "연초",   "관계자",
    "정도",   "일부",   "대부분", "이상",   "이하"};

/* What a morpheme is for keywords. */
#define KW_NOUN 1      /* NNG NNP SL SH: a part of a keyword */
#define KW_NUMBER 2    /* SN: only next to Latin letters */
#define KW_PREFIX 3    /* XPN, MM: only glued to a noun */
#define KW_VERBAL 4    /* XSV XSA: the noun before it is a verb */
#define KW_GLUE 5      /* J*, NNB: only between two nouns of one word */
#define KW_OTHER 6     /* ends a unit */
#define KW_NAME_PART 7 /* any other part of a name of the gazetteer */
#define KW_SUFFIX 8    /* XSN: part of the noun it follows (생성형), but 들 */

/* The longest run of units a candidate spans. */
#define KW_MAX_UNITS 3
/* The most parts a unit has to be a candidate as a whole; longer ones
** (text without spaces) give only their parts, which also keeps the
** pruning, quadratic in a candidate's parts, cheap. */
#define KW_MAX_PARTS 6

/* One morpheme of the word or run being read. */
typedef struct kw_part {
  int cls;
  int latin;             /* SL */
  int in_name;           /* inside a name of the gazetteer */
  size_t text_off;       /* folded surface in the owner's text buffer */
  int text_len;
  double prior;          /* dictionary weight (KW_NOUN) */
  size_t start;          /* input byte offset */
} kw_part;

/* A unit of the current run: parts [first, first + n) of the run. */
typedef struct kw_unit {
  int first, n;
} kw_unit;

/* A growable array of parts with their texts. */
typedef struct kw_parts {
  kw_part *a;
  int n, cap;
  char *text;
  size_t n_text, cap_text;
} kw_parts;

/* One candidate. */
typedef struct kw_cand {
  size_t key_off;        /* letters without spaces, in kw->arena */
  int key_len;
  size_t disp_off;       /* as first written, NUL-terminated, in kw->arena */
  int disp_len;
  size_t meta_off;       /* in kw->meta: the length of each part */
  int n_parts;
  int tf;
  size_t first;          /* input byte offset of the first occurrence */
  double prior;          /* the highest dictionary weight of its nouns */
  double score;
  int dropped;
  unsigned hash;
} kw_cand;

/* A scored candidate, for sorting. */
typedef struct kw_rank {
  double score;
  size_t first;
  const char *key;
  int key_len;
  int cand;
} kw_rank;

struct koai_keywords {
  const koai_dict *d;
  koai_analyzer *analyzer;
  const char *text;          /* the text being read (not owned) */
  size_t last_end;           /* end of the previous morpheme */
  const koai_gazetteer *names;   /* names to keep whole, or NULL */
  uint8_t *can_end;              /* by byte of the word: a part ends there */
  size_t cap_can_end;
  /* the word being read */
  kw_parts word;
  int word_break;            /* a line break comes before the word */
  /* the run being read */
  kw_parts run;
  kw_unit *units;
  int n_units, cap_units;
  int run_open;              /* the run's last unit ends its word */
  /* a candidate being assembled */
  char *scratch;
  size_t cap_scratch;
  int *scratch_meta;
  int cap_scratch_meta;
  /* candidates */
  kw_cand *cands;
  int n_cands, cap_cands;
  int *slots;                /* hash table of candidate indexes, -1 empty */
  unsigned n_slots;          /* a power of two */
  char *arena;
  size_t n_arena, cap_arena;
  int *meta;
  size_t n_meta, cap_meta;
  /* the result */
  kw_rank *ranks;
  int n_ranks, cap_ranks;
};

koai_keywords *koai_keywords_new(const koai_dict *d,
                                 const koai_gazetteer *names) {
  koai_keywords *kw = calloc(1, sizeof(*kw));
  if (kw == NULL) return NULL;
  kw->d = d;
  kw->names = names;
  kw->analyzer = koai_analyzer_new(d);
  if (kw->analyzer == NULL) {
    free(kw);
    return NULL;
  }
  return kw;
}

static void kwPartsFree(kw_parts *p) {
  free(p->a);
  free(p->text);
}

void koai_keywords_free(koai_keywords *kw) {
  if (kw == NULL) return;
  koai_analyzer_free(kw->analyzer);
  kwPartsFree(&kw->word);
  kwPartsFree(&kw->run);
  free(kw->units);
  free(kw->can_end);
  free(kw->scratch);
  free(kw->scratch_meta);
  free(kw->cands);
  free(kw->slots);
  free(kw->arena);
  free(kw->meta);
  free(kw->ranks);
  free(kw);
}

/* Make room for `need` bytes in a growable buffer; 0 or KOAI_ERROR_NOMEM. */
static int kwReserve(void **pBuf, size_t *pCap, size_t need, size_t size) {
  size_t cap = *pCap ? *pCap : 64;
  void *p;
  if (need <= *pCap) return KOAI_OK;
  while (cap < need) cap *= 2;
  p = realloc(*pBuf, cap * size);
  if (p == NULL) return KOAI_ERROR_NOMEM;
  *pBuf = p;
  *pCap = cap;
  return KOAI_OK;
}

/* The same for an int-sized capacity. */
static int kwReserveInt(void **pBuf, int *pCap, int need, size_t size) {
  size_t cap = (size_t)*pCap;
  int rc = kwReserve(pBuf, &cap, (size_t)need, size);
  if (rc == KOAI_OK) *pCap = (int)cap;
  return rc;
}

/*
** Append a part to p, with its text z[0..n) case-folded as the korean
** tokenizer folds terms: ASCII and the letters below U+3000 to their
** folded case, everything else as it is.
*/
static int kwPartsAdd(kw_parts *p, const kw_part *part, const char *z,
                      int n) {
  kw_part *dst;
  int i = 0;
  if (kwReserveInt((void **)&p->a, &p->cap, p->n + 1, sizeof(kw_part)) ||
      kwReserve((void **)&p->text, &p->cap_text,
                p->n_text + (size_t)n * 2 + 8, 1)) {
    return KOAI_ERROR_NOMEM;
  }
  dst = &p->a[p->n++];
  *dst = *part;
  dst->text_off = p->n_text;
  while (i < n) {
    unsigned char c = (unsigned char)z[i];
    uint32_t cp;
    int len;
    if (c < 0x80) {
      p->text[p->n_text++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      i++;
      continue;
    }
    len = koai_utf8_decode((const unsigned char *)z + i, (size_t)(n - i), &cp);
    if (len == 0) {
      i++;
      continue;
    }
    if (cp < 0x3000) {
      cp = (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
    }
    p->n_text += (size_t)koai_utf8_encode(cp, (unsigned char *)p->text +
                                                  p->n_text);
    i += len;
  }
  dst->text_len = (int)(p->n_text - dst->text_off);
  return KOAI_OK;
}

/*
** The dictionary weight of a known morpheme: its word cost over the cost
** factor, found by looking its surface up again and picking the entry
** whose feature string the analyzer chose.  Words without a cost of their
** own (unknown, user, Latin, hanja) get KOAI_KEYWORDS_UNSEEN_COST.
*/
static double kwPrior(const koai_keywords *kw, const koai_morph *m) {
  const koai_dic_file *sys = &kw->d->sys;
  koai_prefix_match pm;
  int cost = KOAI_KEYWORDS_UNSEEN_COST;
  uint32_t t;
  if (m->kind == KOAI_MORPH_KNOWN &&
      koai_dic_exact_match(sys, (const unsigned char *)m->surface,
                           (size_t)m->n_surface, &pm)) {
    for (t = 0; t < pm.n_tokens; t++) {
      const koai_dic_token *tok = &sys->tokens[pm.first_token + t];
      if (koai_dic_feature(sys, tok) == m->feature) {
        cost = tok->wcost;
        break;
      }
    }
  }
  if (cost < 0) cost = 0;
  return cost / KOAI_KEYWORDS_COST_FACTOR;
}

/*
** What the morpheme with this feature string is for keywords, by its head
** tag: the first of an inflected form's tags (했 is XSV+EP: XSV).  A noun
** contracted with a particle (NNG+JX) ends a unit; a determiner or prefix
** counts only where it is glued to a noun (고대역폭, 신제품).
*/
static int kwClass(const koai_feature *f, int *pLatin) {
  koai_field tag = f->tag;
  const char *zPlus = memchr(tag.z, '+', (size_t)tag.n);
  *pLatin = 0;
  if (zPlus) tag.n = (int)(zPlus - tag.z);
  if ((koai_field_is(f->type, "Inflect") ||
       koai_field_is(f->type, "Preanalysis")) &&
      f->first_tag.n > 0 && !koai_field_is(f->first_tag, "*")) {
    tag = f->first_tag;
  }
  if (koai_field_is(tag, "XSV") || koai_field_is(tag, "XSA")) return KW_VERBAL;
  if (zPlus) return KW_OTHER;
  if (koai_field_is(tag, "NNG") || koai_field_is(tag, "NNP") ||
      koai_field_is(tag, "SH")) {
    return KW_NOUN;
  }
  if (koai_field_is(tag, "SL")) {
    *pLatin = 1;
    return KW_NOUN;
  }
  if (koai_field_is(tag, "SN")) return KW_NUMBER;
  if (koai_field_is(tag, "XPN") || koai_field_is(tag, "MM")) return KW_PREFIX;
  if (koai_field_is(tag, "XSN")) return KW_SUFFIX;
  if ((tag.n > 0 && tag.z[0] == 'J') || koai_field_is(tag, "NNB")) {
    return KW_GLUE;
  }
  return KW_OTHER;
}

static unsigned kwHash(const char *z, int n) {
  unsigned h = 2166136261u;
  int i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)z[i];
    h *= 16777619u;
  }
  return h;
}

/* The index of the candidate with this key, or -1. */
static int kwFind(const koai_keywords *kw, const char *z, int n, unsigned h) {
  unsigned i;
  if (kw->n_slots == 0) return -1;
  for (i = h & (kw->n_slots - 1);; i = (i + 1) & (kw->n_slots - 1)) {
    int c = kw->slots[i];
    if (c < 0) return -1;
    if (kw->cands[c].hash == h && kw->cands[c].key_len == n &&
        memcmp(kw->arena + kw->cands[c].key_off, z, (size_t)n) == 0) {
      return c;
    }
  }
}

/* Keep the hash table at most half full. */
static int kwGrowSlots(koai_keywords *kw) {
  unsigned n = kw->n_slots ? kw->n_slots * 2 : 256, i;
  int *slots, c;
  if ((unsigned)kw->n_cands * 2 < kw->n_slots) return KOAI_OK;
  slots = malloc(n * sizeof(int));
  if (slots == NULL) return KOAI_ERROR_NOMEM;
  for (i = 0; i < n; i++) slots[i] = -1;
  for (c = 0; c < kw->n_cands; c++) {
    for (i = kw->cands[c].hash & (n - 1); slots[i] >= 0; i = (i + 1) & (n - 1)) {
    }
    slots[i] = c;
  }
  free(kw->slots);
  kw->slots = slots;
  kw->n_slots = n;
  return KOAI_OK;
}

/* Append n bytes to the arena; their offset in *pOff. */
static int kwArenaAdd(koai_keywords *kw, const char *z, size_t n,
                      size_t *pOff) {
  if (kwReserve((void **)&kw->arena, &kw->cap_arena, kw->n_arena + n, 1)) {
    return KOAI_ERROR_NOMEM;
  }
  memcpy(kw->arena + kw->n_arena, z, n);
  *pOff = kw->n_arena;
  kw->n_arena += n;
  return KOAI_OK;
}

/*
** Count one occurrence of the candidate made of run parts [p0, p1), whose
** units start at unit u0.  The key is their texts joined; the display
** form puts a space between units.
*/
static int kwCount(koai_keywords *kw, int p0, int p1, int u0) {
  kw_parts *r = &kw->run;
  size_t nKey = 0, nDisp, i;
  int p, u = u0, nMeta = 0, c;
  double prior = 0;
  unsigned h;
  kw_cand *cand;
  for (p = p0; p < p1; p++) nKey += (size_t)r->a[p].text_len;
  /* key, then the display form (at most one space per part) */
  if (kwReserve((void **)&kw->scratch, &kw->cap_scratch,
                nKey * 2 + (size_t)(p1 - p0) + 1, 1) ||
      kwReserveInt((void **)&kw->scratch_meta, &kw->cap_scratch_meta,
                   p1 - p0, sizeof(int))) {
    return KOAI_ERROR_NOMEM;
  }
  nKey = 0;
  for (p = p0; p < p1; p++) {
    memcpy(kw->scratch + nKey, r->text + r->a[p].text_off,
           (size_t)r->a[p].text_len);
    nKey += (size_t)r->a[p].text_len;
  }
  nDisp = nKey;
  for (p = p0; p < p1; p++) {
    if (p > p0 && p == kw->units[u + 1].first) {
      u++;
      kw->scratch[nDisp++] = ' ';
    }
    memcpy(kw->scratch + nDisp, r->text + r->a[p].text_off,
           (size_t)r->a[p].text_len);
    nDisp += (size_t)r->a[p].text_len;
    kw->scratch_meta[nMeta++] = r->a[p].text_len;
    if ((r->a[p].cls == KW_NOUN || r->a[p].cls == KW_NAME_PART) &&
        r->a[p].prior > prior) {
      prior = r->a[p].prior;
    }
  }
  kw->scratch[nDisp++] = 0;
  h = kwHash(kw->scratch, (int)nKey);
  c = kwFind(kw, kw->scratch, (int)nKey, h);
  if (c >= 0) {
    kw->cands[c].tf++;
    return KOAI_OK;
  }
  if (kwReserveInt((void **)&kw->cands, &kw->cap_cands, kw->n_cands + 1,
                   sizeof(kw_cand)) ||
      kwReserve((void **)&kw->meta, &kw->cap_meta, kw->n_meta + (size_t)nMeta,
                sizeof(int))) {
    return KOAI_ERROR_NOMEM;
  }
  cand = &kw->cands[kw->n_cands];
  memset(cand, 0, sizeof(*cand));
  if (kwArenaAdd(kw, kw->scratch, nKey, &cand->key_off) ||
      kwArenaAdd(kw, kw->scratch + nKey, nDisp - nKey, &cand->disp_off)) {
    return KOAI_ERROR_NOMEM;
  }
  cand->key_len = (int)nKey;
  cand->disp_len = (int)(nDisp - nKey - 1);
  cand->meta_off = kw->n_meta;
  for (i = 0; i < (size_t)nMeta; i++) kw->meta[kw->n_meta++] = kw->scratch_meta[i];
  cand->n_parts = p1 - p0;
  cand->tf = 1;
  cand->first = r->a[p0].start;
  cand->prior = prior;
  cand->hash = h;
  kw->n_cands++;
  if (kwGrowSlots(kw)) return KOAI_ERROR_NOMEM;
  {
    unsigned s;
    for (s = h & (kw->n_slots - 1); kw->slots[s] >= 0;
         s = (s + 1) & (kw->n_slots - 1)) {
    }
    kw->slots[s] = kw->n_cands - 1;
  }
  return KOAI_OK;
}

/*
** Count the candidates of the run and empty it: its units, its phrases of
** 2 or 3 units when it has at most 3, the noun parts of its units.
*/
static int kwFlushRun(koai_keywords *kw) {
  int u, len, rc = KOAI_OK;
  /* A run longer than a phrase is a list or a headline: no phrases. */
  int maxLen = kw->n_units > KW_MAX_UNITS ? 1 : KW_MAX_UNITS;
  for (u = 0; u < kw->n_units && rc == KOAI_OK; u++) {
    const kw_unit *unit = &kw->units[u];
    for (len = 1; len <= maxLen && u + len <= kw->n_units; len++) {
      const kw_unit *last = &kw->units[u + len - 1];
      if (last->n > KW_MAX_PARTS) break;
      rc = kwCount(kw, unit->first, last->first + last->n, u);
      if (rc != KOAI_OK) break;
    }
    if (unit->n > 1) {
      int p;
      for (p = unit->first; p < unit->first + unit->n && rc == KOAI_OK; p++) {
        if (kw->run.a[p].cls == KW_NOUN && !kw->run.a[p].in_name) {
          rc = kwCount(kw, p, p + 1, u);
        }
      }
    }
  }
  kw->n_units = 0;
  kw->run.n = 0;
  kw->run.n_text = 0;
  kw->run_open = 0;
  return rc;
}

/* Append word parts [i, j) to the run as one unit. */
static int kwRunAdd(koai_keywords *kw, int i, int j) {
  kw_unit *unit;
  int p;
  if (kwReserveInt((void **)&kw->units, &kw->cap_units, kw->n_units + 2,
                   sizeof(kw_unit))) {
    return KOAI_ERROR_NOMEM;
  }
  unit = &kw->units[kw->n_units++];
  unit->first = kw->run.n;
  unit->n = j - i;
  /* a sentinel, so that kwCount can look one unit ahead */
  kw->units[kw->n_units].first = -1;
  for (p = i; p < j; p++) {
    const kw_part *src = &kw->word.a[p];
    if (kwPartsAdd(&kw->run, src, kw->word.text + src->text_off,
                   src->text_len)) {
      return KOAI_ERROR_NOMEM;
    }
  }
  return KOAI_OK;
}

/*
** 1 when word part i can be in a unit with the parts around it: a noun;
** digits next to Latin letters; a noun suffix after a noun (생성형, not the
** plural 들); a particle or bound noun between two
** nouns, which is how the analyzer cuts a name it does not know (앤트로픽
** as 앤트 + 로 + 픽, 마이크로소프트 as 마이크 + 로 + 소프트, 하이퍼클로바X as
** 하이퍼 + 클로 + 바 + X), since Korean puts no noun after a particle
** within a word.
*/
static int kwJoins(const kw_parts *w, int i) {
  const kw_part *p = &w->a[i];
  if (p->cls == KW_NOUN || p->cls == KW_NAME_PART) return 1;
  if (p->cls == KW_NUMBER) {
    return (i > 0 && w->a[i - 1].latin) || (i + 1 < w->n && w->a[i + 1].latin);
  }
  if (p->cls == KW_SUFFIX) {
    /* 생성형, 투자자, 디지털화; not the plural 기업들 */
    return i > 0 && kwJoins(w, i - 1) && w->a[i - 1].cls != KW_GLUE &&
           !(p->text_len == 3 && memcmp(w->text + p->text_off, "들", 3) == 0);
  }
  if (p->cls == KW_GLUE) {
    return i > 0 && w->a[i - 1].cls == KW_NOUN && i + 1 < w->n &&
           w->a[i + 1].cls == KW_NOUN;
  }
  return 0;
}

/*
** Find the names of the gazetteer that the analyzer cut into several
** parts of the word (앤트로픽 as 앤트 + 로 + 픽, 카나나 as 카 + 나 + 나) and
** make each one piece of a unit: its nouns stay nouns, not counted alone;
** its other parts become name parts.  Names are matched at part
** boundaries, longest first.
*/
static int kwMarkNames(koai_keywords *kw) {
  kw_parts *w = &kw->word;
  int i, j;
  if (kwReserve((void **)&kw->can_end, &kw->cap_can_end, w->n_text + 1, 1)) {
    return KOAI_ERROR_NOMEM;
  }
  memset(kw->can_end, 0, w->n_text + 1);
  for (i = 0; i < w->n; i++) {
    kw->can_end[w->a[i].text_off + (size_t)w->a[i].text_len] = 1;
  }
  for (i = 0; i < w->n; i = j) {
    size_t end = 0;
    const koai_gaz_entry *g = koai_gazetteer_match(
        kw->names, (const unsigned char *)w->text, w->n_text, w->a[i].text_off,
        kw->can_end, &end);
    j = i + 1;
    if (g == NULL) continue;
    while (j < w->n && w->a[j].text_off < end) j++;
    if (j - i < 2) continue;
    for (; i < j; i++) {
      w->a[i].in_name = 1;
      if (w->a[i].cls != KW_NOUN) {
        w->a[i].cls = KW_NAME_PART;
        w->a[i].latin = 0;
        w->a[i].prior = KOAI_KEYWORDS_UNSEEN_COST / KOAI_KEYWORDS_COST_FACTOR;
      }
    }
  }
  return KOAI_OK;
}

/*
** Cut the finished word into units and add them to the run: the first
** unit continues the run when it starts the word and the run's last unit
** ended its own word; any other unit starts a new run.
*/
static int kwFlushWord(koai_keywords *kw) {
  kw_parts *w = &kw->word;
  int i = 0, rc = KOAI_OK, nUnits = 0;
  if (kw->names && w->n > 1 && kwMarkNames(kw) != KOAI_OK) {
    return KOAI_ERROR_NOMEM;
  }
  if (kw->word_break) rc = kwFlushRun(kw);
  while (i < w->n && rc == KOAI_OK) {
    int s = i, j, k, p, hasNoun = 0;
    if (w->a[i].cls == KW_PREFIX && i + 1 < w->n &&
        w->a[i + 1].cls == KW_NOUN) {
      j = i + 1;
    } else if (kwJoins(w, i)) {
      j = i;
    } else {
      i++;
      continue;
    }
    while (j < w->n && kwJoins(w, j)) j++;
    /* [s, j) is a unit; before 하다/되다 its last part is a verb */
    k = j;
    if (j < w->n && w->a[j].cls == KW_VERBAL) k--;
    for (p = s; p < k; p++) {
      if (w->a[p].cls == KW_NOUN || w->a[p].cls == KW_NAME_PART) hasNoun = 1;
    }
    /* a noun counted by the number before it (3분기, 5세대) is no keyword */
    if (s > 0 && w->a[s - 1].cls == KW_NUMBER && !w->a[s].latin) hasNoun = 0;
    if (hasNoun) {
      if (!(s == 0 && nUnits == 0 && kw->run_open)) rc = kwFlushRun(kw);
      if (rc == KOAI_OK) rc = kwRunAdd(kw, s, k);
      kw->run_open = k == w->n;
      nUnits++;
    } else {
      rc = kwFlushRun(kw);
    }
    i = j;
  }
  if (nUnits == 0 && rc == KOAI_OK) rc = kwFlushRun(kw);
  w->n = 0;
  w->n_text = 0;
  return rc;
}

/* 1 when a line break lies in z[a..b) (whitespace between morphemes). */
static int kwLineBreak(const char *z, size_t a, size_t b) {
  size_t i;
  for (i = a; i < b; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == '\n' || c == '\r') return 1;
    if (c == 0xc2 && i + 1 < b && (unsigned char)z[i + 1] == 0x85) return 1;
    if (c == 0xe2 && i + 2 < b && (unsigned char)z[i + 1] == 0x80 &&
        ((unsigned char)z[i + 2] == 0xa8 || (unsigned char)z[i + 2] == 0xa9)) {
      return 1;
    }
  }
  return 0;
}

/* 1 when the noun z[0..n) is one of azKwStop. */
static int kwIsStop(const char *z, int n) {
  size_t i;
  for (i = 0; i < sizeof(azKwStop) / sizeof(azKwStop[0]); i++) {
    if ((int)strlen(azKwStop[i]) == n && memcmp(azKwStop[i], z, (size_t)n) == 0) {
      return 1;
    }
  }
  return 0;
}

/* The analyzer's callback: one morpheme, in text order. */
static int kwOnMorph(void *ctx, const koai_morph *m) {
  koai_keywords *kw = ctx;
  koai_feature f;
  kw_part part;
  int brk = m->start > kw->last_end &&
            kwLineBreak(kw->text, kw->last_end, m->start);
  int rc = KOAI_OK;
  if (kw->word.n > 0 && (m->space_before || brk)) rc = kwFlushWord(kw);
  if (rc != KOAI_OK) return rc;
  if (kw->word.n == 0) kw->word_break = brk;
  memset(&part, 0, sizeof(part));
  koai_feature_parse(m->feature, &f);
  part.cls = kwClass(&f, &part.latin);
  if (part.cls == KW_NOUN) {
    part.prior = part.latin
                     ? KOAI_KEYWORDS_UNSEEN_COST / KOAI_KEYWORDS_COST_FACTOR
                     : kwPrior(kw, m);
    if (kwIsStop(m->surface, m->n_surface)) part.cls = KW_OTHER;
  }
  part.start = m->start;
  kw->last_end = m->end;
  return kwPartsAdd(&kw->word, &part, m->surface, m->n_surface);
}

int koai_keywords_extract(koai_keywords *kw, const char *text, size_t n) {
  koai_analyze_options aopt;
  unsigned i;
  int rc;
  for (i = 0; i < kw->n_slots; i++) kw->slots[i] = -1;
  kw->n_cands = 0;
  kw->n_arena = 0;
  kw->n_meta = 0;
  kw->n_ranks = 0;
  kw->word.n = kw->run.n = 0;
  kw->word.n_text = kw->run.n_text = 0;
  kw->n_units = 0;
  kw->run_open = 0;
  kw->word_break = 0;
  kw->last_end = 0;
  kw->text = text;
  aopt.space_penalty = 1;
  aopt.userdict = NULL;
  rc = koai_analyze(kw->analyzer, &aopt, text, n, kwOnMorph, kw);
  if (rc == KOAI_OK && kw->word.n > 0) rc = kwFlushWord(kw);
  if (rc == KOAI_OK) rc = kwFlushRun(kw);
  kw->text = NULL;
  return rc;
}

/*
** Drop each candidate that never occurs outside a longer one: one whose
** letters are a range of a longer candidate's parts and whose count is
** the same.
*/
static void kwPrune(koai_keywords *kw) {
  int c;
  for (c = 0; c < kw->n_cands; c++) {
    const kw_cand *big = &kw->cands[c];
    const int *meta = kw->meta + big->meta_off;
    const char *key = kw->arena + big->key_off;
    int a, b, off = 0;
    if (big->n_parts < 2) continue;
    for (a = 0; a < big->n_parts; a++) {
      int len = 0;
      for (b = a; b < big->n_parts; b++) {
        int d;
        len += meta[b];
        if (b - a + 1 == big->n_parts) break;
        d = kwFind(kw, key + off, len, kwHash(key + off, len));
        if (d >= 0 && d != c && kw->cands[d].tf == big->tf) {
          kw->cands[d].dropped = 1;
        }
      }
      off += meta[a];
    }
  }
}

/*
** The natural logarithm of x >= 1, without libm (so that nothing linking
** koai's objects needs -lm): x = m * 2^e with m in [1, 2), and
** ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...) with s = (m-1)/(m+1) <
** 1/3, whose terms fall below 1e-17 within 20 steps.
*/
static double kwLn(double x) {
  static const double ln2 = 0.69314718055994530942;
  double s, s2, term, sum = 0;
  int e = 0, k;
  while (x >= 2) {
    x /= 2;
    e++;
  }
  s = (x - 1) / (x + 1);
  s2 = s * s;
  term = s;
  for (k = 1; k < 40; k += 2) {
    sum += term / k;
    term *= s2;
  }
  return e * ln2 + 2 * sum;
}

/* BM25's idf of a term in df of nDocs documents. */
static double kwIdf(long long df, long long nDocs) {
  if (df < 0) df = 0;
  if (df > nDocs) df = nDocs;
  return kwLn(1.0 + ((double)(nDocs - df) + 0.5) / ((double)df + 0.5));
}

/* Best first; ties: first occurrence, then longer, then bytes. */
static int kwCompare(const void *pa, const void *pb) {
  const kw_rank *a = pa, *b = pb;
  int n;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  if (a->key_len != b->key_len) return a->key_len > b->key_len ? -1 : 1;
  n = memcmp(a->key, b->key, (size_t)a->key_len);
  return n;
}

int koai_keywords_score(koai_keywords *kw, koai_keywords_df_fn xDf, void *ctx,
                        long long nDocs) {
  int c, rc;
  kwPrune(kw);
  kw->n_ranks = 0;
  if (kwReserveInt((void **)&kw->ranks, &kw->cap_ranks, kw->n_cands,
                   sizeof(kw_rank))) {
    return KOAI_ERROR_NOMEM;
  }
  for (c = 0; c < kw->n_cands; c++) {
    kw_cand *cand = &kw->cands[c];
    kw_rank *r;
    double idf = cand->prior;
    if (cand->dropped) continue;
    if (xDf) {
      long long df = -1;
      rc = xDf(ctx, kw->arena + cand->disp_off, cand->disp_len, &df);
      if (rc != 0) return rc;
      idf = kwIdf(df, nDocs);
    }
    cand->score = cand->tf * idf;
    r = &kw->ranks[kw->n_ranks++];
    r->score = cand->score;
    r->first = cand->first;
    r->key = kw->arena + cand->key_off;
    r->key_len = cand->key_len;
    r->cand = c;
  }
  if (kw->n_ranks > 1) {
    qsort(kw->ranks, (size_t)kw->n_ranks, sizeof(kw_rank), kwCompare);
  }
  return KOAI_OK;
}

int koai_keywords_count(const koai_keywords *kw) { return kw->n_ranks; }

void koai_keywords_get(const koai_keywords *kw, int i, const char **pz,
                       int *pn, double *pScore) {
  const kw_cand *cand = &kw->cands[kw->ranks[i].cand];
  *pz = kw->arena + cand->disp_off;
  *pn = cand->disp_len;
  *pScore = cand->score;
}
