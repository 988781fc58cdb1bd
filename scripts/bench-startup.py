#!/usr/bin/env python3
"""Start-up benchmark: `registry city list --format csv` against the sqlite3 shell running the
same query on the same demo database, side by side in one run, interleaved, printing the ratio.
Then the shell's Tab: completing a partner's name from a register of 20,000 partners, against the
sqlite3 shell listing the same names.

Usage: scripts/bench-startup.py PATH-TO-registry [RUNS]
Targets: at most 2x the sqlite3 shell's wall time (issue 2); a completion well under the 100 ms
a person notices at Tab (issue 9).
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


def compare(title, ours_cmd, shell_cmd, runs, target):
    """Runs both commands interleaved, after checking they print the same number of lines."""
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
    print(f"{title} ({ours_rows} lines, {runs} runs each)")
    print(f"  registry  median {ours_median * 1000:6.2f} ms  mean {statistics.mean(ours) * 1000:6.2f} ms")
    print(f"  sqlite3   median {shell_median * 1000:6.2f} ms  mean {statistics.mean(shell) * 1000:6.2f} ms")
    print(f"  ratio (median) {ours_median / shell_median:.2f}x  ({target})")


def main():
    registry = os.path.realpath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "bench.sqlite")
        subprocess.run([registry, "demo", "--db", db], **quiet)
        compare("start-up: registry city list --format csv vs sqlite3 -csv, the same query",
                [registry, "city", "list", "--format", "csv", "--db", db],
                ["sqlite3", "-csv", "-header", db, QUERY], runs, "target: at most 2x")
        large = os.path.join(folder, "partners.sqlite")
        subprocess.run([registry, "demo", "--db", large, "--partners", "20000", "--activities", "0"], **quiet)
        # What bash runs at Tab after `registry partner show --db FILE D`.
        words = ["registry", "partner", "show", "--db", large, "D"]
        compare("completion: partner names beginning with D, of 20,000 partners, vs sqlite3 listing them",
                [registry, "---completion", "partner", "show", "--", "positional@0", "5", "1"] + words,
                ["sqlite3", large, "SELECT name FROM partner WHERE name LIKE 'D%' ORDER BY name_key"], runs,
                "target: well under 100 ms")


if __name__ == "__main__":
    main()
