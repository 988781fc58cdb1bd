#!/usr/bin/env python3
"""Export benchmark: `registry export activity` against the sqlite3 shell writing the same
query with `.mode csv`, side by side in one run, with wall time and peak memory, at two sizes
to show that memory stays flat.

Usage: scripts/bench-export.py PATH-TO-registry DATABASE [ROWS-LIMIT-FOR-SMALL]
DATABASE should hold many activities, e.g. `registry demo --db big.sqlite --activities 1000000`.
"""
import os
import subprocess
import sys
import tempfile

QUERY = """SELECT activity.id, city.name AS city, partner.name AS partner, activity.kind, activity.title, activity.direction,
    activity.start_date, activity.end_date, activity.location, activity.participants,
    printf('%d.%02d', activity.planned_cost_cents / 100, activity.planned_cost_cents % 100) AS planned_cost,
    activity.status, topic.code AS topic, activity.notes
FROM activity JOIN partnership ON partnership.id = activity.partnership_id
JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
LEFT JOIN topic ON topic.id = activity.topic_id ORDER BY activity.id"""


def measure(command, stdout=None):
    """Wall seconds and peak resident memory (MiB) of one run."""
    timed = ["/usr/bin/time", "-f", "%e %M"] + command
    result = subprocess.run(timed, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    rows = int(subprocess.run(["sqlite3", database, "SELECT count(*) FROM activity"], capture_output=True, text=True).stdout)
    with tempfile.TemporaryDirectory() as folder:
        ours_file, shell_file = os.path.join(folder, "ours.csv"), os.path.join(folder, "shell.csv")
        ours = measure([registry, "export", "activity", "--db", database, "--output", ours_file])
        with open(shell_file, "w") as out:
            shell = measure(["sqlite3", "-csv", "-header", database, QUERY], stdout=out)
        ours_lines = sum(1 for _ in open(ours_file, "rb"))
        shell_lines = sum(1 for _ in open(shell_file, "rb"))
    print(f"export: {rows} activities as CSV ({ours_lines} and {shell_lines} lines)")
    print(f"  registry export  {ours[0]:7.2f} s  peak {ours[1]:6.1f} MiB")
    print(f"  sqlite3 .mode csv {shell[0]:6.2f} s  peak {shell[1]:6.1f} MiB")
    print(f"  ratio {ours[0] / shell[0]:.2f}x")


if __name__ == "__main__":
    main()
