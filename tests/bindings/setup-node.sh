#!/bin/sh
# Build better-sqlite3 for the Node.js binding test, from its npm package
# and against Debian's libsqlite3, into build/bindings/node/.  Nothing is
# downloaded but npm packages:
#
#   - npm_config_build_from_source makes the package's install script skip
#     its prebuilt binaries and compile with node-gyp;
#   - npm_config_nodedir points node-gyp at the installed Node.js headers
#     (/usr/include/node: Debian's libnode-dev, or NodeSource's nodejs)
#     instead of downloading them;
#   - npm_config_sqlite3 replaces the SQLite that better-sqlite3 bundles
#     with a directory of our own: the system's sqlite3.h and an empty
#     sqlite3.c, and LDFLAGS links the addon to libsqlite3.so instead.
#
# The version is pinned in tests/bindings/package.json.  A second run with
# the same package, Node.js and SQLite does nothing.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir="$top/build/bindings/node"
addon="$dir/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
header="$(pkg-config --variable=includedir sqlite3)/sqlite3.h"
key="$(cat "$top/tests/bindings/package.json") node-abi $(node -p process.versions.modules) sqlite $(pkg-config --modversion sqlite3)"

if [ -f "$addon" ] && [ "$(cat "$dir/.koai-built" 2>/dev/null)" = "$key" ]; then
  exit 0
fi
if [ ! -f /usr/include/node/common.gypi ]; then
  echo "setup-node: no Node.js headers in /usr/include/node" \
       "(sh scripts/install-deps.sh bindings installs them)" >&2
  exit 1
fi

echo "setup-node: building better-sqlite3 against $header"
rm -rf "$dir"
mkdir -p "$dir/sqlite3"
cp "$header" "$dir/sqlite3/sqlite3.h"
echo '/* Empty: the addon links the system libsqlite3 instead. */' \
  >"$dir/sqlite3/sqlite3.c"
cp "$top/tests/bindings/package.json" "$dir/package.json"
cd "$dir"
if ! npm_config_build_from_source=true \
     npm_config_nodedir=/usr \
     npm_config_sqlite3="$dir/sqlite3" \
     LDFLAGS="-Wl,--no-as-needed -lsqlite3" \
     npm install --no-audit --no-fund --no-package-lock >npm.log 2>&1; then
  tail -n 40 npm.log >&2
  echo "setup-node: npm install failed (log: $dir/npm.log)" >&2
  exit 1
fi
printf '%s\n' "$key" >"$dir/.koai-built"
