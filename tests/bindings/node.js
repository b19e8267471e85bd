// Binding test: Node.js with better-sqlite3, built from its npm package
// against Debian's libsqlite3 (tests/bindings/setup-node.sh).
//
// Usage: node tests/bindings/node.js EXTENSION CASES [SQLITE_VERSION]
//
// Loads koai into each new connection with Database#loadExtension and runs
// the cases of tests/bindings/cases.txt (its header says the format).
// With SQLITE_VERSION, also checks that better-sqlite3 runs that SQLite
// (the system's), not a copy of its own.  Prints one line per case and
// "N passed, N failed" last.
'use strict';

const fs = require('fs');
const Database = require('better-sqlite3');

// The cases of the file as {name, sql, param, expected}.
function readCases(path) {
  const cases = [];
  let c = null;
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('== ')) {
      c = { name: line.slice(3), sql: [], param: null, expected: null };
      cases.push(c);
    } else if (c.expected !== null) {
      c.expected.push(line);
    } else if (line === '--') {
      c.expected = [];
    } else if (line.startsWith('? ')) {
      c.param = line.slice(2);
    } else {
      c.sql.push(line);
    }
  }
  return cases;
}

// The query's rows as text lines, or ["! message"] when it fails.
function runCase(extension, c) {
  const db = new Database(':memory:');
  try {
    db.loadExtension(extension);
    for (const sql of c.sql.slice(0, -1)) db.exec(sql);
    const params = c.param === null ? [] : [c.param];
    try {
      const stmt = db.prepare(c.sql[c.sql.length - 1]);
      if (!stmt.reader) {
        stmt.run(...params);
        return [];
      }
      return stmt.raw().all(...params).map((row) => String(row[0]));
    } catch (e) {
      return ['! ' + e.message];
    }
  } finally {
    db.close();
  }
}

function main() {
  const [extension, casesPath, systemVersion] = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  if (systemVersion !== undefined) {
    const db = new Database(':memory:');
    const version = db.prepare('SELECT sqlite_version()').pluck().get();
    db.close();
    if (version === systemVersion) {
      passed++;
      console.log(`PASS better-sqlite3 runs the system's SQLite ${version}`);
    } else {
      failed++;
      console.log(`FAIL better-sqlite3 runs SQLite ${version}, ` +
                  `not the system's ${systemVersion}`);
    }
  }
  for (const c of readCases(casesPath)) {
    const got = runCase(extension, c);
    const want = c.expected;
    let ok;
    if (want.length === 1 && want[0].startsWith('! ')) {
      ok = got.length === 1 && got[0].startsWith('! ') &&
           got[0].includes(want[0].slice(2));
    } else {
      ok = got.length === want.length && got.every((g, i) => g === want[i]);
    }
    if (ok) {
      passed++;
      console.log('PASS ' + c.name);
    } else {
      failed++;
      console.log('FAIL ' + c.name);
      console.log('  expected: ' + want.join('\n            '));
      console.log('  got:      ' + got.join('\n            '));
    }
  }
  console.log(`node: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
