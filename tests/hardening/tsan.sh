#!/bin/sh
# The thread test (tests/tools/threads.c) built with gcc's
# -fsanitize=thread: 8 threads with their own connections index and query
# at once against the shared dictionary; ThreadSanitizer must report
# nothing and every thread's output must equal a single-threaded run.
# Then ai_fts_insert's worker threads (tests/sql/ai_fts_insert.test).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
export KOAI_DICDIR="$top/dist/mecab-ko-dic"
export LC_ALL=C.UTF-8
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
build/tsan/bin/threads 8 || exit $?
build/tsan/bin/sqltest tests/sql/ai_fts_insert.test
