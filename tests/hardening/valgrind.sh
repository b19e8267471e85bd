#!/bin/sh
# Run koai's tests under Valgrind's memcheck: no invalid read or write, no
# use of uninitialised memory, no definite or indirect leak.
#
#   sh tests/hardening/valgrind.sh ci      what `make check` runs (minutes)
#   sh tests/hardening/valgrind.sh full    the whole suite (`make valgrind`)
#
# ci runs every SQL test file, the failing-xToken test, the out-of-memory
# test on every 40th allocation, the randomized index test (short) and
# the dictionary error tests; full adds the C unit tests (whose 4 MB
# inputs take a long time under Valgrind), the out-of-memory test on every
# allocation, the bounded-memory test and the thread test.  Each program
# counts as one result; a Valgrind error or a failing test fails it.
set -u
mode=${1:-ci}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
bin=build/rel/bin
export KOAI_DICDIR="$top/dist/mecab-ko-dic"
export LC_ALL=C.UTF-8
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind: not installed (sh scripts/install-deps.sh test)"
  echo "valgrind: 0 passed, 1 failed"
  exit 1
fi

# vg NAME [VAR=VALUE...] COMMAND...: one result for the program run
# under memcheck (the variables are set for it; `env` in front would put
# env, not the program, under Valgrind).
vg() {
  name=$1
  shift
  echo "== valgrind: $name"
  start=$(date +%s)
  (
    while [ $# -gt 0 ]; do
      case $1 in *=*) export "${1?}"; shift ;; *) break ;; esac
    done
    exec valgrind --quiet --error-exitcode=99 --leak-check=full \
      --show-leak-kinds=definite,indirect \
      --errors-for-leak-kinds=definite,indirect --track-origins=yes \
      --num-callers=30 "$@"
  ) >"$log" 2>&1
  status=$?
  grep -E 'passed, [0-9]+ failed' "$log" | tail -n 1
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS $name ($(( $(date +%s) - start ))s)"
  else
    failed=$((failed + 1))
    grep -v '^PASS' "$log" | tail -n 80
    echo "FAIL $name: exit $status"
  fi
}

vg "SQL tests" "$bin/sqltest" tests/sql/*.test
vg "failing xToken callbacks" "$bin/alloc_test" callbacks
vg "missing dictionary" KOAI_DICDIR=build/no-such-dic "$bin/sqltest" \
  tests/errors/no_dictionary.test
if [ "$mode" = full ]; then
  vg "out of memory at every allocation" "$bin/alloc_test" oom
  vg "bounded memory" "$bin/alloc_test" memory
  vg "unit tests" "$bin/unit_tests"
  vg "threads and processes" "$bin/threads" 4
  vg "randomized index" "$bin/fts_random" 3000
else
  vg "out of memory at every 40th allocation" ALLOC_STRIDE=40 \
    "$bin/alloc_test" oom
  vg "randomized index" "$bin/fts_random" 300
fi
echo "valgrind ($mode): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
