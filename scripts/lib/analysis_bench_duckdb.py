"""DuckDB reading Osaava's SQLite file: the benchmark's reference (offline, as DESIGN.md says).

usage: analysis_bench_duckdb.py EXTENSION DB K OUT.csv
Prints the query's own time in seconds on stderr.
"""
import sys
import time

import duckdb

extension, database, k, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
con = duckdb.connect(config={"allow_unsigned_extensions": "true", "threads": 2})
con.execute(f"LOAD '{extension}'")
con.execute(f"ATTACH '{database}' AS osaava (TYPE sqlite, READ_ONLY)")
start = time.perf_counter()
rows = con.execute(
    f"""
    SELECT region, skill, horizon, sum(people) AS people, count(DISTINCT organisation_id) AS respondents,
           CASE WHEN count(DISTINCT organisation_id) < {k} THEN 1 ELSE 0 END AS suppressed
    FROM osaava.need WHERE is_current GROUP BY region, skill, horizon ORDER BY region, skill, horizon
    """
).fetchall()
elapsed = time.perf_counter() - start
with open(out, "w", encoding="utf-8") as f:
    for row in rows:
        f.write("|".join(str(v) for v in row) + "\n")
print(f"{elapsed:.3f}", file=sys.stderr)
