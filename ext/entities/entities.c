/*
** entities.c: the pipeline of ai_entities over one text.
**
** Segment by segment (the analyzer's lines and paragraphs): analyse,
** mark where morphemes start and end, run the recognizers on the
** normalized text, resolve overlapping candidates (the longest span wins,
** then the surer source), and map the survivors back to input offsets.
** Names tied to an entity stay known for the rest of the text.
*/
#include "entities.h"

#include <stdlib.h>
#include <string.h>

#include "../analyzer/analyzer.h"
#include "../analyzer/normalize.h"
#include "dates.h"
#include "numbers.h"
#include "segment.h"

struct koai_entity_finder {
  const koai_dict *d;
  const koai_gazetteer *builtin;
  koai_analyzer *analyzer;
  koai_gazetteer *learned;
  koai_gazetteer *surnames;
  koai_entity_list cands;      /* one segment's candidates */
  ent_morph *m;
  int nm, cap_m;
  uint8_t *can_start, *can_end;
  int *morph_at;
  size_t cap_bytes;
  ent_name_model model;        /* weights of the name model */
  int has_model;               /* the weights fit the features */
  koai_feature_sink sink;      /* for fitting the model, usually NULL */
  void *sink_arg;
};

koai_entity_finder *koai_entity_finder_new(const koai_dict *d,
                                           const koai_gazetteer *builtin) {
  koai_entity_finder *f = calloc(1, sizeof(*f));
  if (f == NULL) return NULL;
  f->d = d;
  f->builtin = builtin;
  {
    /* Weights that do not fit the code's features (a build from a stale
    ** sql/name_weights.tsv) leave the model out: candidates can still be
    ** dumped to refit it, and tests/unit checks the shipped file parses. */
    char zErr[128];
    f->has_model = ent_name_model_parse(&f->model, koai_name_weights_tsv,
                                        zErr, sizeof(zErr)) == 0;
  }
  f->analyzer = koai_analyzer_new(d);
  f->learned = koai_gazetteer_new();
  f->surnames = koai_gazetteer_new();
  if (f->analyzer == NULL || f->learned == NULL || f->surnames == NULL) {
    koai_entity_finder_free(f);
    return NULL;
  }
  return f;
}

void koai_entity_finder_set_sink(koai_entity_finder *f,
                                 koai_feature_sink sink, void *arg) {
  f->sink = sink;
  f->sink_arg = arg;
}

void koai_entity_finder_free(koai_entity_finder *f) {
  if (f == NULL) return;
  koai_analyzer_free(f->analyzer);
  koai_gazetteer_free(f->learned);
  koai_gazetteer_free(f->surnames);
  koai_entity_list_free(&f->cands);
  free(f->m);
  free(f->can_start);
  free(f->can_end);
  free(f->morph_at);
  free(f);
}

int ent_add(ent_context *c, size_t b, size_t e, int label,
            const char *zCanonical, const char *zSource, int priority) {
  koai_entity ent;
  memset(&ent, 0, sizeof(ent));
  if (e <= b) return KOAI_OK;
  ent.start = b;
  ent.end = e;
  ent.label = label;
  ent.canonical = (char *)zCanonical;
  ent.source = zSource;
  ent.priority = priority;
  return koai_entity_list_add(c->cands, &ent);
}

/* The ENT_CLS_ bits of a morpheme with head tag t. */
static uint8_t finder_class(const char *t, int kind) {
  uint8_t c = 0;
  int user = kind == KOAI_MORPH_USER;
  if (strcmp(t, "NNG") == 0 || strcmp(t, "NNP") == 0 || strcmp(t, "SL") == 0 ||
      strcmp(t, "SH") == 0 || strcmp(t, "SN") == 0 || strcmp(t, "NR") == 0 ||
      strcmp(t, "UNKNOWN") == 0 || user) {
    c |= ENT_CLS_NOMINAL;
  }
  if (t[0] == 'J' || t[0] == 'E' || strcmp(t, "VCP") == 0 ||
      strcmp(t, "XSN") == 0 || strcmp(t, "XSV") == 0 ||
      strcmp(t, "XSA") == 0) {
    c |= ENT_CLS_FUNCTIONAL;
  }
  if (t[0] == 'S' && strcmp(t, "SL") != 0 && strcmp(t, "SN") != 0 &&
      strcmp(t, "SH") != 0) {
    c |= ENT_CLS_PUNCT;
  }
  if (strcmp(t, "NNP") == 0 || strcmp(t, "SL") == 0 || strcmp(t, "SH") == 0 ||
      strcmp(t, "UNKNOWN") == 0 || user) {
    c |= ENT_CLS_PROPER;
  }
  if (strcmp(t, "NNP") == 0) c |= ENT_CLS_NNP;
  if (strcmp(t, "NNG") == 0) c |= ENT_CLS_NNG;
  return c;
}

