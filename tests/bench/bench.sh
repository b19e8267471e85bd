#!/bin/sh
# koai benchmark (`make bench`): FTS5 index build throughput and index
# size for the korean, unicode61 and trigram tokenizers, the bulk load
# ai_fts_insert with 0, 1 and 2 worker threads; analyzer throughput of
# ai_tokens and ai_entities against the mecab command and koai_mecab; peak
# resident memory.  Every target is measured on the corpus read once (no
# repetition: the text users load); the corpus repeated 5 times is
# measured too, for comparison with earlier reports.  A report, not a
# test: it exits 0 when a target is missed.
#
# Needs dist/koai.so, dist/mecab-ko-dic, build/rel/bin/koai_mecab,
# mecab, GNU time (sh scripts/install-deps.sh bench).  MB = 10^6 bytes;
# each time is the best of $runs runs, each memory figure the peak of them.
set -eu
export LC_ALL=C.UTF-8

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
so=$root/dist/koai
dicdir=$root/dist/mecab-ko-dic
cli=$root/build/rel/bin/koai_mecab
work=$root/build/bench
corpus=$root/build/corpus/ko.txt
bench=$root/build/corpus/bench.txt
repeat=5

die() { echo "bench: $*" >&2; exit 1; }
[ -f "$so.so" ] || die "dist/koai.so missing (make all)"
[ -d "$dicdir" ] || die "$dicdir missing (make dict)"
[ -x "$cli" ] || die "$cli missing (make build/rel/bin/koai_mecab)"
if ! command -v mecab >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  sh "$root/scripts/install-deps.sh" bench
fi
command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 missing"

mkdir -p "$work" "$(dirname "$bench")"
sh "$root/scripts/corpus.sh" "$corpus"
if [ ! -s "$bench" ] || [ -n "$(find "$corpus" -newer "$bench")" ]; then
  i=0
  : >"$bench.tmp"
  while [ $i -lt $repeat ]; do cat "$corpus" >>"$bench.tmp"; i=$((i + 1)); done
  mv "$bench.tmp" "$bench"
fi
bytes=$(wc -c <"$bench" | tr -d ' ')
lines=$(wc -l <"$bench" | tr -d ' ')
echo "bench: text $bench: $bytes bytes, $lines lines ($repeat x corpus)"

runs=5          # every measurement is the best (least time) of this many

# timed OUT CMD...: run CMD under GNU time and fold the result into OUT,
# "least-seconds peak-KB" over the runs so far.
timed() {
  out=$1; shift
  /usr/bin/time -f '%e %M' -o "$out.run" "$@" || die "failed: $*"
  tail -n 1 "$out.run" >"$out.one"
  if [ -s "$out" ]; then cat "$out" >>"$out.one"; fi
  awk 'NR == 1 || $1 < s { s = $1 } $2 > k { k = $2 } END { print s, k }' \
    "$out.one" >"$out"
  rm -f "$out.run" "$out.one"
}

# import TEXT DB: the text as one row per line in an ordinary table
# (ascii mode: no quoting; the unit separator never occurs in the corpus).
import() {
  rm -f "$2"
  sqlite3 "$2" <<EOF || die "cannot import $1"
CREATE TABLE docs(body TEXT);
.mode ascii
.separator "\\037" "\\n"
.import '$1' docs
EOF
  n=$(sqlite3 "$2" 'SELECT count(*) FROM docs')
  [ "$n" -eq "$(wc -l <"$1" | tr -d ' ')" ] || die "imported $n rows of $1"
}
once=$work/once.db
docs=$work/docs.db
import "$corpus" "$once"
import "$bench" "$docs"
once_bytes=$(wc -c <"$corpus" | tr -d ' ')

# build NAME DB TOKENIZER SQL: index builds, each in a fresh copy of DB
# with an empty fts5 table; only SQL runs timed, in its own sqlite3
# process.  The index size is that of the fts5 index tables (fts_data +
# fts_idx, via dbstat) after 'optimize'; the content table is the same
# for all.
build() {
  name=$1 src=$2 tok=$3 sql=$4
  db=$work/fts_$name.db
  rm -f "$work/time_$name"
  r=0
  while [ $r -lt $runs ]; do
    rm -f "$db" "$db-journal"
    cp "$src" "$db"
    sqlite3 "$db" ".load $so" \
      "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='$tok')" ||
      die "cannot create the $tok table"
    timed "$work/time_$name" sqlite3 "$db" ".load $so" "$sql" >/dev/null
    r=$((r + 1))
  done
  sqlite3 "$db" ".load $so" "INSERT INTO fts(fts) VALUES('optimize')" \
    "VACUUM" >/dev/null || die "cannot optimize the $tok index"
  size=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat
                        WHERE name IN ('fts_data', 'fts_idx')" 2>/dev/null) ||
    size=
  [ -n "$size" ] || size=$(wc -c <"$db" | tr -d ' ')
  echo "$size" >"$work/size_$name"
  read -r secs kb <"$work/time_$name"
  echo "bench: $name: $secs s, index $size bytes, peak $kb KB"
}
insert="INSERT INTO fts(body) SELECT body FROM docs"
for tok in korean unicode61 trigram; do build "$tok" "$once" "$tok" "$insert"; done
for t in 0 1 2; do
  build "bulk$t" "$once" korean \
    "SELECT ai_fts_insert('fts', 'SELECT body FROM docs', $t)"
