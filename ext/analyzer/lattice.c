/*
** lattice.c: candidates at each position and the Viterbi search.
**
** This is MeCab 0.996's algorithm (tokenizer.cpp's lookup and viterbi.cpp's
** connect), written again in C so that, on the same dictionary and with
** the space penalty off, it finds the same path node for node:
**
**   - candidates are looked up only where some node ends, after skipping
**     whitespace; their order, and the order of nodes in each end list,
**     follow MeCab's, because ties between equal costs go to the first
**     node found;
**   - unknown words follow the character category's invoke, group and
**     length settings;
**   - the cost of a node is the best predecessor's cost plus the
**     connection cost plus the word cost, plus mecab-ko's penalty when
**     whitespace precedes a particle, ending, suffix or copula.
**
** Two things MeCab recomputes are computed once here: the character
** categories of the segment (so long runs without spaces stay linear) and
** the best predecessor for each left context id at a position (many
** candidates share one).
*/
#include "lattice.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The per-node steps must be inlined into their loops (gcc would call
** them: they are used from several places). */
#if defined(__GNUC__) || defined(__clang__)
#define LATTICE_INLINE inline __attribute__((always_inline))
#else
#define LATTICE_INLINE inline
#endif

#define LATTICE_BLOCK 4096
#define LATTICE_MAX_PREFIX 256
#define LATTICE_MAX_GROUPING 24

typedef struct node_block node_block;
struct node_block {
  node_block *next;
  lattice_node a[LATTICE_BLOCK];
};

/* The best predecessor for one left context id at the current position. */
typedef struct best_for_lc {
  uint32_t stamp;
  lattice_node *node;
  int64_t cost;
} best_for_lc;

/* A candidate predecessor: contiguous, unlike the end lists. */
typedef struct pred_entry {
  int64_t cost;
  lattice_node *node;
  uint32_t rc;
} pred_entry;

/* The cheapest node ending at the current position, by right context id. */
typedef struct best_for_rc {
  uint32_t stamp;
  lattice_node *node;
} best_for_rc;

struct koai_lattice {
  const koai_dict *d;
  node_block *blocks;        /* arena, reused from segment to segment */
  node_block *cur;
  int used;                  /* nodes used in cur */

  lattice_node **end_at;     /* by byte: nodes ending there */
  uint32_t *char_of_byte;    /* by byte: index of the character it starts */
  koai_char_info *info;      /* by character */
  uint32_t *char_byte;       /* by character: its first byte; [nChar] = n */
  uint32_t *run_end;         /* by character: end of its same-kind run */
  size_t cap_bytes, cap_chars;

  best_for_lc *best;         /* by left context id */
  uint32_t stamp;

  /* The predecessors at the current position that can win: for each
  ** right context id, the cheapest node (the first of equals), kept in
  ** end-list order so that ties go where MeCab sends them. */
  pred_entry *preds;
  int n_preds;
  size_t cap_preds;
  best_for_rc *best_rc;      /* by right context id */

  lattice_node **path;
  size_t cap_path;

  lattice_node bos, eos;
};

koai_lattice *koai_lattice_new(const koai_dict *d) {
  koai_lattice *L = calloc(1, sizeof(*L));
  if (L == NULL) return NULL;
  L->d = d;
  L->best = calloc(d->matrix_rsize ? d->matrix_rsize : 1, sizeof(best_for_lc));
  L->best_rc = calloc(d->matrix_lsize ? d->matrix_lsize : 1, sizeof(best_for_rc));
  if (L->best == NULL || L->best_rc == NULL) {
    free(L->best);
    free(L->best_rc);
    free(L);
    return NULL;
  }
  return L;
}

void koai_lattice_free(koai_lattice *L) {
  node_block *b, *next;
  if (L == NULL) return;
  for (b = L->blocks; b; b = next) {
    next = b->next;
    free(b);
  }
  free(L->end_at);
  free(L->char_of_byte);
  free(L->info);
  free(L->char_byte);
  free(L->run_end);
  free(L->best);
  free(L->best_rc);
  free(L->preds);
  free(L->path);
  free(L);
}

