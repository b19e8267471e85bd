#!/bin/sh
# A binding test: koai loaded from dist/ into a real client, installed by
# this script when missing (scripts/install-deps.sh bindings; better-sqlite3
# by tests/bindings/setup-node.sh), running the shared cases of
# tests/bindings/cases.txt and the README's examples for that client.
#
#   sh tests/bindings/run.sh python|node|tcl|perl|tools
#
# Prints each part's results and one "N passed, N failed" line last.
set -u
client=${1:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
# As users get it: the dictionary is found beside the library.
unset KOAI_DICDIR
export LC_ALL=C.UTF-8
ext="$top/dist/koai"
cases="$top/tests/bindings/cases.txt"
sqlite_version=$(pkg-config --modversion sqlite3)

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# part COMMAND...: run one part, show its output, add up its counts.
part() {
  "$@" >"$log" 2>&1
  status=$?
  cat "$log"
  counts=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  p=$(echo "$counts" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "passed,") print $i}')
  f=$(echo "$counts" | awk '{for (i = 1; i < NF; i++) if ($(i+1) ~ /^failed/) print $i}')
  if [ -z "$p" ] || [ -z "$f" ]; then
    p=0 f=1
    echo "FAIL $*: no result line (exit $status)"
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    echo "FAIL $*: exit status $status"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

if ! sh scripts/install-deps.sh bindings; then
  echo "$client: 0 passed, 1 failed (cannot install its packages)"
  exit 1
fi

case $client in
  python)
    # Debian's python3: its sqlite3 module can load extensions (a python3
    # earlier on PATH, such as pyenv's, may not).
    part /usr/bin/python3 tests/bindings/python.py "$ext" "$cases" "$sqlite_version"
    part sh tests/bindings/examples.sh Python python /usr/bin/python3
    ;;
  node)
    if sh tests/bindings/setup-node.sh; then
      export NODE_PATH="$top/build/bindings/node/node_modules"
      part node tests/bindings/node.js "$ext" "$cases" "$sqlite_version"
      part sh tests/bindings/examples.sh Node.js js node
    else
      failed=$((failed + 1))
      echo "FAIL better-sqlite3 could not be built"
    fi
    ;;
  tcl)
    part tclsh tests/bindings/tcl.tcl "$ext" "$cases" "$sqlite_version"
    part sh tests/bindings/examples.sh Tcl tcl tclsh
    ;;
  perl)
    part perl tests/bindings/perl.pl "$ext" "$cases" "$sqlite_version"
    part sh tests/bindings/examples.sh Perl perl perl
    ;;
  tools)
    part sh tests/bindings/examples.sh sqlite-utils sh sh
    ;;
  *)
    echo "usage: $0 python|node|tcl|perl|tools" >&2
    exit 2
    ;;
esac

echo "$client: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
