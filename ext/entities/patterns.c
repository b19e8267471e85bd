/*
** patterns.c: entities that the way Korean news is written gives away.
**
**   - a name followed by its form in another script in parentheses:
**     센스타임(SenseTime), 국제통화기금(IMF), 샘 올트먼(Sam Altman): two
**     mentions of one thing, remembered for the rest of the text;
**   - people around their titles and roles: 김민준 대표, CEO 일론 머스크,
**     홍길동 기자, and a surname alone standing for someone named before
**     (김 대표);
**   - organizations: a proper noun with an organization head (…그룹,
**     …전자, …일보, …대학교), a government body after its country (미국
**     상무부), and 주식회사 after a company's name;
**   - model names with their versions (라마 3, 제미나이 1.5 프로, GPT-4o);
**   - place names of the dictionary (its 지명 class) standing as a word.
** Word lists here are Korean grammar and news convention (titles,
** surnames, heads), not names of things: those live in the gazetteer.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/utf8.h"
#include "../dict/dict.h"
#include "koai.h"
#include "segment.h"

#define PAT_MAX_NAME 256

/* Titles and roles that stand next to a person's name. */
static const char *azTitle[] = {
    "대표", "대표이사", "공동대표", "회장", "부회장", "명예회장", "사장",
    "부사장", "의장", "이사", "이사장", "전무", "상무", "본부장", "부장",
    "팀장", "센터장", "연구소장", "소장", "원장", "총장", "교수", "부교수",
    "연구원", "책임연구원", "수석연구원", "박사", "기자", "특파원", "앵커",
    "논설위원", "장관", "차관", "대통령", "부통령", "총리", "부총리",
    "국무총리", "의원", "국회의원", "위원장", "부위원장", "대변인",
    "국가주석", "주석", "총재", "부총재", "청장", "처장", "지사", "도지사",
    "시장", "구청장", "창업자", "공동창업자", "창업주", "최고경영자",
    "최고기술책임자", "최고재무책임자", "최고운영책임자", "최고전략책임자",
    "수석부사장", "고문", "변호사", "애널리스트", "연구위원", "선임연구원",
    "CEO", "CTO", "CFO", "COO", "CSO", "CPO", "CIO", "의원실", "씨", "여사",
    "대사", "총영사", "국장", "실장", "과장", "차장", "회계사", "감독",
    "단장", "행장", "은행장", "사무총장", "부사장급", "주필", "편집장",
    "판사", "부장판사", "검사", "부장검사", "검사장", "검찰총장", "대법관",
    "대법원장", "아나운서", "사령관", "장군", "비서", "비서관", "비서실장",
    "수석", "목사", "교육감", "원내대표", "최고위원", "총괄회장", "사무국장",
    "군수", "도의원", "시의원", "구의원", "당선인", "당선자", "예비후보",
    "후보자", "특보", "보좌관", "정책위의장", "사무처장", "경위",
    "경사", "경감", "경정", "총경", "순경", "소령", "중령", "대령", "대위",
    "중위", "소위", "상병", "병장", "일병", "이병", "하사", "중사", "원사",
    "준장", "소장", "중장", "대장", "통신원", "선임기자", "캐스터", "PD",
    "교장", "교감", "이사관", "조합장", "협회장", "회장직", "관장", "부시장",
    "부지사", "국방장관", "외무장관", "외교장관", "재무장관", "국무장관",
    "법무장관", "의원님", "변호인", "상임고문", "공동위원장", "명예교수",
    NULL};

/* Titles that a byline glues to the reporter's name: 이서연기자. */
static const char *azBylineTitle[] = {"기자", "특파원", "앵커", "논설위원",
                                      "통신원", "선임기자", "씨", NULL};

/* Korean surnames (one syllable, and the two-syllable ones). */
static const char *azSurname[] = {
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서",
    "신", "권", "황", "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배",
    "백", "허", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민",
    "류", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변",
    "염", "여", "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표",
    "명", "기", "반", "왕", "금", "옥", "육", "인", "맹", "제", "모", "탁", "국",
    "어", "은", "편", "용", "예", "경", "봉", "사", "부", "가", "복", "태", "목",
    "형", "피", "두", "감", "음", "빈", "동", "온", "호", "범", "좌", "팽", "승",
    "간", "상", "갈", "단", "견", "당", "화", "창", "옹", "순", "라", "로", "리",
    "황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방", NULL};

/* Heads that make a proper noun an organization's name. */
static const char *azOrgHead[] = {
    "그룹", "홀딩스", "지주", "전자", "테크놀로지", "테크놀로지스", "테크",
    "일보", "신문", "경제신문", "방송", "뉴스", "통신", "대학교", "대학",
    "대", "연구원", "연구소", "은행", "증권", "생명", "화재", "보험", "카드",
    "캐피탈", "자산운용", "건설", "중공업", "화학", "제약", "바이오", "텔레콤",
    "모빌리티", "엔터테인먼트", "게임즈", "랩스", "랩", "재단", "협회",
    "위원회", "공사", "공단", "거래소", "인베스트먼트", "파트너스", "벤처스",
    "캐피털", "소프트", "시스템즈", "반도체", "디스플레이", "에너지",
    "솔루션", "솔루션즈", "네트웍스", "네트워크", "인더스트리", "산업",
    "자동차", "항공", "해운", "물산", "상사", "제철", "철강", "정유", "AI",
    "컴퍼니", "코퍼레이션", "로보틱스", "다이내믹스", "클라우드", "헬스케어",
    "파마", "미디어", "스튜디오", "커뮤니케이션즈", "일렉트릭", "모터스",
    "경찰서", "경찰청", "지검", "지청", "지법", "지방법원", "고등법원",
    "검찰청", "교육청", "의료원", "고등학교", "중학교", "초등학교",
    "사관학교", "본부", "연합회", "노조", "조합", "학회", "구단", NULL};

/* Length of the organization head ending z[b, e) (…그룹, …일보), or 0. */
size_t ent_org_head_len(const ent_segment *s, size_t b, size_t e) {
  int k;
  if (e - b < 2) return 0;
  for (k = 0; azOrgHead[k]; k++) {
    const char *h = azOrgHead[k];
    size_t n;
    /* the last byte first: this runs for every candidate */
    if ((unsigned char)h[0] == 0) continue;
    n = strlen(h);
    if (e - b <= n || (unsigned char)h[n - 1] != s->z[e - 1]) continue;
    /* 대 alone ends too many words (국경지대, 성접대): universities are
    ** told by the place before it in pat_org_head */
    if (n == 3 && memcmp(h, "대", 3) == 0) continue;
    if (memcmp(s->z + e - n, h, n) == 0) return n;
  }
  return 0;
}

/* Edition words after a model's version, and their Latin forms. */
static const char *azEdition[][2] = {
    {"프로", "Pro"},     {"울트라", "Ultra"}, {"플러스", "Plus"},
    {"미니", "mini"},    {"터보", "Turbo"},   {"맥스", "Max"},
    {"소네트", "Sonnet"}, {"오퍼스", "Opus"},  {"하이쿠", "Haiku"},
    {"플래시", "Flash"}, {"라이트", "Lite"},  {"나노", "Nano"},
    {"Pro", "Pro"},      {"Ultra", "Ultra"},  {"Plus", "Plus"},
    {"mini", "mini"},    {"Turbo", "Turbo"},  {"Max", "Max"},
    {"Sonnet", "Sonnet"}, {"Opus", "Opus"},   {"Haiku", "Haiku"},
    {"Flash", "Flash"},  {"Lite", "Lite"},    {"Nano", "Nano"},
    {NULL, NULL}};

