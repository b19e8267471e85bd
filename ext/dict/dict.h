/*
** dict.h: the mecab-ko-dic dictionary as koai reads it.
**
** The compiled MeCab files are memory-mapped as they are and read in place:
**   sys.dic     double-array trie of surfaces, tokens, feature strings
**   unk.dic     the same layout, keyed by character category name
**   matrix.bin  connection costs between a right context and a left one
**   char.bin    character categories of every UCS-2 code point
**   dicrc       settings, among them mecab-ko's left-space-penalty-factor
** Every index read from the files is checked against the mapped sizes, so
** a truncated or corrupt dictionary gives an error or no match, never a
** read out of bounds.
*/
#ifndef KOAI_DICT_H
#define KOAI_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "koai.h"

/* One unit of a Darts double array. */
typedef struct koai_da_unit {
  int32_t base;
  uint32_t check;
} koai_da_unit;

/* One dictionary entry as MeCab stores it. */
typedef struct koai_dic_token {
  uint16_t lcAttr;     /* left context id */
  uint16_t rcAttr;     /* right context id */
  uint16_t posid;
  int16_t wcost;       /* word cost */
  uint32_t feature;    /* byte offset of the feature string */
  uint32_t compound;
} koai_dic_token;

/* One compiled MeCab dictionary file (sys.dic or unk.dic), mapped. */
typedef struct koai_dic_file {
  const unsigned char *map;
  size_t size;
  const koai_da_unit *units;
  uint32_t n_units;
  const koai_dic_token *tokens;
  uint32_t n_tokens;
  const char *features;
  uint32_t n_features;
  uint32_t lexsize;
  uint32_t lsize, rsize;
  /* Trie states after the first character, for ASCII and Hangul
  ** syllables: most lookups start with one, and this skips its first
  ** steps.  KOAI_TRIE_NONE where no key starts so, KOAI_TRIE_WALK where
  ** the walk must be done byte by byte. */
  uint32_t *first_state;
} koai_dic_file;

#define KOAI_TRIE_NONE 0xffffffffu
#define KOAI_TRIE_WALK 0xfffffffeu
#define KOAI_TRIE_FIRST_ASCII 128
#define KOAI_TRIE_FIRST_SIZE (128 + 11172)

/* Build f->first_state; returns 0 or KOAI_ERROR_NOMEM. */
int koai_dic_build_first_states(koai_dic_file *f);

/* A character's categories, decoded from char.bin. */
typedef struct koai_char_info {
  uint32_t type;          /* category bit mask */
  uint8_t default_type;   /* category used for unknown words */
  uint8_t length;         /* unknown candidates of 1..length characters */
  uint8_t group;          /* one candidate for the whole run */
  uint8_t invoke;         /* unknown candidates even where words matched */
} koai_char_info;

#define KOAI_MAX_CATEGORIES 32

/* Tokens of unk.dic for one character category. */
typedef struct koai_unk_entry {
  uint32_t first;
  uint32_t count;
} koai_unk_entry;

struct koai_dict {
  char *dir;
  koai_dic_file sys;
  koai_dic_file unk;

  const unsigned char *matrix_map;
  size_t matrix_size;
  uint32_t matrix_lsize;     /* number of right ids of a left node */
  uint32_t matrix_rsize;     /* number of left ids of a right node */
  const int16_t *matrix;

  const unsigned char *char_map;
  size_t char_size;
  uint32_t n_categories;
  const uint32_t *char_table;   /* 0xffff entries, by UCS-2 code point */
  koai_unk_entry unk_by_category[KOAI_MAX_CATEGORIES];
  uint32_t space_type;          /* mask of the SPACE category */

  int32_t *space_penalty;       /* by posid, from dicrc */
  uint32_t n_space_penalty;

  char *name;                   /* "mecab-ko-dic" */
  char *version;                /* from the package's package.json */
};

/* Open the dictionary in directory zDir; on error *pzErr is malloc'ed. */
int koai_dict_open(const char *zDir, koai_dict **ppDict, char **pzErr);
void koai_dict_close(koai_dict *);

/* Character information of a UCS-2 code point (0 for others). */
static inline koai_char_info koai_dict_char_info(const koai_dict *d,
                                                 uint32_t cp) {
  koai_char_info ci;
  uint32_t v = cp < 0xffff ? d->char_table[cp] : d->char_table[0];
  ci.type = v & 0x3ffff;
  ci.default_type = (uint8_t)((v >> 18) & 0xff);
  ci.length = (uint8_t)((v >> 26) & 0xf);
  ci.group = (uint8_t)((v >> 30) & 1);
  ci.invoke = (uint8_t)((v >> 31) & 1);
  return ci;
}

/* Connection cost from a node with right id rc to one with left id lc. */
static inline int koai_dict_connect_cost(const koai_dict *d, unsigned rc,
                                         unsigned lc) {
  return d->matrix[rc + d->matrix_lsize * lc];
}

/* A key found by koai_dic_prefix_search: its length and its tokens. */
typedef struct koai_prefix_match {
  uint32_t length;
  uint32_t first_token;
  uint32_t n_tokens;
} koai_prefix_match;

/*
** Every dictionary key that is a prefix of key[0..len), shortest first,
** at most nMax of them.  Returns how many were stored.
*/
int koai_dic_prefix_search(const koai_dic_file *f, const unsigned char *key,
                           size_t len, koai_prefix_match *aOut, int nMax);

/* The key exactly equal to key[0..len); returns 1 if found. */
int koai_dic_exact_match(const koai_dic_file *f, const unsigned char *key,
                         size_t len, koai_prefix_match *pOut);

/* The feature string of a token, always NUL-terminated. */
const char *koai_dic_feature(const koai_dic_file *f, const koai_dic_token *t);

/* Penalty for a morpheme of this posid right after whitespace. */
static inline int koai_dict_space_penalty(const koai_dict *d, unsigned posid) {
  return posid < d->n_space_penalty ? d->space_penalty[posid] : 0;
}

/* Parse dicrc's text; fills the penalty table. Returns 0 or an error. */
int koai_dicrc_parse(koai_dict *d, const char *zText, size_t n, char **pzErr);

/*
** Context ids for words that are not in the dictionary (user words),
** read from the dictionary's pos-id.def, left-id.def and right-id.def.
*/
typedef struct koai_context_ids koai_context_ids;

koai_context_ids *koai_context_ids_load(const koai_dict *d, char **pzErr);
void koai_context_ids_free(koai_context_ids *);

/*
** Ids for a word of tag zTag whose last syllable has (hasFinal=1) or lacks
** a final consonant.  Returns 0, or KOAI_ERROR_TAG for an unknown tag.
*/
int koai_context_ids_find(const koai_context_ids *, const char *zTag,
                          int hasFinal, uint16_t *pLeft, uint16_t *pRight,
                          uint16_t *pPosid);

#endif /* KOAI_DICT_H */
