#!/bin/sh
# Build the ai_entities development set from its hand annotation:
#
#   tests/entities/annotated.txt  ->  tests/entities/devset.tsv
#                                     tests/entities/expected.tsv
#
# annotated.txt holds each paragraph with its entities marked in place,
# {surface|LABEL|...} (its header says how).  This script strips the marks,
# computes every entity's character offsets from where the mark stands (so
# no offset is ever counted by hand and a repeated surface is never
# confused with another occurrence), and checks the annotation before it
# writes anything:
#   - labels, canonical forms and DATE canonicals are well formed;
#   - a MONEY, PERCENT or QUANTITY value equals what its surface reads
#     (Korean magnitudes, native numerals, commas), and the unit agrees;
#   - a deictic DATE (올해, 지난해, 내년, 지난달, 어제, 오늘, 작년) is resolved
#     against the document's date;
#   - within a document, one surface has one label and one canonical.
# Plain POSIX sh and awk; the awk works on bytes (LC_ALL=C) and counts
# characters as UTF-8 lead bytes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C
src="$here/annotated.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -v docs="$tmp/devset.tsv" -v key="$tmp/expected.tsv" '
function fail(msg) { printf "annotated.txt:%d: %s\n", NR, msg > "/dev/stderr"; errors++ }
# Characters in a UTF-8 string: bytes that are not continuation bytes.
function nchars(s,   t, k) { t = s; k = gsub(/[\200-\277]/, "", t); return length(s) - k }
function isleap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
function mdays(y, m) {
  if (m == 2) return isleap(y) ? 29 : 28
  return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}
