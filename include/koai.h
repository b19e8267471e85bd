/*
** koai.h: the public C API of koai, the Korean text extension for SQLite.
**
** Most users load koai as an extension (`.load dist/koai`) and never see
** this header. It is for two other audiences:
**
**   - applications that link koai statically (`make static`) and register
**     it on their own connections with koai_register();
**   - C programs that want the morphological analyzer itself, without SQL.
**
** The analyzer is MeCab's algorithm (dictionary lookup in a double array,
** unknown words from character categories, Viterbi over connection costs)
** over the mecab-ko-dic dictionary, with mecab-ko's rule that particles
** and endings cost extra right after whitespace.  All offsets it reports
** are byte offsets into the caller's original text, whatever normalization
** (NFC, full-width forms, whitespace) was applied before analysis.
*/
#ifndef KOAI_H
#define KOAI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
** The one place the version is written.  ai_version() reports it, and the
** Makefile reads it from here for `make install`: the extension's file
** name (koai.so.0.1.0) and the pkg-config file (koai.pc).
*/
#define KOAI_VERSION "0.1.0"

typedef struct sqlite3 sqlite3;

/*
** Linking koai into a program.
**
** `make static` builds dist/libkoai.a, and `make install` installs it as
** libkoai.a with this header and koai.pc.  It is koai compiled with
** -DSQLITE_CORE: it calls SQLite directly, as part of the program, and
** needs no load_extension.  Link it with the program's SQLite (Debian's
** -lsqlite3, or the program's own sqlite3.c, 3.40 or later with FTS5),
** ICU's common library, pthread and dl:
**
**     cc app.c dist/libkoai.a -lsqlite3 $(pkg-config --libs icu-uc) -lpthread -ldl
**     cc app.c $(pkg-config --cflags --static --libs koai) -lsqlite3
**
** Then register koai, in one of two ways:
**
**   - on every connection opened afterwards, once, before opening them:
**
**         sqlite3_auto_extension((void (*)(void))koai_auto_register);
**
**     (koai_auto_register is koai_register with the signature
**     sqlite3_auto_extension expects; it ignores pApi);
**
**   - on one connection:
**
**         char *zErr = NULL;
**         if (koai_register(db, &zErr) != SQLITE_OK) {
**           fprintf(stderr, "%s\n", zErr);
**           sqlite3_free(zErr);
**         }
**
** koai_register registers every koai SQL function, table-valued function
** and the `korean` FTS5 tokenizer on the connection.  It returns an SQLite
** result code; on error, *pzErr (when pzErr is not NULL) receives a
** message to be freed with sqlite3_free().  The dictionary is found as
** koai_dictionary() says below; call koai_set_dictionary_dir() first to
** choose it.
*/
int koai_register(sqlite3 *db, char **pzErr);
int koai_auto_register(sqlite3 *db, char **pzErr, const void *pApi);

/*
** The dictionary.  One read-only, memory-mapped copy is opened per
** process on first use and shared by every connection and thread.  Its
** directory is, in this order: the KOAI_DICDIR environment variable, the
** directory set with koai_set_dictionary_dir() before first use, the
** `mecab-ko-dic` directory beside the loaded koai library (in a program
** linked with libkoai.a: beside the program, when it was started by a
** path rather than found through PATH), and the directory compiled in
** by `make install` ($(PREFIX)/share/koai/mecab-ko-dic).
*/
typedef struct koai_dict koai_dict;

/* Set the dictionary directory; only effective before the first use. */
void koai_set_dictionary_dir(const char *zDir);

/*
** The shared dictionary, opened on the first call.  On failure returns
** NULL and, when pzErr is not NULL, a message in *pzErr that is owned by
** koai (do not free it); later calls return the same error.
*/
const koai_dict *koai_dictionary(const char **pzErr);

/* Identity of an opened dictionary, for ai_version(). */
const char *koai_dict_name(const koai_dict *);
const char *koai_dict_version(const koai_dict *);
unsigned koai_dict_entry_count(const koai_dict *);
const char *koai_dict_dir(const koai_dict *);