int ent_morph_is_functional(const ent_morph *m) {
  return (m->cls & ENT_CLS_FUNCTIONAL) != 0;
}

int ent_morph_is_nominal(const ent_morph *m) {
  return (m->cls & ENT_CLS_NOMINAL) != 0;
}

int ent_morph_index_at(const ent_segment *s, size_t b) {
  int lo = 0, hi = s->nm - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (s->m[mid].e <= b) {
      lo = mid + 1;
    } else if (s->m[mid].b > b) {
      hi = mid - 1;
    } else {
      return mid;
    }
  }
  return -1;
}

/* Collect the morphemes of a segment (normalized offsets). */
static int finder_on_morph(void *ctx, const koai_morph *km) {
  koai_entity_finder *f = ctx;
  const koai_normbuf *nb = koai_analyzer_normbuf(f->analyzer);
  ent_morph *m;
  koai_field head;
  const char *zPlus;
  int n;
  if (f->nm == f->cap_m) {
    int cap = f->cap_m ? f->cap_m * 2 : 256;
    ent_morph *a = realloc(f->m, (size_t)cap * sizeof(*a));
    if (a == NULL) return KOAI_ERROR_NOMEM;
    f->m = a;
    f->cap_m = cap;
  }
  m = &f->m[f->nm++];
  m->b = (uint32_t)((const unsigned char *)km->surface - nb->z);
  m->e = m->b + (uint32_t)km->n_surface;
  m->kind = km->kind;
  m->space_before = km->space_before;
  koai_feature_parse(km->feature, &m->f);
  head = m->f.tag;
  zPlus = memchr(head.z, '+', (size_t)head.n);
  if (zPlus) head.n = (int)(zPlus - head.z);
  if (koai_field_is(m->f.type, "Inflect") && m->f.first_tag.n > 0) {
    head = m->f.first_tag;
  }
  n = head.n < (int)sizeof(m->tag) - 1 ? head.n : (int)sizeof(m->tag) - 1;
  memcpy(m->tag, head.z, (size_t)n);
  m->tag[n] = 0;
  m->cls = finder_class(m->tag, m->kind);
  return 0;
}

static int finder_reserve(koai_entity_finder *f, size_t n) {
  if (n + 1 > f->cap_bytes) {
    size_t cap = (n + 1) * 2;
    uint8_t *a = realloc(f->can_start, cap);
    if (a == NULL) return KOAI_ERROR_NOMEM;
    f->can_start = a;
    a = realloc(f->can_end, cap);
    if (a == NULL) return KOAI_ERROR_NOMEM;
    f->can_end = a;
    {
      int *p = realloc(f->morph_at, cap * sizeof(int));
      if (p == NULL) return KOAI_ERROR_NOMEM;
      f->morph_at = p;
    }
    f->cap_bytes = cap;
  }
  return KOAI_OK;
}

/* Words after a place that make it part of an event's name. */
static const char *azEventHead[] = {
    "정상회의", "선언", "포럼", "회의", "박람회", "엑스포", "모터쇼", "협정",
    "협약", "조약", "라운드", "올림픽", "대회", "페스티벌", "컨퍼런스",
    "콘퍼런스", "서밋", "프로세스", "이니셔티브", NULL};

static int finder_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
** Drop what is not an entity although it looks like one: names inside
** e-mail and web addresses (sylee@news1.kr), and a place that is part of
** an event's name (AI 서울 정상회의, 서울 선언).
*/
static void finder_filter(koai_entity_finder *f, const unsigned char *z,
                          size_t n) {
  koai_entity_list *c = &f->cands;
  int i, k = 0;
  for (i = 0; i < c->n; i++) {
    koai_entity *e = &c->a[i];
    size_t b = e->start, t = e->end, j;
    int drop = 0;
    while (b > 0 && !finder_is_space(z[b - 1])) b--;
    while (t < n && !finder_is_space(z[t])) t++;
    for (j = b; j < t && !drop; j++) {
      drop = z[j] == '@' || (j + 3 <= t && memcmp(z + j, "://", 3) == 0) ||
             (j + 4 <= t && memcmp(z + j, "www.", 4) == 0);
    }
    if (!drop && e->label == KOAI_LABEL_GPE) {
      size_t w = e->end;
      int h;
      while (w < n && finder_is_space(z[w])) w++;
      for (h = 0; azEventHead[h] && w > e->end; h++) {
        size_t len = strlen(azEventHead[h]);
        if (w + len <= n && memcmp(z + w, azEventHead[h], len) == 0) drop = 1;
      }
    }
    if (drop) {
      free(e->canonical);
    } else {
      c->a[k++] = *e;
    }
  }
  c->n = k;
}

