/*
** name_features.c: candidate names of a segment and their features.
**
** A candidate always starts where the analyzer starts a word (eojeol), after
** any opening quote or bracket, and ends where one of its morphemes ends:
** no candidate cuts a word the analyzer did not cut (수원 is not looked for
** inside 한수원, 카이 not inside 카이로).  The candidates of a word are its
** name part (the nouns, foreign words and unknown words before its
** particles), that part without its last morpheme (문재인 of 문재인대통령),
** its first proper noun, and two words together (a foreign given and
** family name: 앤드류 가필드).
**
** Features are evidence, each one bit, none a decision on its own: what
** the dictionary says of the morphemes (인명, 지명, other proper noun,
** common noun), the shape of the name (a Korean surname and given name,
** syllables, Latin letters, digits), and the words around it (a title or
** role after a person, a place cue, a product cue, a particle of place).
** The model (name_model.c) weighs them.
*/
#include <stdlib.h>
#include <string.h>

#include "../analyzer/utf8.h"
#include "koai.h"
#include "segment.h"

/* Feature bits; the table below gives their names, in this order. */
enum {
  NF_BIAS,
  NF_SEM_PERSON,      /* every proper noun of it is 인명 in the dictionary */
  NF_SEM_PLACE,       /* every proper noun of it is 지명 */
  NF_SEM_OTHER,       /* a proper noun of another class */
  NF_ONLY_NNP,        /* nothing but proper nouns */
  NF_HAS_NNG,         /* a common noun in it */
  NF_LATIN,           /* Latin letters */
  NF_DIGIT,           /* digits */
  NF_UNKNOWN,         /* a word the dictionary does not know */
  NF_KOREAN_NAME,     /* a surname and a given name, 2-4 syllables */
  NF_SYL1,
  NF_SYL2,
  NF_SYL3,
  NF_SYL4,            /* four syllables or more */
  NF_COMMON,          /* the whole span is a common noun of the dictionary */
  NF_TWO_WORDS,
  NF_PREFIX,          /* shorter than the name part of its word */
  NF_TITLE_AFTER,     /* a title or role follows: 대표, 의원, 기자 */
  NF_TITLE_AFTER2,    /* one word, then a title: 새누리당 대표 */
  NF_TITLE_BEFORE,    /* CEO 일론 머스크 */
  NF_HONORIFIC,       /* 씨, 군, 양, 모 follow */
  NF_ORG_HEAD,        /* ends with an organization head: 그룹, 전자, 일보 */
  NF_BODY_HEAD,       /* ends with 당, 부, 청, 처, 원, 회, 사 */
  NF_PLACE_SUFFIX,    /* ends with 시, 도, 구, 군, 주, 성, 현, 읍, 면 */
  NF_PLACE_CUE,       /* a place cue follows: 방문, 국경, 지역, 출신 */
  NF_LOC_PARTICLE,    /* 에, 에서, (으)로 follow */
  NF_GEN_PARTICLE,    /* 의 follows */
  NF_PRODUCT_CUE,     /* 출시, 공개, 챗봇, 모델 nearby */
  NF_VERSION_AFTER,   /* a version number follows */
  NF_QUOTED,          /* a quote or bracket opens the word */
  NF_GAZ_PERSON,      /* the gazetteers know the span, with this label */
  NF_GAZ_ORG,
  NF_GAZ_PRODUCT,
  NF_GAZ_GPE,
  NF_COMPOUND,        /* one dictionary compound (인공지능) */
  NF_FOREIGN_PAIR,    /* two words, neither a Korean name */
  NF_SEM_PERSON_ANY,  /* some morpheme is 인명 */
  NF_SEM_PLACE_ANY,   /* some morpheme is 지명 */
  NF_NNG_FIRST,       /* starts with a common noun */
  NF_AFTER_PLACE,     /* the word before is a place */
  NF_CAPITALS,        /* Latin capitals only: an abbreviation */
  NF_ORG_CUE,         /* an organization cue follows: 측, 소속, 관계자 */
  NF_PERSON_CUE,      /* a cue of a person follows: 감독, 선수, 배우, 씨 */
  NF_NAME_BEFORE,     /* the word before is a bare proper noun */
  NF_NAME_AFTER,      /* the word after is a bare proper noun */
  NF_IN_ORG_WORD,     /* part of a word ending with an organization head */
  NF_NOTE_AFTER,      /* a parenthesized note follows: 장윤주(35) */
  NF_FIRST_PLAIN,     /* two words, the first no proper noun: 마크 러팔로 */
  NF_BOTH_KOREAN,     /* two words, both Korean names: a list, not one name */
  NF_PAREN_BEFORE,    /* a bracket opens the word */
  NF_FIRST_COMMON,    /* two words, the first a common noun: 브랜드 제네시스 */
  NF_IN_PAIR,         /* one word that could be half of a two-word name */
  NF_BARE_COMMON,     /* also a common noun, and nothing around says name */
  NF_ONE_LETTER,      /* one Latin capital: A씨, K기자 */
  NF_COUNT
};

