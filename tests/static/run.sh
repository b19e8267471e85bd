#!/bin/sh
# The static library (make static): tests/static/static_test.c and the
# README's C example, each linked with dist/libkoai.a, Debian's SQLite,
# ICU, pthread and dl, with no load_extension.  Prints "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
export KOAI_DICDIR="$top/dist/mecab-ko-dic"
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# The library must hold the SQLITE_CORE build: direct SQLite calls, so no
# sqlite3_api pointer of a loadable extension.
if nm dist/libkoai.a 2>/dev/null | grep -q ' [BDC] sqlite3_api$'; then
  failed=$((failed + 1))
  echo "FAIL dist/libkoai.a has the loadable build's sqlite3_api"
else
  passed=$((passed + 1))
fi

if sh tests/static/cc-run.sh tests/static/static_test.c >"$tmp/out" 2>&1; then
  status=0
else
  status=$?
fi
grep -v '^PASS' "$tmp/out"
counts=$(grep -E '^static: [0-9]+ passed, [0-9]+ failed$' "$tmp/out")
if [ -n "$counts" ]; then
  passed=$((passed + $(echo "$counts" | awk '{print $2}')))
  failed=$((failed + $(echo "$counts" | awk '{print $4}')))
fi
if [ -z "$counts" ]; then
  failed=$((failed + 1))
  echo "FAIL static_test did not finish (exit $status)"
elif [ "$status" -ne 0 ] && ! grep -q '^FAIL' "$tmp/out"; then
  failed=$((failed + 1))
  echo "FAIL static_test: exit status $status"
fi

# The README's example, compiled and run the same way.
sh tests/bindings/examples.sh C c sh "$top/tests/static/cc-run.sh" >"$tmp/out" 2>&1
grep -v '^PASS' "$tmp/out"
counts=$(tail -n 1 "$tmp/out")
passed=$((passed + $(echo "$counts" | awk '{print $2}')))
failed=$((failed + $(echo "$counts" | awk '{print $4}')))

echo "static library: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
