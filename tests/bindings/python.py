"""Binding test: Python's sqlite3 module (Debian's python3).

Usage: python3 tests/bindings/python.py EXTENSION CASES [SQLITE_VERSION]

Loads koai into each new connection with Connection.load_extension and
runs the cases of tests/bindings/cases.txt (its header says the format).
With SQLITE_VERSION, also checks that the module runs that SQLite (the
system's).  Prints one line per case and "N passed, N failed" last.
"""
import sqlite3
import sys


def read_cases(path):
    """The cases of the file as (name, statements, param, expected)."""
    cases = []
    case = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("== "):
                case = {"name": line[3:], "sql": [], "param": None,
                        "expected": None}
                cases.append(case)
            elif case["expected"] is not None:
                case["expected"].append(line)
            elif line == "--":
                case["expected"] = []
            elif line.startswith("? "):
                case["param"] = line[2:]
            else:
                case["sql"].append(line)
    return cases


def run_case(extension, case):
    """The query's rows as text lines, or ["! message"] when it fails."""
    db = sqlite3.connect(":memory:")
    try:
        db.enable_load_extension(True)
        db.load_extension(extension)
        db.enable_load_extension(False)
        for sql in case["sql"][:-1]:
            db.execute(sql)
        params = () if case["param"] is None else (case["param"],)
        try:
            rows = db.execute(case["sql"][-1], params).fetchall()
        except sqlite3.Error as e:
            return ["! " + str(e)]
        return [str(row[0]) for row in rows]
    finally:
        db.close()


def main():
    extension, cases_path = sys.argv[1], sys.argv[2]
    passed = failed = 0
    if len(sys.argv) > 3:
        if sqlite3.sqlite_version == sys.argv[3]:
            passed += 1
            print("PASS the module runs the system's SQLite " + sys.argv[3])
        else:
            failed += 1
            print(f"FAIL the module runs SQLite {sqlite3.sqlite_version}, "
                  f"not the system's {sys.argv[3]}")
    for case in read_cases(cases_path):
        expected = case["expected"]
        got = run_case(extension, case)
        if len(expected) == 1 and expected[0].startswith("! "):
            ok = len(got) == 1 and got[0].startswith("! ") and \
                expected[0][2:] in got[0]
        else:
            ok = got == expected
        if ok:
            passed += 1
            print("PASS " + case["name"])
        else:
            failed += 1
            print("FAIL " + case["name"])
            print("  expected: " + "\n            ".join(expected))
            print("  got:      " + "\n            ".join(got))
    print(f"python: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