typedef struct nf_info {
  const char *name;     /* in the weight file */
  const char *source;   /* in ai_entities' source column */
} nf_info;

static const nf_info aInfo[NF_COUNT] = {
    {"bias", "model"},
    {"dict_person", "dictionary:person"},
    {"dict_place", "dictionary:place"},
    {"dict_other_proper", "dictionary:proper"},
    {"only_proper", "dictionary:proper"},
    {"has_common", "model"},
    {"latin", "shape:latin"},
    {"digit", "shape:digits"},
    {"unknown_word", "shape:unknown"},
    {"korean_name", "shape:korean-name"},
    {"syllables_1", "model"},
    {"syllables_2", "model"},
    {"syllables_3", "model"},
    {"syllables_4plus", "model"},
    {"common_noun", "model"},
    {"two_words", "shape:two-words"},
    {"prefix", "model"},
    {"title_after", "context:title"},
    {"title_after_next", "context:title"},
    {"title_before", "context:title"},
    {"honorific_after", "context:honorific"},
    {"org_head", "context:org-head"},
    {"body_head", "context:org-head"},
    {"place_suffix", "context:place-suffix"},
    {"place_cue", "context:place"},
    {"place_particle", "context:place"},
    {"genitive_particle", "model"},
    {"product_cue", "context:product"},
    {"version_after", "context:version"},
    {"quoted", "model"},
    {"gazetteer_person", "gazetteer"},
    {"gazetteer_org", "gazetteer"},
    {"gazetteer_product", "gazetteer"},
    {"gazetteer_gpe", "gazetteer"},
    {"compound", "model"},
    {"foreign_pair", "shape:foreign-name"},
    {"dict_person_part", "dictionary:person"},
    {"dict_place_part", "dictionary:place"},
    {"common_first", "model"},
    {"after_place", "context:place"},
    {"capitals", "shape:abbreviation"},
    {"org_cue", "context:org"},
    {"person_cue", "context:person"},
    {"name_before", "shape:two-words"},
    {"name_after", "shape:two-words"},
    {"in_org_word", "context:org-head"},
    {"note_after", "model"},
    {"first_not_proper", "shape:two-words"},
    {"both_korean_names", "model"},
    {"in_brackets", "model"},
    {"first_common_noun", "model"},
    {"half_of_pair", "model"},
    {"bare_common_noun", "model"},
    {"one_letter", "shape:anonymous"},
};

int ent_feature_count(void) { return NF_COUNT; }

const char *ent_feature_name(int i) {
  return i >= 0 && i < NF_COUNT ? aInfo[i].name : NULL;
}

const char *ent_feature_source(int i) {
  return i >= 0 && i < NF_COUNT ? aInfo[i].source : "model";
}

