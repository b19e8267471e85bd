#!/bin/sh
# make install / make uninstall, into temporary places:
#
#   - with DESTDIR, everything lands under DESTDIR + PREFIX and nothing
#     else, and the installed library has PREFIX's dictionary compiled in;
#   - with PREFIX alone: the exact files, one version everywhere (koai.h,
#     the library's file name, koai.pc, ai_version()); `.load koai` by name
#     with that prefix's library path and no KOAI_DICDIR; a C program built
#     with `pkg-config --static --libs koai` (tests/static/static_test.c);
#   - make uninstall removes exactly what was installed.
#
# Prints "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
unset KOAI_DICDIR
export LC_ALL=C.UTF-8
MAKE=${MAKE:-make}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1))
    echo "PASS $1"
  else
    failed=$((failed + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
  fi
}
# The files and links under a directory, relative to it, sorted.
files() { (cd "$1" && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort); }

version=$(sed -n 's/^#define KOAI_VERSION "\(.*\)"/\1/p' include/koai.h)
dicfiles=$(cd dist/mecab-ko-dic && ls | sed 's|^|share/koai/mecab-ko-dic/|')
want=$(printf '%s\n' include/koai.h lib/koai.so "lib/koai.so.$version" \
         lib/libkoai.a lib/pkgconfig/koai.pc $dicfiles | LC_ALL=C sort)

# 1. DESTDIR staging.
stage="$tmp/stage"
$MAKE -s install DESTDIR="$stage" PREFIX=/opt/koai-test >"$tmp/log" 2>&1 ||
  cat "$tmp/log"
check "DESTDIR: every file under DESTDIR/PREFIX" \
  "$(files "$stage")" "$(echo "$want" | sed 's|^|opt/koai-test/|')"
check "DESTDIR: the library looks for PREFIX's dictionary" \
  "$(grep -c /opt/koai-test/share/koai/mecab-ko-dic \
       "$stage/opt/koai-test/lib/koai.so.$version")" 1
$MAKE -s uninstall DESTDIR="$stage" PREFIX=/opt/koai-test >"$tmp/log" 2>&1 ||
  cat "$tmp/log"
check "DESTDIR: uninstall leaves no file" "$(files "$stage")" ""

# 2. A real prefix.
prefix="$tmp/prefix"
$MAKE -s install PREFIX="$prefix" >"$tmp/log" 2>&1 || cat "$tmp/log"
check "install: the files" "$(files "$prefix")" "$want"
check "install: koai.so is a link to koai.so.$version" \
  "$(readlink "$prefix/lib/koai.so")" "koai.so.$version"
check "install: no dictionary beside the library" \
  "$(ls -d "$prefix/lib/mecab-ko-dic" 2>/dev/null)" ""

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
check "koai.pc: version" "$(pkg-config --modversion koai)" "$version"
check "koai.pc: dicdir" "$(pkg-config --variable=dicdir koai)" \
  "$prefix/share/koai/mecab-ko-dic"
libs=$(pkg-config --static --libs koai)
case $libs in
  "-L$prefix/lib -lkoai -lpthread -ldl -licuuc "*) ok=yes ;;
  *) ok=no ;;
esac
check "koai.pc: static libs are koai, pthread, dl and ICU ($libs)" "$ok" yes

cd "$tmp" || exit 2
got=$(LD_LIBRARY_PATH="$prefix/lib" sqlite3 :memory: ".load koai" \
  "SELECT ai_version();" 2>&1)
check ".load koai by name with the prefix's library path" \
  "$(echo "$got" | sed 's/ (.*//')" "koai $version"
got=$(sqlite3 :memory: ".load $prefix/lib/koai" \
  "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='korean');
   INSERT INTO docs VALUES('알리바바는 중국에서 말했다');
   SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH '알리바바 말하다';
   SELECT group_concat(entity || '/' || label, ' ') FROM ai_entities('알리바바는 중국에서 말했다');" 2>&1)
check ".load PREFIX/lib/koai: the tokenizer and ai_entities" "$got" \
  "[알리바바]는 중국에서 [말했다]
알리바바/ORG 중국/GPE"
cd "$top" || exit 2

# The installed static library, header and koai.pc, with the dictionary
# found where it was installed.
KOAI_PREFIX="$prefix" sh tests/static/cc-run.sh tests/static/static_test.c \
  >"$tmp/out" 2>&1
grep -v '^PASS' "$tmp/out" | sed 's/^static:/installed static library:/'
counts=$(grep -E '^static: [0-9]+ passed, [0-9]+ failed$' "$tmp/out")
if [ -n "$counts" ]; then
  passed=$((passed + $(echo "$counts" | awk '{print $2}')))
  failed=$((failed + $(echo "$counts" | awk '{print $4}')))
else
  failed=$((failed + 1))
  echo "FAIL the program linked with pkg-config koai did not run"
fi

$MAKE -s uninstall PREFIX="$prefix" >"$tmp/log" 2>&1 || cat "$tmp/log"
check "uninstall leaves no file" "$(files "$prefix")" ""
check "uninstall removes koai's directories" \
  "$(ls -d "$prefix/share/koai" 2>/dev/null)" ""

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
