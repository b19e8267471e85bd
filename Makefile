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

GEN     := build/gen/gazetteer_sql.c
SRC     := $(sort $(wildcard ext/*.c ext/*/*.c)) $(GEN)
HDR     := $(wildcard include/*.h ext/*.h ext/*/*.h)
DICDIR  := dist/mecab-ko-dic
DICT    := $(DICDIR)/.koai-fetched

SO_OBJ   := $(SRC:%.c=build/so/%.o)
REL_OBJ  := $(SRC:%.c=build/rel/%.o)
SAN_OBJ  := $(SRC:%.c=build/asan/%.o)

TEST_TOOLS := sqltest unit_tests koai_mecab

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

test: all $(TEST_TOOLS:%=build/rel/bin/%)
	sh tests/run.sh rel

asan: all $(TEST_TOOLS:%=build/asan/bin/%)
	sh tests/run.sh asan

check: test asan

demo: all
	sh scripts/demo.sh

bench: all build/rel/bin/koai_mecab
	sh scripts/install-deps.sh bench
	sh tests/bench/bench.sh

clean:
	rm -rf build/so build/rel build/asan dist/koai.so

# Fuzzing, ThreadSanitizer, Valgrind, allocation failures (issue 5).
include tests/hardening.mk
