#!/usr/bin/env python3
"""Start-up benchmark: `registry city list --format csv` against the sqlite3 shell running the
same query on the same demo database, side by side in one run, interleaved, printing the ratio.

Usage: scripts/bench-startup.py PATH-TO-registry [RUNS]
Target (issue 2): at most 2x the sqlite3 shell's wall time.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

TOPICS = ("(SELECT group_concat(code, ',') FROM (SELECT topic.code FROM city_topic "
          "JOIN topic ON topic.id = city_topic.topic_id WHERE city_topic.city_id = city.id ORDER BY topic.id))")
QUERY = ("SELECT id, name, voivodeship, status, population, "
         "printf('%d.%02d', partner_budget_cents / 100, partner_budget_cents % 100) AS partner_budget, "
         f"project_code, {TOPICS} AS topics FROM city ORDER BY name_key")


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    registry = os.path.realpath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "bench.sqlite")
        subprocess.run([registry, "demo", "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        ours_cmd = [registry, "city", "list", "--format", "csv", "--db", db]
        shell_cmd = ["sqlite3", "-csv", "-header", db, QUERY]
        ours_rows = subprocess.run(ours_cmd, capture_output=True, check=True).stdout.count(b"\n")
        shell_rows = subprocess.run(shell_cmd, capture_output=True, check=True).stdout.count(b"\n")
        assert ours_rows == shell_rows, f"row counts differ: {ours_rows} vs {shell_rows}"
        for _ in range(10):  # warm the page cache
            timed(ours_cmd)
            timed(shell_cmd)
        ours, shell = [], []
        for _ in range(runs):
            ours.append(timed(ours_cmd))
            shell.append(timed(shell_cmd))
    ours_median, shell_median = statistics.median(ours), statistics.median(shell)
    print(f"start-up: registry city list --format csv vs sqlite3 -csv (same query, {ours_rows - 1} rows, {runs} runs each)")
    print(f"  registry  median {ours_median * 1000:6.2f} ms  mean {statistics.mean(ours) * 1000:6.2f} ms")
    print(f"  sqlite3   median {shell_median * 1000:6.2f} ms  mean {statistics.mean(shell) * 1000:6.2f} ms")
    print(f"  ratio (median) {ours_median / shell_median:.2f}x  (target: at most 2x)")


if __name__ == "__main__":
    main()