/* Cues: grammar and news convention, not names of things. */
static const char *azPlaceCue[] = {
    "방문", "국경", "지역", "출신", "현지", "대사관", "시민", "주민", "일대",
    "인근", "전역", "당국", "시내", "국민", "영사관", "해역", "지방", "땅",
    "도심", "여행", NULL};
static const char *azProductCue[] = {
    "출시", "공개", "챗봇", "모델", "버전", "업데이트", "탑재", "앱",
    "서비스", "플랫폼", "게임", "신작", "선보", "신제품", "제품", "스마트폰",
    "판매", "개발", NULL};
static const char *azOrgCue[] = {
    "측", "소속", "관계자", "직원", "임직원", "노조", "주가", "주식", "계열사",
    "본사", "회원", "창립", "사옥", "산하", NULL};
static const char *azPersonCue[] = {
    "감독", "선수", "배우", "가수", "작가", "부부", "아들", "딸", "남편",
    "아내", "부인", "모친", "부친", "할머니", "할아버지", "멤버", "코치",
    "후보", "당선인", "전", "前", NULL};
static const char *azBodyHead[] = {"당", "부", "청", "처", "원", "회", "사",
                                   "단", "국", NULL};
static const char *azPlaceSuffix[] = {"시", "도", "구", "군", "주", "성",
                                      "현", "읍", "면", "리", NULL};

/* Is z[0, n) one of the words of az?  The first three bytes are compared
** before any length is taken: these lists are looked at for every word. */
static int nf_in(const char **az, const unsigned char *z, size_t n) {
  int i;
  if (n == 0) return 0;
  for (i = 0; az[i]; i++) {
    const unsigned char *a = (const unsigned char *)az[i];
    if (a[0] != z[0]) continue;
    if (n > 1 && (a[1] != z[1] || (a[1] && n > 2 && a[2] != z[2]))) continue;
    if (strlen(az[i]) == n && memcmp(az[i], z, n) == 0) return 1;
  }
  return 0;
}

/* Does z[b, e) end with one of az (with something before it)? */
static int nf_ends_with(const char **az, const unsigned char *z, size_t b,
                        size_t e) {
  int i;
  for (i = 0; az[i]; i++) {
    size_t n = strlen(az[i]);
    if (e - b > n && memcmp(z + e - n, az[i], n) == 0) return 1;
  }
  return 0;
}

/* A word (eojeol): morphemes [m0, m1), its name part [m0, k). */
typedef struct nf_word {
  int m0, k, m1;
  int quoted;      /* a quote opens it */
  int paren;       /* a bracket opens it: 대위(송중기) */
  int plain;       /* no particle, ending or punctuation in it */
} nf_word;

static int nf_is_punct(const ent_morph *m) {
  return (m->cls & ENT_CLS_PUNCT) != 0;
}

static int nf_is_proper(const ent_morph *m) {
  return (m->cls & ENT_CLS_PROPER) != 0;
}

/* Opening brackets and quotes, and the middle dot that lists names. */
static int nf_opens(const ent_segment *s, const ent_morph *m) {
  static const char *azOpen[] = {"\xe2\x80\x98", "\xe2\x80\x9c", "\xc2\xb7",
                                 "'", "\"", "\xe3\x80\x8c", "\xe3\x80\x8e", NULL};
  return strcmp(m->tag, "SSO") == 0 ||
         (nf_is_punct(m) && nf_in(azOpen, s->z + m->b, m->e - m->b));
}

