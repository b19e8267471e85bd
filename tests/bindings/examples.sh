#!/bin/sh
# Run the README's examples for one client, so that the "Use it from ..."
# sections cannot drift from what works.
#
#   sh tests/bindings/examples.sh SECTION FENCE COMMAND...
#
# Every ```FENCE block under a README heading containing "Use it from
# SECTION" that is followed by a ```text block is written to a file, run
# as `COMMAND FILE` in a new directory where `dist` is this checkout's
# dist/ (the examples load dist/koai, as a user in the repository does),
# and its output (stdout and stderr, CR LF read as LF) must equal the
# text block.  A section
# without any such example is a failure.  Prints "N passed, N failed".
set -u
[ $# -ge 3 ] || { echo "usage: $0 SECTION FENCE COMMAND..." >&2; exit 2; }
section=$1
fence=$2
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Split the section's examples into $tmp/N.FENCE and $tmp/N.want.
awk -v dir="$tmp" -v section="Use it from $section" -v fence="$fence" '
  /^#+ / && mode == "" { insec = index($0, section) > 0; last = ""; next }
  !insec { next }
  mode == "" && $0 == "```" fence { mode = "code"; n++; f = dir "/" n "." fence; printf "" > f; next }
  mode == "" && $0 == "```text" && last == "code" { mode = "text"; w = dir "/" n ".want"; printf "" > w; next }
  mode != "" && $0 == "```" { last = mode; mode = ""; next }
  mode == "" && /^```/ { mode = "other"; next }
  mode == "code" { print > f; next }
  mode == "text" { print > w; next }
  mode == "" && /[^ ]/ { last = "" }
' "$top/README.md"

passed=0
failed=0
for want in "$tmp"/*.want; do
  [ -e "$want" ] || continue
  code=${want%.want}.$fence
  work=${want%.want}.dir
  mkdir -p "$work" && ln -s "$top/dist" "$work/dist"
  # (CSV and TSV writers may end lines with CR LF: compared as LF)
  got=$(cd "$work" && "$@" "$code" 2>&1 | tr -d '\r')
  if [ "$got" = "$(cat "$want")" ]; then
    passed=$((passed + 1))
    echo "PASS README example $(basename "$code") of \"Use it from $section\""
  else
    failed=$((failed + 1))
    echo "FAIL README example of \"Use it from $section\":"
    cat "$code"
    echo "---- expected"
    cat "$want"
    echo "---- got"
    echo "$got"
  fi
done
if [ $((passed + failed)) -eq 0 ]; then
  failed=1
  echo "FAIL no \`\`\`$fence example with output under \"Use it from $section\""
fi
echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