const char *koai_lattice_node_feature(const koai_dict *d,
                                      const lattice_node *node) {
  switch (node->kind) {
    case KOAI_MORPH_KNOWN:
      return koai_dic_feature(&d->sys, node->entry.token);
    case KOAI_MORPH_UNKNOWN:
      return koai_dic_feature(&d->unk, node->entry.token);
    default:
      return node->entry.user->feature;
  }
}

/* Move to the next block of the arena, allocating it the first time. */
static lattice_node *lattice_new_block(koai_lattice *L) {
  node_block *next = L->cur ? L->cur->next : L->blocks;
  if (next == NULL) {
    next = malloc(sizeof(node_block));
    if (next == NULL) return NULL;
    next->next = NULL;
    if (L->cur) {
      L->cur->next = next;
    } else {
      L->blocks = next;
    }
  }
  L->cur = next;
  L->used = 1;
  return &next->a[0];
}

static inline lattice_node *lattice_new_node(koai_lattice *L) {
  if (L->cur != NULL && L->used < LATTICE_BLOCK) return &L->cur->a[L->used++];
  return lattice_new_block(L);
}

static int lattice_reserve(koai_lattice *L, uint32_t n) {
  if ((size_t)n + 1 > L->cap_bytes) {
    size_t cap = ((size_t)n + 1) * 2;
    void *p;
    p = realloc(L->end_at, cap * sizeof(lattice_node *));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->end_at = p;
    p = realloc(L->char_of_byte, cap * sizeof(uint32_t));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->char_of_byte = p;
    p = realloc(L->info, cap * sizeof(koai_char_info));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->info = p;
    p = realloc(L->char_byte, cap * sizeof(uint32_t));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->char_byte = p;
    p = realloc(L->run_end, cap * sizeof(uint32_t));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->run_end = p;
    L->cap_bytes = cap;
  }
  return KOAI_OK;
}

/*
** Decode the segment's characters once: category of each character and,
** for each, where the run of characters that MeCab would group with it
** ends (each next character must share a category with the one before).
*/
static uint32_t lattice_scan_chars(koai_lattice *L, const unsigned char *z,
                                   uint32_t n) {
  uint32_t i = 0, k = 0;
  while (i < n) {
    uint32_t c;
    int len = koai_utf8_decode(z + i, n - i, &c);
    if (len == 0) {          /* cannot happen after normalization */
      c = 0;
      len = 1;
    }
    L->char_of_byte[i] = k;
    L->char_byte[k] = i;
    L->info[k] = koai_dict_char_info(L->d, c);
    i += (uint32_t)len;
    k++;
  }
  L->char_byte[k] = n;
  if (k > 0) {
    uint32_t j = k - 1;
    L->run_end[j] = k;
    while (j-- > 0) {
      L->run_end[j] = (L->info[j].type & L->info[j + 1].type) ? L->run_end[j + 1]
                                                              : j + 1;
    }
  }
  return k;
}

