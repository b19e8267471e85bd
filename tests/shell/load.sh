#!/bin/sh
# The loadable extension as users load it: the stock sqlite3 shell, from
# another directory, with `.load` and no configuration (the dictionary is
# found beside the library).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
unset KOAI_DICDIR
passed=0
failed=0
check() {
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$3" "$2"
  fi
}
tmp=$(mktemp -d)
cd "$tmp" || exit 2

got=$(sqlite3 :memory: ".load $top/dist/koai" "SELECT ai_version();" 2>&1)
check "ai_version through .load" "$got" \
  "koai 0.1.0 (mecab-ko-dic 0.1.3, 816283 entries)"

got=$(sqlite3 :memory: ".load $top/dist/koai" \
  "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='korean');
   INSERT INTO docs VALUES('알리바바는 중국에서 말했다');
   SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH '알리바바 말하다';" 2>&1)
check "korean tokenizer through .load" "$got" "[알리바바]는 중국에서 [말했다]"

got=$(sqlite3 :memory: ".load $top/dist/koai" \
  "SELECT entity || '|' || label || '|' || canonical
   FROM ai_entities('오픈AI의 샘 올트먼은 120억달러 투자를 언급했다.');" 2>&1)
check "ai_entities through .load" "$got" "오픈AI|ORG|OpenAI
샘 올트먼|PERSON|Sam Altman
120억달러|MONEY|120억달러"

# A relative path, as the README writes it.
mkdir -p "$tmp/proj" && ln -s "$top/dist" "$tmp/proj/dist"
cd "$tmp/proj" || exit 2
got=$(sqlite3 :memory: ".load dist/koai" \
  "SELECT group_concat(token || '/' || tag, ' ') FROM ai_tokens('오픈AI가');" 2>&1)
check "relative .load dist/koai" "$got" "오픈/NNG AI/SL 가/JKS"

cd / && rm -rf "$tmp"
echo "shell: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