/* Split the segment into words; returns the count. */
static int nf_words(const ent_segment *s, nf_word *a) {
  int i = 0, n = 0;
  while (i < s->nm) {
    nf_word *w = &a[n++];
    int j = i + 1, k;
    /* an opening bracket or quote, or a separator (·), starts a word even
    ** when glued: 형사12부(이원형 부장판사), 양구·인제군 */
    while (j < s->nm && !s->m[j].space_before &&
           !(nf_opens(s, &s->m[j]) && !nf_is_punct(&s->m[j - 1]))) {
      j++;
    }
    k = i;
    w->quoted = w->paren = 0;
    while (k < j && nf_is_punct(&s->m[k])) {
      unsigned char ch = s->z[s->m[k].b];
      if (ch == '(' || ch == '[') {
        w->paren = 1;
      } else if (!(s->m[k].e - s->m[k].b == 2 && ch == 0xc2)) {  /* not · */
        w->quoted = 1;
      }
      k++;
    }
    w->m0 = k;
    while (k < j && ent_morph_is_nominal(&s->m[k])) k++;
    w->k = k;
    w->m1 = j;
    w->plain = 1;
    for (k = w->m0; k < j; k++) {
      if (ent_morph_is_functional(&s->m[k]) || nf_is_punct(&s->m[k])) {
        w->plain = 0;
      }
    }
    i = j;
  }
  return n;
}

/* Bytes of the name part of word w (empty when it has none). */
static void nf_part(const ent_segment *s, const nf_word *w, size_t *pb,
                    size_t *pe) {
  if (w->k > w->m0) {
    *pb = s->m[w->m0].b;
    *pe = s->m[w->k - 1].e;
  } else {
    *pb = *pe = 0;
  }
}

static int nf_part_in(const ent_segment *s, const nf_word *w,
                      const char **az) {
  size_t b, e;
  nf_part(s, w, &b, &e);
  return e > b && nf_in(az, s->z + b, e - b);
}

static int nf_part_is_title(const ent_segment *s, const nf_word *w) {
  size_t b, e;
  nf_part(s, w, &b, &e);
  return e > b && ent_is_title(s, b, e);
}

/* Is word w a bare proper noun (a name's part, nothing after it)? */
static int nf_bare_proper(const ent_segment *s, const nf_word *w) {
  int k;
  if (w->k <= w->m0 || w->k != w->m1 || w->quoted) return 0;
  for (k = w->m0; k < w->k; k++) {
    const ent_morph *m = &s->m[k];
    if (strcmp(m->tag, "NNP") != 0 && strcmp(m->tag, "UNKNOWN") != 0) {
      return 0;
    }
  }
  return !nf_part_is_title(s, w);
}

/* Is the name part of word w a place: the dictionary's 지명, or GPE in
** the gazetteers? */
static int nf_is_place(const ent_context *c, const ent_segment *s,
                       const nf_word *w) {
  const koai_gaz_entry *g;
  size_t b, e;
  nf_part(s, w, &b, &e);
  if (e <= b) return 0;
  if (w->k == w->m0 + 1 && strcmp(s->m[w->m0].tag, "NNP") == 0 &&
      koai_field_is(s->m[w->m0].f.semantic, "지명")) {
    return 1;
  }
  g = ent_lookup(c, s, b, e);
  return g && g->label == KOAI_LABEL_GPE;
}