/* Longest first, then the surer source, then the earlier. */
static int finder_cmp_resolve(const void *pa, const void *pb) {
  const koai_entity *a = pa, *b = pb;
  size_t la = a->end - a->start, lb = b->end - b->start;
  if (la != lb) return la > lb ? -1 : 1;
  if (a->priority != b->priority) return a->priority > b->priority ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return 0;
}

static int finder_cmp_start(const void *pa, const void *pb) {
  const koai_entity *a = pa, *b = pb;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/*
** Keep non-overlapping candidates, longest first, and append them to out
** in document order with input offsets.
*/
static int finder_resolve(koai_entity_finder *f, const koai_normbuf *nb,
                          size_t base, koai_entity_list *out) {
  koai_entity_list *c = &f->cands;
  int i, j, nKept = 0, rc = KOAI_OK;
  if (c->n == 0) return KOAI_OK;
  qsort(c->a, (size_t)c->n, sizeof(koai_entity), finder_cmp_resolve);
  for (i = 0; i < c->n; i++) {
    int overlaps = 0;
    for (j = 0; j < nKept && !overlaps; j++) {
      overlaps = c->a[i].start < c->a[j].end && c->a[j].start < c->a[i].end;
    }
    if (overlaps) {
      free(c->a[i].canonical);
      continue;
    }
    c->a[nKept++] = c->a[i];
  }
  c->n = nKept;
  qsort(c->a, (size_t)c->n, sizeof(koai_entity), finder_cmp_start);
  for (i = 0; i < c->n && rc == KOAI_OK; i++) {
    koai_entity e = c->a[i];
    e.start = base + nb->src_start[c->a[i].start];
    e.end = base + nb->src_end[c->a[i].end - 1];
    rc = koai_entity_list_add(out, &e);
  }
  koai_entity_list_clear(c);
  return rc;
}

int koai_find_entities(koai_entity_finder *f, const char *text, size_t n,
                       const koai_date *ref, const koai_gazetteer *user,
                       koai_entity_list *out) {
  ent_context c;
  size_t start = 0;
  int rc = KOAI_OK;
  koai_gazetteer_reset(f->learned);
  koai_gazetteer_reset(f->surnames);
  memset(&c, 0, sizeof(c));
  c.d = f->d;
  c.user = user;
  c.learned = f->learned;
  c.builtin = f->builtin;
  c.surnames = f->surnames;
  c.cands = &f->cands;
  c.model = f->has_model ? &f->model : NULL;
  c.sink = f->sink;
  c.sink_arg = f->sink_arg;
  while (start < n && rc == KOAI_OK) {
    size_t base = start;
    const koai_normbuf *nb;
    ent_segment s;
    int i;
    f->nm = 0;
    rc = koai_analyze_segment(f->analyzer, NULL, text, n, &start,
                              finder_on_morph, f);
    if (rc != KOAI_OK) break;
    nb = koai_analyzer_normbuf(f->analyzer);
    rc = finder_reserve(f, nb->n);
    if (rc != KOAI_OK) break;
    memset(f->can_start, 0, nb->n + 1);
    memset(f->can_end, 0, nb->n + 1);
    for (i = 0; i < f->nm; i++) {
      f->can_start[f->m[i].b] = 1;
      f->can_end[f->m[i].e] = 1;
    }
    s.z = nb->z;
    s.n = nb->n;
    s.m = f->m;
    s.nm = f->nm;
    s.can_start = f->can_start;
    s.can_end = f->can_end;
    s.morph_at = f->morph_at;
    c.nb = nb;
    c.base = base;
    rc = ent_find_names(&c, &s);
    if (rc == KOAI_OK) rc = ent_find_patterns(&c, &s);
    if (rc == KOAI_OK) rc = ent_find_scored_names(&c, &s);
    if (rc == KOAI_OK) {
      rc = koai_find_numbers((const char *)nb->z, nb->n, &f->cands);
    }
    if (rc == KOAI_OK) {
      rc = koai_find_dates((const char *)nb->z, nb->n, ref, &f->cands);
    }
    /* Names learned in this segment also count later in it. */
    if (rc == KOAI_OK) rc = ent_find_names(&c, &s);
    if (rc == KOAI_OK) finder_filter(f, nb->z, nb->n);
    if (rc == KOAI_OK) rc = finder_resolve(f, nb, base, out);
  }
  koai_entity_list_clear(&f->cands);
  return rc;
}
