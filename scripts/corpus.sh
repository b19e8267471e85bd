#!/bin/sh
# Build a plain-text Korean corpus from the HTML help of Debian's
# libreoffice-help-ko: one sentence (or text line) per output line,
# trimmed, each with Hangul and at least 10 characters, no duplicates,
# in a fixed order.  Generated at test/bench time, never committed.
#
#   sh scripts/corpus.sh OUTFILE
#
# Does nothing when OUTFILE is newer than this script.  Size and line
# count go to stderr.
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTFILE" >&2; exit 2; }
out=$1

here=$(cd "$(dirname "$0")" && pwd)
self=$here/$(basename "$0")
root=$(dirname "$here")
helpdir=/usr/share/libreoffice/help/ko
budget=1800000          # bytes of text to aim for

report() {
  echo "corpus: $1: $(wc -c <"$1" | tr -d ' ') bytes, $(wc -l <"$1" | tr -d ' ') lines" >&2
}

if [ -s "$out" ] && [ -n "$(find "$out" -newer "$self" 2>/dev/null)" ]; then
  report "$out"
  exit 0
fi

if [ ! -d "$helpdir/text" ]; then
  sh "$root/scripts/install-deps.sh" test
fi
[ -d "$helpdir/text" ] || { echo "corpus: $helpdir missing" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
trap 'exit 1' INT TERM

# Hangul syllables U+AC00..U+D7A3 as UTF-8 bytes (C locale: byte regex).
hangul=$(printf '\352[\260-\277]|[\353\354]|\355[\200-\236]')
# C1 control characters (U+0080..U+009F): mojibake in a few help pages.
c1=$(printf '\302[\200-\237]')

# The awk program reads HTML with "<" as the record separator, so each
# record is "tag attributes>text".  Block-level tags end a line; script
# and style contents and comments are dropped; entities are decoded.
# shellcheck disable=SC2016
(cd "$helpdir" && find . -name '*.html' -type f) | LC_ALL=C sort |
(cd "$helpdir" && LC_ALL=C xargs awk '
function utf8(c) {
  if (c < 128) return sprintf("%c", c)
  if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
  if (c < 65536) return sprintf("%c%c%c", 224 + int(c / 4096),
                                128 + int(c / 64) % 64, 128 + c % 64)
  if (c < 1114112) return sprintf("%c%c%c%c", 240 + int(c / 262144),
                                  128 + int(c / 4096) % 64,
                                  128 + int(c / 64) % 64, 128 + c % 64)
  return ""
}
function hexval(s,   i, v, d) {
  v = 0
  s = tolower(s)
  for (i = 1; i <= length(s); i++) {
    d = index("0123456789abcdef", substr(s, i, 1))
    if (d == 0) return -1
    v = v * 16 + d - 1
  }
  return v
}
function decode(s,   r, ent, name, c) {
  if (index(s, "&") == 0) return s
  r = ""
  while (match(s, /&#?[A-Za-z0-9]+;/)) {
    r = r substr(s, 1, RSTART - 1)
    ent = substr(s, RSTART, RLENGTH)
    s = substr(s, RSTART + RLENGTH)
    name = substr(ent, 2, length(ent) - 2)
    if (name in named) { r = r named[name]; continue }
    if (name ~ /^#[0-9]+$/) c = substr(name, 2) + 0
    else if (name ~ /^#[xX][0-9A-Fa-f]+$/) c = hexval(substr(name, 3))
    else c = -1                           # unknown entity: dropped
    if (c == 160 || c == 9 || c == 10 || c == 13) r = r " "
    else if (c >= 32) r = r utf8(c)
  }
  return r s
}
BEGIN {
  RS = "<"
  named["amp"] = "&"; named["lt"] = "<"; named["gt"] = ">"
  named["quot"] = "\""; named["apos"] = "\047"; named["nbsp"] = " "
  named["middot"] = utf8(183); named["hellip"] = utf8(8230)
  named["ndash"] = utf8(8211); named["mdash"] = utf8(8212)
  named["lsquo"] = utf8(8216); named["rsquo"] = utf8(8217)
  named["ldquo"] = utf8(8220); named["rdquo"] = utf8(8221)
  named["copy"] = utf8(169); named["reg"] = utf8(174)
  named["trade"] = utf8(8482); named["times"] = utf8(215)
  named["deg"] = utf8(176); named["larr"] = utf8(8592)
  named["rarr"] = utf8(8594); named["bull"] = utf8(8226)
  split("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th " \
        "caption thead tbody tfoot br hr pre title header footer aside " \
        "nav section article blockquote body head html form " \
        "figure figcaption img", b, " ")
  for (i in b) block[b[i]] = 1
}
FNR == 1 { skip = ""; incomment = 0; pre = 0 }
{
  rec = $0
  if (incomment) {
    if ((k = index(rec, "-->")) == 0) next
    incomment = 0
    text = substr(rec, k + 3)
    tag = ""
  } else if (substr(rec, 1, 3) == "!--") {
    if ((k = index(substr(rec, 4), "-->")) == 0) { incomment = 1; next }
    text = substr(rec, k + 6)
    tag = ""
  } else {
    k = index(rec, ">")
    if (k == 0) { tag = ""; text = (FNR > 1 ? "<" : "") rec }   # stray "<"
    else { tag = substr(rec, 1, k - 1); text = substr(rec, k + 1) }
  }
  name = tolower(tag)
  sub(/[ \t\r\n\/].*$/, "", name)
  if (name == "" && substr(tag, 1, 1) == "/") {
    name = tolower(substr(tag, 2)); sub(/[ \t\r\n].*$/, "", name)
    name = "/" name
  }
  if (skip != "") {
    if (name == "/" skip) skip = ""
    else next
  }
  if (name == "script" || name == "style") { skip = name; next }
  if (name == "pre") pre = 1
  else if (name == "/pre") pre = 0
  bare = name; sub(/^\//, "", bare)
  if (bare in block) printf "\n"
  gsub(/\r/, "", text)
  if (!pre) gsub(/[\t\n]/, " ", text)
  printf "%s", decode(text)
}
END { printf "\n" }
') |
LC_ALL=C sed -e "s/$c1//g" -e 's/[[:space:]][[:space:]]*/ /g' \
             -e 's/\([.?!]\) \([^ ]\)/\1\n\2/g' |
LC_ALL=C sed -e "s/^ *//" -e "s/ *$//" -e "s/^Title is: //" |
LC_ALL=C grep -E "$hangul" |
LC_ALL=C.UTF-8 grep -E '.{10}' |
LC_ALL=C awk -v budget="$budget" '
  !seen[$0]++ { print; n += length($0) + 1; if (n >= budget) exit }
' >"$tmp"

[ -s "$tmp" ] || { echo "corpus: no text extracted" >&2; exit 1; }
mv "$tmp" "$out"
trap - EXIT INT TERM
report "$out"
