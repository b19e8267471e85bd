/*
** word_stems.c: what keeps a search as specific as the words typed.
**
** Words are analysed one at a time, and the analyzer may lose part of one:
** 쯔위 read as the adverb 쯔 (not indexed) and 위, 이란 alone as 이 and a
** particle, 새누리당 with the determiner 새 dropped, 국정원 cut into 국, 정, 원.
** A query searched by what is left would match documents that never
** contain the word.  So, piece by piece (a piece is a run of a word between
** punctuation: 후진타오(胡錦濤) has two):
**
**   - a query piece is searched as one term, its text (normalized and
**     case-folded), when the analysis lost a part of it, cut it into terms
**     at several positions, or read otherwise a noun the dictionary has;
**     particles after a noun stem of two characters or more are not a
**     loss (알리바바는 is searched as 알리바바 is);
**   - any other query piece is searched by its terms as before (중국,
**     말했다 as 말하다);
**   - a document piece gets the term that such a query searches, when its
**     own terms lack it: for the piece, and for each stem left when a
**     trailing run of particles, endings or a copula is read off it
**     (이란의 -> 이란, 김정은의 -> 김정은, 광저우행 -> 광저우), where the
**     analysis cut the piece there or the stem is a noun of the dictionary;
**   - a document piece takes one position, as its query does, so that a
**     phrase of names matches whatever the analysis cut inside each of them
**     (경주시 양남면); with the `compound parts` option, parts keep positions
**     of their own and a query of several parts is their phrase.
**
** The trailing runs are read with the dictionary's own entries (a prefix
** search of the trie at each step), not a list written here, so that every
** particle, ending and contraction mecab-ko-dic knows counts (에서는, 이었다,
** 으로부터), and nothing else does.
*/
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"
#include "term_builder.h"

#define STEM_MAX_SUFFIX_CHARS 5   /* the longest trailing run looked for */
#define STEM_MIN_CHARS 2          /* the shortest stem */
#define STEM_MAX_PIECES 4         /* entries in one trailing run */
#define STEM_MAX_MATCHES 16

/* The kinds of dictionary entry a trailing run is made of. */
#define RUN_PARTICLE 1
#define RUN_COPULA 2
#define RUN_ENDING 4
#define RUN_SUFFIX 8      /* a noun suffix: 광저우행, 학생들 */

/* Which kinds the tokens of one dictionary key have, as RUN_* bits. */
static int stems_key_kinds(const koai_dic_file *sys,
                           const koai_prefix_match *m) {
  int kinds = 0;
  uint32_t t;
  for (t = 0; t < m->n_tokens; t++) {
    const char *zFeat = koai_dic_feature(sys, &sys->tokens[m->first_token + t]);
    if (zFeat[0] == 'J') {
      kinds |= RUN_PARTICLE;
    } else if (strncmp(zFeat, "VCP", 3) == 0) {
      kinds |= RUN_COPULA;
    } else if (zFeat[0] == 'E') {
      kinds |= RUN_ENDING;
    } else if (strncmp(zFeat, "XSN,", 4) == 0) {
      kinds |= RUN_SUFFIX;
    }
  }
  return kinds;
}

static int stems_run_from(const koai_dic_file *sys, const unsigned char *z,
                          size_t n, int depth);

/*
** stems_run_from() for a whole trailing run, remembered: the same few
** endings (의, 에서, 이다 ...) come back word after word.
*/
static int stems_is_trailing_run(koai_term_builder *b, const unsigned char *z,
                                 size_t n) {
  stem_run_memo *m;
  uint32_t h = 2166136261u;
  size_t i;
  if (n > sizeof(m->key)) return stems_run_from(&b->d->sys, z, n, 0);
  for (i = 0; i < n; i++) h = (h ^ z[i]) * 16777619u;
  if (b->run_memo == NULL) {
    b->run_memo = calloc(KOAI_RUN_MEMO_SIZE, sizeof(*b->run_memo));
    if (b->run_memo == NULL) return stems_run_from(&b->d->sys, z, n, 0);
  }
  m = &b->run_memo[h & (KOAI_RUN_MEMO_SIZE - 1)];
  if (m->n_key != n || memcmp(m->key, z, n) != 0) {
    memcpy(m->key, z, n);
    m->n_key = (unsigned char)n;
    m->is_run = (unsigned char)stems_run_from(&b->d->sys, z, n, 0);
  }
  return m->is_run;
}

