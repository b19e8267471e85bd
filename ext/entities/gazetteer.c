/*
** gazetteer.c: a byte trie of normalized names.
**
** Each node has its first child and its next sibling (left-child,
** right-sibling), so a node costs 16 bytes whatever the alphabet.  Keys are
** stored in the form koai_gazetteer_key() gives and text is folded the
** same way while it is walked, so matching needs no copy of the text.
*/
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/normalize.h"
#include "entity.h"
#include "koai.h"

#define GAZ_NONE 0xffffffffu

typedef struct gaz_node {
  uint32_t child;
  uint32_t sibling;
  int32_t entry;          /* -1: no name ends here */
  unsigned char byte;
} gaz_node;

struct koai_gazetteer {
  gaz_node *nodes;
  uint32_t n_nodes, cap_nodes;
  koai_gaz_entry *entries;
  int n_entries, cap_entries;
};

static int gaz_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

static unsigned char gaz_fold(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

koai_gazetteer *koai_gazetteer_new(void) {
  koai_gazetteer *g = calloc(1, sizeof(*g));
  if (g == NULL) return NULL;
  g->nodes = malloc(64 * sizeof(gaz_node));
  if (g->nodes == NULL) {
    free(g);
    return NULL;
  }
  g->cap_nodes = 64;
  g->n_nodes = 1;                    /* the root */
  g->nodes[0].child = g->nodes[0].sibling = GAZ_NONE;
  g->nodes[0].entry = -1;
  g->nodes[0].byte = 0;
  return g;
}

void koai_gazetteer_reset(koai_gazetteer *g) {
  int i;
  for (i = 0; i < g->n_entries; i++) {
    free(g->entries[i].canonical);
    free(g->entries[i].name);
  }
  g->n_entries = 0;
  g->n_nodes = 1;
  g->nodes[0].child = GAZ_NONE;
  g->nodes[0].entry = -1;
}

void koai_gazetteer_free(koai_gazetteer *g) {
  if (g == NULL) return;
  koai_gazetteer_reset(g);
  free(g->nodes);
  free(g->entries);
  free(g);
}

int koai_gazetteer_size(const koai_gazetteer *g) { return g ? g->n_entries : 0; }

/* The child of node i for byte c, created when create is set. */
static uint32_t gaz_child(koai_gazetteer *g, uint32_t i, unsigned char c,
                          int create) {
  uint32_t k;
  for (k = g->nodes[i].child; k != GAZ_NONE; k = g->nodes[k].sibling) {
    if (g->nodes[k].byte == c) return k;
  }
  if (!create) return GAZ_NONE;
  if (g->n_nodes == g->cap_nodes) {
    gaz_node *a = realloc(g->nodes, 2 * (size_t)g->cap_nodes * sizeof(*a));
    if (a == NULL) return GAZ_NONE;
    g->nodes = a;
    g->cap_nodes *= 2;
  }
  k = g->n_nodes++;
  g->nodes[k].byte = c;
  g->nodes[k].child = GAZ_NONE;
  g->nodes[k].entry = -1;
  g->nodes[k].sibling = g->nodes[i].child;
  g->nodes[i].child = k;
  return k;
}

static char *gaz_strdup(const char *z, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, z, n);
    p[n] = 0;
  }
  return p;
}

int koai_gazetteer_add_label(koai_gazetteer *g, const char *zName, int nName,
                             int label, const char *zCanonical) {
  koai_normbuf nb;
  uint32_t node = 0;
  size_t i;
  int rc = KOAI_OK, pendingSpace = 0, any = 0;
  if (label < 0 || label >= KOAI_N_LABELS) return KOAI_ERROR_TAG;
  if (nName < 0) nName = (int)strlen(zName);
  memset(&nb, 0, sizeof(nb));
  if (koai_normalize(&nb, (const unsigned char *)zName, (size_t)nName)) {
    koai_normbuf_free(&nb);    /* what it had grown before running out */
    return KOAI_ERROR_NOMEM;
  }
  for (i = 0; i < nb.n && node != GAZ_NONE; i++) {
    unsigned char c = nb.z[i];
    if (gaz_is_space(c)) {
      pendingSpace = any;
      continue;
    }
    if (pendingSpace) {
      node = gaz_child(g, node, ' ', 1);
      pendingSpace = 0;
      if (node == GAZ_NONE) break;
    }
    node = gaz_child(g, node, gaz_fold(c), 1);
    any = 1;
  }
  if (node == GAZ_NONE) {
    rc = KOAI_ERROR_NOMEM;
  } else if (any && g->nodes[node].entry < 0) {
    koai_gaz_entry *e;
    if (g->n_entries == g->cap_entries) {
      int cap = g->cap_entries ? g->cap_entries * 2 : 64;
      koai_gaz_entry *a = realloc(g->entries, (size_t)cap * sizeof(*a));
      if (a == NULL) {
        rc = KOAI_ERROR_NOMEM;
        goto done;
      }
      g->entries = a;
      g->cap_entries = cap;
    }
    e = &g->entries[g->n_entries];
    e->label = label;
    e->canonical = gaz_strdup(zCanonical, strlen(zCanonical));
    e->name = gaz_strdup(zName, (size_t)nName);
    if (e->canonical == NULL || e->name == NULL) {
      free(e->canonical);
      free(e->name);
      rc = KOAI_ERROR_NOMEM;
      goto done;
    }
    g->nodes[node].entry = g->n_entries++;
  }
done:
  koai_normbuf_free(&nb);
  return rc;
}

int koai_gazetteer_add(koai_gazetteer *g, const char *zName, int nName,
                       const char *zLabel, const char *zCanonical) {
  int label;
  for (label = 0; label < KOAI_N_LABELS; label++) {
    if (zLabel && strcmp(zLabel, koai_label_name(label)) == 0) {
      return koai_gazetteer_add_label(g, zName, nName, label, zCanonical);
    }
  }
  return KOAI_ERROR_TAG;
}

const koai_gaz_entry *koai_gazetteer_match(const koai_gazetteer *g,
                                           const unsigned char *z, size_t n,
                                           size_t pos, const uint8_t *canEnd,
                                           size_t *pEnd) {
  uint32_t node = 0;
  size_t i = pos;
  const koai_gaz_entry *best = NULL;
  if (g == NULL || g->n_entries == 0) return NULL;
  while (i < n) {
    unsigned char c = z[i];
    uint32_t k;
    size_t next = i + 1;
    if (gaz_is_space(c)) {
      while (next < n && gaz_is_space(z[next])) next++;
      c = ' ';
    } else {
      c = gaz_fold(c);
    }
    for (k = g->nodes[node].child; k != GAZ_NONE; k = g->nodes[k].sibling) {
      if (g->nodes[k].byte == c) break;
    }
    if (k == GAZ_NONE) break;
    node = k;
    i = next;
    if (g->nodes[node].entry >= 0 && (i == n || (z[i] & 0xc0) != 0x80) &&
        (canEnd == NULL || canEnd[i])) {
      best = &g->entries[g->nodes[node].entry];
      *pEnd = i;
    }
  }
  return best;
}
