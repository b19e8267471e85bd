#!/bin/sh
# Integrity checks of the curated gazetteer, sql/gazetteer.sql.
#
# The file is loaded with the stock sqlite3 shell into a scratch database,
# and each check is a query that returns the offending rows: no rows is a
# pass, any row is a failure and is printed. The checks are about the data
# itself (labels, duplicates, names that would resolve two ways, canonical
# names the spec would confuse, the spec's own examples, words that must not
# be there), so they need neither the extension nor the dictionary.
#
# Run from anywhere: sh tests/gazetteer/check.sh
# The last line is "gazetteer: N passed, M failed"; the exit status is 0
# only when nothing failed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
file=sql/gazetteer.sql
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/gazetteer.db

passed=0
failed=0

pass() {
  passed=$((passed + 1))
  echo "ok   $1"
}

fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  [ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/     /'
}

# check NAME SQL: SQL lists offending rows; none is a pass.
check() {
  out=$(sqlite3 -bail "$db" "$2" 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && [ -z "$out" ]; then
    pass "$1"
  else
    fail "$1" "$out"
  fi
}

# The file loads on its own, without errors, and creates exactly the table
# the extension reads.
out=$(sqlite3 -bail "$db" ".read $file" 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ]; then
  pass "loads into an empty database without errors"
else
  fail "loads into an empty database without errors" "$out"
  echo "gazetteer: $passed passed, $failed failed"
  exit 1
fi

check "has exactly the columns name, label, canonical" "
  SELECT group_concat(name, ',') AS cols FROM pragma_table_info('koai_gazetteer')
  HAVING cols IS NOT 'name,label,canonical';"

check "creates the one table and nothing else" "
  SELECT type || ' ' || name FROM sqlite_schema WHERE name <> 'koai_gazetteer';"

check "labels are only PERSON, ORG, PRODUCT, GPE" "
  SELECT DISTINCT quote(label) FROM koai_gazetteer
  WHERE label NOT IN ('PERSON', 'ORG', 'PRODUCT', 'GPE');"

check "no empty, padded or multi-spaced name or canonical" "
  SELECT quote(name) || ' -> ' || quote(canonical) FROM koai_gazetteer
  WHERE trim(name) = '' OR trim(canonical) = ''
     OR name <> trim(name) OR canonical <> trim(canonical)
     OR name LIKE '%  %' OR canonical LIKE '%  %'
     OR name GLOB '*[' || char(9, 10, 13) || ']*'
     OR canonical GLOB '*[' || char(9, 10, 13) || ']*';"

check "no duplicate (name, label) rows" "
  SELECT name || ' ' || label || ' x' || count(*) FROM koai_gazetteer
  GROUP BY name, label HAVING count(*) > 1;"

check "no name has two canonical names under one label" "
  SELECT name || ' ' || label || ': ' || group_concat(DISTINCT canonical)
  FROM koai_gazetteer GROUP BY name, label
  HAVING count(DISTINCT canonical) > 1;"

check "no name has two labels" "
  SELECT name || ': ' || group_concat(DISTINCT label) FROM koai_gazetteer
  GROUP BY name HAVING count(DISTINCT label) > 1;"

# The analyzer folds full-width forms (Ｎｖｉｄｉａ) before matching, so a
# name written with them could never match.
check "no full-width letters, digits or signs in names" "
  SELECT name FROM koai_gazetteer WHERE name GLOB '*[！-～]*';"

# The matcher folds the case of Latin letters, so two spellings that differ
# only in case are one spelling listed twice.
check "no two names differ only in the case of Latin letters" "
  SELECT group_concat(name, ' / ') FROM koai_gazetteer
  GROUP BY lower(name) HAVING count(DISTINCT name) > 1;"

check "each canonical name belongs to one label" "
  SELECT canonical || ': ' || group_concat(DISTINCT label) FROM koai_gazetteer
  GROUP BY canonical HAVING count(DISTINCT label) > 1;"

check "canonical names are Latin script, without a (disambiguator)" "
  SELECT DISTINCT canonical FROM koai_gazetteer
  WHERE canonical GLOB '*[가-힣ㄱ-ㅣ]*' OR canonical GLOB '*[一-鿿]*'
     OR canonical GLOB '*[()]*';"

# The spec compares canonical names ignoring case, spaces, punctuation and a
# leading \"The\": two different things must not become equal that way.
check "no two canonical names are equal under the spec's comparison" "
  WITH n(canonical, k) AS (
    SELECT DISTINCT canonical,
      replace(replace(replace(replace(replace(replace(replace(replace(
      replace(replace(replace(lower(canonical),
        ' ', ''), '.', ''), ',', ''), '-', ''), '''', ''), '&', ''),
        ':', ''), '+', ''), '·', ''), '(', ''), ')', '')
    FROM koai_gazetteer
  ), m(canonical, k) AS (
    SELECT canonical, CASE WHEN k LIKE 'the%' AND lower(canonical) LIKE 'the %'
                           THEN substr(k, 4) ELSE k END FROM n
  )
  SELECT group_concat(canonical, ' = ') FROM m GROUP BY k HAVING count(*) > 1;"

check "a Latin name that is itself a canonical name stands for that thing" "
  SELECT g.name || ' -> ' || g.canonical || ', but ' || c.canonical || ' exists'
  FROM koai_gazetteer g
  JOIN (SELECT DISTINCT label, canonical FROM koai_gazetteer) c
    ON c.label = g.label AND lower(c.canonical) = lower(g.name)
  WHERE g.canonical <> c.canonical;"

check "a person written in Latin script is written as the canonical name" "
  SELECT canonical || ': ' || group_concat(name, ' / ') FROM koai_gazetteer
  WHERE label = 'PERSON' AND NOT name GLOB '*[가-힣]*'
  GROUP BY canonical
  HAVING sum(replace(replace(lower(name), ' ', ''), '.', '')
             = replace(replace(lower(canonical), ' ', ''), '.', '')) = 0;"

# Korean news writes people and places in Hangul (or as 美, 中), whatever
# else it adds in parentheses; models and chips may be Latin only (H100).
check "every person and place has a Hangul spelling" "
  SELECT label || ' ' || canonical FROM koai_gazetteer
  WHERE label IN ('PERSON', 'GPE') GROUP BY label, canonical
  HAVING sum(name GLOB '*[가-힣]*') = 0;"

# A one-character name is only a country abbreviation standing alone
# (美, 中, 미 행정부); Chinese characters appear only there.
check "one-character names and Chinese characters are country abbreviations" "
  SELECT name || ' ' || label FROM koai_gazetteer
  WHERE (length(name) = 1 OR name GLOB '*[一-鿿]*')
    AND NOT (label = 'GPE' AND length(name) = 1
             AND name IN ('美','中','日','韓','英','佛','獨','露','北','印','台','미','러'));"

check "no bare Korean surname or everyday word is a name" "
  SELECT name FROM koai_gazetteer WHERE name IN (
    '김','이','박','최','정','강','조','윤','장','임','한','오','서','신','권','황',
    '안','송','류','홍','손','쿡','수','창','중','일','영','독','불','북','인',
    '기업','회사','정부','챗봇','모델','서비스','반도체','대표','회장','시장',
    '선전','대전','경기','현대','조국','신세계','이코노미스트','한국경제','아시아경제',
    '라인','달리','나사','주요 7개국','국내','해외','글로벌','당근','중앙은행');"

check "no title, role or generic head noun is part of a name" "
  SELECT name FROM koai_gazetteer
  WHERE name GLOB '* 대표' OR name GLOB '* 회장' OR name GLOB '* 사장'
     OR name GLOB '* 대통령' OR name GLOB '* 총리' OR name GLOB '* 장관'
     OR name GLOB '*기자' OR name GLOB '* 의장' OR name GLOB '* CEO'
     OR name GLOB '* 측' OR name GLOB '* 기업' OR name GLOB '* 정부';"

check "memory and interface standards are not products" "
  SELECT name FROM koai_gazetteer
  WHERE upper(name) IN ('HBM','HBM3','HBM3E','HBM4','D램','DRAM','낸드','NAND',
                        'DDR4','DDR5','LPDDR5','LPDDR5X','GDDR6','GDDR7',
                        '5G','6G','LTE','PCIE','CXL','USB','와이파이','WI-FI');"

check "language names are not entities" "
  SELECT name FROM koai_gazetteer
  WHERE name IN ('한국어','영어','중국어','일본어','독일어','프랑스어');"

# The spec's and the brief's examples resolve as the spec says.
check "the spec's examples resolve to their label and canonical" "
  WITH want(name, label, canonical) AS (VALUES
    ('오픈AI','ORG','OpenAI'), ('오픈에이아이','ORG','OpenAI'), ('OpenAI','ORG','OpenAI'),
    ('네이버','ORG','Naver'), ('NAVER','ORG','Naver'),
    ('연합뉴스','ORG','Yonhap News Agency'), ('서울대','ORG','Seoul National University'),
    ('국제통화기금','ORG','International Monetary Fund'),
    ('IMF','ORG','International Monetary Fund'),
    ('미국 상무부','ORG','United States Department of Commerce'),
    ('유럽의회','ORG','European Parliament'),
    ('유럽연합 집행위원회','ORG','European Commission'),
    ('삼성전자','ORG','Samsung Electronics'),
    ('삼성전자 주식회사','ORG','Samsung Electronics'),
    ('엔비디아','ORG','Nvidia'), ('카카오','ORG','Kakao'),
    ('월스트리트저널','ORG','The Wall Street Journal'),
    ('일론 머스크','PERSON','Elon Musk'), ('샘 올트먼','PERSON','Sam Altman'),
    ('Sam Altman','PERSON','Sam Altman'), ('시진핑','PERSON','Xi Jinping'),
    ('GPT-4','PRODUCT','GPT-4'), ('하이퍼클로바X','PRODUCT','HyperCLOVA X'),
    ('갤럭시 S24','PRODUCT','Samsung Galaxy S24'), ('H100','PRODUCT','H100'),
    ('H200','PRODUCT','H200'), ('카카오톡','PRODUCT','KakaoTalk'),
    ('라마 3','PRODUCT','Llama 3'), ('제미나이 1.5 프로','PRODUCT','Gemini 1.5 Pro'),
    ('바드','PRODUCT','Bard'), ('유튜브','PRODUCT','YouTube'),
    ('안드로이드','PRODUCT','Android'), ('비트코인','PRODUCT','Bitcoin'),
    ('블랙웰','PRODUCT','Blackwell'), ('엑시노스 2500','PRODUCT','Exynos 2500'),
    ('한국','GPE','South Korea'), ('미국','GPE','United States'),
    ('美','GPE','United States'), ('미','GPE','United States'),
    ('中','GPE','China'), ('중국','GPE','China'), ('서울','GPE','Seoul'),
    ('경기도','GPE','Gyeonggi Province'), ('유럽','GPE','Europe'),
    ('EU','GPE','European Union'), ('유럽연합','GPE','European Union'),
    ('실리콘밸리','GPE','Silicon Valley'), ('동남아','GPE','Southeast Asia'))
  SELECT w.name || ': want ' || w.label || ' ' || w.canonical || ', got '
         || coalesce(group_concat(g.label || ' ' || g.canonical), 'nothing')
  FROM want w LEFT JOIN koai_gazetteer g ON g.name = w.name
  GROUP BY w.name, w.label, w.canonical
  HAVING sum(g.label = w.label AND g.canonical = w.canonical) IS NOT 1
      OR count(g.name) <> 1;"

# Rows are kept sorted by label, then canonical, so a reader finds a thing
# and all its spellings in one place.
check "rows are sorted by label, then canonical" "
  SELECT prev || '  before  ' || label || ' ' || canonical FROM (
    SELECT label, canonical,
           lag(label || ' ' || canonical) OVER (ORDER BY rowid) AS prev,
           lag(label) OVER (ORDER BY rowid) AS plabel,
           lag(canonical) OVER (ORDER BY rowid) AS pcanon
    FROM koai_gazetteer)
  WHERE plabel > label OR (plabel = label AND pcanon > canonical);"

check "at least 600 spellings of at least 300 things" "
  SELECT count(*) || ' rows, ' || count(DISTINCT label || canonical) || ' things'
  FROM koai_gazetteer
  HAVING count(*) < 600 OR count(DISTINCT label || canonical) < 300;"

check "every label has at least 100 spellings of 100 things" "
  SELECT label || ': ' || count(*) || ' rows, ' || count(DISTINCT canonical) || ' things'
  FROM koai_gazetteer GROUP BY label
  HAVING count(*) < 100 OR count(DISTINCT canonical) < 100;"

echo
echo "label     rows  things"
sqlite3 -separator ' ' "$db" "
  SELECT printf('%-8s %5d %7d', label, count(*), count(DISTINCT canonical))
  FROM koai_gazetteer GROUP BY label
  UNION ALL
  SELECT printf('%-8s %5d %7d', 'total', count(*), count(DISTINCT label || canonical))
  FROM koai_gazetteer;"
echo
echo "gazetteer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
