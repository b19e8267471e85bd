#!/bin/sh
# Every example in README.md that shows its output is run, so the docs
# cannot drift from the code: a ```sql block followed by a ```text block
# is fed to the stock sqlite3 shell with koai loaded, in a fresh in-memory
# database, and its output (errors as the shell prints them, without the
# line number) must equal the text block.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
unset KOAI_DICDIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Split README.md into numbered pairs: $tmp/N.sql and $tmp/N.want.
awk -v dir="$tmp" '
  /^```sql$/ { mode = "sql"; n++; sql = dir "/" n ".sql"; printf "" > sql; next }
  /^```text$/ && last == "sql" { mode = "text"; want = dir "/" n ".want"; printf "" > want; next }
  /^```/ { if (mode != "") last = mode; mode = ""; next }
  mode == "sql" { print > sql }
  mode == "text" { print > want }
  /[^ ]/ && mode == "" { last = "" }
' README.md

passed=0
failed=0
for want in "$tmp"/*.want; do
  [ -e "$want" ] || continue
  sql=${want%.want}.sql
  got=$(sqlite3 -cmd ".load $top/dist/koai" :memory: <"$sql" 2>&1 |
        sed 's/^\(Parse\|Runtime\) error near line [0-9]*:/\1 error:/')
  if [ "$got" = "$(cat "$want")" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL README example:"
    cat "$sql"
    echo "---- expected"
    cat "$want"
    echo "---- got"
    echo "$got"
  fi
done
echo "readme: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
