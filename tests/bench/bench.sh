#!/bin/sh
# koai benchmark (`make bench`): FTS5 index build throughput and index
# size for the korean, unicode61 and trigram tokenizers; analyzer
# throughput of ai_tokens against the mecab command and koai_mecab; peak
# resident memory.  Checks the targets from the issue and reports them.
# A report, not a test: it exits 0 when a target is missed.
#
# Needs dist/koai.so, dist/mecab-ko-dic, build/rel/bin/koai_mecab,
# mecab, GNU time (sh scripts/install-deps.sh bench).  MB = 10^6 bytes;
# each time is the best of 3 runs, each memory figure the peak of them.
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

runs=3          # every measurement is the best (least time) of this many

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
mbps() {
  awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.2f", (s > 0 ? b / s / 1e6 : 0) }'
}

# The text as one row per line in an ordinary table (ascii mode: no
# quoting; the unit separator never occurs in the corpus).
docs=$work/docs.db
rm -f "$docs"
sqlite3 "$docs" <<EOF || die "cannot import $bench"
CREATE TABLE docs(body TEXT);
.mode ascii
.separator "\\037" "\\n"
.import '$bench' docs
EOF
nrows=$(sqlite3 "$docs" 'SELECT count(*) FROM docs')
[ "$nrows" -eq "$lines" ] || die "imported $nrows rows of $lines lines"

# Index builds: each tokenizer gets a fresh copy of docs.db with an empty
# fts5 table; only the INSERT runs timed, in its own sqlite3 process.  The
# index size is that of the fts5 index tables (fts_data + fts_idx, via
# dbstat) after 'optimize'; the content table is the same for all.
for tok in korean unicode61 trigram; do
  db=$work/fts_$tok.db
  rm -f "$work/time_$tok"
  r=0
  while [ $r -lt $runs ]; do
    rm -f "$db" "$db-journal"
    cp "$docs" "$db"
    sqlite3 "$db" ".load $so" \
      "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='$tok')" ||
      die "cannot create the $tok table"
    timed "$work/time_$tok" sqlite3 "$db" ".load $so" \
      "INSERT INTO fts(body) SELECT body FROM docs"
    r=$((r + 1))
  done
  sqlite3 "$db" ".load $so" "INSERT INTO fts(fts) VALUES('optimize')" \
    "VACUUM" >/dev/null || die "cannot optimize the $tok index"
  size=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat
                        WHERE name IN ('fts_data', 'fts_idx')" 2>/dev/null) ||
    size=
  [ -n "$size" ] || size=$(wc -c <"$db" | tr -d ' ')
  echo "$size" >"$work/size_$tok"
  read -r secs kb <"$work/time_$tok"
  echo "bench: fts5 $tok: $(mbps "$secs") MB/s ($secs s), index $size bytes" \
       "(database $(wc -c <"$db" | tr -d ' ') bytes), peak $kb KB"
done

# The same index builds over the corpus once, without the repetition: the
# korean tokenizer caches the analyses of words, and a text repeated five
# times repeats every word, so this is the figure for text never seen.
once=$work/once.db
rm -f "$once"
sqlite3 "$once" <<EOF || die "cannot import $corpus"
CREATE TABLE docs(body TEXT);
.mode ascii
.separator "\\037" "\\n"
.import '$corpus' docs
EOF
once_bytes=$(wc -c <"$corpus" | tr -d ' ')
for tok in korean unicode61; do
  rm -f "$work/once_$tok"
  r=0
  while [ $r -lt $runs ]; do
    rm -f "$work/once_fts.db"
    cp "$once" "$work/once_fts.db"
    sqlite3 "$work/once_fts.db" ".load $so" \
      "CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='$tok')" ||
      die "cannot create the $tok table"
    timed "$work/once_$tok" sqlite3 "$work/once_fts.db" ".load $so" \
      "INSERT INTO fts(body) SELECT body FROM docs"
    r=$((r + 1))
  done
done
read -r once_k _ <"$work/once_korean"
read -r once_u _ <"$work/once_unicode61"
echo "bench: the corpus once ($once_bytes bytes): korean $once_k s, unicode61 $once_u s"

# Analyzer throughput: ai_tokens over the same rows, then the two
# command-line analyzers over the same text.
rm -f "$work/time_ai_tokens" "$work/time_mecab" "$work/time_koai_mecab" \
      "$work/time_ai_entities"
r=0
while [ $r -lt $runs ]; do
  timed "$work/time_ai_tokens" sqlite3 "$docs" ".load $so" \
    "SELECT count(*) FROM docs, ai_tokens(docs.body)" >"$work/ai_tokens.count"
  timed "$work/time_ai_entities" sqlite3 "$docs" ".load $so" \
    "SELECT count(*) FROM docs, ai_entities(docs.body)" >"$work/ai_entities.count"
  # shellcheck disable=SC2016
  timed "$work/time_mecab" sh -c 'mecab -d "$1" <"$2" >/dev/null' \
    sh "$dicdir" "$bench"
  # shellcheck disable=SC2016
  timed "$work/time_koai_mecab" sh -c 'KOAI_DICDIR="$1" "$2" <"$3" >/dev/null' \
    sh "$dicdir" "$cli" "$bench"
  r=$((r + 1))