/*
** 1 when z[0..n) reads entirely as dictionary entries that may follow a
** noun: a noun suffix or a particle or a copula first (an ending follows
** the stem of a verb, not a noun), then particles, copulas and endings.
*/
static int stems_run_from(const koai_dic_file *sys, const unsigned char *z,
                          size_t n, int depth) {
  koai_prefix_match aMatch[STEM_MAX_MATCHES];
  int nMatch, i;
  int allowed = depth == 0 ? (RUN_SUFFIX | RUN_PARTICLE | RUN_COPULA)
                           : (RUN_PARTICLE | RUN_COPULA | RUN_ENDING);
  if (depth >= STEM_MAX_PIECES) return 0;
  nMatch = koai_dic_prefix_search(sys, z, n, aMatch, STEM_MAX_MATCHES);
  for (i = nMatch - 1; i >= 0; i--) {
    if (aMatch[i].length == 0 || aMatch[i].length > n) continue;
    if ((stems_key_kinds(sys, &aMatch[i]) & allowed) == 0) continue;
    if (aMatch[i].length == n) return 1;
    if (stems_run_from(sys, z + aMatch[i].length, n - aMatch[i].length,
                       depth + 1)) {
      return 1;
    }
  }
  return 0;
}

/* Punctuation and symbols: they separate pieces, they are not lost. */
static int stems_is_punct(const word_part *p) {
  return p->tag[0] == 'S' && strcmp(p->tag, "SL") != 0 &&
         strcmp(p->tag, "SH") != 0 && strcmp(p->tag, "SN") != 0;
}

