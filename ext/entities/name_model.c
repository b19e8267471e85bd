/*
** name_model.c: score the name candidates of a segment and keep the best.
**
** Each candidate (name_features.c) gets, for each of PERSON, ORG, PRODUCT
** and GPE, the sum of the weights of its features; "no name" scores 0.
** The best label wins when it beats 0.  Candidates that overlap compete:
** the surest (highest score) is kept.  The row's source names the feature
** that added most to the winning score, so a reader sees which evidence
** decided it (dictionary:person, context:title, context:org-head ...).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyzer/normalize.h"
#include "koai.h"
#include "segment.h"

int ent_name_model_parse(ent_name_model *m, const char *zText, char *zErr,
                         size_t nErr) {
  const char *z = zText;
  int line = 0, header = 0, nFeat = ent_feature_count(), i;
  char seen[ENT_MAX_FEATURES];
  memset(m, 0, sizeof(*m));
  memset(seen, 0, sizeof(seen));
  m->n_features = nFeat;
  while (*z) {
    const char *zEnd = strchr(z, '\n');
    size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
    char buf[256];
    line++;
    if (n >= sizeof(buf)) {
      snprintf(zErr, nErr, "name weights line %d: too long", line);
      return -1;
    }
    memcpy(buf, z, n);
    buf[n] = 0;
    z += n + (zEnd ? 1 : 0);
    if (buf[0] == '#' || buf[0] == 0) continue;
    if (!header) {            /* feature PERSON ORG PRODUCT GPE */
      header = 1;
      continue;
    }
    {
      char *zTab = strchr(buf, '\t'), *p;
      int f, k;
      if (zTab == NULL) {
        snprintf(zErr, nErr, "name weights line %d: no tab", line);
        return -1;
      }
      *zTab = 0;
      for (f = 0; f < nFeat && strcmp(ent_feature_name(f), buf) != 0; f++) {
      }
      if (f == nFeat) {
        snprintf(zErr, nErr, "name weights line %d: unknown feature %s", line,
                 buf);
        return -1;
      }
      p = zTab + 1;
      for (k = 0; k < ENT_MODEL_LABELS; k++) {
        char *q;
        m->w[f][k] = strtod(p, &q);
        if (q == p || (*q != '\t' && *q != 0) ||
            (k < ENT_MODEL_LABELS - 1 && *q != '\t')) {
          snprintf(zErr, nErr, "name weights line %d: bad weight", line);
          return -1;
        }
        p = q + (*q ? 1 : 0);
      }
      seen[f] = 1;
    }
  }
  for (i = 0; i < nFeat; i++) {
    if (!seen[i]) {
      snprintf(zErr, nErr, "name weights: no line for feature %s",
               ent_feature_name(i));
      return -1;
    }
  }
  return 0;
}

typedef struct nm_cand {
  size_t b, e;
  uint64_t x;
  int label;
  double score;
} nm_cand;

typedef struct nm_list {
  const ent_context *c;
  nm_cand *a;
  int n, cap;
} nm_list;

static int nm_collect(void *arg, size_t b, size_t e, uint64_t x) {
  nm_list *l = arg;
  const ent_context *c = l->c;
  const ent_name_model *m = c->model;
  double best = 0.0;
  int label = -1, k, f;
  if (c->sink && c->nb) {
    c->sink(c->sink_arg, c->base + c->nb->src_start[b],
            c->base + c->nb->src_end[e - 1], x);
  }
  if (m == NULL) return 0;
  for (k = 0; k < ENT_MODEL_LABELS; k++) {
    double sc = 0.0;
    for (f = 0; f < m->n_features; f++) {
      if (x & (1ull << f)) sc += m->w[f][k];
    }
    if (sc > best) {
      best = sc;
      label = k;
    }
  }
  if (label < 0) return 0;
  if (l->n == l->cap) {
    int cap = l->cap ? l->cap * 2 : 32;
    nm_cand *a2 = realloc(l->a, (size_t)cap * sizeof(*a2));
    if (a2 == NULL) return KOAI_ERROR_NOMEM;
    l->a = a2;
    l->cap = cap;
  }
  l->a[l->n].b = b;
  l->a[l->n].e = e;
  l->a[l->n].x = x;
  l->a[l->n].label = label;
  l->a[l->n].score = best;
  l->n++;
  return 0;
}

