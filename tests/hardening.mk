# tests/hardening.mk: fuzzing, ThreadSanitizer, Valgrind and allocation
# failure tests (issue 5).  Included by the Makefile; uses its SRC, HDR,
# BASE_CFLAGS and libraries.
#
#   make fuzz          every libFuzzer harness for FUZZ_SECONDS (default 20)
#                      each, after replaying tests/fuzz/regressions/
#   make fuzz-long     the same for FUZZ_SECONDS (default 3600) each
#   make tsan          the thread test and ai_fts_insert under ThreadSanitizer (gcc)
#   make valgrind      the whole suite under Valgrind memcheck
#   make valgrind-ci   a representative part of it (what `make check` runs)
#   make hardening     fuzz + tsan + valgrind-ci: the part of `make check`
#                      that is not `test` or `asan`

FUZZ_CC  ?= clang
FUZZ_SAN := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
FUZZERS  := analyzer tokenizer options functions entities sql
FUZZ_OBJ := $(SRC:%.c=build/fuzz/%.o) build/fuzz/tests/fuzz/fuzz_common.o
FUZZ_BIN := $(FUZZERS:%=build/fuzz/bin/fuzz_%)

TSAN_FLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJ   := $(SRC:%.c=build/tsan/%.o)

LIBS := $(SQLITE_LIBS) $(ICU_LIBS) -lpthread -ldl

# koai's own malloc/calloc/realloc/strdup/free calls go through the
# counting allocator of tests/tools/alloc_test.c; SQLite's through
# sqlite3_config(SQLITE_CONFIG_MALLOC).
WRAP_ALLOC := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=free

.PHONY: fuzz fuzz-long fuzz-build tsan valgrind valgrind-ci hardening

# Objects reached only through pattern rules would be deleted as
# intermediate files after each run, and built again the next time.
.SECONDARY: $(FUZZ_OBJ) $(FUZZERS:%=build/fuzz/tests/fuzz/fuzz_%.o) $(TSAN_OBJ)

build/fuzz/%.o: %.c $(HDR) tests/fuzz/fuzz_common.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASE_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	  -DSQLITE_CORE -Itests/fuzz -c $< -o $@

build/fuzz/bin/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer $^ -o $@ $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: all $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(or $(FUZZ_SECONDS),20)

fuzz-long: all $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(or $(FUZZ_SECONDS),3600)

build/tsan/%.o: %.c $(HDR)
	@mkdir -p $(dir $@)
	gcc $(BASE_CFLAGS) $(TSAN_FLAGS) -DSQLITE_CORE -c $< -o $@

build/tsan/bin/%: tests/tools/%.c $(TSAN_OBJ)
	@mkdir -p $(dir $@)
	gcc $(BASE_CFLAGS) $(TSAN_FLAGS) $< $(TSAN_OBJ) -o $@ $(LIBS)

build/rel/bin/alloc_test: tests/tools/alloc_test.c $(REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $< $(REL_OBJ) -o $@ $(LIBS) $(WRAP_ALLOC)

build/asan/bin/alloc_test: tests/tools/alloc_test.c $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(SAN_FLAGS) $< $(SAN_OBJ) -o $@ $(LIBS) $(WRAP_ALLOC)

tsan: all build/tsan/bin/threads build/tsan/bin/sqltest
	sh tests/hardening/tsan.sh

valgrind: all $(TEST_TOOLS:%=build/rel/bin/%)
	sh tests/hardening/valgrind.sh full

valgrind-ci: all $(TEST_TOOLS:%=build/rel/bin/%)
	sh tests/hardening/valgrind.sh ci

hardening: fuzz tsan valgrind-ci