/*
** Mark the parts of the buffered word that its terms lost: those no term
** spans, but for punctuation, for what a user's `tags` left out on purpose
** (a tag indexed by default, a 하/되 suffix, the endings of a verb), which
** a query leaves out the same way.
*/
static void stems_mark_lost(koai_term_builder *b) {
  static const koai_term_options defaults;   /* the default tag set */
  int i, k, afterPredicate = 0;
  for (i = 0; i < b->n_parts; i++) b->parts[i].lost = 1;
  /* Parts are in text order: each term marks the parts it spans, found
  ** by a binary search, so that a long word costs no more than its
  ** terms. */
  for (k = 0; k < b->n_terms; k++) {
    const word_term *t = &b->terms[k];
    int lo = 0, hi = b->n_parts;
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (b->parts[mid].start < t->start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (i = lo; i < b->n_parts && b->parts[i].end <= t->end; i++) {
      b->parts[i].lost = 0;
    }
  }
  for (i = 0; i < b->n_parts; i++) {
    word_part *p = &b->parts[i];
    if (p->lost) {
      p->lost = !stems_is_punct(p) && p->cls != PART_DERIVE &&
                !koai_terms_tag_indexed(&defaults, p->tag,
                                        (int)strlen(p->tag)) &&
                !(afterPredicate && p->tag[0] == 'E');
    }
    if (p->tag[0] != 'E') {
      afterPredicate = p->cls == PART_PREDICATE || p->cls == PART_DERIVE;
    }
  }
}

/* 1 when the analysis lost no part of [i, j). */
static int stems_covered(const koai_term_builder *b, int i, int j) {
  for (; i < j; i++) {
    if (b->parts[i].lost) return 0;
  }
  return 1;
}

/* Join the parts' texts into b->word; b->word_ends[i] is where part i ends. */
static int stems_join_word(koai_term_builder *b) {
  size_t n = 0;
  int i;
  for (i = 0; i < b->n_parts; i++) n += (size_t)b->parts[i].text_len;
  if (n > b->cap_word) {
    char *z = realloc(b->word, n);
    if (z == NULL) return KOAI_ERROR_NOMEM;
    b->word = z;
    b->cap_word = n;
  }
  if (b->n_parts > b->cap_word_ends) {
    size_t *a = realloc(b->word_ends, (size_t)b->n_parts * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    b->word_ends = a;
    b->cap_word_ends = b->n_parts;
  }
  n = 0;
  for (i = 0; i < b->n_parts; i++) {
    memcpy(b->word + n, b->buf + b->parts[i].text_off,
           (size_t)b->parts[i].text_len);
    n += (size_t)b->parts[i].text_len;
    b->word_ends[i] = n;
  }
  return KOAI_OK;
}

static size_t stems_word_start(const koai_term_builder *b, int i) {
  return i == 0 ? 0 : b->word_ends[i - 1];
}

/* The input offset where a stem ending at byte pos of b->word ends, pos
** falling in part k. */
static size_t stems_input_end(const koai_term_builder *b, int k, size_t pos) {
  const word_part *p = &b->parts[k];
  if (pos == b->word_ends[k]) return p->end;
  /* Inside a part bytes map one to one only where normalization kept
  ** them; otherwise the stem's span takes the whole part. */
  if (p->end - p->start == (size_t)p->text_len) {
    return p->start + (pos - stems_word_start(b, k));
  }
  return p->end;
}

int koai_terms_dictionary_noun(const koai_dict *d, const char *z, size_t n,
                               int namesAndCommonOnly) {
  koai_prefix_match m;
  uint32_t t;
  if (!koai_dic_exact_match(&d->sys, (const unsigned char *)z, n, &m)) {
    return 0;
  }
  for (t = 0; t < m.n_tokens; t++) {
    const char *zFeat =
        koai_dic_feature(&d->sys, &d->sys.tokens[m.first_token + t]);
    if (strncmp(zFeat, "NNG,", 4) == 0 || strncmp(zFeat, "NNP,", 4) == 0) {
      return 1;
    }
    if (!namesAndCommonOnly &&
        (strncmp(zFeat, "NNB,", 4) == 0 || strncmp(zFeat, "NR,", 3) == 0 ||
         strncmp(zFeat, "NP,", 3) == 0)) {
      return 1;
    }
  }
  return 0;
}

/* 1 when one of the terms [k0, k1) is b->word[from, to), case-folded. */
static int stems_has_term(koai_term_builder *b, int k0, int k1, size_t from,
                          size_t to) {
  int n = koai_terms_fold(b, b->word + from, (int)(to - from)), k;
  if (n < 0) return 0;
  for (k = k0; k < k1; k++) {
    const word_term *t = &b->terms[k];
    if (t->text_len == n &&
        memcmp(b->term_buf + t->text_off, b->out, (size_t)n) == 0) {
      return 1;
    }
  }
  return 0;
}

/* Particles, endings and the copula: what follows a noun's stem. */
static int stems_is_functional(const word_part *p) {
  return p->tag[0] == 'J' || p->tag[0] == 'E' || strcmp(p->tag, "VCP") == 0;
}

/* What particles follow: nouns, numbers, foreign words, noun suffixes. */
static int stems_is_nominal(const word_part *p) {
  return p->tag[0] == 'N' || strcmp(p->tag, "SL") == 0 ||
         strcmp(p->tag, "SH") == 0 || strcmp(p->tag, "SN") == 0 ||
         strcmp(p->tag, "XSN") == 0;
}

static int stems_count_chars(const char *z, size_t n) {
  int nChars = 0;
  size_t i;
  for (i = 0; i < n; i++) nChars += ((unsigned char)z[i] & 0xc0) != 0x80;
  return nChars;
}

/*
** How a query for parts [first, last] (terms [k0, k1)) is searched: 0 by
** those terms, 1 as one term, the text b->word[*pFrom, *pTo).
**
** By the text itself when the text is a noun of the dictionary that the
** analysis read otherwise (이란 alone as 이 + a particle, 벨기에 as a verb),
** when the analysis lost a part of it (쯔위: the adverb 쯔), or when it cut
** it into terms at several positions (국정원 alone as 국 + 정 + 원), which
** would also match those words side by side.  Particles, endings and a
** Particles after a noun stem of two characters or more are not a loss:
** the stem is searched as it would be alone (알리바바는 as 알리바바).
*/
static int stems_query_text(koai_term_builder *b, int first, int last, int k0,
                            int k1, size_t *pFrom, size_t *pTo) {
  size_t lead = stems_word_start(b, first), to = b->word_ends[last];
  int k, m, nPositions = 0;
  *pFrom = lead;
  *pTo = to;
  /* A piece with no term of its own (새, 매우) still counts: a phrase
  ** must not match across it.  Particles and endings alone remain none. */
  if (k1 == k0) {
    for (m = first; m <= last; m++) {
      if (b->parts[m].lost && !stems_is_functional(&b->parts[m])) return 1;
    }
    return 0;
  }
  if (!stems_has_term(b, k0, k1, lead, to) &&
      koai_terms_dictionary_noun(b->d, b->word + lead, to - lead, 0)) {
    return 1;
  }
  /* Only particles: a copula or an ending after a noun is read from a
  ** word alone too eagerly (코레일 as 코레 + 일, "that is 코레"). */
  for (m = last; m >= first && b->parts[m].tag[0] == 'J'; m--) {
  }
  if (m < last && m >= first && stems_is_nominal(&b->parts[m]) &&
      stems_count_chars(b->word + lead, b->word_ends[m] - lead) >= 2) {
    /* A stem and its particles: searched as the stem would be. */
    last = m;
    *pTo = to = b->word_ends[m];
    if (!stems_has_term(b, k0, k1, lead, to) &&
        koai_terms_dictionary_noun(b->d, b->word + lead, to - lead, 0)) {
      return 1;
    }
  }
  if (!stems_covered(b, first, last + 1)) return 1;
  for (k = k0; k < k1; k++) nPositions += !b->terms[k].colocated || k == k0;
  /* With compound parts only, documents keep the parts' positions and a
  ** query their phrase. */
  return nPositions > 1 && b->opts->compound != KOAI_COMPOUND_PARTS;
}

/* One piece of a document word being finished. */
typedef struct stem_piece {
  int first, last;      /* its parts */
  int k0, k1;           /* its terms */
  int n_first;          /* terms at its first position: [k0, k0 + n_first) */
  int stems_from;       /* its stems so far: [stems_from, b->n_terms) */
} stem_piece;

/*
** Add the stem b->out[0..n) to the piece's terms at its first position,
** unless the piece has that term there already or that stem already.
*/
static void stems_add(koai_term_builder *b, const stem_piece *pc, int n,
                      size_t start, size_t end) {
  int k;
  for (k = 0; k < b->n_terms; k++) {
    const word_term *t = &b->terms[k];
    if (!((k >= pc->k0 && k < pc->k0 + pc->n_first) || k >= pc->stems_from)) {
      continue;
    }
    if (t->text_len == n &&
        memcmp(b->term_buf + t->text_off, b->out, (size_t)n) == 0) {
      return;
    }
  }
  if (koai_terms_push(b, 1, n, start, end) != KOAI_OK) {
    b->rc = KOAI_ERROR_NOMEM;
  }
}

/* Fold word[from, to) into b->out and add it as a stem. */
static void stems_add_text(koai_term_builder *b, const stem_piece *pc,
                           size_t from, size_t to, size_t start, size_t end) {
  int n = koai_terms_fold(b, b->word + from, (int)(to - from));
  if (n < 0) {
    b->rc = KOAI_ERROR_NOMEM;
    return;
  }
  stems_add(b, pc, n, start, end);
}

/* The stem of the piece that ends at byte pos of b->word, before a
** trailing run. */
static void stems_add_before(koai_term_builder *b, const stem_piece *pc,
                             size_t pos) {
  size_t lead = stems_word_start(b, pc->first), end;
  int k = pc->first;
  while (b->word_ends[k] < pos) k++;
  end = stems_input_end(b, k, pos);
  if (b->word_ends[k] == pos) {
    /* Cut there: a query for the stem alone is taken to read it as the
    ** longer piece does. */
    size_t from, to;
    int kEnd = pc->k0;
    while (kEnd < pc->k1 && b->terms[kEnd].start < b->parts[k].end) kEnd++;
    if (stems_query_text(b, pc->first, k, pc->k0, kEnd, &from, &to)) {
      stems_add_text(b, pc, from, to, b->parts[pc->first].start,
                     stems_input_end(b, k, to));
    }
    return;
  }
  /* Cut inside the piece's last part, where the analysis joined the end
  ** of a noun to what follows (김정 + 은의, 상하 + 이나, 광저 + 우행).  Only
  ** a noun the dictionary knows is taken from there: a query for it
  ** searches it whole or finds it as one morpheme, the same term either
  ** way. */
  if (k != pc->last) return;
  if (koai_terms_dictionary_noun(b->d, b->word + lead, pos - lead, 0)) {
    stems_add_text(b, pc, lead, pos, b->parts[pc->first].start, end);
  }
}

/* The stems of a document piece. */
static void stems_of_piece(koai_term_builder *b, stem_piece *pc) {
  size_t lead = stems_word_start(b, pc->first), wend = b->word_ends[pc->last];
  size_t pos = wend, from, to;
  int nChars = stems_count_chars(b->word + lead, wend - lead), nSuffix;
  if (stems_query_text(b, pc->first, pc->last, pc->k0, pc->k1, &from, &to)) {
    int k = pc->first;
    while (b->word_ends[k] < to) k++;
    stems_add_text(b, pc, from, to, b->parts[pc->first].start,
                   stems_input_end(b, k, to));
  }
  for (nSuffix = 1; nSuffix <= STEM_MAX_SUFFIX_CHARS &&
                    nChars - nSuffix >= STEM_MIN_CHARS && b->rc == 0;
       nSuffix++) {
    do {
      pos--;
    } while (pos > lead && ((unsigned char)b->word[pos] & 0xc0) == 0x80);
    if (stems_is_trailing_run(b, (const unsigned char *)b->word + pos,
                              wend - pos)) {
      stems_add_before(b, pc, pos);
    }
  }
}

/* Deliver terms [k0, k1) as they are. */
static void stems_deliver_terms(koai_term_builder *b, int k0, int k1) {
  int k;
  for (k = k0; k < k1 && b->rc == 0; k++) {
    const word_term *t = &b->terms[k];
    koai_terms_deliver(b, t->colocated, b->term_buf + t->text_off,
                       t->text_len, t->start, t->end,
                       b->mode == KOAI_TERMS_DOCUMENT && k < b->n_word_terms);
  }
}

/*
** Deliver a document piece's terms and stems at one position.  FTS5's
** highlight() and snippet() mark the span of a position's first term, so
** that term is given the span of them all: a match on any of them marks
** the piece without its particles (알리바바 in 알리바바는, 언어모델 in
** 언어모델을).
*/
static void stems_deliver_piece(koai_term_builder *b, const stem_piece *pc) {
  size_t start = 0, end = 0;
  int k, first = 1;
  for (k = pc->k0; k < b->n_terms; k++) {
    const word_term *t = &b->terms[k];
    if (k >= pc->k1 && k < pc->stems_from) continue;
    if (first || t->start < start) start = t->start;
    if (first || t->end > end) end = t->end;
    first = 0;
  }
  first = 1;
  for (k = pc->k0; k < b->n_terms && b->rc == 0; k++) {
    const word_term *t = &b->terms[k];
    if (k >= pc->k1 && k < pc->stems_from) continue;
    koai_terms_deliver(b, !first, b->term_buf + t->text_off, t->text_len,
                       first ? start : t->start, first ? end : t->end,
                       k < pc->k1);
    first = 0;
  }
}

/* A query piece: its terms, or one term for it. */
static void stems_finish_query_piece(koai_term_builder *b,
                                     const stem_piece *pc) {
  size_t from, to;
  int n, k;
  if (!stems_query_text(b, pc->first, pc->last, pc->k0, pc->k1, &from, &to)) {
    stems_deliver_terms(b, pc->k0, pc->k1);
    return;
  }
  n = koai_terms_fold(b, b->word + from, (int)(to - from));
  if (n < 0) {
    b->rc = KOAI_ERROR_NOMEM;
    return;
  }
  k = pc->first;
  while (b->word_ends[k] < to) k++;
  koai_terms_deliver(b, 0, b->out, n, b->parts[pc->first].start,
                     stems_input_end(b, k, to), 0);
}

/* Nouns written in Hangul: what a compound written apart is made of. */
static int stems_is_noun(const word_part *p) {
  return strcmp(p->tag, "NNG") == 0 || strcmp(p->tag, "NNP") == 0;
}

/* With the held last piece of the previous word, this word's first stem
** (without its particles), when it begins with a noun. */
static void stems_join_previous(koai_term_builder *b) {
  size_t to = 0, end = 0;
  int last = 0, k = 0;
  if (b->n_parts > 0 && stems_is_noun(&b->parts[0])) {
    while (last + 1 < b->n_parts && !stems_is_punct(&b->parts[last + 1])) {
      last++;
    }
    while (last > 0 && b->parts[last].tag[0] == 'J') last--;
    to = b->word_ends[last];
    while (b->word_ends[k] < to) k++;
    end = stems_input_end(b, k, to);
  }
  b->rec_join_to = to;
  koai_joins_next_word(b, b->word, to, end);
}

/* Remember this word's last piece for the next word, when it ends in a
** noun without a particle (오픈 in 오픈 소스). */
static void stems_remember_last(koai_term_builder *b) {
  int last = b->n_parts - 1, first = last;
  b->rec_last_from = b->rec_last_to = 0;
  if (b->mode != KOAI_TERMS_DOCUMENT || last < 0 ||
      !stems_is_noun(&b->parts[last])) {
    return;
  }
  while (first > 0 && !stems_is_punct(&b->parts[first - 1])) first--;
  b->rec_last_from = stems_word_start(b, first);
  b->rec_last_to = b->word_ends[last];
  koai_joins_remember(b, b->word + stems_word_start(b, first),
                      b->word_ends[last] - stems_word_start(b, first),
                      b->parts[first].start);
}

void koai_terms_finish_word(koai_term_builder *b) {
  int nWord = b->n_terms, i = 0, k = 0;
  if (stems_join_word(b) != KOAI_OK) {
    b->rc = KOAI_ERROR_NOMEM;
    return;
  }
  b->n_word_terms = nWord;
  stems_mark_lost(b);
  stems_join_previous(b);
  while (i < b->n_parts && b->rc == 0) {
    stem_piece pc;
    size_t pieceEnd;
    if (stems_is_punct(&b->parts[i])) {
      i++;
      continue;
    }
    pc.first = i;
    while (i < b->n_parts && !stems_is_punct(&b->parts[i])) i++;
    pc.last = i - 1;
    /* A document word's last piece, when it ends in a noun, is held: it
    ** may join the next word. */
    b->holding = b->mode == KOAI_TERMS_DOCUMENT && pc.last == b->n_parts - 1 &&
                 stems_is_noun(&b->parts[pc.last]);
    pieceEnd = b->parts[pc.last].end;
    /* Terms before the piece (punctuation a user chose to index) go as
    ** they are. */
    pc.k0 = k;
    while (pc.k0 < nWord && b->terms[pc.k0].end <= b->parts[pc.first].start &&
           b->terms[pc.k0].start < b->parts[pc.first].start) {
      pc.k0++;
    }
    stems_deliver_terms(b, k, pc.k0);
    pc.k1 = pc.k0;
    while (pc.k1 < nWord && b->terms[pc.k1].start < pieceEnd) pc.k1++;
    k = pc.k1;
    if (b->mode == KOAI_TERMS_QUERY) {
      stems_finish_query_piece(b, &pc);
      continue;
    }
    /* A piece takes one position, as its query does, so that a phrase of
    ** names matches whatever the analysis cut inside them (경주시 양남면);
    ** with compound parts, the parts keep positions of their own. */
    if (b->opts->compound == KOAI_COMPOUND_PARTS) {
      pc.n_first = pc.k1 > pc.k0 ? 1 : 0;
      while (pc.k0 + pc.n_first < pc.k1 &&
             b->terms[pc.k0 + pc.n_first].colocated) {
        pc.n_first++;
      }
    } else {
      pc.n_first = pc.k1 - pc.k0;
    }
    pc.stems_from = b->n_terms;
    stems_of_piece(b, &pc);
    if (b->rc) break;
    if (b->opts->compound != KOAI_COMPOUND_PARTS) {
      stems_deliver_piece(b, &pc);
    } else {
      /* The parts keep their positions; the stems share the first. */
      int s;
      stems_deliver_terms(b, pc.k0, pc.k0 + pc.n_first);
      for (s = pc.stems_from; s < b->n_terms && b->rc == 0; s++) {
        const word_term *t = &b->terms[s];
        koai_terms_deliver(b, pc.n_first > 0 || s > pc.stems_from,
                           b->term_buf + t->text_off, t->text_len, t->start,
                           t->end, 0);
      }
      stems_deliver_terms(b, pc.k0 + pc.n_first, pc.k1);
    }
    b->n_terms = pc.stems_from;   /* the stems are delivered: forget them */
  }
  b->holding = 0;
  stems_deliver_terms(b, k, nWord);
  stems_remember_last(b);
}
