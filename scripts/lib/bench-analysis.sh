# `scripts/bench analysis [--rows 100k|1M|10M]`: Osaava's analysis against the sqlite3 CLI and
# DuckDB on the same SQLite file. Sourced by scripts/bench; results in docs/benchmarks.md.

# "wall_s cpu_s peak_rss_kb" of one run of a command, its output to $1.
analysis_measure() {
  local out="$1"; shift
  python3 scripts/lib/analysis_bench_time.py 1 "$out" -- "$@" 2>>"$ANALYSIS_WORK/stderr.log" \
    || { tail -5 "$ANALYSIS_WORK/stderr.log" >&2; return 1; }
}

# The same, median of several runs (the page cache warm after the first); $ANALYSIS_RUNS (default 5).
analysis_median() {
  local out="$1"; shift
  python3 scripts/lib/analysis_bench_time.py "${ANALYSIS_RUNS:-5}" "$out" -- "$@" 2>>"$ANALYSIS_WORK/stderr.log" \
    || { tail -5 "$ANALYSIS_WORK/stderr.log" >&2; return 1; }
}

# Process time as the kernel counts it from the exec: perf stat's task-clock, in milliseconds, the
# median of five rounds of 20 runs. Empty when perf does not work here (it is not installed by the
# bench: Debian's perf must match the running kernel).
analysis_task_clock() {
  perf stat -x, -e task-clock true >/dev/null 2>&1 || return 0
  for _ in 1 2 3 4 5; do
    perf stat -x, -e task-clock -r 20 "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { print $1 }'
  done | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] }'
}

bench_analysis() {
  local rows="100k" reuse=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --rows) rows="${2:-}"; shift 2 ;;
      # Time the queries on the database of an earlier run (the import is not repeated).
      --reuse) reuse=1; shift ;;
      *) echo "usage: scripts/bench analysis [--rows 100k|1M|10M] [--reuse]" >&2; exit 64 ;;
    esac
  done
  local count
  case "$rows" in
    100k) count=100000 ;; 1M) count=1000000 ;; 10M) count=10000000 ;;
    *) echo "--rows must be 100k, 1M or 10M (got \"$rows\")" >&2; exit 64 ;;
  esac
  ensure_build_dependencies
  ensure_debian_packages sqlite3 python3-venv
  local root; root="$(pwd)"
  # Kept between runs (--reuse): 10M needs take ~1 GB of CSV and ~4 GB of databases.
  ANALYSIS_WORK="${OSAAVA_BENCH_DIR:-$root/.bench-analysis}/$rows"
  mkdir -p "$ANALYSIS_WORK"
  : >"$ANALYSIS_WORK/stderr.log"
  local k=3

  local osaava="${OSAAVA_BENCH_BINARY:-}"
  if [ -z "$osaava" ]; then
    echo "Building osaava (release, -static-stdlib) ..." >&2
    # Position-dependent (-no-pie): the loader then has no 89,000 relative relocations to apply
    # at every start (about 1 ms and 250 page faults of a 4 ms --version).
    swift build -c release --product osaava --scratch-path .build-bench-analysis -Xswiftc -static-stdlib \
      -Xlinker -no-pie >&2
    swift build -c release --product osaava-analysis-bench --scratch-path .build-bench-analysis \
      -Xswiftc -static-stdlib -Xlinker -no-pie >&2
    osaava="$(swift build -c release --scratch-path .build-bench-analysis --show-bin-path)/osaava"
  fi
  local inprocess; inprocess="$(dirname "$osaava")/osaava-analysis-bench"

  # DuckDB offline, as DESIGN.md's pitfalls say: pinned wheels from PyPI, the sqlite extension
  # copied to the name DuckDB looks for, loaded by path with unsigned extensions allowed.
  local venv="${OSAAVA_BENCH_VENV:-$root/.venv-bench}"
  if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
    echo "Setting up DuckDB 1.5.5 in $venv ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q duckdb==1.5.5 duckdb-extension-sqlite==1.5.5
  fi
  local wheel; wheel="$(find "$venv" -name sqlite.duckdb_extension | head -n 1)"
  local extension="$ANALYSIS_WORK/sqlite_scanner.duckdb_extension"
  cp "$wheel" "$extension"

  local csv="$ANALYSIS_WORK/needs.csv" db="$ANALYSIS_WORK/osaava.sqlite"
  if [ ! -s "$csv" ]; then
    echo "Generating $rows need rows (seed 2026) ..." >&2
    python3 scripts/lib/analysis_bench_data.py "$count" "$csv" 2026
  fi
  local import reference
  if [ -n "$reuse" ] && [ -s "$db" ]; then
    # (the import figures of the run that loaded the database)
    import="$(cat "$ANALYSIS_WORK/import.time" 2>/dev/null || true)"
    reference="$(cat "$ANALYSIS_WORK/reference-import.time" 2>/dev/null || true)"
  else
    rm -f "$db" "$db-wal" "$db-shm"
    # The import creates the database, which defines the catalogue's rollups at creation: the
    # import maintains them in its transaction, as every later write does.
    echo "Importing through osaava survey import ..." >&2
    import="$(analysis_measure "$ANALYSIS_WORK/import.txt" \
      "$osaava" survey import "$csv" --survey battery-competence-2026 --dialect osaava --db "$db" --catalog "$root")"
    echo "$import" >"$ANALYSIS_WORK/import.time"
    # The reference: the sqlite3 CLI's .import of the same CSV into a table of its columns, with
    # an index for each of Osaava's need indexes (need_key's response, and need_current's region
    # and skill), maintained row by row as .import inserts.
    local refdb="$ANALYSIS_WORK/reference-import.sqlite"
    rm -f "$refdb"
    cat >"$ANALYSIS_WORK/reference-import.sql" <<SQL