static int nm_cmp_score(const void *pa, const void *pb) {
  const nm_cand *a = pa, *b = pb;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  if (a->b != b->b) return a->b < b->b ? -1 : 1;
  return a->e < b->e ? -1 : a->e > b->e;
}

/* The feature that added most to the label's score: the row's source. */
static const char *nm_source(const ent_name_model *m, uint64_t x, int label) {
  int f, best = 0;
  double w = -1e300;
  for (f = 1; f < m->n_features; f++) {
    if ((x & (1ull << f)) && m->w[f][label] > w) {
      w = m->w[f][label];
      best = f;
    }
  }
  return ent_feature_source(best);
}

/* Is z[b, e) a name in another script: Hanja only, or Latin words that
** start with a capital (漆谷正義, Kim Min-jun, KAIST)? */
static int nm_other_script_name(const ent_segment *s, size_t b, size_t e) {
  int scripts = ent_scripts(s, b, e);
  if (scripts == 4) return e - b >= 6 && e - b <= 30;
  if (scripts == 2) return s->z[b] >= 'A' && s->z[b] <= 'Z' && e - b <= 60;
  return 0;
}

static int nm_has_span(const ent_context *c, size_t b, size_t e) {
  int i;
  for (i = 0; i < c->cands->n; i++) {
    if (c->cands->a[i].start < e && b < c->cands->a[i].end) return 1;
  }
  return 0;
}

/*
** A name followed by its form in another script in brackets gives two
** mentions of one thing: 우로시다니 마사요시(漆谷正義).  Only after a name
** the recognizers decided, so a gloss never makes a name of its own.
*/
static int nm_bracket_aliases(ent_context *c, const ent_segment *s) {
  int i, n = c->cands->n, rc = KOAI_OK;
  for (i = 0; i < n && rc == KOAI_OK; i++) {
    const koai_entity *e = &c->cands->a[i];
    size_t p = e->end, q;
    if (e->label > KOAI_LABEL_GPE || p >= s->n || s->z[p] != '(') continue;
    for (q = p + 1; q < s->n && q < p + 64 && s->z[q] != ')'; q++) {
    }
    if (q >= s->n || s->z[q] != ')' || !nm_other_script_name(s, p + 1, q)) {
      continue;
    }
    if (nm_has_span(c, p + 1, q)) continue;
    {
      char *zCanon = strdup(e->canonical);
      int label = e->label;
      if (zCanon == NULL) return KOAI_ERROR_NOMEM;
      rc = ent_add(c, p + 1, q, label, zCanon, "alias", ENT_PRIO_ALIAS);
      free(zCanon);
    }
  }
  return rc;
}

int ent_find_scored_names(ent_context *c, const ent_segment *s) {
  nm_list l;
  int rc, i, j, nKept = 0, first = c->cands->n;
  memset(&l, 0, sizeof(l));
  l.c = c;
  rc = ent_name_candidates(c, s, nm_collect, &l);
  if (rc == KOAI_OK && l.n > 1) {
    qsort(l.a, (size_t)l.n, sizeof(nm_cand), nm_cmp_score);
  }
  for (i = 0; i < l.n && rc == KOAI_OK; i++) {
    nm_cand *a = &l.a[i];
    char zCanon[256];
    const koai_gaz_entry *g;
    int overlaps = 0;
    for (j = 0; j < nKept && !overlaps; j++) {
      overlaps = a->b < l.a[j].e && l.a[j].b < a->e;
    }
    if (overlaps) continue;
    l.a[nKept++] = *a;
    g = ent_lookup(c, s, a->b, a->e);
    if (g && g->label == a->label) {
      snprintf(zCanon, sizeof(zCanon), "%s", g->canonical);
    } else {
      size_t n = a->e - a->b < sizeof(zCanon) ? a->e - a->b : sizeof(zCanon) - 1;
      memcpy(zCanon, s->z + a->b, n);
      zCanon[n] = 0;
    }
    rc = ent_add(c, a->b, a->e, a->label, zCanon,
                 nm_source(c->model, a->x, a->label), ENT_PRIO_PATTERN);
    if (rc == KOAI_OK && a->label == KOAI_LABEL_PERSON) {
      rc = ent_learn_person(c, s, a->b, a->e, zCanon);
    }
  }
  free(l.a);
  /* a product the model found keeps its version: 오로라 3.5 */
  if (rc == KOAI_OK) rc = ent_extend_versions(c, s, first);
  if (rc == KOAI_OK) rc = nm_bracket_aliases(c, s);
  return rc;
}