/*
** Collect the nodes ending at pos that can be a best predecessor.  Of
** nodes with the same right context id only the cheapest can win (the
** connection cost depends on nothing else), and of equals the first in the
** end list, which is the one MeCab picks.  The survivors keep their order.
*/
static int lattice_collect_preds(koai_lattice *L, uint32_t pos) {
  lattice_node *lnode;
  int n = 0;
  for (lnode = L->end_at[pos]; lnode; lnode = lnode->enext) {
    best_for_rc *b = &L->best_rc[lnode->rc];
    if (b->stamp != L->stamp) {
      b->stamp = L->stamp;
      b->node = lnode;
    } else if (lnode->cost < b->node->cost) {
      b->node = lnode;
    }
    n++;
  }
  if ((size_t)n > L->cap_preds) {
    size_t cap = (size_t)n * 2;
    pred_entry *a = realloc(L->preds, cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    L->preds = a;
    L->cap_preds = cap;
  }
  n = 0;
  for (lnode = L->end_at[pos]; lnode; lnode = lnode->enext) {
    if (L->best_rc[lnode->rc].node == lnode) {
      L->preds[n].cost = lnode->cost;
      L->preds[n].node = lnode;
      L->preds[n].rc = lnode->rc;
      n++;
    }
  }
  L->n_preds = n;
  return KOAI_OK;
}

/* The best predecessor for left context id lc at the current position:
** the first of the cheapest (connection cost included), as in MeCab. */
static LATTICE_INLINE const best_for_lc *lattice_best_for(koai_lattice *L,
                                                  unsigned lc) {
  best_for_lc *b = &L->best[lc];
  if (b->stamp != L->stamp) {
    const int16_t *row = L->d->matrix + (size_t)L->d->matrix_lsize * lc;
    const pred_entry *p = L->preds;
    int64_t bestCost = INT64_MAX;
    lattice_node *bestNode = NULL;
    int i;
    for (i = 0; i < L->n_preds; i++) {
      int64_t c = p[i].cost + row[p[i].rc];
      if (c < bestCost) {
        bestCost = c;
        bestNode = p[i].node;
      }
    }
    b->stamp = L->stamp;
    b->node = bestNode;
    b->cost = bestCost;
  }
  return b;
}

/* The whitespace-skipped start of a candidate and what it needs. */
typedef struct lattice_span {
  uint32_t pos;            /* where the previous node ended */
  uint32_t begin;          /* first byte of the surface */
  int space;               /* whitespace came before: the penalty applies */
} lattice_span;

/*
** A new node for a candidate with these ids and costs, ending at byte end:
** connected to its best predecessor and filed under end at once.  Ids
** outside the matrix (a corrupt dictionary) give no node.
*/
static LATTICE_INLINE int lattice_put(koai_lattice *L, const lattice_span *sp,
                              unsigned lc, unsigned rc, unsigned posid,
                              int wcost, uint8_t kind, const void *entry,
                              uint32_t end) {
  const koai_dict *d = L->d;
  const best_for_lc *b;
  lattice_node *node;
  int64_t cost;
  if (lc >= d->matrix_rsize || rc >= d->matrix_lsize) return KOAI_OK;
  node = lattice_new_node(L);
  if (node == NULL) return KOAI_ERROR_NOMEM;
  b = lattice_best_for(L, lc);
  cost = b->cost + wcost;
  if (sp->space) cost += koai_dict_space_penalty(d, posid);
  node->lc = (uint16_t)lc;
  node->rc = (uint16_t)rc;
  node->posid = (uint16_t)posid;
  node->wcost = (int16_t)wcost;
  if (kind == KOAI_MORPH_USER) {
    node->entry.user = entry;
  } else {
    node->entry.token = entry;
  }
  node->begin = sp->begin;
  node->length = end - sp->begin;
  node->rlength = end - sp->pos;
  node->kind = kind;
  node->prev = b->node;
  node->cost = cost;
  node->enext = L->end_at[end];
  L->end_at[end] = node;
  return KOAI_OK;
}

/* Nodes for the unknown-word tokens of category cat over [begin, end), in
** the reverse of their order in unk.dic (see lattice_expand). */
static int lattice_put_unknown(koai_lattice *L, const lattice_span *sp,
                               uint8_t cat, uint32_t end) {
  const koai_dict *d = L->d;
  const koai_unk_entry *u;
  uint32_t k, n;
  if (cat >= KOAI_MAX_CATEGORIES) return KOAI_OK;
  u = &d->unk_by_category[cat];
  n = u->count;
  if ((uint64_t)u->first + n > d->unk.n_tokens) {
    n = u->first < d->unk.n_tokens ? d->unk.n_tokens - u->first : 0;
  }
  for (k = n; k-- > 0;) {
    const koai_dic_token *t = &d->unk.tokens[u->first + k];
    int rc = lattice_put(L, sp, t->lcAttr, t->rcAttr, t->posid, t->wcost,
                         KOAI_MORPH_UNKNOWN, t, end);
    if (rc != KOAI_OK) return rc;
  }
  return KOAI_OK;
}

/* 1 when a token's ids fit the matrix, so that it gives a node. */
static inline int lattice_token_ok(const koai_dict *d, const koai_dic_token *t) {
  return t->lcAttr < d->matrix_rsize && t->rcAttr < d->matrix_lsize;
}

/*
** The candidates that begin at byte pos (after whitespace), as MeCab's
** lookup finds them: dictionary words, user words, unknown words by the
** character's category.  Each is connected to its best predecessor as it
** is made.  MeCab makes them all first and then connects them from the
** last made to the first, which decides the order of the end lists and so
** the ties; they are made here in that same order: unknown words, then
** user words, then dictionary words, each group backwards.
*/
static int lattice_expand(koai_lattice *L, const unsigned char *z, uint32_t n,
                          uint32_t pos, const koai_userdict *ud,
                          int spacePenalty) {
  const koai_dict *d = L->d;
  koai_prefix_match aMatch[LATTICE_MAX_PREFIX];
  const koai_user_word *aWord[LATTICE_MAX_PREFIX];
  uint32_t aUnkEnd[LATTICE_MAX_GROUPING + 20];
  lattice_span sp;
  uint32_t kBegin, k2, begin2, begin3, groupEnd = 0;
  uint32_t prevType = koai_dict_char_info(d, ' ').type;
  koai_char_info cinfo;
  int nMatch, nWord = 0, nUnk = 0, known = 0, i, rc;
  uint32_t j;

  /* Skip whitespace, each character judged against the one before. */
  kBegin = L->char_of_byte[pos];
  k2 = kBegin;
  while (L->char_byte[k2] < n && (L->info[k2].type & prevType)) {
    prevType = L->info[k2].type;
    k2++;
  }
  begin2 = L->char_byte[k2];
  if (begin2 >= n) return KOAI_OK;
  cinfo = L->info[k2];

  nMatch = koai_dic_prefix_search(&d->sys, z + begin2, n - begin2, aMatch,
                                  LATTICE_MAX_PREFIX);
  for (i = 0; i < nMatch && !known; i++) {
    const koai_dic_token *t = &d->sys.tokens[aMatch[i].first_token];
    for (j = 0; j < aMatch[i].n_tokens && !known; j++) {
      known = lattice_token_ok(d, &t[j]);
    }
  }
  if (ud) {
    nWord = koai_userdict_prefix_search(ud, z + begin2, n - begin2, aWord,
                                        LATTICE_MAX_PREFIX);
    if (nWord > 0) known = 1;
  }

  /* The unknown words' ends, in the order MeCab makes them. */
  if (!known || cinfo.invoke) {
    begin3 = L->char_byte[k2 + 1];
    if (cinfo.group) {
      uint32_t kEnd = L->run_end[k2];
      /* MeCab counts the characters after the first against the limit. */
      if (kEnd - k2 - 1 <= LATTICE_MAX_GROUPING) {
        aUnkEnd[nUnk++] = L->char_byte[kEnd];
      }
      groupEnd = L->char_byte[kEnd];
    }
    {
      uint32_t k3 = k2 + 1;
      unsigned len;
      for (len = 1; len <= cinfo.length; len++) {
        if (begin3 == groupEnd) break;
        aUnkEnd[nUnk++] = begin3;
        if (begin3 >= n || !(cinfo.type & L->info[k3].type)) break;
        k3++;
        begin3 = L->char_byte[k3];
      }
    }
    if (!known && nUnk == 0) aUnkEnd[nUnk++] = L->char_byte[k2 + 1];
  }

  /* Connect and file them, the last made first. */
  L->stamp++;
  if (L->stamp == 0) {
    memset(L->best, 0, d->matrix_rsize * sizeof(best_for_lc));
    memset(L->best_rc, 0, d->matrix_lsize * sizeof(best_for_rc));
    L->stamp = 1;
  }
  rc = lattice_collect_preds(L, pos);
  if (rc != KOAI_OK) return rc;
  sp.pos = pos;
  sp.begin = begin2;
  sp.space = spacePenalty && begin2 != pos;
  for (i = nUnk; i-- > 0;) {
    rc = lattice_put_unknown(L, &sp, cinfo.default_type, aUnkEnd[i]);
    if (rc != KOAI_OK) return rc;
  }
  for (i = nWord; i-- > 0;) {
    const koai_user_word *w = aWord[i];
    rc = lattice_put(L, &sp, w->lc, w->rc, w->posid, w->wcost,
                     KOAI_MORPH_USER, w, begin2 + w->n);
    if (rc != KOAI_OK) return rc;
  }
  for (i = nMatch; i-- > 0;) {
    const koai_dic_token *t = &d->sys.tokens[aMatch[i].first_token];
    uint32_t end = begin2 + aMatch[i].length;
    for (j = aMatch[i].n_tokens; j-- > 0;) {
      rc = lattice_put(L, &sp, t[j].lcAttr, t[j].rcAttr, t[j].posid,
                       t[j].wcost, KOAI_MORPH_KNOWN, &t[j], end);
      if (rc != KOAI_OK) return rc;
    }
  }
  return KOAI_OK;
}

int koai_lattice_best_path(koai_lattice *L, const unsigned char *z, uint32_t n,
                           int spacePenalty, const koai_userdict *ud,
                           int openEnd, lattice_node ***paPath, int *pnPath) {
  const koai_dict *d = L->d;
  lattice_node *node;
  uint32_t pos;
  int64_t bestCost = INT64_MAX;
  lattice_node *bestNode = NULL;
  long last;
  size_t nPath = 0;
  int rc;

  *paPath = NULL;
  *pnPath = 0;
  rc = lattice_reserve(L, n);
  if (rc != KOAI_OK) return rc;
  memset(L->end_at, 0, ((size_t)n + 1) * sizeof(lattice_node *));
  L->cur = NULL;
  L->used = 0;
  lattice_scan_chars(L, z, n);

  memset(&L->bos, 0, sizeof(L->bos));
  memset(&L->eos, 0, sizeof(L->eos));
  L->end_at[0] = &L->bos;

  for (pos = 0; pos < n; pos++) {
    if (L->end_at[pos] == NULL) continue;
    rc = lattice_expand(L, z, n, pos, ud, spacePenalty);
    if (rc != KOAI_OK) return rc;
  }

  /* EOS joins the last position where anything ends. */
  for (last = (long)n; last >= 0 && L->end_at[last] == NULL; last--) {
  }
  if (last < 0) return KOAI_OK;
  for (node = L->end_at[last]; node; node = node->enext) {
    int64_t c = node->cost + (openEnd ? 0 : koai_dict_connect_cost(d, node->rc, 0));
    if (c < bestCost) {
      bestCost = c;
      bestNode = node;
    }
  }
  L->eos.prev = bestNode;
  L->eos.cost = bestCost;

  for (node = bestNode; node && node != &L->bos; node = node->prev) nPath++;
  if (nPath > L->cap_path) {
    lattice_node **p = realloc(L->path, nPath * sizeof(lattice_node *));
    if (p == NULL) return KOAI_ERROR_NOMEM;
    L->path = p;
    L->cap_path = nPath;
  }
  *pnPath = (int)nPath;
  for (node = bestNode; node && node != &L->bos; node = node->prev) {
    L->path[--nPath] = node;
  }
  *paPath = L->path;
  return KOAI_OK;
}