done
# The corpus five times over: every word is then a repeat, which the
# korean tokenizer's word cache serves; the figure earlier reports gave.
for tok in korean unicode61; do build "rep_$tok" "$docs" "$tok" "$insert"; done

# Analyzer throughput over the corpus once: ai_tokens and ai_entities
# over its rows, then the two command-line analyzers over the same text.
rm -f "$work/time_ai_tokens" "$work/time_mecab" "$work/time_koai_mecab" \
      "$work/time_ai_entities"
r=0
while [ $r -lt $runs ]; do
  timed "$work/time_ai_tokens" sqlite3 "$once" ".load $so" \
    "SELECT count(*) FROM docs, ai_tokens(docs.body)" >"$work/ai_tokens.count"
  timed "$work/time_ai_entities" sqlite3 "$once" ".load $so" \
    "SELECT count(*) FROM docs, ai_entities(docs.body)" >"$work/ai_entities.count"
  # shellcheck disable=SC2016
  timed "$work/time_mecab" sh -c 'mecab -d "$1" <"$2" >/dev/null' \
    sh "$dicdir" "$corpus"
  # shellcheck disable=SC2016
  timed "$work/time_koai_mecab" sh -c 'KOAI_DICDIR="$1" "$2" <"$3" >/dev/null' \
    sh "$dicdir" "$cli" "$corpus"
  r=$((r + 1))
done
echo "bench: ai_tokens: $(cut -d ' ' -f 1 "$work/time_ai_tokens") s," \
     "$(cat "$work/ai_tokens.count") tokens"
echo "bench: ai_entities: $(cut -d ' ' -f 1 "$work/time_ai_entities") s," \
     "$(cat "$work/ai_entities.count") entities"

# Opening the dictionary (mapping the files, reading dicrc), best of runs.
r=0
: >"$work/open_ms"
while [ $r -lt $runs ]; do
  KOAI_DICDIR="$dicdir" "$cli" -t </dev/null 2>>"$work/open_ms" >/dev/null
  r=$((r + 1))
done
open_ms=$(awk '{ if (m == "" || $3 < m) m = $3 } END { print m }' "$work/open_ms")
echo "bench: dictionary open: $open_ms ms"

# One 100 MB document through ai_tokens: time and peak memory.
big=$work/big.txt
if [ ! -s "$big" ] || [ -n "$(find "$bench" -newer "$big")" ]; then
  : >"$big.tmp"
  while [ "$(wc -c <"$big.tmp")" -lt 100000000 ]; do cat "$bench" >>"$big.tmp"; done
  head -c 100000000 "$big.tmp" | sed '$d' >"$big"
  rm -f "$big.tmp"
fi
big_bytes=$(wc -c <"$big" | tr -d ' ')
rm -f "$work/time_big"
timed "$work/time_big" sqlite3 :memory: ".load $so" \
  "SELECT count(*) FROM ai_tokens(CAST(readfile('$big') AS TEXT))" >"$work/big.count"
read -r big_secs big_kb <"$work/time_big"
echo "bench: ai_tokens over one $big_bytes-byte document: $big_secs s," \
     "$(cat "$work/big.count") tokens, peak $big_kb KB"

