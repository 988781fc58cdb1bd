#!/usr/bin/env python3
"""Backup benchmark: `registry backup create` (copy, then checks: SHA-256, integrity_check,
foreign keys, row counts) against the sqlite3 shell's `.backup` of the same file (the floor: a
copy with no checks), side by side in one run, best of N each, with `backup verify` alone too.

Usage: scripts/bench-backup.py PATH-TO-registry DATABASE [RUNS]
DATABASE should be large, e.g. `registry demo --db big.sqlite --activities 3700000` (about 1 GB).
Both read the database through the page cache; a first untimed `.backup` warms it.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def timed(command):
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {result.stderr}")
    return elapsed, result


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    size = os.path.getsize(database)
    with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(database))) as folder:
        copy = os.path.join(folder, "shell.sqlite")
        subprocess.run(["sqlite3", database, f".backup '{copy}'"], check=True)
        shell, ours, copies, checks, verifies = [], [], [], [], []
        for run in range(runs):
            os.remove(copy)
            shell.append(timed(["sqlite3", database, f".backup '{copy}'"])[0])
            backups = os.path.join(folder, f"backups-{run}")
            elapsed, result = timed([registry, "backup", "create", "--db", database, "--dir", backups])
            ours.append(elapsed)
            parts = re.search(r"copied in ([\d.]+) s, checked in ([\d.]+) s", result.stderr)
            copies.append(float(parts.group(1)))
            checks.append(float(parts.group(2)))
            verifies.append(timed([registry, "backup", "verify", "--db", database, "--dir", backups])[0])
            shutil.rmtree(backups)
    print(f"backup: {database}, {size / 1e9:.2f} GB, best of {runs}")
    print(f"  sqlite3 .backup (copy only)     {min(shell):7.2f} s")
    print(f"  registry backup create          {min(ours):7.2f} s  (copy {min(copies):.2f} s + checks {min(checks):.2f} s)")
    print(f"  registry backup verify (alone)  {min(verifies):7.2f} s")
    print(f"  ratio create / .backup          {min(ours) / min(shell):7.2f}x")


if __name__ == "__main__":
    main()
