/*
** test_dictionary.c: opening the dictionary, its identity, its errors.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict/dict.h"
#include "unit.h"

static const char *azFiles[] = {"sys.dic", "unk.dic", "matrix.bin", "char.bin",
                                "dicrc", "pos-id.def", "left-id.def",
                                "right-id.def", "package.json"};

/* A scratch copy of the dictionary made of symlinks, in zDir. */
static void make_linked_copy(const char *zDir) {
  const char *zSrc = koai_dict_dir(koai_dictionary(NULL));
  size_t i;
  char zFrom[4096], zTo[4096];
  mkdir(zDir, 0700);
  for (i = 0; i < sizeof(azFiles) / sizeof(azFiles[0]); i++) {
    snprintf(zFrom, sizeof(zFrom), "%s/%s", zSrc, azFiles[i]);
    snprintf(zTo, sizeof(zTo), "%s/%s", zDir, azFiles[i]);
    unlink(zTo);
    if (symlink(zFrom, zTo) != 0) perror(zTo);
  }
}

static void replace_file(const char *zDir, const char *zFile, const void *p,
                         size_t n) {
  char zPath[4096];
  FILE *f;
  snprintf(zPath, sizeof(zPath), "%s/%s", zDir, zFile);
  unlink(zPath);
  f = fopen(zPath, "wb");
  if (f) {
    fwrite(p, 1, n, f);
    fclose(f);
  }
}

static void remove_copy(const char *zDir) {
  size_t i;
  char zPath[4096];
  for (i = 0; i < sizeof(azFiles) / sizeof(azFiles[0]); i++) {
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, azFiles[i]);
    unlink(zPath);
  }
  rmdir(zDir);
}

static void expect_open_error(const char *zDir, const char *zWant) {
  koai_dict *d = NULL;
  char *zErr = NULL;
  int rc = koai_dict_open(zDir, &d, &zErr);
  CHECK(rc == KOAI_ERROR_DICT && d == NULL && zErr && strstr(zErr, zWant),
        "rc %d, error '%s', wanted '%s'", rc, zErr ? zErr : "(none)", zWant);
  free(zErr);
}

void test_dictionary(void) {
  const koai_dict *shared = koai_dictionary(NULL);
  char zDir[64];
  koai_dict *d = NULL;
  char *zErr = NULL;
  unsigned char head[100];
  FILE *f;
  char zPath[4096];

  CHECK(strcmp(koai_dict_name(shared), "mecab-ko-dic") == 0, "name %s",
        koai_dict_name(shared));
  CHECK(strcmp(koai_dict_version(shared), "0.1.3") == 0, "version %s",
        koai_dict_version(shared));
  CHECK(koai_dict_entry_count(shared) == 816283, "entries %u",
        koai_dict_entry_count(shared));
  CHECK(koai_dictionary(NULL) == shared, "opened twice");

  expect_open_error("/nonexistent/koai", "cannot open dictionary file");

  snprintf(zDir, sizeof(zDir), "/tmp/koai-dict-test-%d", (int)getpid());

  /* The penalty list comes from dicrc, whatever it says. */
  make_linked_copy(zDir);
  {
    const char *zRc = "cost-factor = 800\n"
                      "left-space-penalty-factor = 120,100, 172 ,7\n";
    replace_file(zDir, "dicrc", zRc, strlen(zRc));
    CHECK(koai_dict_open(zDir, &d, &zErr) == KOAI_OK, "open: %s",
          zErr ? zErr : "");
    if (d) {
      CHECK(koai_dict_space_penalty(d, 120) == 100 &&
                koai_dict_space_penalty(d, 172) == 7 &&
                koai_dict_space_penalty(d, 100) == 0,
            "penalties %d %d %d", koai_dict_space_penalty(d, 120),
            koai_dict_space_penalty(d, 172), koai_dict_space_penalty(d, 100));
      koai_dict_close(d);
      d = NULL;
    }
    free(zErr);
    zErr = NULL;
  }
  CHECK(koai_dict_space_penalty(shared, 120) == 6000 &&
            koai_dict_space_penalty(shared, 100) == 3000,
        "shipped penalties %d %d", koai_dict_space_penalty(shared, 120),
        koai_dict_space_penalty(shared, 100));

  /* A truncated sys.dic is refused, not read past its end. */
  snprintf(zPath, sizeof(zPath), "%s/sys.dic", koai_dict_dir(shared));
  f = fopen(zPath, "rb");
  if (f) {
    size_t n = fread(head, 1, sizeof(head), f);
    fclose(f);
    replace_file(zDir, "sys.dic", head, n);
    expect_open_error(zDir, "sys.dic is truncated");
  }
  make_linked_copy(zDir);
  replace_file(zDir, "matrix.bin", "\x10\x00\x10\x00\x00", 5);
  expect_open_error(zDir, "matrix.bin is truncated or corrupt");
  make_linked_copy(zDir);
  replace_file(zDir, "char.bin", "\x01", 1);
  expect_open_error(zDir, "char.bin is truncated or corrupt");
  make_linked_copy(zDir);
  {
    char zBad[4096];
    snprintf(zBad, sizeof(zBad), "%s/unk.dic", zDir);
    unlink(zBad);
  }
  expect_open_error(zDir, "cannot open dictionary file");
  remove_copy(zDir);
}
