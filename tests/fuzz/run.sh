#!/bin/sh
# Run koai's libFuzzer harnesses (build/fuzz/bin/fuzz_*).
#
#   sh tests/fuzz/run.sh SECONDS [HARNESS...]
#
# For each harness: first every input in tests/fuzz/regressions/HARNESS/
# (each a crash found once, kept so it cannot come back) is run once; then
# the harness fuzzes for SECONDS, starting from the seeds in
# tests/fuzz/corpus/HARNESS/ and the corpus it grew on earlier runs
# (build/fuzz/corpus/HARNESS/), with the dictionary tests/fuzz/HARNESS.dict
# or korean.dict.  A crash, leak, timeout or sanitizer report fails the
# harness and leaves its input in build/fuzz/artifacts/: add that file to
# tests/fuzz/regressions/HARNESS/ with the fix.  FUZZ_PARALLEL=1 runs the
# harnesses at once instead of one after the other.  Executions per
# harness are printed and appended to build/fuzz/stats.tsv.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
seconds=${1:-20}
shift
harnesses=${*:-analyzer tokenizer options functions entities sql}
export KOAI_DICDIR="$top/dist/mecab-ko-dic"
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build/fuzz/artifacts build/fuzz/logs build/fuzz/scratch

# fuzz_one NAME: replay the regressions, then fuzz; writes logs/NAME.result
fuzz_one() {
  name=$1
  bin=build/fuzz/bin/fuzz_$name
  log=build/fuzz/logs/$name.log
  result=build/fuzz/logs/$name.result
  dict=tests/fuzz/$name.dict
  [ -f "$dict" ] || dict=tests/fuzz/korean.dict
  # absolute paths: fuzz_sql works in a scratch directory
  dict=$top/$dict
  work=$top/build/fuzz/corpus/$name
  mkdir -p "$work"
  if [ ! -x "$bin" ]; then
    echo "FAIL $name: $bin not built" >"$result"
    return
  fi
  regressions=$(ls "$top"/tests/fuzz/regressions/$name/* 2>/dev/null)
  if [ -n "$regressions" ]; then
    # shellcheck disable=SC2086
    if ! "$bin" -runs=1 $regressions >"$log.regressions" 2>&1; then
      echo "FAIL $name: a regression input fails again (see $log.regressions)" >"$result"
      return
    fi
  fi
  "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
    -max_len=4096 -dict="$dict" -print_final_stats=1 \
    -artifact_prefix="$top/build/fuzz/artifacts/$name-" \
    "$work" "$top/tests/fuzz/corpus/$name" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  nregr=$(echo "$regressions" | grep -c . )
  if [ "$status" -ne 0 ]; then
    echo "FAIL $name: exit $status after ${runs:-?} runs; input in" \
      "build/fuzz/artifacts/ (see $log)" >"$result"
  else
    echo "PASS $name: ${runs:-?} runs in ${seconds}s without a finding," \
      "$nregr regression inputs" >"$result"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" \
    "$seconds" "${runs:-?}" "$(cut -c1-4 "$result")" >>build/fuzz/stats.tsv
}

for name in $harnesses; do
  if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
    fuzz_one "$name" &
  else
    echo "== fuzz $name (${seconds}s)"
    fuzz_one "$name"
    cat "build/fuzz/logs/$name.result"
  fi
done
wait

passed=0
failed=0
for name in $harnesses; do
  r=$(cat "build/fuzz/logs/$name.result")
  [ "${FUZZ_PARALLEL:-0}" = 1 ] && echo "$r"
  case $r in
    PASS*) passed=$((passed + 1)) ;;
    *) failed=$((failed + 1)); tail -n 40 "build/fuzz/logs/$name.log" ;;
  esac
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
