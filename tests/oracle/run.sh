#!/bin/sh
# Correctness oracle: koai's analyzer against the `mecab` command (MeCab
# 0.996) over the same dictionary and the same sentences.
#
#   sh tests/oracle/run.sh rel|asan
#
# With the space penalty off (koai_mecab -n) koai runs MeCab's algorithm,
# so per sentence the sequence of (surface, part-of-speech tag) pairs must
# be the same.  Every sentence that differs is printed; at least 99.9% of
# them must be identical.  Both tools read the text as koai normalizes it.
set -u
export LC_ALL=C.UTF-8

variant=${1:-rel}
case $variant in rel|asan) ;; *) echo "usage: $0 rel|asan" >&2; exit 2 ;; esac

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
bin=$root/build/$variant/bin/koai_mecab
dicdir=$root/dist/mecab-ko-dic
work=$root/build/oracle/$variant
sentences=${ORACLE_SENTENCES:-3000}   # how many corpus lines to compare

finish() {       # finish PASSED MESSAGE
  [ -n "$2" ] && echo "oracle: $2"
  if [ "$1" = 1 ]; then echo "1 passed, 0 failed"; exit 0; fi
  echo "0 passed, 1 failed"
  exit 1
}

[ -x "$bin" ] || finish 0 "$bin missing (make $bin)"
[ -d "$dicdir" ] || finish 0 "$dicdir missing (make dict)"
if ! command -v mecab >/dev/null 2>&1; then
  sh "$root/scripts/install-deps.sh" test || finish 0 "cannot install mecab"
fi

mkdir -p "$work" "$root/build/corpus"
sh "$root/scripts/corpus.sh" "$root/build/corpus/ko.txt" ||
  finish 0 "corpus build failed"

head -n "$sentences" "$root/build/corpus/ko.txt" >"$work/raw.txt"
KOAI_DICDIR=$dicdir "$bin" -N <"$work/raw.txt" >"$work/input.txt" ||
  finish 0 "koai_mecab -N failed (status $?)"
nin=$(wc -l <"$work/input.txt")
# U+0085, U+2028 and U+2029 normalize to line breaks: then there are more
# lines than went in.  Both analyzers read input.txt, so that is harmless.
nraw=$(wc -l <"$work/raw.txt")
[ "$nin" -eq "$nraw" ] ||
  echo "oracle: note: normalization turned $nraw lines into $nin"

KOAI_DICDIR=$dicdir "$bin" -n <"$work/input.txt" >"$work/koai.out" ||
  finish 0 "koai_mecab -n failed (status $?)"
mecab -b 1048576 -d "$dicdir" <"$work/input.txt" >"$work/mecab.out" ||
  finish 0 "mecab failed (status $?)"

# One line per sentence: "surface/TAG surface/TAG ...", TAG being the
# first comma-separated field of the feature.
flatten() {
  awk -F '\t' '
    $0 == "EOS" { print s; s = ""; next }
    { t = $2; sub(/,.*/, "", t); s = s (s == "" ? "" : " ") $1 "/" t }
    END { if (s != "") { print s; exit 1 } }
  ' "$1" >"$2"
}
flatten "$work/koai.out" "$work/koai.txt" ||
  finish 0 "koai output does not end with EOS"
flatten "$work/mecab.out" "$work/mecab.txt" ||
  finish 0 "mecab output does not end with EOS"

nk=$(wc -l <"$work/koai.txt")
nm=$(wc -l <"$work/mecab.txt")
if [ "$nk" -ne "$nin" ] || [ "$nm" -ne "$nin" ]; then
  finish 0 "EOS count differs: $nin lines in, koai $nk, mecab $nm"
fi

# Print each differing sentence: its number and text, then the span of
# tokens where the analyses part (one token of context either side).
paste -d '\n' "$work/input.txt" "$work/koai.txt" "$work/mecab.txt" |
awk -v min=999 '
  NR % 3 == 1 { line = $0; next }
  NR % 3 == 2 { k = $0; next }
  {
    m = $0; total++
    if (k == m) { same++; next }
    nk = split(k, a, " "); nm = split(m, b, " ")
    for (i = 1; i <= nk && i <= nm && a[i] == b[i]; i++) ;
    for (j = 0; j < nk - i + 1 && j < nm - i + 1 && a[nk - j] == b[nm - j]; j++) ;
    lo = i > 1 ? i - 1 : 1
    printf "#%d %s\n", total, line
    printf "   koai : %s\n", span(a, nk, lo, nk - j + 1)
    printf "   mecab: %s\n", span(b, nm, lo, nm - j + 1)
  }
  function span(t, n, lo, hi,   s, x) {
    if (hi > n) hi = n
    s = lo > 1 ? "... " : ""
    for (x = lo; x <= hi; x++) s = s t[x] (x < hi ? " " : "")
    if (hi < n) s = s " ..."
    return s
  }
  END {
    pct = total ? 100 * same / total : 0
    printf "oracle: %d of %d sentences identical (%.2f%%)\n", same, total, pct
    exit (same * 1000 >= total * min && total > 0) ? 0 : 1
  }
'
status=$?
if [ "$status" -eq 0 ]; then finish 1 ""; fi
finish 0 "below 99.9% identical"
