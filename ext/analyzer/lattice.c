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
** Prepend a node for dictionary token t (of sys.dic or unk.dic) whose
** surface is [begin2, end) after whitespace from pos.  Tokens whose
** context ids fall outside the matrix (a corrupt dictionary) are skipped.
*/
static inline int lattice_add_token(koai_lattice *L, lattice_node **pList,
                             const koai_dic_token *t, uint8_t kind,
                             uint32_t pos, uint32_t begin2, uint32_t end) {
  const koai_dict *d = L->d;
  lattice_node *node;
  if (t->lcAttr >= d->matrix_rsize || t->rcAttr >= d->matrix_lsize) {
    return KOAI_OK;
  }
  node = lattice_new_node(L);
  if (node == NULL) return KOAI_ERROR_NOMEM;
  node->lc = t->lcAttr;
  node->rc = t->rcAttr;
  node->posid = t->posid;
  node->wcost = t->wcost;
  node->entry.token = t;
  node->begin = begin2;
  node->length = end - begin2;
  node->rlength = end - pos;
  node->kind = kind;
  node->bnext = *pList;
  *pList = node;
  return KOAI_OK;
}

/* Prepend unknown-word nodes of category `cat` spanning [begin2, end). */
static int lattice_add_unknown(koai_lattice *L, lattice_node **pList,
                               uint32_t pos, uint32_t begin2, uint32_t end,
                               uint8_t cat) {
  const koai_dict *d = L->d;
  const koai_unk_entry *u = &d->unk_by_category[cat];
  uint32_t k;
  if (cat >= KOAI_MAX_CATEGORIES) return KOAI_OK;
  for (k = 0; k < u->count; k++) {
    int rc;
    if ((uint64_t)u->first + k >= d->unk.n_tokens) break;
    rc = lattice_add_token(L, pList, &d->unk.tokens[u->first + k],
                           KOAI_MORPH_UNKNOWN, pos, begin2, end);
    if (rc != KOAI_OK) return rc;
  }
  return KOAI_OK;
}

/* The candidates that begin at byte pos (after whitespace), as MeCab's. */
static int lattice_lookup(koai_lattice *L, const unsigned char *z, uint32_t n,
                          uint32_t pos, const koai_userdict *ud,
                          lattice_node **pList) {
  const koai_dict *d = L->d;
  koai_prefix_match aMatch[LATTICE_MAX_PREFIX];
  lattice_node *list = NULL;
  uint32_t kBegin, k2, begin2, begin3, groupEnd = 0;
  uint32_t prevType = koai_dict_char_info(d, ' ').type;
  koai_char_info cinfo;
  int nMatch, i, rc;
  uint32_t j;

  /* Skip whitespace, each character judged against the one before. */
  kBegin = L->char_of_byte[pos];
  k2 = kBegin;
  while (L->char_byte[k2] < n && (L->info[k2].type & prevType)) {
    prevType = L->info[k2].type;
    k2++;
  }
  begin2 = L->char_byte[k2];
  if (begin2 >= n) {
    *pList = NULL;
    return KOAI_OK;
  }
  cinfo = L->info[k2];

  nMatch = koai_dic_prefix_search(&d->sys, z + begin2, n - begin2, aMatch,
                                  LATTICE_MAX_PREFIX);
  for (i = 0; i < nMatch; i++) {
    for (j = 0; j < aMatch[i].n_tokens; j++) {
      rc = lattice_add_token(L, &list, &d->sys.tokens[aMatch[i].first_token + j],
                             KOAI_MORPH_KNOWN, pos, begin2,
                             begin2 + aMatch[i].length);
      if (rc != KOAI_OK) return rc;
    }
  }
  if (ud) {
    const koai_user_word *aWord[LATTICE_MAX_PREFIX];
    int nWord = koai_userdict_prefix_search(ud, z + begin2, n - begin2, aWord,
                                            LATTICE_MAX_PREFIX);
    for (i = 0; i < nWord; i++) {
      const koai_user_word *w = aWord[i];
      lattice_node *node = lattice_new_node(L);
      if (node == NULL) return KOAI_ERROR_NOMEM;
      node->lc = w->lc;
      node->rc = w->rc;
      node->posid = w->posid;
      node->wcost = w->wcost;
      node->entry.user = w;
      node->begin = begin2;
      node->length = w->n;
      node->rlength = begin2 - pos + w->n;
      node->kind = KOAI_MORPH_USER;
      node->bnext = list;
      list = node;
    }
  }

  if (list && !cinfo.invoke) {
    *pList = list;
    return KOAI_OK;
  }

  begin3 = L->char_byte[k2 + 1];
  if (cinfo.group) {
    uint32_t kEnd = L->run_end[k2];
    /* MeCab counts the characters after the first against the limit. */
    if (kEnd - k2 - 1 <= LATTICE_MAX_GROUPING) {
      rc = lattice_add_unknown(L, &list, pos, begin2, L->char_byte[kEnd],
                               cinfo.default_type);
      if (rc != KOAI_OK) return rc;
    }
    groupEnd = L->char_byte[kEnd];
  }
  {
    uint32_t k3 = k2 + 1;
    unsigned len;
    for (len = 1; len <= cinfo.length; len++) {
      if (begin3 == groupEnd) break;
      rc = lattice_add_unknown(L, &list, pos, begin2, begin3, cinfo.default_type);
      if (rc != KOAI_OK) return rc;
      if (begin3 >= n || !(cinfo.type & L->info[k3].type)) break;
      k3++;
      begin3 = L->char_byte[k3];
    }
  }
  if (list == NULL) {
    rc = lattice_add_unknown(L, &list, pos, begin2, L->char_byte[k2 + 1],
                             cinfo.default_type);
    if (rc != KOAI_OK) return rc;
  }
  *pList = list;
  return KOAI_OK;
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

/*
** Connect each candidate of list to its best predecessor among the nodes
** ending at pos, and file it under the byte where it ends.
*/
static int lattice_connect(koai_lattice *L, uint32_t pos, lattice_node *list,
                           int spacePenalty) {
  const koai_dict *d = L->d;
  const int16_t *matrix = d->matrix;
  const uint32_t lsize = d->matrix_lsize;
  lattice_node *rnode;
  int rc;
  L->stamp++;
  if (L->stamp == 0) {
    memset(L->best, 0, d->matrix_rsize * sizeof(best_for_lc));
    memset(L->best_rc, 0, d->matrix_lsize * sizeof(best_for_rc));
    L->stamp = 1;
  }
  rc = lattice_collect_preds(L, pos);
  if (rc != KOAI_OK) return rc;
  for (rnode = list; rnode; rnode = rnode->bnext) {
    best_for_lc *b = &L->best[rnode->lc];
    int64_t cost;
    if (b->stamp != L->stamp) {
      const int16_t *row = matrix + (size_t)lsize * rnode->lc;
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
    cost = b->cost + rnode->wcost;
    if (spacePenalty && rnode->rlength != rnode->length) {
      cost += koai_dict_space_penalty(d, rnode->posid);
    }
    rnode->prev = b->node;
    rnode->cost = cost;
    rnode->enext = L->end_at[pos + rnode->rlength];
    L->end_at[pos + rnode->rlength] = rnode;
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
    lattice_node *list;
    if (L->end_at[pos] == NULL) continue;
    rc = lattice_lookup(L, z, n, pos, ud, &list);
    if (rc != KOAI_OK) return rc;
    rc = lattice_connect(L, pos, list, spacePenalty);
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
