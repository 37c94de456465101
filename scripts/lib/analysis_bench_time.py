"""Runs a command several times; prints the median wall and CPU seconds and the peak RSS.

usage: analysis_bench_time.py RUNS OUT -- COMMAND...

The command's stdout goes to OUT (its stderr to this script's). CPU time is user + system from
wait4's resource usage (microseconds, unlike GNU time's hundredths); RSS is the largest of the runs.
"""
import os
import statistics
import subprocess
import sys
import time

runs, out = int(sys.argv[1]), sys.argv[2]
command = sys.argv[sys.argv.index("--") + 1:]
walls, cpus, peak = [], [], 0
for _ in range(runs):
    with open(out, "wb") as f:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=f)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}", file=sys.stderr)
        sys.exit(1)
    cpus.append(usage.ru_utime + usage.ru_stime)
    peak = max(peak, usage.ru_maxrss)
print(f"{statistics.median(walls):.4f} {statistics.median(cpus):.4f} {peak}")