/* Is z[0, n) one of the words of az?  The first three bytes are compared
** before any length is taken: these lists are looked at for every word. */
static int pat_in_list(const char **az, const unsigned char *z, size_t n) {
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

/* Code point at z[i] (0 at the end), and its length in *pLen. */
static uint32_t pat_char(const ent_segment *s, size_t i, int *pLen) {
  uint32_t c = 0;
  int len = i < s->n ? koai_utf8_decode(s->z + i, s->n - i, &c) : 0;
  if (len == 0) {
    *pLen = i < s->n ? 1 : 0;
    return 0;
  }
  *pLen = len;
  return c;
}

static int pat_is_hangul(uint32_t c) { return c >= 0xac00 && c <= 0xd7a3; }
static int pat_is_latin(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int pat_is_hanja(uint32_t c) { return c >= 0x4e00 && c <= 0x9fff; }

/* Scripts present in z[b, e): bit 1 Hangul, 2 Latin, 4 Hanja, 8 digit. */
int ent_scripts(const ent_segment *s, size_t b, size_t e) {
  int mask = 0, len;
  while (b < e) {
    uint32_t c = pat_char(s, b, &len);
    if (pat_is_hangul(c)) mask |= 1;
    if (pat_is_latin(c)) mask |= 2;
    if (pat_is_hanja(c)) mask |= 4;
    if (c >= '0' && c <= '9') mask |= 8;
    b += (size_t)(len ? len : 1);
  }
  return mask;
}

/* Number of Hangul syllables in z[b, e), or -1 if anything else is there. */
int ent_syllables(const ent_segment *s, size_t b, size_t e) {
  int n = 0, len;
  while (b < e) {
    uint32_t c = pat_char(s, b, &len);
    if (!pat_is_hangul(c)) return -1;
    n++;
    b += (size_t)len;
  }
  return n;
}

static void pat_copy(const ent_segment *s, size_t b, size_t e, char *z,
                     size_t cap) {
  size_t n = e - b;
  if (n >= cap) n = cap - 1;
  memcpy(z, s->z + b, n);
  z[n] = 0;
}

/* ---- words ---------------------------------------------------------- */

/* A word (eojeol): morphemes [m0, m1) and its leading nominal part. */
typedef struct pat_word {
  int m0, m1;
  int n0;                /* nominal part: morphemes [m0, n0) */
  size_t b, e;           /* bytes of the whole word */
  size_t nb, ne;         /* bytes of the nominal part */
  int all_nominal;       /* nothing follows the nominal part */
  int proper;            /* the nominal part has a proper or unknown noun */
  int n_nominal;         /* morphemes in the nominal part */
  size_t me;             /* end of the name part: nominal and noun suffixes */
  int n_name;            /* morphemes in the name part */
  int all_name;          /* nothing follows the name part */
} pat_word;

/* Morphemes that end a name: particles, endings, punctuation. */
static int pat_ends_name(const ent_morph *m) {
  const char *t = m->tag;
  return t[0] == 'J' || t[0] == 'E' || strcmp(t, "VCP") == 0 ||
         strcmp(t, "XSV") == 0 || strcmp(t, "XSA") == 0 ||
         (t[0] == 'S' && strcmp(t, "SL") != 0 && strcmp(t, "SN") != 0 &&
          strcmp(t, "SH") != 0);
}

static int pat_morph_proper(const ent_morph *m) {
  return strcmp(m->tag, "NNP") == 0 || strcmp(m->tag, "SL") == 0 ||
         strcmp(m->tag, "SH") == 0 || m->kind == KOAI_MORPH_USER ||
         strcmp(m->tag, "UNKNOWN") == 0;
}

/* Split the segment's morphemes into words; returns the count. */
static int pat_words(const ent_segment *s, pat_word *aWord, int nMax) {
  int i = 0, n = 0;
  while (i < s->nm && n < nMax) {
    pat_word *w = &aWord[n];
    int j = i + 1, k;
    while (j < s->nm && !s->m[j].space_before) j++;
    w->m0 = i;
    w->m1 = j;
    for (k = i; k < j && ent_morph_is_nominal(&s->m[k]); k++) {
    }
    w->n0 = k;
    w->b = s->m[i].b;
    w->e = s->m[j - 1].e;
    w->nb = s->m[i].b;
    w->ne = k > i ? s->m[k - 1].e : s->m[i].b;
    w->all_nominal = k == j;
    w->proper = 0;
    for (k = i; k < w->n0; k++) w->proper |= pat_morph_proper(&s->m[k]);
    w->n_nominal = w->n0 - i;
    for (k = i; k < j && !pat_ends_name(&s->m[k]); k++) {
    }
    w->n_name = k - i;
    w->me = k > i ? s->m[k - 1].e : s->m[i].b;
    w->all_name = k == j;
    n++;
    i = j;
  }
  return n;
}

/* The entry of a gazetteer name spanning exactly z[b, e), or NULL. */
const koai_gaz_entry *ent_lookup(const ent_context *c,
                                        const ent_segment *s, size_t b,
                                        size_t e) {
  const koai_gazetteer *aGaz[3];
  int i;
  aGaz[0] = c->user;
  aGaz[1] = c->learned;
  aGaz[2] = c->builtin;
  for (i = 0; i < 3; i++) {
    size_t end = 0;
    const koai_gaz_entry *g =
        koai_gazetteer_match(aGaz[i], s->z, e, b, NULL, &end);
    if (g && end == e) return g;
  }
  return NULL;
}

/* Remember a name of this text: later mentions get the same. */
static int pat_learn(ent_context *c, const ent_segment *s, size_t b, size_t e,
                     int label, const char *zCanonical) {
  int rc = koai_gazetteer_add_label(c->learned, (const char *)s->z + b,
                                    (int)(e - b), label, zCanonical);
  return rc == KOAI_ERROR_TAG ? KOAI_OK : rc;
}

/* A Korean name: 2-4 syllables starting with a surname. */
int ent_korean_name(const ent_segment *s, size_t b, size_t e) {
  int n = ent_syllables(s, b, e);
  if (n < 2 || n > 4) return 0;
  if (ent_is_surname(s->z + b, 3)) return 1;
  return n >= 3 && ent_is_surname(s->z + b, 6);
}

/*
** Titles and surnames are asked about for nearly every word, so they are
** also kept in two tries, built once per process; if memory runs out
** there, the lists are scanned instead.
*/
static pthread_once_t pat_tries_once = PTHREAD_ONCE_INIT;
static koai_gazetteer *pat_title_trie = NULL;
static koai_gazetteer *pat_surname_trie = NULL;

static koai_gazetteer *pat_trie_of(const char **az) {
  koai_gazetteer *g = koai_gazetteer_new();
  int i;
  for (i = 0; g && az[i]; i++) {
    int rc = koai_gazetteer_add_label(g, az[i], (int)strlen(az[i]),
                                      KOAI_LABEL_PERSON, az[i]);
    if (rc == KOAI_ERROR_NOMEM) {
      koai_gazetteer_free(g);
      g = NULL;
    }
  }
  return g;
}

static void pat_build_tries(void) {
  pat_title_trie = pat_trie_of(azTitle);
  pat_surname_trie = pat_trie_of(azSurname);
}

/* Is z[0, n) exactly a word of the trie (or, without one, of the list)? */
static int pat_in_trie(koai_gazetteer *g, const char **az,
                       const unsigned char *z, size_t n) {
  size_t end = 0;
  if (g == NULL) return pat_in_list(az, z, n);
  return koai_gazetteer_match(g, z, n, 0, NULL, &end) != NULL && end == n;
}

int ent_is_surname(const unsigned char *z, size_t n) {
  pthread_once(&pat_tries_once, pat_build_tries);
  return n > 0 && pat_in_trie(pat_surname_trie, azSurname, z, n);
}

int ent_is_title(const ent_segment *s, size_t b, size_t e) {
  pthread_once(&pat_tries_once, pat_build_tries);
  return e > b && pat_in_trie(pat_title_trie, azTitle, s->z + b, e - b);
}

/*
** Remember a person: the full name, and for later bare mentions the
** family name of a foreign name (its last word) or the surname of a
** Korean one (for 김 대표).
*/
int ent_learn_person(ent_context *c, const ent_segment *s, size_t b,
                     size_t e, const char *zCanonical) {
  int rc = pat_learn(c, s, b, e, KOAI_LABEL_PERSON, zCanonical);
  const unsigned char *zSpace = NULL;
  size_t i;
  for (i = b; i < e; i++) {
    if (s->z[i] == ' ') zSpace = s->z + i;
  }
  if (rc == KOAI_OK && zSpace && (size_t)(s->z + e - zSpace - 1) >= 3) {
    size_t lb = (size_t)(zSpace - s->z) + 1;
    rc = pat_learn(c, s, lb, e, KOAI_LABEL_PERSON, zCanonical);
  }
  if (rc == KOAI_OK && !zSpace && ent_korean_name(s, b, e)) {
    size_t nSur = ent_is_surname(s->z + b, 6) && e - b > 6 ? 6 : 3;
    rc = koai_gazetteer_add_label(c->surnames, (const char *)s->z + b,
                                  (int)nSur, KOAI_LABEL_PERSON, zCanonical);
    if (rc == KOAI_ERROR_TAG) rc = KOAI_OK;
  }
  return rc;
}

/* ---- alias pairs ---------------------------------------------------- */

/* Does z[b, e) read like a person's name in Latin: "Sam Altman"? */
static int pat_latin_person(const ent_segment *s, size_t b, size_t e) {
  static const char *azNotPerson[] = {"Inc", "Inc.", "Corp", "Corp.", "Co.",
                                      "Ltd", "Ltd.", "Group", "Labs", "AI",
                                      "Technologies", "Technology", "Bank",
                                      "University", "Holdings", "Systems",
                                      "Institute", "Foundation", "Capital",
                                      "Partners", "Ventures", "Electronics",
                                      "Motors", "Energy", "News", NULL};
  size_t i = b;
  int words = 0;
  while (i < e) {
    size_t w = i;
    if (!(s->z[i] >= 'A' && s->z[i] <= 'Z')) return 0;
    while (i < e && s->z[i] != ' ') {
      unsigned char ch = s->z[i];
      if (!pat_is_latin(ch) && ch != '-' && ch != '\'' && ch != '.') return 0;
      i++;
    }
    if (pat_in_list(azNotPerson, s->z + w, i - w)) return 0;
    words++;
    while (i < e && s->z[i] == ' ') i++;
  }
  return words >= 2 && words <= 4;
}

static int pat_word_count(const ent_segment *s, size_t b, size_t e) {
  int n = 0, in = 0;
  for (; b < e; b++) {
    if (s->z[b] == ' ') {
      in = 0;
    } else if (!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

/* The word containing the morpheme that ends exactly at byte e, or -1. */
static int pat_word_ending_at(const ent_segment *s, const pat_word *aWord,
                              int nWord, size_t e) {
  int i;
  if (!s->can_end[e]) return -1;
  for (i = 0; i < nWord; i++) {
    if (aWord[i].b < e && e <= aWord[i].e) return i;
  }
  return -1;
}

/* Heads of organizations' full names, for abbreviation pairs. */
static const char *azOrgFullHead[] = {
    "기금", "기구", "은행", "위원회", "연합", "협회", "연맹", "기관", "공사",
    "공단", "연구소", "연구원", "재단", "그룹", "거래소", "회의", "부", "청",
    "처", "원", "청사", "조합", "학회", "센터", "당", "국", "사", "회", NULL};

/* Latin words that end organizations' names. */
static const char *azOrgLatinHead[] = {
    "AI", "Labs", "Lab", "Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd", "Ltd.",
    "Group", "Technologies", "Technology", "Capital", "Bank", "Holdings",
    "Systems", "Networks", "Robotics", "Ventures", "Partners", "Research",
    "Intelligence", "Foundation", "Institute", "University", "Motors",
    "Electronics", "Semiconductor", "Software", "Cloud", "Energy", "Media",
    "News", "Times", "Journal", "Post", NULL};

/* Does the Latin text z[b, e) look like a company name: CamelCase
** (SenseTime, DeepSeek) or ending with an organization word? */
static int pat_latin_org(const ent_segment *s, size_t b, size_t e) {
  size_t i, w = b;
  for (i = b; i < e; i++) {
    if (s->z[i] == ' ') w = i + 1;
    if (i > w && s->z[i] >= 'A' && s->z[i] <= 'Z' && s->z[i - 1] >= 'a' &&
        s->z[i - 1] <= 'z') {
      return 1;                           /* CamelCase */
    }
  }
  return w < e && pat_in_list(azOrgLatinHead, s->z + w, e - w);
}

/* All capitals, 2 to 6 letters: an abbreviation (IMF, NAVER). */
static int pat_abbreviation(const ent_segment *s, size_t b, size_t e) {
  size_t i;
  if (e - b < 2 || e - b > 6) return 0;
  for (i = b; i < e; i++) {
    if (!((s->z[i] >= 'A' && s->z[i] <= 'Z') || (s->z[i] >= '0' && s->z[i] <= '9')))
      return 0;
  }
  return 1;
}

/*
** The label of an alias pair no gazetteer knows, or -1 when the pair
** looks like a term rather than a name (고대역폭메모리(HBM), 인공지능법(AI
** Act), 최고기술책임자(CTO)).
*/
static int pat_alias_label(const ent_segment *s, const pat_word *aWord,
                           int w0, int w, size_t xb, size_t xe, size_t ib,
                           size_t ie) {
  int k;
  if (ent_is_title(s, xb, xe)) return -1;
  if (xe - xb >= 3 && memcmp(s->z + xe - 3, "법", 3) == 0) return -1;
  if (pat_latin_person(s, ib, ie) && w > w0) return KOAI_LABEL_PERSON;
  for (k = aWord[w].m0; k < aWord[w].m1; k++) {
    const ent_morph *m = &s->m[k];
    if (m->e > xe) break;
    if (strcmp(m->tag, "NNP") == 0 && koai_field_is(m->f.semantic, "인명") &&
        pat_latin_person(s, ib, ie)) {
      return KOAI_LABEL_PERSON;
    }
  }
  if (pat_latin_org(s, ib, ie)) return KOAI_LABEL_ORG;
  if (pat_abbreviation(s, ib, ie)) {
    for (k = 0; azOrgFullHead[k]; k++) {
      size_t n = strlen(azOrgFullHead[k]);
      if (xe - xb > n && memcmp(s->z + xe - n, azOrgFullHead[k], n) == 0) {
        return KOAI_LABEL_ORG;
      }
    }
  }
  return -1;
}

/*
** Is z[xb, xe) a generic noun rather than a name: a common noun of the
** dictionary, one dictionary compound (인공지능 = 인공 + 지능), or common
** nouns only that do not end like an organization (고대역폭메모리)?
*/
static int pat_generic_noun(const ent_context *c, const ent_segment *s,
                            size_t xb, size_t xe) {
  int i0 = ent_morph_index_at(s, xb), i, allCommon = 1, k;
  if (ent_common_noun(c, s, xb, xe)) return 1;
  if (i0 < 0) return 0;
  if (s->m[i0].e == xe && strcmp(s->m[i0].tag, "NNP") == 0 &&
      koai_field_is(s->m[i0].f.type, "Compound")) {
    return 1;
  }
  for (i = i0; i < s->nm && s->m[i].b < xe; i++) {
    if (strcmp(s->m[i].tag, "NNG") != 0) allCommon = 0;
  }
  if (!allCommon) return 0;
  for (k = 0; azOrgFullHead[k]; k++) {
    size_t n = strlen(azOrgFullHead[k]);
    if (xe - xb > n && memcmp(s->z + xe - n, azOrgFullHead[k], n) == 0) {
      return 0;
    }
  }
  return 1;
}

static int pat_alias_pairs(ent_context *c, const ent_segment *s,
                           const pat_word *aWord, int nWord) {
  size_t p;
  for (p = 1; p < s->n; p++) {
    size_t q, ib, ie, xe, xb;
    int w, w0, k, xs, is, label, rc;
    const koai_gaz_entry *gx, *gi;
    char zCanon[PAT_MAX_NAME];
    if (s->z[p] != '(') continue;
    for (q = p + 1; q < s->n && q < p + 96 && s->z[q] != ')' && s->z[q] != '(';
         q++) {
    }
    if (q >= s->n || s->z[q] != ')') continue;
    ib = p + 1;
    ie = q;
    while (ib < ie && s->z[ib] == ' ') ib++;
    while (ie > ib && s->z[ie - 1] == ' ') ie--;
    if (ie == ib) continue;
    xe = p;
    if (xe > 0 && s->z[xe - 1] == ' ') xe--;
    /* The name is the word before '(', however the analyzer cut it. */
    w = pat_word_ending_at(s, aWord, nWord, xe);
    if (w < 0) continue;
    is = ent_scripts(s, ib, ie);
    if (!(is & 7)) continue;             /* digits only: a code, not a name */
    xb = aWord[w].b;
    w0 = w;
    /* A Latin form of several words names as many Korean words. */
    if ((is & 2) && !(is & 1)) {
      int want = pat_word_count(s, ib, ie);
      for (k = 1; k < want && w0 > 0; k++) {
        const pat_word *prev = &aWord[w0 - 1];
        if (!prev->all_nominal || prev->ne <= prev->nb) break;
        if (ent_is_title(s, prev->nb, prev->ne)) break;
        gx = ent_lookup(c, s, prev->nb, prev->ne);
        if (gx && gx->label != KOAI_LABEL_PERSON) break;
        w0--;
      }
      xb = aWord[w0].nb;
    }
    xs = ent_scripts(s, xb, xe);
    /* Two forms in different scripts, or a Latin abbreviation. */
    if (xs == is || !(xs & 7)) continue;
    if ((xs & 1) && (is & 1) && !(is & 2) && !(is & 4)) continue;
    gx = ent_lookup(c, s, xb, xe);
    /* 인공지능(AI), 반도체(chip), 정부(Government): a generic noun with a
    ** gloss is no name, and the gloss is none either */
    if (gx == NULL && pat_generic_noun(c, s, xb, xe)) continue;
    gi = ent_lookup(c, s, ib, ie);
    if (gx || gi) {
      const koai_gaz_entry *g = gx ? gx : gi;
      label = g->label;
      snprintf(zCanon, sizeof(zCanon), "%s", g->canonical);
    } else {
      label = pat_alias_label(s, aWord, w0, w, xb, xe, ib, ie);
      if (label < 0) continue;
      if (is & 2) {
        pat_copy(s, ib, ie, zCanon, sizeof(zCanon));
      } else {
        pat_copy(s, xb, xe, zCanon, sizeof(zCanon));
      }
    }
    if (label > KOAI_LABEL_GPE) continue;
    rc = ent_add(c, xb, xe, label, zCanon, "alias", ENT_PRIO_ALIAS);
    if (rc == KOAI_OK) rc = ent_add(c, ib, ie, label, zCanon, "alias", ENT_PRIO_ALIAS);
    if (rc == KOAI_OK && label == KOAI_LABEL_PERSON) {
      rc = ent_learn_person(c, s, xb, xe, zCanon);
      if (rc == KOAI_OK) rc = ent_learn_person(c, s, ib, ie, zCanon);
    } else if (rc == KOAI_OK) {
      rc = pat_learn(c, s, xb, xe, label, zCanon);
      if (rc == KOAI_OK) rc = pat_learn(c, s, ib, ie, label, zCanon);
    }
    if (rc != KOAI_OK) return rc;
    p = q;
  }
  return KOAI_OK;
}

/* ---- people around titles ------------------------------------------- */

/* Is word i a title (possibly followed by particles)? */
static int pat_word_is_title(const ent_segment *s, const pat_word *w) {
  return w->me > w->b && ent_is_title(s, w->b, w->me);
}

/* Add a person found next to a title, with what the text knows of them. */
static int pat_add_person(ent_context *c, const ent_segment *s, size_t b,
                          size_t e) {
  const koai_gaz_entry *g = ent_lookup(c, s, b, e);
  char zCanon[PAT_MAX_NAME];
  int rc;
  if (g && g->label != KOAI_LABEL_PERSON) return KOAI_OK;
  if (g) {
    snprintf(zCanon, sizeof(zCanon), "%s", g->canonical);
  } else {
    pat_copy(s, b, e, zCanon, sizeof(zCanon));
  }
  rc = ent_add(c, b, e, KOAI_LABEL_PERSON, zCanon, "title", ENT_PRIO_PATTERN);
  if (rc == KOAI_OK) rc = ent_learn_person(c, s, b, e, zCanon);
  return rc;
}

/* A surname alone before a title: 김 대표 -> the 김 named before. */
static int pat_add_surname(ent_context *c, const ent_segment *s, size_t b,
                           size_t e, const char *zSource) {
  size_t end = 0;
  const koai_gaz_entry *g =
      koai_gazetteer_match(c->learned, s->z, e, b, NULL, &end);
  const char *zCanon = (g && end == e && g->label == KOAI_LABEL_PERSON)
                           ? g->canonical
                           : NULL;
  if (zCanon == NULL) {
    g = koai_gazetteer_match(c->surnames, s->z, e, b, NULL, &end);
    zCanon = (g && end == e) ? g->canonical : NULL;
  }
  char zSurface[16];
  if (zCanon == NULL) {
    pat_copy(s, b, e, zSurface, sizeof(zSurface));
    zCanon = zSurface;
  }
  return ent_add(c, b, e, KOAI_LABEL_PERSON, zCanon, zSource, ENT_PRIO_PATTERN);
}

/*
** Can word w be (part of) a person's name?  Its name part must be a
** proper noun, or a word the dictionary does not know as one noun (foreign
** names come out in pieces: 일론 = 일 + 론), and not a title, a number or
** the name of something else.  needAll: nothing may follow the name part.
*/
static int pat_name_word(const ent_context *c, const ent_segment *s,
                         const pat_word *w, int needAll) {
  const koai_gaz_entry *g;
  int scripts;
  if (w->me <= w->b || (needAll && !w->all_name)) return 0;
  if (!w->proper && w->n_name < 2) return 0;
  /* a dictionary compound (인공지능 = 인공 + 지능, tagged NNP) is a thing,
  ** not a name: 인공지능 시장 is a market, not a mayor */
  if (w->n_name == 1 && koai_field_is(s->m[w->m0].f.type, "Compound")) {
    return 0;
  }
  if (ent_is_title(s, w->b, w->me)) return 0;
  scripts = ent_scripts(s, w->b, w->me);
  if ((scripts & 8) || scripts == 0 || scripts == 3) return 0;
  g = ent_lookup(c, s, w->b, w->me);
  return g == NULL || g->label == KOAI_LABEL_PERSON;
}

/*
** The second word of a foreign name (a family name) needs less: Hangul,
** at most five syllables, not a title and not the name of something else.
*/
static int pat_family_word(const ent_context *c, const ent_segment *s,
                           const pat_word *w) {
  const koai_gaz_entry *g;
  int syl = ent_syllables(s, w->b, w->me);
  if (syl < 1 || syl > 5 || ent_is_title(s, w->b, w->me)) return 0;
  g = ent_lookup(c, s, w->b, w->me);
  return g == NULL || g->label == KOAI_LABEL_PERSON;
}

/*
** Can word w be a person rather than the body they belong to?  A party or
** ministry before a title (새누리당 의원, 고용부 장관) is not the person:
** a word ending with an organization's head is one only when the
** dictionary knows it as a person's name.
*/
static int pat_person_like(const ent_segment *s, const pat_word *w) {
  static const char *azBody[] = {"당", "부", "청", "처", "원", "회", "사",
                                 "국", "단", "소", "실", "위", "연합", "동맹",
                                 "연대", "연맹", "모임", NULL};
  int k, allPerson = 1;
  for (k = w->m0; k < w->m0 + w->n_name; k++) {
    if (strcmp(s->m[k].tag, "NNP") != 0 ||
        !koai_field_is(s->m[k].f.semantic, "인명")) {
      allPerson = 0;
    }
  }
  if (allPerson && ent_korean_name(s, w->b, w->me)) return 1;
  if (ent_org_head_len(s, w->b, w->me)) return 0;
  for (k = 0; azBody[k]; k++) {
    size_t n = strlen(azBody[k]);
    if (w->me - w->b > n && memcmp(s->z + w->me - n, azBody[k], n) == 0 &&
        ent_syllables(s, w->b, w->me) >= 3) {
      return 0;
    }
  }
  return 1;
}

/* Is the name part of word w one proper noun of the dictionary's 인명? */
static int pat_dict_person(const ent_segment *s, const pat_word *w) {
  return w->n_name == 1 && strcmp(s->m[w->m0].tag, "NNP") == 0 &&
         koai_field_is(s->m[w->m0].f.semantic, "인명");
}

/* Is word w one Hangul syllable that is a surname, with nothing after it
** but particles or endings (마는, 황이)? */
static int pat_short_family(const ent_segment *s, const pat_word *w) {
  const ent_morph *m = &s->m[w->m0];
  int k;
  if (m->e - m->b != 3 || !ent_is_surname(s->z + m->b, 3)) return 0;
  for (k = w->m0 + 1; k < w->m1; k++) {
    const char *t = s->m[k].tag;
    if (t[0] != 'J' && t[0] != 'E' && strcmp(t, "ETM") != 0) return 0;
  }
  return 1;
}

static int pat_titles(ent_context *c, const ent_segment *s,
                      const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK;
  for (i = 0; i < nWord && rc == KOAI_OK; i++) {
    const pat_word *t = &aWord[i];
    /* a three-syllable name glued to its title: 이서연기자, however the
    ** analyzer cut it (박서 + 연기자) */
    {
      int k = t->m1;
      size_t we;
      while (k > t->m0 + 1 && s->m[k - 1].tag[0] == 'J') k--;
      we = s->m[k - 1].e;
      if (we > t->b + 9 && ent_syllables(s, t->b, we) >= 4 &&
          ent_korean_name(s, t->b, t->b + 9) &&
          pat_in_list(azBylineTitle, s->z + t->b + 9, we - t->b - 9) &&
          ent_lookup(c, s, t->b, we) == NULL) {
        rc = pat_add_person(c, s, t->b, t->b + 9);
        if (rc != KOAI_OK) break;
        continue;
      }
    }
    if (!pat_word_is_title(s, t)) continue;
    /* name, then title: 김민준 대표, 젠슨 황 CEO */
    if (i > 0 && aWord[i - 1].all_name) {
      const pat_word *p = &aWord[i - 1];
      int syl = ent_syllables(s, p->b, p->me);
      /* 윤모 일병: an anonymous 윤 */
      if (syl == 2 && ent_is_surname(s->z + p->b, 3) &&
          memcmp(s->z + p->b + 3, "모", 3) == 0) {
        rc = pat_add_surname(c, s, p->b, p->b + 3, "shape:anonymous");
        continue;
      }
      if (syl == 1 && ent_is_surname(s->z + p->b, p->me - p->b)) {
        /* 전 회장, 현 대표: former, current, not a surname */
        if (memcmp(s->z + p->b, "전", 3) != 0 &&
            memcmp(s->z + p->b, "현", 3) != 0) {
          rc = pat_add_surname(c, s, p->b, p->me, "title");
        }
        continue;
      }
      /* a foreign name of two words: 젠슨 황 */
      if (i > 1 && aWord[i - 2].all_name && !ent_korean_name(s, p->b, p->me) &&
          pat_family_word(c, s, p) && pat_name_word(c, s, &aWord[i - 2], 1) &&
          !ent_korean_name(s, aWord[i - 2].b, aWord[i - 2].me) &&
          ent_syllables(s, aWord[i - 2].b, aWord[i - 2].me) <= 5) {
        rc = pat_add_person(c, s, aWord[i - 2].b, p->me);
        continue;
      }
      /* a person, then their company, then the title: 윤서준 한빛정밀 대표;
      ** the word before the title is the person only when the dictionary
      ** knows it as one or the word before it is no person */
      if (i > 1 && aWord[i - 2].all_name && !pat_dict_person(s, p) &&
          pat_dict_person(s, &aWord[i - 2]) &&
          ent_korean_name(s, aWord[i - 2].b, aWord[i - 2].me)) {
        rc = pat_add_person(c, s, aWord[i - 2].b, aWord[i - 2].me);
        continue;
      }
      if (pat_name_word(c, s, p, 1) && pat_person_like(s, p) &&
          ent_scripts(s, p->b, p->me) != 2) {   /* AMD 최고경영자: no */
        rc = pat_add_person(c, s, p->b, p->me);
        continue;
      }
      /* name, company, department, title: 김동훈 카카오 AI전략 대표 */
      {
        int k;
        for (k = i - 2; k >= 0 && k >= i - 4; k--) {
          const pat_word *q = &aWord[k];
          if (!q->all_name) break;
          if (ent_korean_name(s, q->b, q->me) && q->n_name == 1 &&
              strcmp(s->m[q->m0].tag, "NNP") == 0 &&
              koai_field_is(s->m[q->m0].f.semantic, "인명")) {
            rc = pat_add_person(c, s, q->b, q->me);
            break;
          }
        }
      }
      if (rc != KOAI_OK) break;
    }
    /* title, then name: CEO 일론 머스크는 */
    if (t->all_name && i + 1 < nWord) {
      const pat_word *n1 = &aWord[i + 1];
      /* a one-syllable family name the analyzer took for something else:
      ** 창업자 잭 마는 (잭 + 마/VV + 는) */
      if (i + 2 < nWord && pat_short_family(s, &aWord[i + 2]) &&
          n1->all_name && !ent_korean_name(s, n1->b, n1->me) &&
          !ent_is_title(s, n1->b, n1->me)) {
        int syl = ent_syllables(s, n1->b, n1->me);
        if (syl >= 1 && syl <= 4) {
          rc = pat_add_person(c, s, n1->b, s->m[aWord[i + 2].m0].e);
          continue;
        }
      }
      if (!pat_name_word(c, s, n1, 0)) continue;
      if (n1->all_name && i + 2 < nWord &&
          !ent_korean_name(s, n1->b, n1->me) &&
          ent_syllables(s, n1->b, n1->me) > 0 &&
          pat_family_word(c, s, &aWord[i + 2])) {
        rc = pat_add_person(c, s, n1->b, aWord[i + 2].me);
      } else if (ent_korean_name(s, n1->b, n1->me) ||
                 (ent_scripts(s, n1->b, n1->me) & 2) == 0) {
        rc = pat_add_person(c, s, n1->b, n1->me);
      }
    }
  }
  return rc;
}

/* ---- people the text does not name ---------------------------------- */

/* Is morpheme i the word 씨, 군 or 양 (Mr, boy, girl)? */
static int pat_is_honorific(const ent_segment *s, int i) {
  const ent_morph *m;
  if (i < 0 || i >= s->nm) return 0;
  m = &s->m[i];
  return m->e - m->b == 3 && (memcmp(s->z + m->b, "씨", 3) == 0 ||
                              memcmp(s->z + m->b, "군", 3) == 0 ||
                              memcmp(s->z + m->b, "양", 3) == 0);
}

/* Morpheme index after a parenthesized note starting at morpheme i in the
** same word (김모(33)씨), or i when there is none. */
static int pat_skip_note(const ent_segment *s, const pat_word *w, int i) {
  int k;
  if (i >= w->m1 || s->z[s->m[i].b] != '(') return i;
  for (k = i + 1; k < w->m1 && k < i + 8; k++) {
    if (s->z[s->m[k].b] == ')') return k + 1;
  }
  return i;
}

/*
** A person news does not name: a surname or a capital letter with 모, 씨,
** 군 or 양 (김모(33)씨, 박씨, 이모 씨, A씨, B군, 김 군), or a letter glued to a
** title (K기자).  The surname alone is the PERSON span, as the spec has it
** for 김 대표.
*/
static int pat_anonymous(ent_context *c, const ent_segment *s,
                         const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK;
  for (i = 0; i < nWord && rc == KOAI_OK; i++) {
    const pat_word *w = &aWord[i];
    const ent_morph *m = &s->m[w->m0];
    size_t b = m->b, e = m->e, n = e - b;
    int letter = n == 1 && s->z[b] >= 'A' && s->z[b] <= 'Z';
    int surname = n == 3 && ent_is_surname(s->z + b, 3);
    int fused = n == 6 && ent_is_surname(s->z + b, 3) &&
                memcmp(s->z + b + 3, "모", 3) == 0;   /* 강모, 이모 */
    int k = w->m0 + 1, ok = 0;
    if (!letter && !surname && !fused) continue;
    if (fused) e = b + 3;
    if (surname && k < w->m1 && s->m[k].e - s->m[k].b == 3 &&
        memcmp(s->z + s->m[k].b, "모", 3) == 0) {
      k++;                                      /* 김 + 모 */
      fused = 1;
    }
    k = pat_skip_note(s, w, k);
    if (k < w->m1) {
      ok = pat_is_honorific(s, k) ||
           (letter && ent_is_title(s, s->m[k].b, w->me > s->m[k].b
                                                    ? w->me
                                                    : s->m[k].e));
    } else if (k == w->m1 && i + 1 < nWord) {
      /* 이모 씨, 김 군: the honorific is the next word */
      ok = pat_is_honorific(s, aWord[i + 1].m0) &&
           (fused || letter || w->m1 == w->m0 + 1);
      /* 박 모 씨, 박 모(55) 씨 */
      if (!ok && surname && w->m1 == w->m0 + 1 && i + 2 < nWord) {
        const pat_word *w2 = &aWord[i + 1];
        const ent_morph *m2 = &s->m[w2->m0];
        if (m2->e - m2->b == 3 && memcmp(s->z + m2->b, "모", 3) == 0) {
          int k2 = pat_skip_note(s, w2, w2->m0 + 1);
          ok = (k2 < w2->m1 && pat_is_honorific(s, k2)) ||
               (k2 == w2->m1 && pat_is_honorific(s, aWord[i + 2].m0));
        }
      }
    }
    if (!ok) continue;
    if (letter) {
      char zCanon[2];
      zCanon[0] = (char)s->z[b];
      zCanon[1] = 0;
      rc = ent_add(c, b, e, KOAI_LABEL_PERSON, zCanon, "shape:anonymous",
                   ENT_PRIO_PATTERN);
    } else {
      rc = pat_add_surname(c, s, b, e, "shape:anonymous");
    }
  }
  return rc;
}

/* ---- organizations -------------------------------------------------- */

/* Is z[b, e) a common noun of the dictionary (a word, not a name)? */
int ent_common_noun(const ent_context *c, const ent_segment *s,
                           size_t b, size_t e) {
  koai_prefix_match m;
  uint32_t t;
  if (c->d == NULL || e <= b) return 0;
  if (!koai_dic_exact_match(&c->d->sys, s->z + b, e - b, &m)) return 0;
  for (t = 0; t < m.n_tokens; t++) {
    const char *zF = koai_dic_feature(&c->d->sys, &c->d->sys.tokens[m.first_token + t]);
    if (strncmp(zF, "NNG,", 4) == 0) return 1;
  }
  return 0;
}

/*
** A name with an organization's head in one word, read from its text
** (the analyzer may cut the head: 솔루션 + 즈): 코아이솔루션즈, 누리랩스,
** 한국경제신문.  What comes before the head must look like a name: two
** syllables or more (or Latin), and not a common noun of the dictionary
** (국내산업, 반도체산업 are not organizations).  A place with 대, 대학 or
** 대학교 is a university: 부산대, 충남대.
*/
/* Heads of media outlets' names, and words that before them make a kind
** of media rather than a name (경제신문, 지역방송). */
static const char *azMediaHead[] = {"일보", "신문", "뉴스", "통신", "방송",
                                    "경제신문", NULL};
static const char *azGenericMedia[] = {
    "국내", "해외", "지역", "경제", "종합", "인터넷", "온라인", "외신", "주요",
    "현지", "일간", "주간", "전문", "지방", "중앙", "공영", "민영", "종편",
    "케이블", "위성", "라디오", "스포츠", "연예", "가짜", "속보", "단독", NULL};

static int pat_org_head(ent_context *c, const ent_segment *s,
                        const pat_word *w) {
  static const char *azUniversity[] = {"대학교", "대학", "대", NULL};
  size_t b = w->b, e = w->me;
  char zCanon[PAT_MAX_NAME];
  int k;
  if (e <= b || ent_lookup(c, s, b, e) != NULL) return KOAI_OK;
  for (k = 0; azUniversity[k]; k++) {
    size_t n = strlen(azUniversity[k]);
    const koai_gaz_entry *g;
    if (e - b <= n || memcmp(s->z + e - n, azUniversity[k], n) != 0) continue;
    g = ent_lookup(c, s, b, e - n);
    if (g && g->label == KOAI_LABEL_GPE) {
      pat_copy(s, b, e, zCanon, sizeof(zCanon));
      return ent_add(c, b, e, KOAI_LABEL_ORG, zCanon, "suffix",
                     ENT_PRIO_PATTERN + 1);
    }
  }
  if (ent_org_head_len(s, b, e) == 0) return KOAI_OK;   /* the usual case */
  for (k = 0; azOrgHead[k]; k++) {
    size_t n = strlen(azOrgHead[k]), hb;
    if (n == 3 && memcmp(azOrgHead[k], "대", 3) == 0) continue;
    int syl;
    if (e - b <= n || memcmp(s->z + e - n, azOrgHead[k], n) != 0) continue;
    hb = e - n;
    syl = ent_syllables(s, b, hb);
    if (syl == 0 || syl == 1 || syl > 8) continue;
    if (ent_scripts(s, b, hb) & 8) continue;          /* 3분기산업: no */
    /* a common noun before the head is an industry (국내산업), except
    ** before a newspaper's or broadcaster's head: 새벽일보, 세계일보 */
    if (ent_common_noun(c, s, b, hb) &&
        (!pat_in_list(azMediaHead, s->z + hb, n) ||
         pat_in_list(azGenericMedia, s->z + b, hb - b) ||
         ent_common_noun(c, s, b, e))) {
      continue;
    }
    pat_copy(s, b, e, zCanon, sizeof(zCanon));
    return ent_add(c, b, e, KOAI_LABEL_ORG, zCanon, "suffix", ENT_PRIO_PATTERN);
  }
  return KOAI_OK;
}

static int pat_organizations(ent_context *c, const ent_segment *s,
                             const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK;
  for (i = 0; i < nWord && rc == KOAI_OK; i++) {
    const pat_word *w = &aWord[i];
    const koai_gaz_entry *g;
    char zCanon[PAT_MAX_NAME];
    rc = pat_org_head(c, s, w);
    if (rc != KOAI_OK) break;
    if (i + 1 >= nWord || !w->all_nominal || w->ne <= w->nb) continue;
    g = ent_lookup(c, s, w->nb, w->ne);
    if (g == NULL) continue;
    {
      const pat_word *n = &aWord[i + 1];
      int syl = ent_syllables(s, n->nb, n->ne);
      size_t len = n->ne - n->nb;
      if (len == 0) continue;
      /* 삼성전자 주식회사 */
      if (g->label == KOAI_LABEL_ORG && len == 12 &&
          memcmp(s->z + n->nb, "주식회사", 12) == 0) {
        rc = ent_add(c, w->nb, n->ne, KOAI_LABEL_ORG, g->canonical, "suffix",
                     ENT_PRIO_PATTERN);
        continue;
      }
      /* 미국 상무부, 중국 국가발전개혁위원회: a body of a country; the
      ** generic 행정부 (미 행정부 → 미) is none */
      if (g->label == KOAI_LABEL_GPE && syl >= 3 &&
          !(len == 9 && memcmp(s->z + n->nb, "행정부", 9) == 0) &&
          (memcmp(s->z + n->ne - 3, "부", 3) == 0 ||
           memcmp(s->z + n->ne - 3, "청", 3) == 0 ||
           (len >= 9 && memcmp(s->z + n->ne - 9, "위원회", 9) == 0) ||
           (len >= 6 && memcmp(s->z + n->ne - 6, "의회", 6) == 0))) {
        pat_copy(s, w->nb, n->ne, zCanon, sizeof(zCanon));
        rc = ent_add(c, w->nb, n->ne, KOAI_LABEL_ORG, zCanon, "body",
                     ENT_PRIO_PATTERN);
      }
    }
  }
  return rc;
}

/* ---- versions of models --------------------------------------------- */

/* Length of a version token at z[i]: 3, 1.5, 4o, S24, 2.0; 0 if none. */
static size_t pat_version_at(const ent_segment *s, size_t i) {
  size_t j = i;
  int digits = 0;
  if (j < s->n && pat_is_latin(s->z[j]) && j + 1 < s->n && s->z[j + 1] >= '0' &&
      s->z[j + 1] <= '9') {
    j++;                                  /* S24 */
  }
  while (j < s->n && ((s->z[j] >= '0' && s->z[j] <= '9') ||
                      (s->z[j] == '.' && j + 1 < s->n && s->z[j + 1] >= '0' &&
                       s->z[j + 1] <= '9' && digits))) {
    digits += s->z[j] != '.';
    j++;
  }
  if (!digits) return 0;
  while (j < s->n && pat_is_latin(s->z[j]) && j - i < 12) j++;   /* 4o */
  return j - i;
}

int ent_extend_versions(ent_context *c, const ent_segment *s, int from) {
  int i, n = c->cands->n;
  for (i = from; i < n; i++) {
    koai_entity *e = &c->cands->a[i];
    size_t j = e->end, v;
    char sep = 0;
    char zCanon[PAT_MAX_NAME];
    int k;
    if (e->label != KOAI_LABEL_PRODUCT) continue;
    if (j < s->n && (s->z[j] == ' ' || s->z[j] == '-')) {
      sep = (char)s->z[j];
      j++;
    }
    v = pat_version_at(s, j);
    if (v == 0 || !s->can_end[j + v]) {
      /* glued letters after a full model name: GPT-4 + o */
      if (sep == 0 && j < s->n && pat_is_latin(s->z[j])) {
        size_t k2 = j;
        while (k2 < s->n && pat_is_latin(s->z[k2]) && k2 - j < 4) k2++;
        if (s->can_end[k2] && (k2 >= s->n || !pat_is_latin(s->z[k2]))) {
          snprintf(zCanon, sizeof(zCanon), "%s%.*s", e->canonical,
                   (int)(k2 - j), (const char *)s->z + j);
          free(e->canonical);
          e->canonical = strdup(zCanon);
          if (e->canonical == NULL) return KOAI_ERROR_NOMEM;
          e->end = k2;
        }
      }
      continue;
    }
    /* a version glued to a Hangul word is a quantity (1만), unless the
    ** word is a particle (라마 3와) */
    {
      int len, mi;
      uint32_t next = pat_char(s, j + v, &len);
      if (pat_is_hangul(next)) {
        mi = ent_morph_index_at(s, j + v);
        if (mi < 0 || s->m[mi].b != j + v || s->m[mi].tag[0] != 'J') continue;
      }
    }
    snprintf(zCanon, sizeof(zCanon), "%s%c%.*s", e->canonical,
             sep ? sep : ' ', (int)v, (const char *)s->z + j);
    j += v;
    /* an edition word: 프로, Pro, 소네트 */
    if (j + 1 < s->n && s->z[j] == ' ') {
      for (k = 0; azEdition[k][0]; k++) {
        size_t len = strlen(azEdition[k][0]);
        if (j + 1 + len <= s->n &&
            memcmp(s->z + j + 1, azEdition[k][0], len) == 0 &&
            s->can_end[j + 1 + len]) {
          size_t used = strlen(zCanon);
          snprintf(zCanon + used, sizeof(zCanon) - used, " %s", azEdition[k][1]);
          j += 1 + len;
          break;
        }
      }
    }
    free(e->canonical);
    e->canonical = strdup(zCanon);
    if (e->canonical == NULL) return KOAI_ERROR_NOMEM;
    e->end = j;
  }
  return KOAI_OK;
}

/* ---- products named after what they are ------------------------------ */

/* Nouns that name a kind of product, before the product's name. */
static const char *azProductHead[] = {
    "모델", "언어모델", "챗봇", "칩", "로봇", "앱", "애플리케이션", "플랫폼",
    "스마트폰", "폰", "기기", "태블릿", "노트북", "운영체제", "검색엔진",
    "가속기", "프로세서", "비서", "에이전트", "게임", "전기차", "드론", "위성",
    "서비스", "브랜드", "소프트웨어", "솔루션", "엔진", NULL};

/*
** A quoted name after the kind of product it is: 챗봇 ‘하늘이’, 모델
** "누리".  Unquoted, a word after 로봇 or 모델 is too often a common noun
** the dictionary does not know (학습량, 마켓) to be taken for a name.
*/
static int pat_products(ent_context *c, const ent_segment *s,
                        const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK;
  for (i = 0; i + 1 < nWord && rc == KOAI_OK; i++) {
    const pat_word *h = &aWord[i], *w = &aWord[i + 1];
    const koai_gaz_entry *g;
    size_t b = w->b, e = w->me;
    char zCanon[PAT_MAX_NAME];
    int nameLike = 0, len;
    uint32_t q;
    if (!h->all_name || !pat_in_list(azProductHead, s->z + h->b, h->me - h->b)) {
      continue;
    }
    q = pat_char(s, b, &len);
    if (q == 0x2018 || q == 0x201c || q == '\'' || q == '"') {
      /* a quoted name: up to the closing quote within the word */
      size_t j = b + (size_t)len;
      while (j < w->e) {
        int l2;
        uint32_t q2 = pat_char(s, j, &l2);
        if (q2 == 0x2019 || q2 == 0x201d || q2 == '\'' || q2 == '"') break;
        j += (size_t)(l2 ? l2 : 1);
      }
      if (j >= w->e || j == b + (size_t)len) continue;
      b += (size_t)len;
      e = j;
      nameLike = 1;
    }
    if (!nameLike || e <= b) continue;
    g = ent_lookup(c, s, b, e);
    if (g && g->label != KOAI_LABEL_PRODUCT) continue;
    if (g) {
      snprintf(zCanon, sizeof(zCanon), "%s", g->canonical);
    } else {
      pat_copy(s, b, e, zCanon, sizeof(zCanon));
    }
    rc = ent_add(c, b, e, KOAI_LABEL_PRODUCT, zCanon, "kind",
                 ENT_PRIO_PATTERN - 1);
  }
  return rc;
}

/* ---- products told by their cues ------------------------------------ */

/* Words near a product's name that say it is one: launches and kinds. */
static const char *azProductCue[] = {
    "출시", "공개", "선보", "내놓", "발표", "탑재", "업데이트", "버전", "모델",
    "챗봇", "앱", "플랫폼", "서비스", "언어모델", "에이전트", "칩", NULL};

/* Words that take a version without being a product (웹 3.0). */
static const char *azNotProduct[] = {
    "웹", "버전", "시즌", "파트", "단계", "레벨", "인더스트리", "산업", "모델",
    "시리즈", "제", "기술", "전략", "계획", "비전", "챗봇", "로봇", "채팅봇",
    "앱", "서비스", "플랫폼", "에이전트", "칩", "스마트폰", "시즌제", "리그",
    "호", "차", "회", "위", "세대", "등급", "단", "조", NULL};

/* Tails that make a word a chatbot's or app's name: 센스챗, 누리봇. */
static const char *azProductTail[] = {"챗", "봇", "톡", "GPT", NULL};

/* Does a particle or the end of a word start at byte i? */
static int pat_ends_at(const ent_segment *s, size_t i) {
  int mi = ent_morph_index_at(s, i);
  return mi >= 0 && s->m[mi].b == i && pat_ends_name(&s->m[mi]);
}

static int pat_has_cue(const ent_segment *s, const pat_word *aWord, int nWord,
                       int i, int span) {
  int j;
  for (j = i - span; j <= i + span; j++) {
    const pat_word *w = &aWord[j < 0 ? 0 : j];
    int k;
    if (j < 0 || j >= nWord || j == i) continue;
    if (w->me - w->b < 3) continue;
    for (k = 0; azProductCue[k]; k++) {
      size_t n;
      if ((unsigned char)azProductCue[k][0] != s->z[w->b] ||
          (unsigned char)azProductCue[k][1] != s->z[w->b + 1] ||
          (unsigned char)azProductCue[k][2] != s->z[w->b + 2]) {
        continue;
      }
      n = strlen(azProductCue[k]);
      if (w->me - w->b >= n && memcmp(s->z + w->b, azProductCue[k], n) == 0) {
        return 1;
      }
    }
  }
  return 0;
}

/*
** A product no list knows, told by the evidence around it: a name with a
** version and a product's cue nearby (오로라 3.5 모델, X 3.5를 공개), a
** chatbot's or app's tail with a cue (센스챗을 출시), or a name after the
** kind of product it is, with a launch nearby (챗봇 누리온을 선보였다).
** The name must not be a common noun of the dictionary or a generic word.
*/
static int pat_cued_products(ent_context *c, const ent_segment *s,
                             const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK, first = c->cands->n;
  for (i = 0; i < nWord && rc == KOAI_OK; i++) {
    const pat_word *w = &aWord[i];
    size_t b = w->b, e = w->me, v = 0, j;
    int scripts, syl, ok = 0, k, common;
    const koai_gaz_entry *g;
    if (e <= b || w->n_name == 0) continue;
    scripts = ent_scripts(s, b, e);
    if (scripts == 0 || (scripts & 8) || (scripts & 4)) continue;
    syl = ent_syllables(s, b, e);
    if (scripts == 1 && syl < 2) continue;
    /* the cheap tests first: a version, a tail, or a kind before it */
    {
      size_t j0 = e;
      int tail = 0;
      if (w->all_name && j0 < s->n && s->z[j0] == ' ') j0++;
      for (k = 0; azProductTail[k]; k++) {
        size_t n = strlen(azProductTail[k]);
        if (e - b > n + 3 && memcmp(s->z + e - n, azProductTail[k], n) == 0) {
          tail = 1;
        }
      }
      if (!(j0 < s->n && s->z[j0] >= '0' && s->z[j0] <= '9') && !tail &&
          !(i > 0 && aWord[i - 1].all_name &&
            pat_in_list(azProductHead, s->z + aWord[i - 1].b,
                        aWord[i - 1].me - aWord[i - 1].b))) {
        continue;
      }
    }
    if (pat_in_list(azNotProduct, s->z + b, e - b) || ent_is_title(s, b, e)) {
      continue;
    }
    common = ent_common_noun(c, s, b, e);
    g = ent_lookup(c, s, b, e);
    if (g) continue;                       /* the gazetteer decides */
    for (k = w->m0; k < w->m0 + w->n_name; k++) {
      if (strcmp(s->m[k].tag, "XSN") == 0) break;
    }
    if (k < w->m0 + w->n_name) continue;   /* 학습량: a measure, no name */
    /* a version after it, in the same word or the next, that is no
    ** amount (GPU 10만 개, 매개변수 700억 개) */
    j = e;
    if (w->all_name && j < s->n && s->z[j] == ' ') j++;
    v = pat_version_at(s, j);
    if (v && s->can_end[j + v]) {
      int len, mi;
      uint32_t next = pat_char(s, j + v, &len);
      if (pat_is_hangul(next)) {
        mi = ent_morph_index_at(s, j + v);
        if (mi < 0 || s->m[mi].b != j + v || s->m[mi].tag[0] != 'J') v = 0;
      }
    } else {
      v = 0;
    }
    if (v && !common && pat_has_cue(s, aWord, nWord, i, 3)) ok = 1;
    /* a common word is a model's name only right before version and kind:
    ** 오로라 3.5 모델 */
    if (v && common && j + v + 1 < s->n && s->z[j + v] == ' ') {
      size_t kb = j + v + 1, ke = kb;
      while (ke < s->n && s->z[ke] != ' ' && !pat_ends_at(s, ke)) ke++;
      ok = pat_in_list(azProductHead, s->z + kb, ke - kb);
    }
    /* a chatbot's tail */
    for (k = 0; !ok && !common && azProductTail[k]; k++) {
      size_t n = strlen(azProductTail[k]);
      if (e - b > n + 3 && memcmp(s->z + e - n, azProductTail[k], n) == 0 &&
          pat_has_cue(s, aWord, nWord, i, 4)) {
        ok = 1;
      }
    }
    /* after the kind of product, with a launch nearby */
    if (!ok && !common && w->proper && i > 0 && aWord[i - 1].all_name &&
        scripts != 2 &&
        pat_in_list(azProductHead, s->z + aWord[i - 1].b,
                    aWord[i - 1].me - aWord[i - 1].b) &&
        pat_has_cue(s, aWord, nWord, i, 4)) {
      const ent_morph *last = &s->m[w->m0 + w->n_name - 1];
      /* the last part must not be a common word of two syllables or more
      ** (데이터센터): that makes a compound of common words */
      ok = !(strcmp(last->tag, "NNG") == 0 &&
             ent_syllables(s, last->b, last->e) >= 2 &&
             w->n_name > 1);
    }
    if (!ok) continue;
    {
      char zCanon[PAT_MAX_NAME];
      pat_copy(s, b, e, zCanon, sizeof(zCanon));
      rc = ent_add(c, b, e, KOAI_LABEL_PRODUCT, zCanon, "context:product",
                   ENT_PRIO_PATTERN + 1);
    }
  }
  if (rc == KOAI_OK) rc = ent_extend_versions(c, s, first);
  return rc;
}

/* ---- places of the dictionary --------------------------------------- */

static int pat_places(ent_context *c, const ent_segment *s,
                      const pat_word *aWord, int nWord) {
  int i, rc = KOAI_OK;
  for (i = 0; i < nWord && rc == KOAI_OK; i++) {
    const pat_word *w = &aWord[i];
    const ent_morph *m = &s->m[w->m0];
    char zCanon[PAT_MAX_NAME];
    if (w->n0 != w->m0 + 1) continue;    /* the place is the whole noun */
    if (strcmp(m->tag, "NNP") != 0 || !koai_field_is(m->f.semantic, "지명")) {
      continue;
    }
    if (ent_syllables(s, m->b, m->e) < 2) continue;
    /* a word that is also a common noun (마켓) is not taken for a place */
    if (ent_common_noun(c, s, m->b, m->e)) continue;
    pat_copy(s, m->b, m->e, zCanon, sizeof(zCanon));
    rc = ent_add(c, m->b, m->e, KOAI_LABEL_GPE, zCanon, "place",
                 ENT_PRIO_PATTERN - 1);
  }
  return rc;
}

int ent_find_patterns(ent_context *c, const ent_segment *s) {
  pat_word *aWord;
  int nWord, rc;
  if (s->nm == 0) return KOAI_OK;
  aWord = malloc((size_t)s->nm * sizeof(pat_word));
  if (aWord == NULL) return KOAI_ERROR_NOMEM;
  nWord = pat_words(s, aWord, s->nm);
  rc = ent_extend_versions(c, s, 0);
  if (rc == KOAI_OK) rc = pat_alias_pairs(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_titles(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_anonymous(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_organizations(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_products(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_cued_products(c, s, aWord, nWord);
  if (rc == KOAI_OK) rc = pat_places(c, s, aWord, nWord);
  free(aWord);
  return rc;
}
