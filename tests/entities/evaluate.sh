#!/bin/sh
# Score ai_entities against the hand-made answer key of the development set.
#
#   sh tests/entities/evaluate.sh [-v] [--lib PATH] [--pred FILE] [--key FILE]
#                                 [--dump FILE]
#   sh tests/entities/evaluate.sh --self-test
#
# From the repository root (any working directory works), it loads
# tests/entities/devset.tsv (id, published, text) and the key
# tests/entities/expected.tsv (doc, entity, label, canonical, value, unit,
# start, end) into an in-memory database of the stock sqlite3 shell with
# `.load dist/koai`, runs
#     SELECT ... FROM docs, ai_entities(docs.text, docs.published)
# and scores the rows by exact span (start, end) and label:
#   - precision, recall and F1 per label and micro-averaged;
#   - MONEY and PERCENT: the share of matched rows whose value (relative
#     tolerance 1e-9, NULL only for NULL) and unit are exactly right, and F1
#     counting a row as right only when its value and unit are;
#   - ORG, PERSON, PRODUCT, GPE: the share of matched mentions whose
#     canonical is right, ignoring case, spaces, punctuation and a leading
#     "The" (the key lists a few two-titled things as "A;B": either counts);
#   - for information: DATE canonicals (exact), QUANTITY value and unit,
#     rows breaking substr(text, start + 1, end - start) = entity, rows out
#     of document order, and whether a second run gives the same rows.
# Then it lists false positives, false negatives and wrong values or
# canonicals (the first 40 of each; all with -v) and checks the targets:
#   micro F1 >= 0.85; MONEY and PERCENT F1 with exact value and unit >= 0.95;
#   canonical right >= 90% for each of ORG, PERSON, PRODUCT and GPE.
# Its last line is "entities: N passed, M failed" (targets met, missed); it
# exits 0 only when every target is met.
#
# --pred FILE scores a TSV of rows in the key's format (with its header)
# instead of running the extension; --key FILE uses another key; --dump FILE
# writes the counts and scores as name<TAB>value lines; --lib PATH loads
# another build of the extension.  --self-test checks this script itself,
# without the extension: the key scored against itself must score 1 on
# everything, and perturbed copies of it must give exactly the counts and
# verdicts worked out from how they were perturbed (KEEP_SELFTEST=DIR keeps
# the reports it scored).
#
# Plain POSIX sh, sqlite3 and awk.  Offsets are characters, as SQLite's
# substr() and length() count them; awk only moves bytes and prints.
set -u
here=$(cd "$(dirname "$0")" && pwd)
self="$here/$(basename "$0")"
top=$(cd "$here/../.." && pwd)
cd "$top" || exit 2
export LC_ALL=C

verbose=0
selftest=0
pred=""
key="$here/expected.tsv"
devset="$here/devset.tsv"
dump=""
lib="dist/koai"
ntargets=7
while [ $# -gt 0 ]; do
  case $1 in
    -v|--verbose) verbose=1 ;;
    --self-test) selftest=1 ;;
    --pred) pred=${2:?--pred needs a file}; shift ;;
    --key) key=${2:?--key needs a file}; shift ;;
    --dump) dump=${2:?--dump needs a file}; shift ;;
    --lib) lib=${2:?--lib needs a path}; shift ;;
    -h|--help) sed -n '2,/^set -u/p' "$self" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "evaluate.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---------------------------------------------------------------- self-test

