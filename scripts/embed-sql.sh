#!/bin/sh
# Turn an SQL file into a C source defining one string with its text, so
# that data the project keeps as plain SQL (the gazetteer) is compiled
# into the extension and needs no file at run time.
#   embed-sql.sh INPUT.sql SYMBOL > OUTPUT.c
set -eu
in=$1
sym=$2
printf '/* Generated from %s by scripts/embed-sql.sh; do not edit. */\n' "$in"
printf 'const char %s[] =\n' "$sym"
LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$/\\n"/' "$in"
printf '  "";\n'
