/*
** dict_shared.c: the one dictionary of the process.
**
** The dictionary is opened on first use, under a mutex, and kept until the
** process ends: its pages are mapped read-only, so every connection and
** thread reads the same copy without locking.  A failure is remembered
** too, so each later use reports the same clear error without retrying
** the file system on every call.
*/
#define _GNU_SOURCE
#include "dict.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef KOAI_DEFAULT_DICDIR
#define KOAI_DEFAULT_DICDIR ""
#endif

#define DICT_SUBDIR "mecab-ko-dic"

static pthread_mutex_t dict_mutex = PTHREAD_MUTEX_INITIALIZER;
static koai_dict *dict_shared = NULL;
static char *dict_error = NULL;
static char *dict_configured_dir = NULL;
static int dict_tried = 0;

void koai_set_dictionary_dir(const char *zDir) {
  pthread_mutex_lock(&dict_mutex);
  if (!dict_tried) {
    free(dict_configured_dir);
    dict_configured_dir = zDir ? strdup(zDir) : NULL;
  }
  pthread_mutex_unlock(&dict_mutex);
}

static int dict_dir_exists(const char *zDir) {
  struct stat st;
  return zDir && zDir[0] && stat(zDir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The mecab-ko-dic directory beside the shared object koai was loaded from. */
static char *dict_dir_beside_library(void) {
  Dl_info info;
  const char *zSlash;
  char *z;
  size_t n;
  if (dladdr((void *)&koai_dictionary, &info) == 0 || info.dli_fname == NULL) {
    return NULL;
  }
  zSlash = strrchr(info.dli_fname, '/');
  n = zSlash ? (size_t)(zSlash - info.dli_fname) : 1;
  z = malloc(n + sizeof(DICT_SUBDIR) + 2);
  if (z == NULL) return NULL;
  if (zSlash) {
    memcpy(z, info.dli_fname, n);
  } else {
    z[0] = '.';
  }
  z[n] = '/';
  memcpy(z + n + 1, DICT_SUBDIR, sizeof(DICT_SUBDIR));
  return z;
}

static void dict_open_once(void) {
  const char *zEnv = getenv("KOAI_DICDIR");
  char *zBeside = NULL;
  const char *zDir = NULL;
  char *zErr = NULL;
  int rc;

  if (zEnv && zEnv[0]) {
    zDir = zEnv;
  } else if (dict_configured_dir) {
    zDir = dict_configured_dir;
  } else {
    zBeside = dict_dir_beside_library();
    if (dict_dir_exists(zBeside)) {
      zDir = zBeside;
    } else if (dict_dir_exists(KOAI_DEFAULT_DICDIR)) {
      zDir = KOAI_DEFAULT_DICDIR;
    }
  }
  if (zDir == NULL) {
    size_t n = 200 + (zBeside ? strlen(zBeside) : 0) +
               strlen(KOAI_DEFAULT_DICDIR);
    dict_error = malloc(n);
    if (dict_error) {
      snprintf(dict_error, n,
               "dictionary not found in %s%s%s; set KOAI_DICDIR to the "
               "mecab-ko-dic directory",
               zBeside ? zBeside : "(unknown library directory)",
               KOAI_DEFAULT_DICDIR[0] ? " or " : "", KOAI_DEFAULT_DICDIR);
    }
    free(zBeside);
    return;
  }
  rc = koai_dict_open(zDir, &dict_shared, &zErr);
  if (rc == KOAI_ERROR_NOMEM) {
    /* Running out of memory is not remembered: the next use tries again
    ** (meanwhile koai_dictionary() reports it with a static message). */
    dict_tried = 0;
    free(zErr);
  } else if (rc != KOAI_OK) {
    dict_error = zErr;
  }
  free(zBeside);
}

const koai_dict *koai_dictionary(const char **pzErr) {
  koai_dict *d;
  pthread_mutex_lock(&dict_mutex);
  if (!dict_tried) {
    dict_tried = 1;
    dict_open_once();
  }
  d = dict_shared;
  if (pzErr) {
    *pzErr = dict_error ? dict_error : "out of memory opening the dictionary";
  }
  pthread_mutex_unlock(&dict_mutex);
  return d;
}

/* Unmap at exit so that leak checkers see a clean process. */
__attribute__((destructor)) static void dict_release(void) {
  koai_dict_close(dict_shared);
  dict_shared = NULL;
  free(dict_error);
  dict_error = NULL;
  free(dict_configured_dir);
  dict_configured_dir = NULL;
}