# Report.
val() { cut -d ' ' -f "$2" "$work/$1"; }
awk -v bytes="$once_bytes" -v rbytes="$bytes" \
    -v lines="$(wc -l <"$corpus" | tr -d ' ')" -v runs="$runs" \
    -v ncpu="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')" \
    -v tk="$(val time_korean 1)" -v mk="$(val time_korean 2)" \
    -v tu="$(val time_unicode61 1)" -v mu="$(val time_unicode61 2)" \
    -v tt="$(val time_trigram 1)" -v mt="$(val time_trigram 2)" \
    -v t0="$(val time_bulk0 1)" -v m0="$(val time_bulk0 2)" \
    -v t1="$(val time_bulk1 1)" -v m1="$(val time_bulk1 2)" \
    -v t2="$(val time_bulk2 1)" -v m2="$(val time_bulk2 2)" \
    -v rk="$(val time_rep_korean 1)" -v ru="$(val time_rep_unicode61 1)" \
    -v sk="$(cat "$work/size_korean")" -v su="$(cat "$work/size_unicode61")" \
    -v st="$(cat "$work/size_trigram")" -v s2="$(cat "$work/size_bulk2")" \
    -v ta="$(val time_ai_tokens 1)" -v ma="$(val time_ai_tokens 2)" \
    -v te="$(val time_ai_entities 1)" -v me="$(val time_ai_entities 2)" \
    -v tm="$(val time_mecab 1)" -v mm="$(val time_mecab 2)" \
    -v tc="$(val time_koai_mecab 1)" -v mc="$(val time_koai_mecab 2)" \
    -v openms="$open_ms" -v bigb="$big_bytes" -v bigs="$big_secs" -v bigk="$big_kb" '
function rate(s) { return s > 0 ? bytes / s / 1e6 : 0 }
function ratio(a, b) { return b > 0 ? a / b : 0 }
function row(what, s, size, kb) {
  printf "%-30s %8.2f %8.2f %12s %9.1f\n", what, s, rate(s), size, kb / 1024
}
function target(ok, text) {
  printf "  %s  %s\n", ok ? "PASS" : "FAIL", text
  if (!ok) missed++
}
BEGIN {
  printf "\nkoai bench: the corpus once, %.2f MB of Korean text, %d lines (MB = 10^6 bytes; best of %d runs; %s CPUs)\n\n", bytes / 1e6, lines, runs, ncpu
  printf "%-30s %8s %8s %12s %9s\n", "", "seconds", "MB/s", "index bytes", "peak MB"
  row("fts5 korean", tk, sk, mk)
  row("fts5 unicode61", tu, su, mu)
  row("fts5 trigram", tt, st, mt)
  row("korean, ai_fts_insert 0 thr.", t0, "-", m0)
  row("korean, ai_fts_insert 1 thr.", t1, "-", m1)
  row("korean, ai_fts_insert 2 thr.", t2, s2, m2)
  row("ai_tokens (SQL)", ta, "-", ma)
  row("ai_entities (SQL)", te, "-", me)
  row("mecab command", tm, "-", mm)
  row("koai_mecab command", tc, "-", mc)
  printf "\ntargets (the corpus once):\n"
  target(rate(tk) >= 0.8 * rate(tu),
    sprintf("korean indexes at least 0.8x as fast as unicode61 (%.2f vs %.2f MB/s, %.2fx)",
            rate(tk), rate(tu), ratio(rate(tk), rate(tu))))
  target(rate(ta) >= 2 * rate(tm),
    sprintf("ai_tokens at least 2x as fast as the mecab command (%.2f vs %.2f MB/s, %.2fx)",
            rate(ta), rate(tm), ratio(rate(ta), rate(tm))))
  target(rate(te) >= 0.6 * rate(ta),
    sprintf("ai_entities at least 0.6x as fast as ai_tokens (%.2f vs %.2f MB/s, %.2fx)",
            rate(te), rate(ta), ratio(rate(te), rate(ta))))
  target(sk <= 1.3 * su,
    sprintf("korean index at most 1.3x the unicode61 index (%.2fx)", ratio(sk, su)))
  printf "\nbulk load, ai_fts_insert with 2 worker threads: %.2fx unicode61 (%.2f MB/s); %.2fx with 1 thread, %.2fx with 2 threads over 0 threads\n",
    ratio(rate(t2), rate(tu)), rate(t2), ratio(t0, t1), ratio(t0, t2)
  printf "the corpus 5 times (%.2f MB, every word a repeat): korean %.2f MB/s, unicode61 %.2f MB/s (%.2fx)\n",
    rbytes / 1e6, (rk > 0 ? rbytes / rk / 1e6 : 0), (ru > 0 ? rbytes / ru / 1e6 : 0), ratio(ru, rk)
  printf "\ndictionary open: %s ms\n", openms
  printf "one %.0f MB document through ai_tokens: %.1f s (%.2f MB/s), peak %.0f MB (the document is held twice: by SQLite and by ai_tokens)\n",
    bigb / 1e6, bigs, (bigs > 0 ? bigb / bigs / 1e6 : 0), bigk / 1024
  if (missed) printf "\n%d of 4 targets missed.\n", missed
  else printf "\nall 4 targets met.\n"
}'
exit 0