# perturb MODE: a perturbed copy of the key on stdout, and in $tmp/want the
# counts and verdicts the evaluator must report for it, worked out here from
# what was done to each row (independently of the evaluator's SQL).
perturb() {
  awk -F'\t' -v OFS='\t' -v mode="$1" -v want="$tmp/want" -v ntargets="$ntargets" '
  function row(f1, f2, f3, f4, f5, f6, f7, f8) { print f1, f2, f3, f4, f5, f6, f7, f8 }
  function f1(tp, np, ng,   p, r) {
    p = np ? tp / np : 0; r = ng ? tp / ng : 0
    return p + r ? 2 * p * r / (p + r) : 0
  }
  BEGIN { named["ORG"] = named["PERSON"] = named["PRODUCT"] = named["GPE"] = 1 }
  NR == 1 { print; next }
  {
    # One name where the key allows several: the last one here, so that
    # alternatives are exercised (the self-score takes the first).
    if ((n = split($4, alts, ";")) > 1) $4 = alts[n]
    i = NR - 1; L = $3; gold[L]++; act = "copy"
    if (mode == "heavy") {
      r = i % 10
      if (r == 1) act = "drop"
      else if (r == 4) act = "shift"
      else if (r == 6) act = "wrong"
      else if (r == 8) act = "relabel"
      else if (r == 9) act = "dup"
    } else {
      # light: a few ORG misses, a few wrong PRODUCT canonicals, one wrong
      # MONEY value and three wrong PERCENT values.
      seen[L]++
      if (L == "ORG" && seen[L] % 20 == 0) act = "drop"
      if (L == "PRODUCT" && seen[L] % 20 == 0) act = "wrong"
      if (L == "MONEY" && $5 != "" && ++money == 1) act = "wrong"
      if (L == "PERCENT" && seen[L] <= 3) act = "wrong"
    }
    if (mode == "heavy" && !($1 in spurious)) {
      spurious[$1] = 1; predn["PERSON"]++
      row($1, "X", "PERSON", "X", "", "", 0, 0)
      if ($1 == "d01") { predn["EVENT"]++; row($1, "행사", "EVENT", "행사", "", "", 0, 2) }
    }
    if (act == "drop") next
    if (act == "shift") { predn[L]++; row($1, $2, L, $4, $5, $6, $7, $8 + 1); next }
    if (act == "relabel") {
      M = L == "ORG" ? "GPE" : "ORG"; predn[M]++
      row($1, $2, M, $4, $5, $6, $7, $8); next
    }
    predn[L]++; tp[L]++
    if (act == "wrong") {
      if (L in named) $4 = "WRONG"
      else if (L == "DATE") $4 = "0000"
      else $5 = $5 == "" ? 1 : $5 * 2
    } else ok[L]++
    print
    if (act == "dup") { predn[L]++; print }
  }
  END {
    for (L in gold) labels[L] = 1
    for (L in predn) labels[L] = 1
    for (L in labels) {
      printf "gold.%s\t%d\npred.%s\t%d\ntp.%s\t%d\nok.%s\t%d\n", L, gold[L], L, predn[L], L, tp[L], L, ok[L] > want
      G += gold[L]; P += predn[L]; T += tp[L]
    }
    printf "micro.gold\t%d\nmicro.pred\t%d\nmicro.tp\t%d\n", G, P, T > want
    printf "micro.f1\t%.6f\n", f1(T, P, G) > want
    pass = (f1(T, P, G) >= 0.85) + (f1(ok["MONEY"], predn["MONEY"], gold["MONEY"]) >= 0.95) \
         + (f1(ok["PERCENT"], predn["PERCENT"], gold["PERCENT"]) >= 0.95)
    for (L in named) pass += tp[L] && ok[L] / tp[L] >= 0.9
    printf "targets.passed\t%d\ntargets.failed\t%d\n", pass, ntargets - pass > want
  }' "$key"
}

