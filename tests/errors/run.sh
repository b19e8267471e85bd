#!/bin/sh
# The dictionary error tests: SQL tests run with a dictionary directory
# that does not exist, and with one whose sys.dic is truncated.
#   sh tests/errors/run.sh rel|asan
set -u
variant=${1:-rel}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
export LC_ALL=C.UTF-8
sqltest=build/$variant/bin/sqltest
dic=dist/mecab-ko-dic
rm -rf build/truncated-dic
mkdir -p build/truncated-dic
for f in "$dic"/*; do
  ln -s "$top/$f" "build/truncated-dic/$(basename "$f")"
done
rm build/truncated-dic/sys.dic
head -c 100000 "$dic/sys.dic" >build/truncated-dic/sys.dic
status=0
KOAI_DICDIR=build/no-such-dic "$sqltest" tests/errors/no_dictionary.test >build/errors.log 2>&1 || status=1
KOAI_DICDIR=build/truncated-dic "$sqltest" tests/errors/truncated_dictionary.test >>build/errors.log 2>&1 || status=1
grep -v '^sqltest:' build/errors.log
p=$(sed -n 's/^sqltest: \([0-9]*\) passed.*/\1/p' build/errors.log | awk '{s += $1} END {print s + 0}')
f=$(sed -n 's/^sqltest: [0-9]* passed, \([0-9]*\) failed.*/\1/p' build/errors.log | awk '{s += $1} END {print s + 0}')
rm -rf build/truncated-dic build/errors.log
echo "dictionary errors: $p passed, $f failed"
[ "$status" -eq 0 ]
