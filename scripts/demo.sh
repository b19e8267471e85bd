#!/bin/sh
# The demo `make demo` runs: build a news database from the sample corpus
# in build/demo.db and print a report of searches and analyses.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
db=build/demo.db
mkdir -p build
rm -f "$db"
sqlite3 "$db" ".load dist/koai" ".read sql/news.sql" ".read sql/sample/articles.sql"
sqlite3 "$db" ".load dist/koai" ".read sql/demo.sql"
echo
echo "The database is in $db; explore it with:"
echo "  sqlite3 $db -cmd '.load dist/koai'"