done
read -r secs kb <"$work/time_ai_tokens"
echo "bench: ai_tokens: $(mbps "$secs") MB/s ($secs s)," \
     "$(cat "$work/ai_tokens.count") tokens, peak $kb KB"
read -r secs kb <"$work/time_ai_entities"
echo "bench: ai_entities: $(mbps "$secs") MB/s ($secs s)," \
     "$(cat "$work/ai_entities.count") entities, peak $kb KB"
read -r secs kb <"$work/time_mecab"
echo "bench: mecab command: $(mbps "$secs") MB/s ($secs s), peak $kb KB"
read -r secs kb <"$work/time_koai_mecab"
echo "bench: koai_mecab: $(mbps "$secs") MB/s ($secs s), peak $kb KB"

# Opening the dictionary (mapping the files, reading dicrc), best of 3.
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
awk -v bytes="$bytes" -v lines="$lines" -v runs="$runs" \
    -v tk="$(val time_korean 1)" -v mk="$(val time_korean 2)" \
    -v tu="$(val time_unicode61 1)" -v mu="$(val time_unicode61 2)" \
    -v tt="$(val time_trigram 1)" -v mt="$(val time_trigram 2)" \
    -v sk="$(cat "$work/size_korean")" -v su="$(cat "$work/size_unicode61")" \
    -v st="$(cat "$work/size_trigram")" \
    -v ta="$(val time_ai_tokens 1)" -v ma="$(val time_ai_tokens 2)" \
    -v te="$(val time_ai_entities 1)" -v me="$(val time_ai_entities 2)" \
    -v tm="$(val time_mecab 1)" -v mm="$(val time_mecab 2)" \
    -v tc="$(val time_koai_mecab 1)" -v mc="$(val time_koai_mecab 2)" \
    -v openms="$open_ms" -v bigb="$big_bytes" -v bigs="$big_secs" -v bigk="$big_kb" \
    -v onceb="$once_bytes" -v oncek="$once_k" -v onceu="$once_u" '
function rate(s) { return s > 0 ? bytes / s / 1e6 : 0 }
function row(what, s, size, kb) {
  printf "%-22s %8.2f %8.2f %12s %9.1f\n", what, s, rate(s), size, kb / 1024
}
function target(ok, text) {
  printf "  %s  %s\n", ok ? "PASS" : "FAIL", text
  if (!ok) missed++
}
BEGIN {
  printf "\nkoai bench: %.2f MB of Korean text, %d lines (MB = 10^6 bytes; best of %d runs)\n\n", bytes / 1e6, lines, runs
  printf "%-22s %8s %8s %12s %9s\n", "", "seconds", "MB/s", "index bytes", "peak MB"
  row("fts5 korean", tk, sk, mk)
  row("fts5 unicode61", tu, su, mu)
  row("fts5 trigram", tt, st, mt)
  row("ai_tokens (SQL)", ta, "-", ma)
  row("ai_entities (SQL)", te, "-", me)
  row("mecab command", tm, "-", mm)
  row("koai_mecab command", tc, "-", mc)
  printf "\ntargets:\n"
  target(rate(tk) >= rate(tu) / 2,
    sprintf("korean indexes at least half as fast as unicode61 (%.2f vs %.2f MB/s, %.2fx)",
            rate(tk), rate(tu), rate(tu) > 0 ? rate(tk) / rate(tu) : 0))
  target(rate(ta) >= rate(tm),
    sprintf("ai_tokens at least as fast as the mecab command (%.2f vs %.2f MB/s, %.2fx)",
            rate(ta), rate(tm), rate(tm) > 0 ? rate(ta) / rate(tm) : 0))
  target(rate(te) >= rate(ta) / 2,
    sprintf("ai_entities at least half as fast as the analyzer (%.2f vs %.2f MB/s, %.2fx)",
            rate(te), rate(ta), rate(ta) > 0 ? rate(te) / rate(ta) : 0))
  target(sk <= 1.5 * su,
    sprintf("korean index at most 1.5x the unicode61 index (%.2fx)",
            su > 0 ? sk / su : 0))
  printf "\nthe corpus once, not repeated (%.2f MB): korean %.2f MB/s, unicode61 %.2f MB/s (%.2fx)\n",
    onceb / 1e6, (oncek > 0 ? onceb / oncek / 1e6 : 0),
    (onceu > 0 ? onceb / onceu / 1e6 : 0), (oncek > 0 ? onceu / oncek : 0)
  printf "\ndictionary open: %s ms\n", openms
  printf "one %.0f MB document through ai_tokens: %.1f s (%.2f MB/s), peak %.0f MB (the document is held twice: by SQLite and by ai_tokens)\n",
    bigb / 1e6, bigs, (bigs > 0 ? bigb / bigs / 1e6 : 0), bigk / 1024
  if (missed) printf "\n%d of 4 targets missed.\n", missed
  else printf "\nall 4 targets met.\n"
}'
exit 0
