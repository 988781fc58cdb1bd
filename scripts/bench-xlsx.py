#!/usr/bin/env python3
"""Workbook benchmarks, side by side in one run (issue 19's targets):

- export ACTIVITIES activities to .xlsx against openpyxl in write-only mode writing the same
  rows (read from our CSV export as it goes), and against our own CSV export; our peak memory;
- import IMPORTED activities from .xlsx (into a copy of the register, --update: every row read,
  checked and matched) against openpyxl in read-only mode only reading the same sheet.

usage: bench-xlsx.py PATH-TO-registry DATABASE [ACTIVITIES] [IMPORTED] [REPEATS]
The database is built with `registry demo --activities ACTIVITIES` when it does not exist.
Run with the system python3, where .ci/run installs openpyxl.
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

OPENPYXL_WRITE = r"""
import csv, sys, openpyxl
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("activity")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        ws.append(row)
wb.save(sys.argv[2])
"""

OPENPYXL_READ = r"""
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += 1
print(n)
"""


def timed(command, repeats):
    """Median wall time of `command` and the peak resident memory (MiB) of its last run."""
    times, peak = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"bench-xlsx: {' '.join(command)} failed: {result.stderr[-500:]}")
        peak = int(result.stderr.strip().splitlines()[-1]) // 1024
    return statistics.median(times), peak


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    activities = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    imported = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    python = "/usr/bin/python3"
    if not os.path.exists(database):
        subprocess.run([registry, "demo", "--db", database, "--activities", str(activities), "--quiet"], check=True)
    with tempfile.TemporaryDirectory() as folder:
        xlsx, csv_file, theirs = (os.path.join(folder, name) for name in ("ours.xlsx", "ours.csv", "theirs.xlsx"))
        ours, ours_peak = timed([registry, "export", "activity", "--format", "xlsx", "--output", xlsx, "--db", database], repeats)
        ours_csv, _ = timed([registry, "export", "activity", "--output", csv_file, "--db", database], repeats)
        openpyxl, _ = timed([python, "-c", OPENPYXL_WRITE, csv_file, theirs], repeats)
        rows = sum(1 for _ in open(csv_file, encoding="utf-8")) - 1
        print(f"export {rows:,} activities to xlsx: registry {ours:.2f} s (peak {ours_peak} MiB), "
              f"openpyxl write-only {openpyxl:.2f} s: {openpyxl / ours:.1f}x faster (target >= 10x); "
              f"our CSV {ours_csv:.2f} s: xlsx/csv {ours / ours_csv:.2f}x (target <= 3x)")

        # A workbook of the first IMPORTED activities, written by us, imported with --update into a copy.
        part_csv, part = os.path.join(folder, "part.csv"), os.path.join(folder, "part.xlsx")
        with open(csv_file, newline="", encoding="utf-8") as source, open(part_csv, "w", newline="", encoding="utf-8") as target:
            writer = csv.writer(target)
            for number, row in enumerate(csv.reader(source)):
                if number > imported:
                    break
                writer.writerow(row)
        subprocess.run([python, "-c", OPENPYXL_WRITE, part_csv, part], check=True)
        copy = os.path.join(folder, "copy.sqlite")
        shutil.copy(database, copy)
        ours_import, import_peak = timed([registry, "import", "activity", part, "--update", "--db", copy, "--quiet"], repeats)
        reading, _ = timed([python, "-c", OPENPYXL_READ, part], repeats)
        print(f"import {imported:,} activities from xlsx: registry {ours_import:.2f} s (peak {import_peak} MiB), "
              f"openpyxl read-only reading only {reading:.2f} s: {reading / ours_import:.1f}x faster (target >= 5x)")


if __name__ == "__main__":
    main()