/* Features of the morphemes [i0, i1) themselves. */
static uint64_t nf_inner(const ent_context *c, const ent_segment *s, int i0,
                         int i1) {
  uint64_t x = 1ull << NF_BIAS;
  size_t b = s->m[i0].b, e = s->m[i1 - 1].e;
  int i, nProper = 0, nPerson = 0, nPlace = 0, allProper = 1, syl;
  int scripts = ent_scripts(s, b, e);
  const koai_gaz_entry *g;
  for (i = i0; i < i1; i++) {
    const ent_morph *m = &s->m[i];
    if (strcmp(m->tag, "NNP") == 0) {
      nProper++;
      if (koai_field_is(m->f.semantic, "인명")) {
        nPerson++;
      } else if (koai_field_is(m->f.semantic, "지명")) {
        nPlace++;
      } else {
        x |= 1ull << NF_SEM_OTHER;
      }
    } else {
      allProper = 0;
    }
    if (strcmp(m->tag, "NNG") == 0) x |= 1ull << NF_HAS_NNG;
    if (strcmp(m->tag, "UNKNOWN") == 0) x |= 1ull << NF_UNKNOWN;
  }
  if (nProper && nPerson == nProper) x |= 1ull << NF_SEM_PERSON;
  if (nProper && nPlace == nProper) x |= 1ull << NF_SEM_PLACE;
  if (nPerson) x |= 1ull << NF_SEM_PERSON_ANY;
  if (nPlace) x |= 1ull << NF_SEM_PLACE_ANY;
  if (allProper) x |= 1ull << NF_ONLY_NNP;
  if (strcmp(s->m[i0].tag, "NNG") == 0) x |= 1ull << NF_NNG_FIRST;
  if (i1 == i0 + 1 && koai_field_is(s->m[i0].f.type, "Compound")) {
    x |= 1ull << NF_COMPOUND;
  }
  if (scripts & 2) x |= 1ull << NF_LATIN;
  if (scripts & 8) x |= 1ull << NF_DIGIT;
  if (scripts == 2) {
    size_t j;
    int caps = 1;
    for (j = b; j < e; j++) {
      if (s->z[j] >= 'a' && s->z[j] <= 'z') caps = 0;
    }
    if (caps) x |= 1ull << (e - b == 1 ? NF_ONE_LETTER : NF_CAPITALS);
  }
  syl = ent_syllables(s, b, e);
  if (syl == 1) x |= 1ull << NF_SYL1;
  if (syl == 2) x |= 1ull << NF_SYL2;
  if (syl == 3) x |= 1ull << NF_SYL3;
  if (syl >= 4) x |= 1ull << NF_SYL4;
  if (ent_korean_name(s, b, e)) x |= 1ull << NF_KOREAN_NAME;
  if (ent_common_noun(c, s, b, e)) x |= 1ull << NF_COMMON;
  {
    /* the head must start where a morpheme starts: 문화재 does not end
    ** with the insurer's head 화재 */
    size_t h = ent_org_head_len(s, b, e);
    if (h && s->can_start[e - h]) x |= 1ull << NF_ORG_HEAD;
  }
  if (nf_ends_with(azBodyHead, s->z, b, e)) x |= 1ull << NF_BODY_HEAD;
  if (nf_ends_with(azPlaceSuffix, s->z, b, e)) x |= 1ull << NF_PLACE_SUFFIX;
  g = ent_lookup(c, s, b, e);
  if (g && g->label <= KOAI_LABEL_GPE) x |= 1ull << (NF_GAZ_PERSON + g->label);
  return x;
}

/* Is the text at byte b a version number: 3, 1.5, 4o? */
static int nf_version_at(const ent_segment *s, size_t b) {
  return b < s->n && s->z[b] >= '0' && s->z[b] <= '9';
}

