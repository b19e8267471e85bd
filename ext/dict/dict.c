/*
** dict.c: open and validate the memory-mapped mecab-ko-dic files.
**
** Opening maps four files and checks their headers; it reads no entry, so
** it costs a few system calls whatever the dictionary's size.  The pages
** are shared by every process that maps the same files.
*/
#include "dict.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIC_MAGIC 0xef718f77u
#define DIC_VERSION 102u
#define DIC_HEADER_SIZE 72u
#define CHAR_TABLE_SIZE 0xffffu

static char *dict_printf(const char *zFmt, ...) {
  va_list ap;
  char *z;
  int n;
  va_start(ap, zFmt);
  n = vsnprintf(NULL, 0, zFmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  z = malloc((size_t)n + 1);
  if (z == NULL) return NULL;
  va_start(ap, zFmt);
  vsnprintf(z, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  return z;
}

static char *dict_path(const char *zDir, const char *zFile) {
  return dict_printf("%s/%s", zDir, zFile);
}

/* Map a whole file read-only. */
static int dict_map_file(const char *zDir, const char *zFile,
                         const unsigned char **ppMap, size_t *pSize,
                         char **pzErr) {
  char *zPath = dict_path(zDir, zFile);
  struct stat st;
  int fd;
  void *p;
  if (zPath == NULL) return KOAI_ERROR_NOMEM;
  fd = open(zPath, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *pzErr = dict_printf("cannot open dictionary file %s: %s", zPath,
                         strerror(errno));
    free(zPath);
    return KOAI_ERROR_DICT;
  }
  if (fstat(fd, &st) != 0 || st.st_size <= 0) {
    *pzErr = dict_printf("dictionary file %s is empty or unreadable", zPath);
    close(fd);
    free(zPath);
    return KOAI_ERROR_DICT;
  }
  p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (p == MAP_FAILED) {
    *pzErr = dict_printf("cannot map dictionary file %s: %s", zPath,
                         strerror(errno));
    free(zPath);
    return KOAI_ERROR_DICT;
  }
  free(zPath);
  *ppMap = p;
  *pSize = (size_t)st.st_size;
  return KOAI_OK;
}

/* Read a whole small text file into a NUL-terminated buffer. */
static int dict_read_text(const char *zDir, const char *zFile, char **pz,
                          size_t *pn) {
  char *zPath = dict_path(zDir, zFile);
  FILE *f;
  char *z = NULL;
  size_t n = 0, cap = 0;
  if (zPath == NULL) return KOAI_ERROR_NOMEM;
  f = fopen(zPath, "rb");
  free(zPath);
  if (f == NULL) return KOAI_ERROR_DICT;
  for (;;) {
    size_t got;
    if (n + 4096 + 1 > cap) {
      char *zNew;
      cap = cap ? cap * 2 : 8192;
      zNew = realloc(z, cap);
      if (zNew == NULL) {
        free(z);
        fclose(f);
        return KOAI_ERROR_NOMEM;
      }
      z = zNew;
    }
    got = fread(z + n, 1, 4096, f);
    n += got;
    if (got < 4096) break;
  }
  fclose(f);
  z[n] = 0;
  *pz = z;
  *pn = n;
  return KOAI_OK;
}

static uint32_t read_u32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

/* Check a sys.dic/unk.dic header and locate its sections. */
static int dict_parse_dic(const char *zFile, koai_dic_file *f, char **pzErr) {
  uint32_t magic, version, dsize, tsize, fsize;
  const unsigned char *p = f->map;
  if (f->size < DIC_HEADER_SIZE) {
    *pzErr = dict_printf("dictionary file %s is truncated", zFile);
    return KOAI_ERROR_DICT;
  }
  magic = read_u32(p);
  version = read_u32(p + 4);
  f->lexsize = read_u32(p + 12);
  f->lsize = read_u32(p + 16);
  f->rsize = read_u32(p + 20);
  dsize = read_u32(p + 24);
  tsize = read_u32(p + 28);
  fsize = read_u32(p + 32);
  if ((uint64_t)(magic ^ DIC_MAGIC) != (uint64_t)f->size) {
    *pzErr = dict_printf("dictionary file %s is truncated or not a MeCab "
                         "dictionary (size does not match its header)", zFile);
    return KOAI_ERROR_DICT;
  }
  if (version != DIC_VERSION) {
    *pzErr = dict_printf("dictionary file %s has version %u, expected %u",
                         zFile, version, DIC_VERSION);
    return KOAI_ERROR_DICT;
  }
  if ((uint64_t)DIC_HEADER_SIZE + dsize + tsize + fsize != f->size ||
      dsize % sizeof(koai_da_unit) != 0 || dsize == 0 ||
      tsize % sizeof(koai_dic_token) != 0 || fsize == 0) {
    *pzErr = dict_printf("dictionary file %s has inconsistent sections",
                         zFile);
    return KOAI_ERROR_DICT;
  }
  f->units = (const koai_da_unit *)(p + DIC_HEADER_SIZE);
  f->n_units = dsize / sizeof(koai_da_unit);
  f->tokens = (const koai_dic_token *)(p + DIC_HEADER_SIZE + dsize);
  f->n_tokens = tsize / sizeof(koai_dic_token);
  f->features = (const char *)(p + DIC_HEADER_SIZE + dsize + tsize);
  f->n_features = fsize;
  if (f->features[fsize - 1] != 0) {
    *pzErr = dict_printf("dictionary file %s: feature strings are not "
                         "terminated", zFile);
    return KOAI_ERROR_DICT;
  }
  return KOAI_OK;
}

static int dict_parse_matrix(koai_dict *d, char **pzErr) {
  const unsigned char *p = d->matrix_map;
  if (d->matrix_size < 4) {
    *pzErr = dict_printf("matrix.bin is truncated");
    return KOAI_ERROR_DICT;
  }
  d->matrix_lsize = (uint32_t)p[0] | (uint32_t)p[1] << 8;
  d->matrix_rsize = (uint32_t)p[2] | (uint32_t)p[3] << 8;
  if (4 + 2 * (uint64_t)d->matrix_lsize * d->matrix_rsize != d->matrix_size) {
    *pzErr = dict_printf("matrix.bin is truncated or corrupt");
    return KOAI_ERROR_DICT;
  }
  d->matrix = (const int16_t *)(p + 4);
  return KOAI_OK;
}

static int dict_parse_char(koai_dict *d, char **pzErr) {
  const unsigned char *p = d->char_map;
  uint32_t i;
  if (d->char_size < 4) goto corrupt;
  d->n_categories = read_u32(p);
  if (d->n_categories == 0 || d->n_categories > KOAI_MAX_CATEGORIES ||
      d->char_size != 4 + 32 * (uint64_t)d->n_categories +
                          4 * (uint64_t)CHAR_TABLE_SIZE) {
    goto corrupt;
  }
  d->char_table = (const uint32_t *)(p + 4 + 32 * d->n_categories);
  for (i = 0; i < d->n_categories; i++) {
    const char *zName = (const char *)(p + 4 + 32 * i);
    koai_prefix_match m;
    size_t n = strnlen(zName, 32);
    if (strncmp(zName, "SPACE", n) == 0 && n == 5) d->space_type |= 1u << i;
    if (koai_dic_exact_match(&d->unk, (const unsigned char *)zName, n, &m)) {
      d->unk_by_category[i].first = m.first_token;
      d->unk_by_category[i].count = m.n_tokens;
    }
  }
  return KOAI_OK;
corrupt:
  *pzErr = dict_printf("char.bin is truncated or corrupt");
  return KOAI_ERROR_DICT;
}

/* Name and version from the npm package's package.json, if present. */
static char *dict_json_string(const char *zJson, const char *zKey) {
  const char *p = strstr(zJson, zKey);
  const char *zEnd;
  char *z;
  if (p == NULL) return NULL;
  p += strlen(zKey);
  while (*p == ' ' || *p == ':' || *p == '\t') p++;
  if (*p != '"') return NULL;
  p++;
  zEnd = strchr(p, '"');
  if (zEnd == NULL) return NULL;
  z = malloc((size_t)(zEnd - p) + 1);
  if (z == NULL) return NULL;
  memcpy(z, p, (size_t)(zEnd - p));
  z[zEnd - p] = 0;
  return z;
}

static int dict_read_identity(koai_dict *d) {
  char *zJson = NULL;
  size_t n;
  int rc = dict_read_text(d->dir, "package.json", &zJson, &n);
  if (rc == KOAI_ERROR_NOMEM) return rc;
  if (rc == KOAI_OK) {
    d->name = dict_json_string(zJson, "\"name\"");
    d->version = dict_json_string(zJson, "\"version\"");
    free(zJson);
  }
  if (d->name == NULL) d->name = dict_printf("mecab-ko-dic");
  if (d->version == NULL) d->version = dict_printf("unknown");
  return (d->name && d->version) ? KOAI_OK : KOAI_ERROR_NOMEM;
}

int koai_dict_open(const char *zDir, koai_dict **ppDict, char **pzErr) {
  koai_dict *d;
  char *zDicrc = NULL;
  size_t nDicrc = 0;
  int rc;

  *ppDict = NULL;
  *pzErr = NULL;
  d = calloc(1, sizeof(*d));
  if (d == NULL) return KOAI_ERROR_NOMEM;
  d->dir = dict_printf("%s", zDir);
  if (d->dir == NULL) {
    free(d);
    return KOAI_ERROR_NOMEM;
  }

  rc = dict_map_file(zDir, "sys.dic", &d->sys.map, &d->sys.size, pzErr);
  if (rc == KOAI_OK) rc = dict_parse_dic("sys.dic", &d->sys, pzErr);
  if (rc == KOAI_OK) rc = koai_dic_build_first_states(&d->sys);
  if (rc == KOAI_OK) {
    rc = dict_map_file(zDir, "unk.dic", &d->unk.map, &d->unk.size, pzErr);
  }
  if (rc == KOAI_OK) rc = dict_parse_dic("unk.dic", &d->unk, pzErr);
  if (rc == KOAI_OK) {
    rc = dict_map_file(zDir, "matrix.bin", &d->matrix_map, &d->matrix_size,
                       pzErr);
  }
  if (rc == KOAI_OK) rc = dict_parse_matrix(d, pzErr);
  if (rc == KOAI_OK) {
    rc = dict_map_file(zDir, "char.bin", &d->char_map, &d->char_size, pzErr);
  }
  if (rc == KOAI_OK) rc = dict_parse_char(d, pzErr);
  if (rc == KOAI_OK) {
    rc = dict_read_text(zDir, "dicrc", &zDicrc, &nDicrc);
    if (rc == KOAI_ERROR_DICT) {
      *pzErr = dict_printf("cannot read %s/dicrc", zDir);
    }
  }
  if (rc == KOAI_OK) rc = koai_dicrc_parse(d, zDicrc, nDicrc, pzErr);
  if (rc == KOAI_OK) rc = dict_read_identity(d);
  free(zDicrc);

  if (rc != KOAI_OK) {
    koai_dict_close(d);
    return rc;
  }
  *ppDict = d;
  return KOAI_OK;
}

void koai_dict_close(koai_dict *d) {
  if (d == NULL) return;
  if (d->sys.map) munmap((void *)d->sys.map, d->sys.size);
  if (d->unk.map) munmap((void *)d->unk.map, d->unk.size);
  if (d->matrix_map) munmap((void *)d->matrix_map, d->matrix_size);
  if (d->char_map) munmap((void *)d->char_map, d->char_size);
  free(d->sys.first_state);
  free(d->space_penalty);
  free(d->name);
  free(d->version);
  free(d->dir);
  free(d);
}

const char *koai_dict_name(const koai_dict *d) { return d->name; }
const char *koai_dict_version(const koai_dict *d) { return d->version; }
unsigned koai_dict_entry_count(const koai_dict *d) { return d->sys.lexsize; }
const char *koai_dict_dir(const koai_dict *d) { return d->dir; }