# The value a number surface reads, "" if vague (수십, 수천...); sets REST
# to what follows the number (the unit or counter).
function readnum(s,   t, total, grp, num, c, h, run, k, vague) {
  for (k in native) if (index(s, k " ") == 1) { REST = substr(s, length(k) + 2); return native[k] }
  t = s; gsub(/[, ]/, "", t)
  total = 0; grp = 0; num = -1; vague = 0
  while (t != "") {
    c = substr(t, 1, 1)
    if (c ~ /[0-9.]/) {
      match(t, /^[0-9.]+/); run = substr(t, 1, RLENGTH); t = substr(t, RLENGTH + 1)
      num = run + 0; continue
    }
    h = substr(t, 1, 3)
    if (h in small) { grp += (num < 0 ? 1 : num) * small[h]; num = -1; t = substr(t, 4); continue }
    if (h in big) {
      grp += (num < 0 ? 0 : num); if (grp == 0) grp = 1
      total += grp * big[h]; grp = 0; num = -1; t = substr(t, 4); continue
    }
    if (h == "수") { vague = 1; t = substr(t, 4); continue }
    break
  }
  REST = t
  if (vague) return ""
  return total + grp + (num < 0 ? 0 : num)
}
function same(a, b,   d, m) {
  d = a - b; if (d < 0) d = -d
  m = (a < 0 ? -a : a); if ((b < 0 ? -b : b) > m) m = (b < 0 ? -b : b)
  return d <= 1e-9 * m
}
# What a deictic DATE must resolve to, given the reference date; "" if the
# surface is not deictic.
function deictic(surface, ref,   y, m, d) {
  y = substr(ref, 1, 4) + 0; m = substr(ref, 6, 2) + 0; d = substr(ref, 9, 2) + 0
  if (surface ~ /^올해/) return sprintf("%04d", y)
  if (surface ~ /^(지난해|작년)/) return sprintf("%04d", y - 1)
  if (surface ~ /^내년/) return sprintf("%04d", y + 1)
  if (surface == "지난달") { m--; if (m == 0) { m = 12; y-- }; return sprintf("%04d-%02d", y, m) }
  if (surface == "오늘") return ref
  if (surface == "어제") {
    d--; if (d == 0) { m--; if (m == 0) { m = 12; y-- }; d = mdays(y, m) }
    return sprintf("%04d-%02d-%02d", y, m, d)
  }
  return ""
}
BEGIN {
  FS = "\t"
  split("PERSON ORG PRODUCT GPE DATE MONEY PERCENT QUANTITY", L, " ")
  for (i in L) labels[L[i]] = 1
  named["PERSON"] = named["ORG"] = named["PRODUCT"] = named["GPE"] = 1
  small["십"] = 10; small["백"] = 100; small["천"] = 1000
  big["만"] = 1e4; big["억"] = 1e8; big["조"] = 1e12
  native["한"] = 1; native["두"] = 2; native["세"] = 3; native["네"] = 4
  native["다섯"] = 5; native["여섯"] = 6; native["일곱"] = 7; native["여덟"] = 8
  native["아홉"] = 9; native["열"] = 10
  currency["원"] = "KRW"; currency["달러"] = "USD"; currency["위안"] = "CNY"
  currency["엔"] = "JPY"; currency["유로"] = "EUR"
  print "id\tpublished\ttext" > docs
  print "doc\tentity\tlabel\tcanonical\tvalue\tunit\tstart\tend" > key
}
/^#/ || /^[ \t]*$/ { next }
/^@/ {
  if (id != "" && !hastext) fail("document " id " has no text")
  n = split(substr($0, 2), f, " ")
  id = f[1]; ref = f[2]; hastext = 0
  if (n != 2 || id !~ /^[A-Za-z0-9_-]+$/ || ref !~ /^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$/)
    fail("bad document line: " $0)
  if (id in seen) fail("duplicate document id " id)
  seen[id] = 1; ndocs++
  delete sense
  next
}
{
  if (id == "") { fail("text before the first @ID line"); next }
  if (hastext) { fail("document " id " has more than one line of text"); next }
  hastext = 1
  line = $0; text = ""
  while ((i = index(line, "{")) > 0) {
    text = text substr(line, 1, i - 1); line = substr(line, i + 1)
    j = index(line, "}")
    if (j == 0) { fail("unclosed mark"); break }
    mark = substr(line, 1, j - 1); line = substr(line, j + 1)
    nf = split(mark, m, "|")
    surface = m[1]; label = m[2]; canon = ""; value = ""; unit = ""
    if (surface == "" || surface ~ /^ | $/) fail("empty or space-padded surface in {" mark "}")
    if (!(label in labels)) { fail("unknown label in {" mark "}"); continue }
    if (label in named || label == "DATE") {
      if (nf != 3 || m[3] == "") fail("{" mark "}: " label " needs exactly a canonical")
      canon = m[3]
    } else {
      if (label == "PERCENT") { if (nf != 3) fail("{" mark "}: PERCENT needs a value"); value = m[3]; unit = "%" }
      else { if (nf != 4 || m[4] == "") fail("{" mark "}: " label " needs a value and a unit"); value = m[3]; unit = m[4] }
      if (value != "" && value !~ /^[0-9]+(\.[0-9]+)?(e[0-9]+)?$/) fail("{" mark "}: bad value")
      got = readnum(surface)
      if (got == "" && value != "") fail("{" mark "}: the surface is vague, the value must be empty")
      else if (got != "" && (value == "" || !same(got, value + 0))) fail("{" mark "}: the surface reads " got)
      if (label == "MONEY" && currency[REST] != unit) fail("{" mark "}: currency " REST " is not " unit)
      if (label == "PERCENT" && REST != "%" && REST != "퍼센트") fail("{" mark "}: not a percentage")
      if (label == "QUANTITY" && REST != unit) fail("{" mark "}: the counter is " REST)
      if (value != "") value = sprintf("%.15g", value + 0)
      canon = value == "" ? surface : (label == "PERCENT" ? value "%" : value " " unit)
    }
    if (label == "DATE") {
      if (canon !~ /^[0-9X][0-9X][0-9X][0-9X](-(Q[1-4]|H[12]|W[0-5][0-9]|[0-9X][0-9X](-[0-3][0-9])?))?$/)
        fail("{" mark "}: bad DATE canonical")
      want = deictic(surface, ref)
      if (want != "" && index(canon, want) != 1) fail("{" mark "}: " surface " on " ref " is " want)
    }
    if (label in named) {
      k = surface
      if (k in sense && sense[k] != label "\t" canon) fail("{" mark "}: " surface " was tagged otherwise earlier in " id)
      sense[k] = label "\t" canon
      if (k SUBSEP label in anywhere && anywhere[k, label] != canon)
        printf "note: %s %s is %s here, %s in an earlier document\n", surface, label, canon, anywhere[k, label]
      anywhere[k, label] = canon
    }
    start = nchars(text); text = text surface
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", id, surface, label, canon, value, unit, start, start + nchars(surface) > key
    count[label]++; total++
  }
  text = text line
  if (text ~ /[{}|\t]/) fail("stray {, }, | or tab in the text of " id)
  print id "\t" ref "\t" text > docs
}
END {
  if (id != "" && !hastext) fail("document " id " has no text")
  if (errors) { printf "%d errors; nothing written\n", errors > "/dev/stderr"; exit 1 }
  printf "%d documents, %d entities:", ndocs, total
  for (i = 1; i <= 8; i++) printf " %s %d", L[i], count[L[i]]
  printf "\n"
}
' "$src" || exit 1

cp "$tmp/devset.tsv" "$here/devset.tsv"
cp "$tmp/expected.tsv" "$here/expected.tsv"
echo "wrote tests/entities/devset.tsv and tests/entities/expected.tsv"
