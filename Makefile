# koai: Korean text search and analysis for SQLite.
#
#   make            dist/koai.so and the dictionary beside it
#   make demo       build, load the sample corpus, print a report
#   make test       every test
#   make asan       every test again under AddressSanitizer + UBSan
#   make check      test + asan (what CI runs)
#   make bench      throughput, index sizes, memory (not a test)
#
# Missing Debian packages: sh scripts/install-deps.sh [build|test|bench]

VERSION := $(shell sed -n 's/^\#define KOAI_VERSION "\(.*\)"/\1/p' include/koai.h)

CC      ?= cc
PKGS    := icu-uc sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
ICU_LIBS   := $(shell pkg-config --libs icu-uc 2>/dev/null || echo -licuuc)
SQLITE_LIBS := $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC $(WARN) \
               -Iinclude -Iext $(PKG_CFLAGS)
CFLAGS  ?= -O2 -g
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer

GEN     := build/gen/gazetteer_sql.c build/gen/name_weights_tsv.c
SRC     := $(sort $(wildcard ext/*.c ext/*/*.c)) $(GEN)
HDR     := $(wildcard include/*.h ext/*.h ext/*/*.h)
DICDIR  := dist/mecab-ko-dic
DICT    := $(DICDIR)/.koai-fetched

SO_OBJ   := $(SRC:%.c=build/so/%.o)
REL_OBJ  := $(SRC:%.c=build/rel/%.o)
SAN_OBJ  := $(SRC:%.c=build/asan/%.o)

TEST_TOOLS := sqltest unit_tests koai_mecab alloc_test threads fts_random

.PHONY: all dict demo test asan check bench clean test-run
.DELETE_ON_ERROR:

all: dist/koai.so $(DICT)

dict: $(DICT)

$(DICT): dict/mecab-ko-dic.version dict/mecab-ko-dic.integrity dict/NOTICE \
         scripts/fetch-dictionary.sh
	sh scripts/fetch-dictionary.sh $(DICDIR)

# The shipped gazetteer is plain SQL in sql/; it is compiled in as text.
build/gen/gazetteer_sql.c: sql/gazetteer.sql scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-sql.sh sql/gazetteer.sql koai_gazetteer_sql > $@

# The name model's weights, data fitted by scripts/fit-name-weights.py.
build/gen/name_weights_tsv.c: sql/name_weights.tsv scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-sql.sh sql/name_weights.tsv koai_name_weights_tsv > $@

# Three builds of the same sources: the loadable extension (SQLite calls
# through the API table it is handed), and static ones for test programs
# (-DSQLITE_CORE: direct calls), plain and sanitized.
build/so/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -c $< -o $@

build/rel/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -DSQLITE_CORE -c $< -o $@

build/asan/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) -DSQLITE_CORE -c $< -o $@

dist/koai.so: $(SO_OBJ)
	@mkdir -p dist
	$(CC) -shared -o $@ $(SO_OBJ) $(ICU_LIBS) -lpthread -ldl

# The static library, for programs that link SQLite themselves and call
# koai_register(db) or sqlite3_auto_extension(koai_auto_register): the
# objects of the test programs (-DSQLITE_CORE: direct SQLite calls).
# Programs link it with ICU, pthread and dl (include/koai.h says how).
static: dist/libkoai.a

dist/libkoai.a: $(REL_OBJ)
	@mkdir -p dist
	rm -f $@
	$(AR) rcs $@ $(REL_OBJ)

# make install [PREFIX=/usr/local] [DESTDIR=...]: the loadable extension
# as $(LIBDIR)/koai.so.$(VERSION) with koai.so beside it (`.load koai`
# then finds it on the library path), libkoai.a, koai.h, koai.pc and the
# dictionary in $(INST_DICDIR).  The installed libraries are built again
# with that directory compiled in (KOAI_DEFAULT_DICDIR); like dist/koai.so
# they look beside themselves first.  make uninstall removes exactly that.
PREFIX       ?= /usr/local
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
DATADIR      ?= $(PREFIX)/share/koai
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INST_DICDIR   = $(DATADIR)/mecab-ko-dic
INST_SO_OBJ   = $(filter-out build/so/ext/dict/dict_shared.o,$(SO_OBJ)) \
                build/install/dict_shared.o