/*
** Features of the context of a candidate ending with morpheme iEnd - 1 of
** word wi (aWord[wi]); the candidate starts in word w0.
*/
static uint64_t nf_context(const ent_context *c, const ent_segment *s,
                           const nf_word *a, int nWord, int w0, int wi,
                           int iEnd) {
  uint64_t x = 0;
  const nf_word *w = &a[wi];
  int j;
  (void)c;
  if (a[w0].quoted) x |= 1ull << NF_QUOTED;
  if (a[w0].paren) x |= 1ull << NF_PAREN_BEFORE;
  if (iEnd < w->k) {
    /* the rest of the name part, glued: 문재인대통령, 박혜자씨 */
    size_t b = s->m[iEnd].b, e = s->m[w->k - 1].e;
    if (ent_is_title(s, b, e)) x |= 1ull << NF_TITLE_AFTER;
    if (nf_in(azPersonCue, s->z + b, e - b)) x |= 1ull << NF_PERSON_CUE;
  } else if (iEnd < w->m1) {
    const ent_morph *m = &s->m[iEnd];
    size_t n;
    if (s->z[m->b] == '(') {
      /* a note: 장윤주(35)씨, 송중기(배우) */
      int k;
      x |= 1ull << NF_NOTE_AFTER;
      for (k = iEnd + 1; k < w->m1 && k < iEnd + 8; k++) {
        if (s->z[s->m[k].b] == ')') {
          if (k + 1 < w->m1) m = &s->m[k + 1];
          break;
        }
      }
    }
    n = m->e - m->b;
    if (strcmp(m->tag, "JKB") == 0) x |= 1ull << NF_LOC_PARTICLE;
    if (strcmp(m->tag, "JKG") == 0) x |= 1ull << NF_GEN_PARTICLE;
    if (strcmp(m->tag, "NNB") == 0 &&
        ((n == 3 && (memcmp(s->z + m->b, "씨", 3) == 0 ||
                     memcmp(s->z + m->b, "군", 3) == 0 ||
                     memcmp(s->z + m->b, "양", 3) == 0 ||
                     memcmp(s->z + m->b, "모", 3) == 0)))) {
      x |= 1ull << NF_HONORIFIC;
    }
    if (nf_version_at(s, m->b)) x |= 1ull << NF_VERSION_AFTER;
  }
  if (iEnd >= w->k && w->k == w->m1 && wi + 1 < nWord) {
    /* nothing after the name in its word: look at the next word */
    const nf_word *n1 = &a[wi + 1];
    if (nf_part_is_title(s, n1)) {
      x |= 1ull << NF_TITLE_AFTER;
    } else if (n1->plain && wi + 2 < nWord &&
               nf_part_is_title(s, &a[wi + 2])) {
      x |= 1ull << NF_TITLE_AFTER2;
    }
    if (nf_part_in(s, n1, azPlaceCue)) x |= 1ull << NF_PLACE_CUE;
    if (nf_part_in(s, n1, azOrgCue)) x |= 1ull << NF_ORG_CUE;
    if (nf_part_in(s, n1, azPersonCue)) x |= 1ull << NF_PERSON_CUE;
    if (n1->m0 < n1->m1 && !n1->quoted && nf_version_at(s, s->m[n1->m0].b)) {
      x |= 1ull << NF_VERSION_AFTER;
    }
    if (n1->m0 < n1->m1) {
      const ent_morph *m = &s->m[n1->m0];
      if (m->e - m->b == 3 && memcmp(s->z + m->b, "씨", 3) == 0) {
        x |= 1ull << NF_HONORIFIC;
      }
    }
  }
  if (w0 > 0 && nf_bare_proper(s, &a[w0 - 1])) x |= 1ull << NF_NAME_BEFORE;
  if (iEnd >= w->m1 && wi + 1 < nWord && nf_bare_proper(s, w) &&
      a[wi + 1].k > a[wi + 1].m0) {
    const nf_word *n1 = &a[wi + 1];
    int k, proper = 1;
    for (k = n1->m0; k < n1->k; k++) {
      if (strcmp(s->m[k].tag, "NNP") != 0 &&
          strcmp(s->m[k].tag, "UNKNOWN") != 0) {
        proper = 0;
      }
    }
    if (proper && !nf_part_is_title(s, n1)) x |= 1ull << NF_NAME_AFTER;
  }
  if (iEnd < w->k) {
    size_t b = s->m[w->m0].b, e = s->m[w->k - 1].e;
    if (ent_org_head_len(s, b, e) || nf_ends_with(azBodyHead, s->z, b, e)) {
      x |= 1ull << NF_IN_ORG_WORD;
    }
  }
  if (w0 > 0) {
    const nf_word *p = &a[w0 - 1];
    if (p->k == p->m1 && nf_part_is_title(s, p)) x |= 1ull << NF_TITLE_BEFORE;
    if (p->k == p->m1 && p->k == p->m0 + 1) {
      const ent_morph *m = &s->m[p->m0];
      if (strcmp(m->tag, "NNP") == 0 && koai_field_is(m->f.semantic, "지명")) {
        x |= 1ull << NF_AFTER_PLACE;
      }
    }
  }
  for (j = w0 - 3; j <= wi + 3; j++) {
    if (j < 0 || j >= nWord || (j >= w0 && j <= wi)) continue;
    if (nf_part_in(s, &a[j], azProductCue)) {
      x |= 1ull << NF_PRODUCT_CUE;
      break;
    }
  }
  return x;
}

