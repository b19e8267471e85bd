#!/bin/sh
# Run every test of one build: rel (plain) or asan (AddressSanitizer and
# UndefinedBehaviorSanitizer).  Each runner prints "N passed, N failed";
# this script adds them up and prints the total last.
set -u
variant=${1:-rel}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
bin="build/$variant/bin"
export KOAI_DICDIR="$top/dist/mecab-ko-dic"
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run NAME COMMAND...: a runner's counts, or one failure if it printed none.
run() {
  name=$1
  shift
  echo "== $name"
  "$@" >"$log" 2>&1
  status=$?
  grep -v '^PASS' "$log" | tail -n 60
  counts=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  p=$(echo "$counts" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "passed,") print $i}')
  f=$(echo "$counts" | awk '{for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) print $i}')
  if [ -z "$p" ] || [ -z "$f" ]; then
    p=0
    f=1
    echo "$name: no result line (exit $status)"
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "$name: exit status $status"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

run "unit tests ($variant)" "$bin/unit_tests"
run "SQL tests ($variant)" "$bin/sqltest" tests/sql/*.test
run "MeCab oracle ($variant)" sh tests/oracle/run.sh "$variant"
run "dictionary errors ($variant)" sh tests/errors/run.sh "$variant"
run "out of memory, failing xToken, bounded memory ($variant)" "$bin/alloc_test"
run "threads and two processes ($variant)" "$bin/threads"
run "randomized index integrity ($variant)" "$bin/fts_random"
if [ "$variant" = rel ]; then
  run "sqlite3 shell with .load" sh tests/shell/load.sh
  run "README examples" sh tests/readme/check.sh
  run "news schema, queries and demo" sh tests/news/check.sh
  run "gazetteer data" sh tests/gazetteer/check.sh
  run "entities dev set (F1 targets)" sh tests/entities/evaluate.sh
  run "Python sqlite3 module" sh tests/bindings/run.sh python
  run "Node.js better-sqlite3" sh tests/bindings/run.sh node
  run "Tcl sqlite3 package" sh tests/bindings/run.sh tcl
  run "Perl DBD::SQLite" sh tests/bindings/run.sh perl
  run "sqlite-utils and litecli" sh tests/bindings/run.sh tools
  run "static library" sh tests/static/run.sh
  run "make install / uninstall" sh tests/install/run.sh
fi

echo "tests ($variant): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