INST_A_OBJ    = $(filter-out build/rel/ext/dict/dict_shared.o,$(REL_OBJ)) \
                build/install/dict_shared.o

# The installed paths and version, rewritten only when they change, so
# that another PREFIX rebuilds what has them compiled in.
build/install/paths: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' '$(INST_DICDIR)' \
	  '$(VERSION)' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

build/install/dict_shared.o: ext/dict/dict_shared.c $(HDR) build/install/paths
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -DKOAI_DEFAULT_DICDIR='"$(INST_DICDIR)"' \
	  -c $< -o $@

build/install/koai.so: $(INST_SO_OBJ)
	$(CC) -shared -o $@ $(INST_SO_OBJ) $(ICU_LIBS) -lpthread -ldl

build/install/libkoai.a: $(INST_A_OBJ)
	rm -f $@
	$(AR) rcs $@ $(INST_A_OBJ)

build/install/koai.pc: koai.pc.in build/install/paths
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@DICDIR@|$(INST_DICDIR)|g' \
	    -e 's|@VERSION@|$(VERSION)|g' koai.pc.in >$@

install: all build/install/koai.so build/install/libkoai.a build/install/koai.pc
	install -d '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(INCLUDEDIR)' \
	  '$(DESTDIR)$(PKGCONFIGDIR)' '$(DESTDIR)$(INST_DICDIR)'
	install -m 755 build/install/koai.so '$(DESTDIR)$(LIBDIR)/koai.so.$(VERSION)'
	ln -sf koai.so.$(VERSION) '$(DESTDIR)$(LIBDIR)/koai.so'
	install -m 644 build/install/libkoai.a '$(DESTDIR)$(LIBDIR)/libkoai.a'
	install -m 644 include/koai.h '$(DESTDIR)$(INCLUDEDIR)/koai.h'
	install -m 644 build/install/koai.pc '$(DESTDIR)$(PKGCONFIGDIR)/koai.pc'
	install -m 644 $(DICDIR)/* '$(DESTDIR)$(INST_DICDIR)/'

uninstall:
	rm -f '$(DESTDIR)$(LIBDIR)/koai.so' '$(DESTDIR)$(LIBDIR)/koai.so.$(VERSION)' \
	  '$(DESTDIR)$(LIBDIR)/libkoai.a' '$(DESTDIR)$(INCLUDEDIR)/koai.h' \
	  '$(DESTDIR)$(PKGCONFIGDIR)/koai.pc'
	rm -f '$(DESTDIR)$(INST_DICDIR)'/*
	rmdir '$(DESTDIR)$(INST_DICDIR)' '$(DESTDIR)$(DATADIR)' 2>/dev/null || true

.PHONY: static install uninstall FORCE

# Test programs link koai's objects directly (no load_extension), so the
# same programs run under the sanitizers.
build/rel/bin/%: tests/tools/%.c $(REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(REL_OBJ) -o $@ $(SQLITE_LIBS) $(ICU_LIBS) -lpthread -ldl

build/asan/bin/%: tests/tools/%.c $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) $< $(SAN_OBJ) -o $@ $(SQLITE_LIBS) $(ICU_LIBS) -lpthread -ldl

build/rel/bin/unit_tests: tests/unit/*.c $(REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) tests/unit/*.c $(REL_OBJ) -o $@ $(SQLITE_LIBS) $(ICU_LIBS) -lpthread -ldl

build/asan/bin/unit_tests: tests/unit/*.c $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) tests/unit/*.c $(SAN_OBJ) -o $@ $(SQLITE_LIBS) $(ICU_LIBS) -lpthread -ldl

test: all dist/libkoai.a $(TEST_TOOLS:%=build/rel/bin/%)
	sh tests/run.sh rel

asan: all $(TEST_TOOLS:%=build/asan/bin/%)
	sh tests/run.sh asan

check: test asan hardening

demo: all
	sh scripts/demo.sh

bench: all build/rel/bin/koai_mecab
	sh scripts/install-deps.sh bench
	sh tests/bench/bench.sh

clean:
	rm -rf build/so build/rel build/asan build/install dist/koai.so dist/libkoai.a

# Fuzzing, ThreadSanitizer, Valgrind, allocation failures (issue 5).
include tests/hardening.mk