static int nf_has_proper(const ent_segment *s, int i0, int i1) {
  int i;
  for (i = i0; i < i1; i++) {
    if (nf_is_proper(&s->m[i])) return 1;
  }
  return 0;
}

/*
** Can words i and i + 1 be one name of two words (a foreign given and
** family name)?  The second has a proper noun; the first has one too, or
** is a short Hangul word the dictionary does not know as a name (마크,
** 댄); neither is a title; the first is not a place (일본 도쿄, 미국 빅테크
** are two names); the second is not 모 (박 모 씨).
*/
static int nf_pair_ok(const ent_context *c, const ent_segment *s,
                      const nf_word *a, int nWord, int i) {
  const nf_word *w, *w2;
  if (i < 0 || i + 1 >= nWord) return 0;
  w = &a[i];
  w2 = &a[i + 1];
  if (w->k <= w->m0 || w->k != w->m1 || w->quoted) return 0;
  if (w2->k <= w2->m0 || w2->quoted || w2->paren) return 0;
  if (!nf_has_proper(s, w2->m0, w2->k)) return 0;
  if (s->m[w2->m0].e - s->m[w2->m0].b == 3 &&
      memcmp(s->z + s->m[w2->m0].b, "모", 3) == 0) {
    return 0;
  }
  if (!nf_has_proper(s, w->m0, w->k)) {
    int syl = ent_syllables(s, s->m[w->m0].b, s->m[w->k - 1].e);
    if (syl < 1 || syl > 4) return 0;
  }
  if (nf_part_is_title(s, w) || nf_part_is_title(s, w2)) return 0;
  return !nf_is_place(c, s, w);
}

