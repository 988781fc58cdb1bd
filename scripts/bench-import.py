#!/usr/bin/env python3
"""Import benchmark: `registry import activity` of a CSV file against the sqlite3 shell's
`.import` of the same file into a table of the same columns (the floor) and against
`sqlite-utils insert --csv` (what a user would otherwise pick), side by side in one run, with
wall time and peak memory; ours also at a tenth of the rows, to show that memory stays flat.

A second shell reference does what the import does in SQL: `.import` into a staging table,
then INSERT ... SELECT into the register's own activity table (names resolved to the
partnership, euros to cents), so it pays for the same indexes, CHECKs, foreign keys and
audit triggers; it shows how much of the import's time SQLite itself needs.

Usage: scripts/bench-import.py PATH-TO-registry [ROWS]   (default 1,000,000)

The file is `registry export activity` of a demo register with ROWS activities; each import
goes into a copy of the same register without activities (`registry demo --activities 0`).
sqlite-utils is skipped with a note when it is not installed (`pip install sqlite-utils`).
"""
import os
import shutil
import subprocess
import sys
import tempfile

COLUMNS = ("id INTEGER PRIMARY KEY, city TEXT, partner TEXT, kind TEXT, title TEXT, direction TEXT, start_date TEXT, "
           "end_date TEXT, location TEXT, participants INTEGER, planned_cost TEXT, status TEXT, topic TEXT, notes TEXT")


# The import's work in SQL, for the second shell reference.
INSERT = """PRAGMA foreign_keys = ON;
INSERT INTO audit_session (id, actor, bulk) VALUES (1, 'bench', 1);
INSERT INTO activity (id, partnership_id, kind, title, direction, start_date, end_date, location, participants,
    planned_cost_cents, status, topic_id, notes)
SELECT s.id, p.id, s.kind, s.title, nullif(s.direction, ''), nullif(s.start_date, ''), nullif(s.end_date, ''),
    nullif(s.location, ''), CAST(nullif(s.participants, '') AS INTEGER),
    CAST(round(CAST(nullif(s.planned_cost, '') AS REAL) * 100) AS INTEGER), s.status, t.id, nullif(s.notes, '')
FROM staging s JOIN city c ON c.name = s.city JOIN partner pa ON pa.name = s.partner
JOIN partnership p ON p.city_id = c.id AND p.partner_id = pa.id LEFT JOIN topic t ON t.code = s.topic;
INSERT INTO search_catch_up (kind, first_id, last_id) SELECT 'activity', min(id), max(id) FROM staging;
DELETE FROM audit_session; DROP TABLE staging;"""


def measure(command, stdin=None):
    """Wall seconds and peak resident memory (MiB) of one run."""
    timed = ["/usr/bin/time", "-f", "%e %M"] + command
    result = subprocess.run(timed, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def count(database, table="activity"):
    return int(subprocess.run(["sqlite3", database, f"SELECT count(*) FROM {table}"], capture_output=True, text=True).stdout)


def main():
    registry = os.path.realpath(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    env = dict(os.environ, USER="bench")
    with tempfile.TemporaryDirectory() as folder:
        path = lambda name: os.path.join(folder, name)
        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        subprocess.run([registry, "demo", "--db", path("source.sqlite"), "--activities", str(rows)], **quiet)
        subprocess.run([registry, "demo", "--db", path("empty.sqlite"), "--activities", "0"], **quiet)
        subprocess.run([registry, "export", "activity", "--db", path("source.sqlite"), "--output", path("all.csv")], **quiet)
        with open(path("all.csv"), "rb") as full, open(path("tenth.csv"), "wb") as tenth:
            for number, line in enumerate(full):
                if number > rows // 10:
                    break
                tenth.write(line)
        size = os.path.getsize(path("all.csv")) / 2**20

        results = []
        for name, csv in (("tenth", "tenth.csv"), ("all", "all.csv")):
            shutil.copy(path("empty.sqlite"), path(f"ours-{name}.sqlite"))
            ours = measure([registry, "import", "activity", path(csv), "--db", path(f"ours-{name}.sqlite"), "--as", "bench"])
            results.append((name, ours, count(path(f"ours-{name}.sqlite"))))

        subprocess.run(["sqlite3", path("floor.sqlite"), f"CREATE TABLE activity ({COLUMNS})"], check=True)
        shell = measure(["sqlite3", path("floor.sqlite"), "-cmd", f".import --csv --skip 1 {path('all.csv')} activity"])
        shell_rows = count(path("floor.sqlite"))

        shutil.copy(path("empty.sqlite"), path("shell-register.sqlite"))
        staged = measure(["sqlite3", path("shell-register.sqlite"), "-cmd", f".import --csv {path('all.csv')} staging", INSERT])
        staged_rows = count(path("shell-register.sqlite"))

        utils = shutil.which("sqlite-utils")
        if utils:
            subprocess.run(["sqlite3", path("utils.sqlite"), f"CREATE TABLE activity ({COLUMNS})"], check=True)
            utils_result = measure([utils, "insert", path("utils.sqlite"), "activity", path("all.csv"), "--csv"])
            utils_rows = count(path("utils.sqlite"))

    (_, small, small_rows), (_, ours, ours_rows) = results
    print(f"import: {rows} activities from CSV ({size:.0f} MiB)")
    print(f"  registry import      {ours[0]:7.2f} s  peak {ours[1]:6.1f} MiB  ({ours_rows} rows)")
    print(f"  sqlite3 .import      {shell[0]:7.2f} s  peak {shell[1]:6.1f} MiB  ({shell_rows} rows)")
    print(f"  sqlite3 into register {staged[0]:6.2f} s  peak {staged[1]:6.1f} MiB  ({staged_rows} rows; .import + INSERT ... SELECT)")
    if utils:
        print(f"  sqlite-utils insert  {utils_result[0]:7.2f} s  peak {utils_result[1]:6.1f} MiB  ({utils_rows} rows)")
    else:
        print("  sqlite-utils insert  not installed (pip install sqlite-utils)")
    print(f"  ratio to sqlite3 .import: {ours[0] / shell[0]:.2f}x (target at most 2x)")
    print(f"  ratio to sqlite3 into the register's table: {ours[0] / staged[0]:.2f}x")
    if utils:
        print(f"  speed-up over sqlite-utils: {utils_result[0] / ours[0]:.1f}x (target at least 5x)")
    growth = (ours[1] / small[1] - 1) * 100
    print(f"  memory: {small[1]:.1f} MiB at {small_rows} rows, {ours[1]:.1f} MiB at {ours_rows} rows "
          f"(+{growth:.0f}%; targets under 100 MiB and at most +20%)")


if __name__ == "__main__":
    main()
