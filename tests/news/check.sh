#!/bin/sh
# The news schema, the analyst queries and the demo, as users run them:
# the stock sqlite3 shell with `.load dist/koai`.
#
#   - sql/news.sql keeps the FTS5 index and the mentions table in sync
#     with articles through inserts, updates (of the body, the title, the
#     date, the id) and deletes: FTS5's integrity-check against the
#     content table passes, searches see the new text and not the old,
#     and the mentions equal a fresh ai_entities over every article;
#   - every sql/queries/*.sql starts with a comment saying what it answers,
#     runs against the demo database without an error and returns rows;
#   - `make demo`'s report is the one README.md shows under "The demo".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
unset KOAI_DICDIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check NAME GOT WANT
check() {
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s\n---- expected\n%s\n---- got\n%s\n' "$1" "$3" "$2"
  fi
}

# sq DB SQL: run SQL in the shell with koai loaded; errors go to stdout.
sq() {
  db=$1
  shift
  sqlite3 -bail -cmd ".load $top/dist/koai" "$db" "$@" 2>&1
}

# ---- news.sql keeps the index and the mentions in sync
db=$tmp/sync.db
sq "$db" ".read sql/news.sql" ".read sql/sample/articles.sql" >/dev/null

# what must hold after every change: the index agrees with the content
# table, and the mentions with a fresh ai_entities
in_sync() {
  sq "$db" "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);" \
    "SELECT ((SELECT count(*) FROM (
               SELECT article_id, entity, label, canonical, value, unit, start, end
               FROM mentions
               EXCEPT
               SELECT a.id, e.entity, e.label, e.canonical, e.value, e.unit, e.start, e.end
               FROM articles a, ai_entities(a.body, a.published) e))
          + (SELECT count(*) FROM (
               SELECT a.id, e.entity, e.label, e.canonical, e.value, e.unit, e.start, e.end
               FROM articles a, ai_entities(a.body, a.published) e
               EXCEPT
               SELECT article_id, entity, label, canonical, value, unit, start, end
               FROM mentions)))
          || ' ' || (SELECT count(*) FROM mentions);"
}

got=$(in_sync)
check "sample corpus: index and mentions in sync" "${got% *}" "0"
check "sample corpus: mentions found" "$([ "${got#* }" -gt 100 ] && echo yes)" "yes"

got=$(sq "$db" "UPDATE articles SET body = '테슬라가 오스틴 공장에 5000억 원을 쓴다고 밝혔다.' WHERE id = 1;
  SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '항저우';
  SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '오스틴';
  SELECT group_concat(label || ':' || entity, ' ') FROM mentions WHERE article_id = 1;")
check "update of the body: search and mentions follow" "$got" "0
1
ORG:테슬라 GPE:오스틴 MONEY:5000억 원"
check "update of the body: in sync" "$(in_sync | cut -d' ' -f1)" "0"

got=$(sq "$db" "UPDATE articles SET title = '테슬라, 오스틴에 투자' WHERE id = 1;
  SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'title:알리바바' AND rowid = 1;
  SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'title:테슬라';")
check "update of the title: the index follows" "$got" "0
1"

got=$(sq "$db" "UPDATE articles SET published = '2025-01-02', body = '오늘 발표했다.' WHERE id = 2;
  SELECT canonical FROM mentions WHERE article_id = 2 AND label = 'DATE';")
check "update of the date: dates resolved again" "$got" "2025-01-02"

got=$(sq "$db" "UPDATE articles SET id = 1000 WHERE id = 3;
  SELECT count(*) FROM mentions WHERE article_id = 3;
  SELECT count(*) > 0 FROM mentions WHERE article_id = 1000;
  SELECT rowid FROM articles_fts WHERE articles_fts MATCH '올트먼';")
check "update of the id: index and mentions move" "$got" "0
1
1000"

got=$(sq "$db" "DELETE FROM articles WHERE id IN (4, 1000);
  SELECT count(*) FROM mentions WHERE article_id IN (4, 1000);
  SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '평택 OR 올트먼';")
check "delete: index and mentions follow" "$got" "0
0"
check "after all changes: in sync" "$(in_sync | cut -d' ' -f1)" "0"

got=$(sq "$db" "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
  INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1);
  SELECT 'ok';")
check "rebuild from the content table" "$got" "ok"

# ---- every query file against the demo database
demo=$tmp/demo.db
sq "$demo" ".read sql/news.sql" ".read sql/sample/articles.sql" >/dev/null
for f in sql/queries/*.sql; do
  first=$(head -n 1 "$f")
  check "$f starts with a comment" "$(echo "$first" | cut -c1-3)" "-- "
  out=$(sq "$demo" ".read $f")
  status=$?
  check "$f runs" "$status $(echo "$out" | grep -ci 'error')" "0 0"
  rows=$(printf '%s\n' "$out" | grep -c .)
  check "$f returns rows" "$([ "$rows" -gt 0 ] && echo yes)" "yes"
done

# ---- the demo's report is the README's
got=$(sh scripts/demo.sh 2>&1)
want=$(awk '
  /^## / { in_demo = ($0 == "## The demo") }
  in_demo && /^```text$/ && !done { on = 1; next }
  on && /^```$/ { on = 0; done = 1; next }
  on { print }
' README.md)
check "make demo prints the report README.md shows" "$got" "$want"

echo "news: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
