"""Checks that Osaava, the sqlite3 CLI and DuckDB computed the same cells.

usage: analysis_bench_compare.py K SQLITE.txt DUCKDB.txt OSAAVA-SCAN.csv OSAAVA-ROLLUPS.csv

sqlite3 and DuckDB print region|skill|horizon|people|respondents|suppressed (primary suppression
only) and must agree exactly. Osaava's CSV has margins and complementary suppression too: each
of its inner cells must equal the SQL cell, be hidden where SQL hides it, and a cell Osaava hides
that SQL publishes must have at least K organisations (complementary). Its two sources (full scan
and maintained rollups) must give the same bytes.
"""
import csv
import sys

k = int(sys.argv[1])


def sql(path):
    cells = {}
    for line in open(path, encoding="utf-8"):
        region, skill, horizon, people, respondents, suppressed = line.rstrip("\n").split("|")
        cells[(region, skill, horizon)] = (int(people), int(respondents), suppressed == "1")
    return cells


def osaava(path):
    cells = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["region"], row["skill"], row["horizon"])
            if "*" in key:
                continue
            cells[key] = None if row["people"] == "" else (int(row["people"]), int(row["respondents"]))
    return cells


def body(path):
    return [line for line in open(path, encoding="utf-8") if not line.startswith("figures from")]


lite, duck = sql(sys.argv[2]), sql(sys.argv[3])
scan, rollups = osaava(sys.argv[4]), osaava(sys.argv[5])
problems = []
if lite != duck:
    problems.append(f"sqlite3 and DuckDB differ in {len(set(lite.items()) ^ set(duck.items()))} cells")
if body(sys.argv[4]) != body(sys.argv[5]):
    problems.append("Osaava's full scan and rollups differ")
complementary = 0
for key, (people, respondents, suppressed) in lite.items():
    mine = scan.get(key, "missing")
    if mine == "missing":
        problems.append(f"{key} missing in Osaava")
    elif suppressed:
        if mine is not None:
            problems.append(f"{key} has {respondents} organisations but Osaava publishes it")
    elif mine is None:
        complementary += 1
        if respondents < k:
            problems.append(f"{key} hidden with {respondents} organisations")
    elif mine != (people, respondents):
        problems.append(f"{key}: SQL {people} people/{respondents} organisations, Osaava {mine}")
for key, mine in scan.items():
    if key not in lite and mine not in (None, (0, 0)):
        problems.append(f"{key}: Osaava {mine}, absent in SQL")
for problem in problems[:20]:
    print("MISMATCH " + problem)
published = sum(1 for value in lite.values() if not value[2])
print(
    f"results: {len(lite)} cells; sqlite3 = DuckDB: {'yes' if lite == duck else 'NO'}; "
    f"Osaava = SQL on every cell: {'yes' if not problems else 'NO'} "
    f"({published - complementary} published, {len(lite) - published} primary-suppressed, "
    f"{complementary} complementary-suppressed by Osaava only); scan = rollups: "
    f"{'yes' if body(sys.argv[4]) == body(sys.argv[5]) else 'NO'}")
sys.exit(1 if problems else 0)