CREATE TABLE need_import(response_id TEXT NOT NULL, organisation TEXT NOT NULL, region TEXT NOT NULL,
  sector TEXT, size TEXT, skill TEXT NOT NULL, level INTEGER NOT NULL, people INTEGER NOT NULL,
  horizon TEXT NOT NULL, priority INTEGER NOT NULL, format TEXT, survey TEXT NOT NULL, round TEXT NOT NULL);
CREATE INDEX need_import_response ON need_import(response_id);
CREATE INDEX need_import_cell ON need_import(region, skill);
.import --csv --skip 1 $csv need_import
SQL
    echo "Importing the same CSV with the sqlite3 CLI's .import (the reference) ..." >&2
    reference="$(analysis_measure /dev/null sqlite3 "$refdb" ".read $ANALYSIS_WORK/reference-import.sql")"
    echo "$reference" >"$ANALYSIS_WORK/reference-import.time"
    rm -f "$refdb"
  fi
  "$osaava" db status --db "$db" --catalog "$root" >"$ANALYSIS_WORK/status.txt" 2>&1 || true

  local query="SELECT region, skill, horizon, sum(people), count(DISTINCT organisation_id),
    CASE WHEN count(DISTINCT organisation_id) < $k THEN 1 ELSE 0 END
    FROM need WHERE is_current GROUP BY region, skill, horizon ORDER BY region, skill, horizon;"
  echo "Timing (median of ${ANALYSIS_RUNS:-5} runs each; load average $(cut -d' ' -f1-3 /proc/loadavg)) ..." >&2
  local scan rollups steering skills sqlite duck version small
  scan="$(analysis_median "$ANALYSIS_WORK/osaava-scan.csv" "$osaava" analyze needs --by region,skill,horizon \
    --format csv --source scan --db "$db" --catalog "$root")"
  rollups="$(analysis_median "$ANALYSIS_WORK/osaava-rollups.csv" "$osaava" analyze needs --by region,skill,horizon \
    --format csv --source rollups --db "$db" --catalog "$root")"
  steering="$(analysis_median /dev/null "$osaava" analyze needs --by skill-group,region --source rollups \
    --db "$db" --catalog "$root")"
  skills="$(analysis_median /dev/null "$osaava" analyze needs --by skill --source rollups --db "$db" --catalog "$root")"
  sqlite="$(analysis_median "$ANALYSIS_WORK/sqlite.txt" sqlite3 -readonly "$db" "$query")"
  duck="$(analysis_median "$ANALYSIS_WORK/duckdb.txt" "$venv/bin/python" scripts/lib/analysis_bench_duckdb.py \
    "$extension" "$db" "$k" "$ANALYSIS_WORK/duckdb.txt")"
  # Millisecond-scale processes: the median of 21 runs (of 5 it moved by ~0.5 ms between runs).
  version="$(ANALYSIS_RUNS=21 analysis_median /dev/null "$osaava" --version)"
  # The whole steering-group report (every table, the regional plans, the service concepts).
  local report
  report="$(analysis_measure /dev/null "$osaava" report --format md --db "$db" --catalog "$root")"
  # The same library calls timed inside one process (no process start, no catalogue parsing).
  "$inprocess" "$db" "$root" "${ANALYSIS_RUNS:-5}" >"$ANALYSIS_WORK/inprocess.txt"
  local tiny="$ANALYSIS_WORK/tiny.sqlite"
  if [ ! -s "$tiny" ]; then
    head -n 301 "$csv" >"$ANALYSIS_WORK/tiny.csv"
    "$osaava" survey import "$ANALYSIS_WORK/tiny.csv" --survey battery-competence-2026 --dialect osaava \
      --db "$tiny" --catalog "$root" >/dev/null
  fi
  small="$(ANALYSIS_RUNS=21 analysis_median /dev/null "$osaava" analyze needs --by skill-group --db "$tiny" \
    --catalog "$root")"
  local clock_version clock_small clock_true
  clock_version="$(analysis_task_clock "$osaava" --version)"
  clock_small="$(analysis_task_clock "$osaava" analyze needs --by skill-group --db "$tiny" --catalog "$root")"
  clock_true="$(analysis_task_clock true)"
  "$venv/bin/python" scripts/lib/analysis_bench_duckdb.py "$extension" "$db" "$k" "$ANALYSIS_WORK/duckdb.txt" \
    2>"$ANALYSIS_WORK/duckdb-query.txt"

  local check status=0
  check="$(python3 scripts/lib/analysis_bench_compare.py "$k" "$ANALYSIS_WORK/sqlite.txt" "$ANALYSIS_WORK/duckdb.txt" \
    "$ANALYSIS_WORK/osaava-scan.csv" "$ANALYSIS_WORK/osaava-rollups.csv")" || status=1

  local machine; machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo
  echo "Analysis benchmark: $rows need rows, $(sqlite3 -readonly "$db" "SELECT count(*) FROM response WHERE is_current") responses, $(sqlite3 -readonly "$db" "SELECT count(*) FROM need WHERE is_current") current needs in the database; $machine"
  echo "$(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /'), DuckDB $("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)'), $(swift --version 2>/dev/null | head -n 1)"
  echo
  printf '| %-58s | %9s | %9s | %8s | %s |\n' "what" "wall s" "cpu s" "RSS MB" "source"
  printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "-----------" "-----------" "----------" "--------"
  row() { printf '| %-58s | %9.4f | %9.4f | %8.1f | %s |\n' "$1" "$(echo "$2" | cut -d' ' -f1)" "$(echo "$2" | cut -d' ' -f2)" "$(echo "$2" | awk '{ print $3 / 1024 }')" "$3"; }
  [ -z "$import" ] || row "import (osaava survey import; packs + rollups maintained)" "$import" "write"
  [ -z "$reference" ] || row "sqlite3 CLI .import of the same CSV (2 indexes)" "$reference" "write"
  row "osaava analyze needs --by region,skill,horizon" "$scan" "full scan"
  row "osaava analyze needs --by region,skill,horizon" "$rollups" "rollups"
  row "report table: --by skill-group,region" "$steering" "rollups"
  row "report table: --by skill" "$skills" "rollups"
  row "sqlite3 CLI, same aggregation (one GROUP BY)" "$sqlite" "full scan"
  row "DuckDB $(cat "$ANALYSIS_WORK/duckdb-query.txt")s in the query; process:" "$duck" "full scan"
  row "osaava report --format md (the whole steering report)" "$report" "scan"
  row "osaava --version" "$version" ""
  row "osaava analyze needs --by skill-group (300 needs)" "$small" "rollups"
  echo
  echo "In-process (osaava-analysis-bench, median, milliseconds):"
  sed 's/^/  /' "$ANALYSIS_WORK/inprocess.txt"
  echo
  # Ratios of wall time (the targets), and of CPU time (steadier on a shared machine).
  ratio() { awk -v a="$(echo "$1" | cut -d' ' -f"$3")" -v b="$(echo "$2" | cut -d' ' -f"$3")" 'BEGIN { printf "%.3f", a / b }'; }
  echo "Osaava full scan / DuckDB: $(ratio "$scan" "$duck" 1) wall, $(ratio "$scan" "$duck" 2) CPU (target ≤ 0.65);" \
    "/ sqlite3: $(ratio "$scan" "$sqlite" 1) wall, $(ratio "$scan" "$sqlite" 2) CPU (target ≤ 0.4)"
  echo "Osaava rollups / DuckDB: $(ratio "$rollups" "$duck" 1) wall; / sqlite3: $(ratio "$rollups" "$sqlite" 1) wall"
  if [ -n "$import" ] && [ -n "$reference" ]; then
    echo "Import speed, sqlite3 .import time / Osaava import time: $(ratio "$reference" "$import" 1) wall," \
      "$(ratio "$reference" "$import" 2) CPU (target ≥ 2)"
  fi
  if [ -n "$clock_small" ]; then
    # The wait4 CPU in the table also counts the kernel's exec and exit of the 100 MB binary.
    echo "Process time (perf stat task-clock, median of 5 × 20 runs): osaava --version $clock_version ms," \
      "small analyze $clock_small ms (target ≤ 5); for scale, an empty C program (true) $clock_true ms"
  else
    echo "Process time: perf is not available here; the CPU column above (wait4) also counts exec and exit."
  fi
  echo "$check"
  return $status
}
