#!/usr/bin/env python3
"""Report benchmark: each `registry report NAME --format csv` against the sqlite3 shell running
the same SQL (`SELECT * FROM report_NAME ...` in CSV), side by side in one run, with wall time
and peak memory, on a large demo register (made when missing: `registry demo --activities N`).

Usage: scripts/bench-reports.py PATH-TO-registry DATABASE [ACTIVITIES]   (default 1,000,000)
"""
import os
import subprocess
import sys
import time

# The SQL each report runs (Registry+Reports.swift), for the shell.
REPORTS = {
    "overview": "SELECT * FROM report_overview",
    "budget": "SELECT * FROM report_budget ORDER BY (SELECT name_key FROM city WHERE city.id = city_id)",
    "themes": "SELECT * FROM report_themes",
    "activities": "SELECT * FROM report_activities ORDER BY start_date, activity_id",
    "activities --from 2024-01-01 --to 2024-03-31": "SELECT * FROM report_activities WHERE coalesce(end_date, start_date) >= '2024-01-01' "
    "AND start_date <= '2024-03-31' ORDER BY start_date, activity_id",
    "partners": "SELECT * FROM report_partners ORDER BY (SELECT name_key FROM partner WHERE partner.id = partner_id)",
    "unmatched": "SELECT * FROM report_unmatched ORDER BY (SELECT name_key FROM city WHERE city.id = city_id)",
    # Not a view: the SQL it runs, its values filled in, from `report agenda --sql`.
    "agenda": None,
}


def measure(command):
    """Wall seconds and peak resident memory (MiB) of one run, best of three."""
    best = None
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
        run = (seconds, int(result.stderr.strip().splitlines()[-1]) / 1024)
        best = run if best is None or run[0] < best[0] else best
    return best


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    activities = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    if not os.path.exists(database):
        subprocess.run([registry, "demo", "--db", database, "--activities", str(activities)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([registry, "migrate", "--db", database], check=True, stdout=subprocess.DEVNULL)
    rows = subprocess.run(["sqlite3", database, "SELECT count(*) FROM activity"], capture_output=True, text=True).stdout.strip()
    print(f"reports on {rows} activities (best of 3, CSV to /dev/null)")
    worst = 0
    for name, sql in REPORTS.items():
        if sql is None:
            sql = subprocess.run([registry, "report", *name.split(), "--sql", "--db", database], capture_output=True, text=True, check=True).stdout
        ours = measure([registry, "report", *name.split(), "--format", "csv", "--db", database])
        shell = measure(["sqlite3", "-csv", "-header", database, sql])
        ratio = ours[0] / shell[0] if shell[0] > 0 else float("inf")
        worst = max(worst, ratio)
        print(f"  {name:45} registry {ours[0]:7.3f} s {ours[1]:6.1f} MiB   sqlite3 {shell[0]:7.3f} s {shell[1]:6.1f} MiB   {ratio:4.2f}x")
    print(f"  worst ratio {worst:.2f}x (target at most 1.3x)")


if __name__ == "__main__":
    main()