/*
** One morpheme of an analysis.  `start`/`end` are byte offsets into the
** original text; `surface` is the normalized form the dictionary matched
** (not NUL-terminated, `n_surface` bytes) and stays valid only during the
** callback.  `feature` is the dictionary's NUL-terminated feature string
** (tag,semantic class,final consonant,reading,type,first tag,last tag,
** expression).
*/
typedef struct koai_morph {
  size_t start;
  size_t end;
  const char *surface;
  int n_surface;
  const char *feature;
  unsigned short posid;
  unsigned char space_before;   /* whitespace (or a line start) precedes it */
  unsigned char kind;           /* KOAI_MORPH_KNOWN / _UNKNOWN / _USER */
  /* Where each byte of `surface` came from: surface byte i was produced
  ** by input bytes [map_base + map_start[i], map_base + map_end[i]).  Used
  ** to give exact offsets to the parts of a compound. */
  size_t map_base;
  const unsigned int *map_start;
  const unsigned int *map_end;
} koai_morph;

#define KOAI_MORPH_KNOWN   0
#define KOAI_MORPH_UNKNOWN 1
#define KOAI_MORPH_USER    2

/* A user dictionary: extra words with a part of speech. */
typedef struct koai_userdict koai_userdict;

/*
** Create an empty user dictionary and add words to it.  Tags are the
** dictionary's own (NNP, NNG, SL, ...).  koai_userdict_add returns 0 on
** success, KOAI_ERROR_TAG for a tag the dictionary does not know, and
** KOAI_ERROR_NOMEM when out of memory.  Words are normalized as the
** analyzer normalizes its input.
*/
koai_userdict *koai_userdict_new(const koai_dict *);
int koai_userdict_add(koai_userdict *, const char *zWord, int nWord,
                      const char *zTag);
/* Index the words for lookup; call after the last add, before analysing. */
int koai_userdict_prepare(koai_userdict *);
void koai_userdict_free(koai_userdict *);

/* Options of one analysis. */
typedef struct koai_analyze_options {
  int space_penalty;                 /* 1 (default): mecab-ko's rule */
  const koai_userdict *userdict;     /* may be NULL */
} koai_analyze_options;

typedef struct koai_analyzer koai_analyzer;

/* A reusable analyzer (its working memory); one per thread. */
koai_analyzer *koai_analyzer_new(const koai_dict *);
void koai_analyzer_free(koai_analyzer *);

/*
** Analyse n bytes of text and call xMorph for each morpheme of the best
** path, in order.  Invalid UTF-8 bytes, NUL and control characters are
** treated as whitespace.  A non-zero return from xMorph stops the analysis
** and is returned.  Returns 0 or a KOAI_ERROR_ code.
**
** Memory is bounded independently of n: the text is analysed in segments
** cut at line breaks and, in lines longer than a few kilobytes, after
** sentence ends or at whitespace.
*/
typedef int (*koai_morph_fn)(void *ctx, const koai_morph *);
int koai_analyze(koai_analyzer *, const koai_analyze_options *,
                 const char *text, size_t n, koai_morph_fn xMorph, void *ctx);

/*
** Analyse each word (a run without whitespace) of text on its own, as if
** a space came before it and the sentence went on after it, and call
** xMorph for each morpheme.  A word thus gets the same morphemes wherever
** it stands, which is what the `korean` tokenizer indexes, and repeated
** words are analysed once (a cache in the analyzer).  koai_analyze()
** instead finds the best path through whole sentences, as MeCab does.
*/
int koai_analyze_words(koai_analyzer *, const koai_analyze_options *,
                       const char *text, size_t n, koai_morph_fn xMorph,
                       void *ctx);

/*
** Analyse only the next segment of text, the one starting at byte
** *pStart, and advance *pStart past it; for callers that pull morphemes a
** segment at a time.  Returns like koai_analyze; *pStart == n at the end.
*/
int koai_analyze_segment(koai_analyzer *, const koai_analyze_options *,
                         const char *text, size_t n, size_t *pStart,
                         koai_morph_fn xMorph, void *ctx);

#define KOAI_OK           0
#define KOAI_ERROR_NOMEM  (-1)
#define KOAI_ERROR_TAG    (-2)
#define KOAI_ERROR_DICT   (-3)

#ifdef __cplusplus
}
#endif
#endif /* KOAI_H */