int ent_name_candidates(const ent_context *c, const ent_segment *s,
                        ent_candidate_fn fn, void *arg) {
  nf_word *a;
  int nWord, i, rc = 0;
  if (s->nm == 0) return 0;
  a = malloc((size_t)s->nm * sizeof(*a));
  if (a == NULL) return KOAI_ERROR_NOMEM;
  nWord = nf_words(s, a);
  for (i = 0; i < nWord && rc == 0; i++) {
    const nf_word *w = &a[i];
    int n = w->k - w->m0, ends[3], nEnds = 0, t;
    if (n <= 0) continue;
    ends[nEnds++] = w->k;
    if (n >= 2) ends[nEnds++] = w->k - 1;
    if (n >= 3 && strcmp(s->m[w->m0].tag, "NNP") == 0) ends[nEnds++] = w->m0 + 1;
    for (t = 0; t < nEnds && rc == 0; t++) {
      uint64_t x;
      size_t b = s->m[w->m0].b, e = s->m[ends[t] - 1].e;
      if (e - b > 200) continue;
      /* 김모 is an anonymous 김 (patterns.c), not a name of its own */
      if (e - b == 6 && ent_is_surname(s->z + b, 3) &&
          memcmp(s->z + b + 3, "모", 3) == 0) {
        continue;
      }
      /* a common noun of the dictionary (이용자) is a name only when a
      ** proper noun is in it; other words without one need a head of a
      ** name, its shape, or a product's cue (센스챗을 출시).  The cheap
      ** tests come first: this runs for every word. */
      if (!nf_has_proper(s, w->m0, ends[t])) {
        if (ends[t] - w->m0 < 2 || ent_common_noun(c, s, b, e)) continue;
        if (!ent_org_head_len(s, b, e) && !ent_korean_name(s, b, e) &&
            !(nf_context(c, s, a, nWord, i, i, ends[t]) &
              ((1ull << NF_PRODUCT_CUE) | (1ull << NF_VERSION_AFTER)))) {
          continue;
        }
      }
      x = nf_inner(c, s, w->m0, ends[t]);
      x |= nf_context(c, s, a, nWord, i, i, ends[t]);
      if ((x & (1ull << NF_COMMON)) &&
          !(x & ((1ull << NF_TITLE_AFTER) | (1ull << NF_TITLE_AFTER2) |
                 (1ull << NF_TITLE_BEFORE) | (1ull << NF_HONORIFIC) |
                 (1ull << NF_NOTE_AFTER) | (1ull << NF_NAME_BEFORE) |
                 (1ull << NF_NAME_AFTER) | (1ull << NF_PERSON_CUE)))) {
        x |= 1ull << NF_BARE_COMMON;
        /* a word the dictionary lists as a common noun as well as a
        ** person, with nothing around it saying person, is read as the
        ** common noun (이용자의 60%): on KLUE news two in three such words
        ** are no name */
        if (x & (1ull << NF_SEM_PERSON)) continue;
      }
      if (ends[t] < w->k) {
        x |= 1ull << NF_PREFIX;
      } else if (nf_pair_ok(c, s, a, nWord, i - 1) ||
                 nf_pair_ok(c, s, a, nWord, i)) {
        x |= 1ull << NF_IN_PAIR;
      }
      rc = fn(arg, b, e, x);
    }
    /* two words: a foreign given name and family name */
    if (rc == 0 && w->k == w->m1 && i + 1 < nWord) {
      const nf_word *w2 = &a[i + 1];
      uint64_t x, x2;
      int first_plain = !nf_has_proper(s, w->m0, w->k);
      size_t b = s->m[w->m0].b, e;
      if (!nf_pair_ok(c, s, a, nWord, i)) continue;
      e = s->m[w2->k - 1].e;
      if (e - b > 200) continue;
      x = nf_inner(c, s, w->m0, w->k);
      x2 = nf_inner(c, s, w2->m0, w2->k);
      /* the pair's features: semantic classes of both, shape of the whole */
      x = (x & x2 & ((1ull << NF_SEM_PERSON) | (1ull << NF_SEM_PLACE) |
                     (1ull << NF_ONLY_NNP) | (1ull << NF_LATIN))) |
          ((x | x2) & ((1ull << NF_SEM_OTHER) | (1ull << NF_HAS_NNG) |
                       (1ull << NF_UNKNOWN) | (1ull << NF_DIGIT) |
                       (1ull << NF_SEM_PERSON_ANY) |
                       (1ull << NF_SEM_PLACE_ANY) | (1ull << NF_NNG_FIRST))) |
          (x2 & ((1ull << NF_ORG_HEAD) | (1ull << NF_BODY_HEAD) |
                 (1ull << NF_PLACE_SUFFIX))) |
          (1ull << NF_BIAS) | (1ull << NF_TWO_WORDS);
      if (!(x & (1ull << NF_LATIN)) &&
          !ent_korean_name(s, s->m[w->m0].b, s->m[w->k - 1].e) &&
          !ent_korean_name(s, s->m[w2->m0].b, e)) {
        x |= 1ull << NF_FOREIGN_PAIR;
      }
      if (first_plain) {
        x |= 1ull << NF_FIRST_PLAIN;
        if (ent_common_noun(c, s, s->m[w->m0].b, s->m[w->k - 1].e)) {
          x |= 1ull << NF_FIRST_COMMON;
        }
      }
      if (ent_korean_name(s, s->m[w->m0].b, s->m[w->k - 1].e) &&
          ent_korean_name(s, s->m[w2->m0].b, e)) {
        x |= 1ull << NF_BOTH_KOREAN;
      }
      {
        const koai_gaz_entry *g = ent_lookup(c, s, b, e);
        if (g && g->label <= KOAI_LABEL_GPE) {
          x |= 1ull << (NF_GAZ_PERSON + g->label);
        }
      }
      x |= nf_context(c, s, a, nWord, i, i + 1, w2->k);
      rc = fn(arg, b, e, x);
    }
  }
  free(a);
  return rc;
}
