/*
** lattice.h: MeCab's lattice and its lowest-cost path, for one segment.
*/
#ifndef KOAI_LATTICE_H
#define KOAI_LATTICE_H

#include <stdint.h>

#include "../dict/dict.h"
#include "userdict.h"

typedef struct lattice_node lattice_node;
struct lattice_node {
  lattice_node *enext;   /* next node ending at the same byte */
  lattice_node *prev;    /* best predecessor */
  int64_t cost;          /* cost of the best path through this node */
  uint32_t begin;        /* first byte of the surface */
  uint32_t length;       /* bytes of the surface */
  uint32_t rlength;      /* bytes of the surface and the whitespace before */
  uint16_t lc, rc, posid;
  int16_t wcost;
  uint8_t kind;          /* KOAI_MORPH_* */
  /* The entry, to read its feature string only for nodes of the best
  ** path: a token of sys.dic (KNOWN) or unk.dic (UNKNOWN), or a user word. */
  union {
    const koai_dic_token *token;
    const koai_user_word *user;
  } entry;
};

/* The feature string of a node. */
const char *koai_lattice_node_feature(const koai_dict *d,
                                      const lattice_node *node);

typedef struct koai_lattice koai_lattice;

koai_lattice *koai_lattice_new(const koai_dict *d);
void koai_lattice_free(koai_lattice *L);

/*
** Build the lattice of z[0..n) (normalized, valid UTF-8) and find its best
** path.  On success *paPath holds the path's nodes in order (BOS and EOS
** excluded) and *pnPath their count; both stay valid until the next call.
** openEnd: the path may end on any node without the cost of joining EOS,
** for a piece of text that a sentence goes on after.  Returns 0 or
** KOAI_ERROR_NOMEM.
*/
int koai_lattice_best_path(koai_lattice *L, const unsigned char *z, uint32_t n,
                           int spacePenalty, const koai_userdict *ud,
                           int openEnd, lattice_node ***paPath, int *pnPath);

#endif /* KOAI_LATTICE_H */
