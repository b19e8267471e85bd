#!/bin/sh
# Compile one C file against koai's static library and run it:
#
#   sh tests/static/cc-run.sh FILE.c
#
# With KOAI_PREFIX set, the library, header and flags are those installed
# there (pkg-config koai); otherwise dist/libkoai.a and include/.  Either
# way the program links Debian's SQLite.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
src=$1
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
if [ -n "${KOAI_PREFIX:-}" ]; then
  flags=$(PKG_CONFIG_PATH="$KOAI_PREFIX/lib/pkgconfig" \
          pkg-config --cflags --static --libs koai)
else
  flags="-I$top/include $top/dist/libkoai.a $(pkg-config --libs icu-uc) -lpthread -ldl"
fi
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$bin" "$src" $flags \
  $(pkg-config --libs sqlite3)
"$bin"