run_selftest() {
  sp=0
  sf=0
  ok() {
    if [ "$2" = "$3" ]; then
      sp=$((sp + 1))
    else
      sf=$((sf + 1))
      printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
    fi
  }
  # The key scored against itself (the first name where it allows several):
  # 1.0 everywhere, every target met.
  awk -F'\t' -v OFS='\t' 'NR > 1 && split($4, alts, ";") > 1 { $4 = alts[1] } { print }' "$key" >"$tmp/self.tsv"
  sh "$self" --key "$key" --pred "$tmp/self.tsv" --dump "$tmp/self.dump" >"$tmp/self.out" 2>&1
  ok "the key against itself exits 0" "$?" 0
  touch "$tmp/self.dump"
  ok "the key against itself: last line" "$(tail -n 1 "$tmp/self.out")" "entities: $ntargets passed, 0 failed"
  ok "the key against itself: every score is 1" \
    "$(awk -F'\t' '$1 ~ /^(p|r|f1|strict_f1|share)\./ && $2 != "1.000000" { print }' "$tmp/self.dump")" ""
  ok "the key against itself: nothing listed as wrong" \
    "$(grep -c -e '^false' -e '^matched' -e '^DATE matched' -e '^rows whose' "$tmp/self.out")" 0
  ok "the key against itself: key, got, matched and right agree" \
    "$(awk -F'\t' '$1 ~ /^(gold|pred|tp|ok)\./ { split($1, k, "."); x[k[2]] = x[k[2]] " " $2 }
         END { for (L in x) { split(x[L], a, " "); if (a[1] != a[2] || a[2] != a[3] || a[3] != a[4]) print L x[L] } }' \
         "$tmp/self.dump")" ""

  # Perturbed copies: the evaluator's counts and verdicts must be exactly
  # those worked out from the perturbation.
  for mode in heavy light; do
    perturb "$mode" >"$tmp/$mode.tsv"
    sh "$self" --key "$key" --pred "$tmp/$mode.tsv" --dump "$tmp/$mode.dump" >"$tmp/$mode.out" 2>&1
    status=$?
    touch "$tmp/$mode.dump"
    while IFS="$(printf '\t')" read -r name value; do
      got=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$tmp/$mode.dump")
      case $name in
        micro.f1) got=$(awk -v a="${got:-0}" -v b="$value" 'BEGIN { d = a - b; print (d < 1e-6 && d > -1e-6) ? b : a }') ;;
      esac
      [ -n "$got" ] || got=0
      ok "$mode perturbation: $name" "$got" "$value"
    done <"$tmp/want"
    failed=$(awk -F'\t' '$1 == "targets.failed" { print $2 }' "$tmp/want")
    passed=$(awk -F'\t' '$1 == "targets.passed" { print $2 }' "$tmp/want")
    ok "$mode perturbation: last line" "$(tail -n 1 "$tmp/$mode.out")" "entities: $passed passed, $failed failed"
    if [ "$failed" -gt 0 ]; then want_status=1; else want_status=0; fi
    ok "$mode perturbation: exit status" "$status" "$want_status"
  done
  ok "heavy perturbation: spans shifted by one are flagged as not substr(text)" \
    "$(grep -c 'not substr(text' "$tmp/heavy.out")" 1
  ok "light perturbation: at least one target met and one missed" \
    "$(awk -F'\t' '$1 == "targets.passed" && $2 > 0 { p = 1 } $1 == "targets.failed" && $2 > 0 { f = 1 } END { print p + f }' "$tmp/want")" 2

  # A key whose offsets do not match its text is refused.
  awk -F'\t' -v OFS='\t' 'NR == 5 { $7++ } { print }' "$key" >"$tmp/badkey.tsv"
  sh "$self" --key "$tmp/badkey.tsv" --pred "$key" >"$tmp/badkey.out" 2>&1
  ok "a key with a wrong offset: exit status" "$?" 2
  ok "a key with a wrong offset: message" "$(grep -c '^key error' "$tmp/badkey.out")" 1

  # Values compare within a relative 1e-9, not beyond; NULL only equals NULL.
  for rel in 1e-12 1e-6; do
    awk -F'\t' -v OFS='\t' -v rel="$rel" '
      NR > 1 && $3 == "MONEY" && $5 != "" && !a { $5 = sprintf("%.17g", $5 * (1 + rel)); a = 1 }
      { print }' "$key" >"$tmp/near.tsv"
    sh "$self" --key "$key" --pred "$tmp/near.tsv" --dump "$tmp/near.dump" >/dev/null 2>&1
    touch "$tmp/near.dump"
    if [ "$rel" = 1e-12 ]; then want=0; else want=1; fi
    ok "a MONEY value off by $rel relative: wrong values" \
      "$(awk -F'\t' '$1 == "tp.MONEY" { t = $2 } $1 == "ok.MONEY" { o = $2 } END { print t - o }' "$tmp/near.dump")" "$want"
  done
  awk -F'\t' -v OFS='\t' 'NR > 1 && $3 == "MONEY" && $5 == "" && !a { $5 = 0; a = 1 } { print }' "$key" >"$tmp/null.tsv"
  sh "$self" --key "$key" --pred "$tmp/null.tsv" --dump "$tmp/null.dump" >/dev/null 2>&1
  touch "$tmp/null.dump"
  ok "0 for a NULL value is wrong" \
    "$(awk -F'\t' '$1 == "tp.MONEY" { t = $2 } $1 == "ok.MONEY" { o = $2 } END { print t - o }' "$tmp/null.dump")" 1

  [ -n "${KEEP_SELFTEST:-}" ] && cp "$tmp"/*.out "$tmp"/want "$KEEP_SELFTEST"/
  echo "entities self-test: $sp passed, $sf failed"
  [ "$sf" -eq 0 ]
}

if [ "$selftest" -eq 1 ]; then
  run_selftest
  exit
fi

# ------------------------------------------------------------------ loading

# tsv_sql TABLE FILE: INSERT statements for a TSV with a header line.
# docs: id, published, text.  Entity rows: doc, entity, label, canonical,
# value, unit, start, end; an empty field is NULL; value, start and end are
# numbers when they look like numbers.
tsv_sql() {
  awk -F'\t' -v table="$1" '
  function q(s) { gsub(/\047/, "\047\047", s); return "\047" s "\047" }
  function t(s) { return s == "" ? "NULL" : q(s) }
  function n(s) { return s == "" ? "NULL" : s ~ /^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/ ? s : q(s) }
  NR == 1 { next }
  { sub(/\r$/, "") }
  table == "docs" { printf "INSERT INTO docs VALUES(%s,%s,%s);\n", q($1), q($2), q($3); next }
  { printf "INSERT INTO %s(doc,entity,label,canonical,value,unit,start,\"end\") VALUES(%s,%s,%s,%s,%s,%s,%s,%s);\n",
      table, q($1), t($2), t($3), t($4), n($5), t($6), n($7), n($8) }' "$2"
}

for f in "$devset" "$key" ${pred:+"$pred"}; do
  [ -r "$f" ] || { echo "evaluate.sh: cannot read $f" >&2; exit 2; }
done

{
  echo "CREATE TABLE docs(id TEXT PRIMARY KEY, published TEXT, text TEXT);"
  for t in gold pred pred2; do
    echo "CREATE TABLE $t(id INTEGER PRIMARY KEY, doc, entity, label, canonical, value, unit, start, \"end\");"
  done
  echo "BEGIN;"
  tsv_sql docs "$devset"
  tsv_sql gold "$key"
  [ -n "$pred" ] && tsv_sql pred "$pred"
  echo "COMMIT;"
} >"$tmp/load.sql"

if [ -n "$pred" ]; then
  shell="sqlite3 -bail"
  run_sql=""
  DET_SQL=""
else
  # The extension first, on its own, so a missing build or a missing
  # function gives one clear message.
  probe=$(sqlite3 -bail -cmd ".load $lib" :memory: \
    "SELECT count(*) FROM ai_entities('한국', '2024-01-01');" 2>&1)
  if [ $? -ne 0 ]; then
    case $probe in
      *"no such table: ai_entities"*)
        echo "evaluate.sh: $lib has no ai_entities yet (no such table: ai_entities)."
        echo "  Build the extension with ai_entities (make), or check this script with --self-test." ;;
      *)
        echo "evaluate.sh: cannot run ai_entities from $lib:"
        echo "$probe" | sed 's/^/  /' ;;
    esac
    echo "entities: 0 passed, $ntargets failed"
    exit 1
  fi
  shell="sqlite3 -bail -cmd '.load $lib'"
  cols='d.id, e.entity, e.label, e.canonical, e.value, e.unit, e.start, e."end"'
  run_sql="INSERT INTO pred(doc,entity,label,canonical,value,unit,start,\"end\")
  SELECT $cols FROM docs AS d, ai_entities(d.text, d.published) AS e;
INSERT INTO pred2(doc,entity,label,canonical,value,unit,start,\"end\")
  SELECT $cols FROM docs AS d, ai_entities(d.text, d.published) AS e;"
  rows='doc, entity, label, canonical, value, unit, start, "end"'
  DET_SQL="SELECT 'DET', (SELECT count(*) FROM pred2),
       (SELECT count(*) FROM (SELECT $rows FROM pred EXCEPT SELECT $rows FROM pred2))
     + (SELECT count(*) FROM (SELECT $rows FROM pred2 EXCEPT SELECT $rows FROM pred));"
fi

# norm TABLE: SQL that sets column n of TABLE to its column part as
# canonical names are compared: no leading "The", lower case, no spaces or
# punctuation.  One UPDATE per character keeps the parser's stack shallow.
norm() {
  echo "UPDATE $1 SET n = lower(CASE WHEN ltrim(part) LIKE 'the %' THEN substr(ltrim(part), 5) ELSE part END);"
  for c in ' ' '.' ',' '-' '_' "''" '"' '(' ')' '[' ']' '&' '/' ':' ';' '!' '?' '+' '*' \
           '·' '・' '’' '‘' '“' '”' '–' '—' '、'; do
    echo "UPDATE $1 SET n = replace(n, '$c', '');"
  done
}
VU_OK="(p.unit IS g.unit AND ((g.value IS NULL AND p.value IS NULL) OR
  (g.value IS NOT NULL AND p.value IS NOT NULL AND typeof(p.value) IN ('integer', 'real') AND
   abs(p.value - g.value) <= 1e-9 * max(abs(g.value), abs(p.value)))))"
CANON_OK="((SELECT n FROM pnorm WHERE pnorm.pid = p.id) IN (SELECT n FROM galt WHERE galt.gid = g.id))"
NAMED="('ORG', 'PERSON', 'PRODUCT', 'GPE')"
NUMERIC="('MONEY', 'PERCENT', 'QUANTITY')"

cat >"$tmp/score.sql" <<EOF
.mode tabs
.headers off
.nullvalue ''
$run_sql
-- The key must agree with its text, name known documents and list each
-- span and label once.
SELECT 'KEYERR', g.doc, g.entity, g.start, g."end", 'offsets do not give this entity'
  FROM gold g LEFT JOIN docs d ON d.id = g.doc
 WHERE d.id IS NULL OR substr(d.text, g.start + 1, g."end" - g.start) IS NOT g.entity;
SELECT 'KEYERR', doc, entity, start, "end", 'listed twice'
  FROM gold GROUP BY doc, start, "end", label HAVING count(*) > 1;

CREATE INDEX pred_span ON pred(doc, start, "end", label);
-- A predicted row matches a key row with the same document, span and label;
-- of duplicate predicted rows only the first counts.
CREATE TABLE m AS
  SELECT g.id AS gid, min(p.id) AS pid FROM gold g
    JOIN pred p ON p.doc = g.doc AND p.start = g.start AND p."end" = g."end" AND p.label = g.label
   GROUP BY g.id;
CREATE TABLE galt AS
  WITH RECURSIVE s(gid, rest, part) AS (
    SELECT id, canonical || ';', NULL FROM gold WHERE label IN $NAMED
    UNION ALL
    SELECT gid, substr(rest, instr(rest, ';') + 1), substr(rest, 1, instr(rest, ';') - 1)
      FROM s WHERE rest <> '')
  SELECT gid, part, NULL AS n FROM s WHERE part IS NOT NULL;
$(norm galt)
CREATE TABLE pnorm AS SELECT id AS pid, canonical AS part, NULL AS n FROM pred WHERE label IN $NAMED;
$(norm pnorm)
CREATE INDEX galt_gid ON galt(gid);
CREATE INDEX pnorm_pid ON pnorm(pid);
CREATE TABLE pairs AS
  SELECT g.id AS gid, p.id AS pid, g.label AS label,
         CASE WHEN g.label IN $NAMED THEN $CANON_OK
              WHEN g.label IN $NUMERIC THEN $VU_OK
              ELSE p.canonical IS g.canonical END AS ok
    FROM m JOIN gold g ON g.id = m.gid JOIN pred p ON p.id = m.pid;
CREATE TABLE labels AS SELECT coalesce(label, '(null)') AS label FROM gold UNION SELECT coalesce(label, '(null)') FROM pred;

-- Per label: gold, predicted, matched, matched with the right canonical or
-- value and unit.
SELECT 'L', l.label,
       (SELECT count(*) FROM gold WHERE label = l.label),
       (SELECT count(*) FROM pred WHERE coalesce(label, '(null)') = l.label),
       (SELECT count(*) FROM pairs WHERE label = l.label),
       (SELECT count(*) FROM pairs WHERE label = l.label AND ok)
  FROM labels l
 ORDER BY coalesce(nullif(instr('PERSON ORG PRODUCT GPE DATE MONEY PERCENT QUANTITY ', l.label || ' '), 0), 999), l.label;

-- Predicted rows that break the span rule, are out of document order, or
-- change from one run to the next.
SELECT 'INV', p.doc, p.label, p.entity, p.start, p."end", quote(substr(d.text, p.start + 1, p."end" - p.start))
  FROM pred p JOIN docs d ON d.id = p.doc
 WHERE substr(d.text, p.start + 1, p."end" - p.start) IS NOT p.entity ORDER BY p.id;
SELECT 'ORD', count(*) FROM pred a JOIN pred b ON b.id = a.id + 1 AND b.doc = a.doc WHERE b.start < a.start;
$DET_SQL

-- False positives and negatives, with what overlaps them on the other side.
SELECT 'FP', p.doc, p.label, p.entity,
       coalesce((SELECT 'key: ' || group_concat(g.entity || ' ' || g.label, ', ') FROM gold g
                  WHERE g.doc = p.doc AND g.start < p."end" AND p.start < g."end"), '')
       || CASE WHEN EXISTS (SELECT 1 FROM m JOIN gold g ON g.id = m.gid
                             WHERE g.doc = p.doc AND g.start = p.start AND g."end" = p."end" AND g.label = p.label)
               THEN ' (duplicate row)' ELSE '' END
  FROM pred p WHERE p.id NOT IN (SELECT pid FROM m) ORDER BY p.doc, p.start, p.id;
SELECT 'FN', g.doc, g.label, g.entity,
       coalesce((SELECT 'got: ' || group_concat(p.entity || ' ' || coalesce(p.label, '(null)'), ', ') FROM pred p
                  WHERE p.doc = g.doc AND p.start < g."end" AND g.start < p."end"), '')
  FROM gold g WHERE g.id NOT IN (SELECT gid FROM m) ORDER BY g.doc, g.start;
SELECT 'WV', g.doc, g.label, g.entity,
       'got ' || coalesce(p.value, 'NULL') || ' ' || coalesce(p.unit, 'NULL') ||
       ', want ' || coalesce(g.value, 'NULL') || ' ' || g.unit
  FROM pairs x JOIN gold g ON g.id = x.gid JOIN pred p ON p.id = x.pid
 WHERE x.label IN $NUMERIC AND NOT x.ok ORDER BY g.doc, g.start;
SELECT 'WC', g.doc, g.label, g.entity,
       'got ' || coalesce(p.canonical, 'NULL') || ', want ' || replace(g.canonical, ';', ' or ')
  FROM pairs x JOIN gold g ON g.id = x.gid JOIN pred p ON p.id = x.pid
 WHERE x.label IN $NAMED AND NOT x.ok ORDER BY g.doc, g.start;
SELECT 'WD', g.doc, g.label, g.entity, 'got ' || coalesce(p.canonical, 'NULL') || ', want ' || g.canonical
  FROM pairs x JOIN gold g ON g.id = x.gid JOIN pred p ON p.id = x.pid
 WHERE x.label = 'DATE' AND NOT x.ok ORDER BY g.doc, g.start;
EOF

cat "$tmp/load.sql" "$tmp/score.sql" | eval "$shell" :memory: >"$tmp/out" 2>"$tmp/err"
if [ $? -ne 0 ] || [ -s "$tmp/err" ]; then
  echo "evaluate.sh: sqlite3 failed:"
  sed 's/^/  /' "$tmp/err" | head -n 20
  echo "entities: 0 passed, $ntargets failed"
  exit 2
fi
if grep -q '^KEYERR' "$tmp/out"; then
  awk -F'\t' '$1 == "KEYERR" { printf "key error: %s %s [%s,%s): %s\n", $2, $3, $4, $5, $6 }' "$tmp/out"
  echo "evaluate.sh: fix the key ($key) first; it is built by tests/entities/build.sh"
  echo "entities: 0 passed, $ntargets failed"
  exit 2
fi

# ------------------------------------------------------------------- report

awk -F'\t' -v verbose="$verbose" -v dump="$dump" -v ntargets="$ntargets" \
    -v source="${pred:-$lib ai_entities}" '
function f1(tp, np, ng,   p, r) {
  p = np ? tp / np : 0; r = ng ? tp / ng : 0
  return p + r ? 2 * p * r / (p + r) : 0
}
function d(name, value) { if (dump != "") print name "\t" value > dump }
function target(ok, text) {
  if (ok) passed++; else failed++
  printf "  %s  %s\n", ok ? "PASS" : "FAIL", text
}
function list(tag, title,   i, n) {
  n = cnt[tag]
  if (n == 0) return
  printf "\n%s (%d):\n", title, n
  for (i = 1; i <= n && (verbose || i <= 40); i++) print rows[tag, i]
  if (n > 40 && !verbose) printf "  ... %d more (-v lists all)\n", n - 40
}
BEGIN {
  named["ORG"] = named["PERSON"] = named["PRODUCT"] = named["GPE"] = 1
  numeric["MONEY"] = numeric["PERCENT"] = numeric["QUANTITY"] = 1
}
$1 == "L" { nl++; lab[nl] = $2; G[$2] = $3; P[$2] = $4; T[$2] = $5; K[$2] = $6; next }
$1 == "ORD" { order = $2; next }
$1 == "DET" { det_rows = $2; det_diff = $3; next }
{
  tag = $1; cnt[tag]++
  if (tag == "INV")
    line = sprintf("  %-4s %-8s %s [%s,%s) is %s", $2, $3, $4, $5, $6, $7)
  else
    line = sprintf("  %-4s %-8s %s%s", $2, $3, $4, $5 == "" ? "" : "   (" $5 ")")
  rows[tag, cnt[tag]] = line
}
END {
  printf "ai_entities on tests/entities: %s\n\n", source
  printf "%-9s %5s %5s %5s  %6s %6s %6s   %-24s\n", "label", "key", "got", "match", "prec", "recall", "F1", "canonical / value+unit"
  for (i = 1; i <= nl; i++) {
    L = lab[i]; g = G[L]; p = P[L]; t = T[L]; k = K[L]
    pr = p ? t / p : 0; rc = g ? t / g : 0; f = f1(t, p, g)
    extra = ""
    if (t && (L in named || L in numeric || L == "DATE"))
      extra = sprintf("%d/%d %.3f%s", k, t, k / t, L == "DATE" || L == "QUANTITY" ? " (info)" : "")
    printf "%-9s %5d %5d %5d  %6.3f %6.3f %6.3f   %s\n", L, g, p, t, pr, rc, f, extra
    GG += g; PP += p; TT += t
    d("gold." L, g); d("pred." L, p); d("tp." L, t); d("ok." L, k)
    d("p." L, sprintf("%.6f", pr)); d("r." L, sprintf("%.6f", rc)); d("f1." L, sprintf("%.6f", f))
    if (t) d("share." L, sprintf("%.6f", k / t))
  }
  mp = PP ? TT / PP : 0; mr = GG ? TT / GG : 0; mf = f1(TT, PP, GG)
  printf "%-9s %5d %5d %5d  %6.3f %6.3f %6.3f\n", "micro", GG, PP, TT, mp, mr, mf
  d("micro.gold", GG); d("micro.pred", PP); d("micro.tp", TT); d("micro.f1", sprintf("%.6f", mf))
  printf "\nwith exact value and unit (span, label, value and unit all right):\n"
  split("MONEY PERCENT", S, " ")
  for (i = 1; i <= 2; i++) {
    L = S[i]; sf[L] = f1(K[L], P[L], G[L])
    printf "%-9s %5d %5d %5d  %6.3f %6.3f %6.3f\n", L, G[L], P[L], K[L], \
      P[L] ? K[L] / P[L] : 0, G[L] ? K[L] / G[L] : 0, sf[L]
    d("strict_f1." L, sprintf("%.6f", sf[L]))
  }

  printf "\nchecks on the rows themselves (for information):\n"
  printf "  rows where substr(text, start + 1, end - start) is not the entity: %d\n", cnt["INV"]
  printf "  rows out of document order: %d\n", order
  if (det_rows != "") printf "  rows that differ between two runs: %d\n", det_diff
  list("INV", "rows whose entity is not substr(text, start + 1, end - start)")
  list("FP", "false positives (doc, label, entity)")
  list("FN", "false negatives (doc, label, entity)")
  list("WV", "matched with a wrong value or unit")
  list("WC", "matched with a wrong canonical")
  list("WD", "DATE matched with another canonical (for information)")

  printf "\ntargets:\n"
  target(mf >= 0.85, sprintf("micro F1 %.3f >= 0.85", mf))
  target(sf["MONEY"] >= 0.95, sprintf("MONEY F1 with exact value and unit %.3f >= 0.95", sf["MONEY"]))
  target(sf["PERCENT"] >= 0.95, sprintf("PERCENT F1 with exact value and unit %.3f >= 0.95", sf["PERCENT"]))
  split("ORG PERSON PRODUCT GPE", N, " ")
  for (i = 1; i <= 4; i++) {
    L = N[i]; s = T[L] ? K[L] / T[L] : 0
    target(s >= 0.9, sprintf("%s canonical right %.3f >= 0.90 (%d of %d matched)", L, s, K[L], T[L]))
  }
  d("targets.passed", passed + 0); d("targets.failed", failed + 0)
  printf "entities: %d passed, %d failed\n", passed, failed
  exit (failed > 0 ? 1 : 0)
}' "$tmp/out"
