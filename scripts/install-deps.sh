#!/bin/sh
# Install the Debian packages koai needs that are missing, and nothing
# else: a machine that has them all makes no network request.
#   scripts/install-deps.sh build     compiler, SQLite, ICU, npm
#   scripts/install-deps.sh test      + what the tests use (mecab, the corpus)
#   scripts/install-deps.sh bench     + what the benchmark uses
#   scripts/install-deps.sh bindings  the clients the binding tests load
#                                     koai into (test installs them too)
set -eu

need="gcc make pkg-config sqlite3 libsqlite3-dev libicu-dev ca-certificates"
# Python's sqlite3 module, Tcl's sqlite3 package, Perl's DBD::SQLite,
# sqlite-utils, litecli; g++ builds better-sqlite3 for Node.js.
bindings="python3 tcl libsqlite3-tcl perl libdbd-sqlite3-perl sqlite-utils litecli g++"
# fuzzing (clang, libFuzzer), Valgrind; ThreadSanitizer comes with gcc
hardening="clang libclang-rt-dev valgrind"
case "${1:-build}" in
  build) ;;
  test)  need="$need mecab libreoffice-help-ko $bindings $hardening" ;;
  bindings) need="$need $bindings" ;;
  bench) need="$need mecab libreoffice-help-ko time" ;;
  *) echo "usage: $0 [build|test|bench|bindings]" >&2; exit 2 ;;
esac

missing=""
for pkg in $need; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' ||
    missing="$missing $pkg"
done
# npm fetches the dictionary; any working node/npm will do.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
# better-sqlite3 compiles against Node's headers (NodeSource's nodejs has
# them; Debian's puts them in libnode-dev).
case "${1:-build}" in
  test|bindings)
    [ -e /usr/include/node/node.h ] || missing="$missing libnode-dev" ;;
esac

[ -z "$missing" ] && exit 0

echo "koai: installing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "koai: run as root, or install:$missing" >&2; exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# libreoffice-help-ko only carries HTML; its recommends are not needed.
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
