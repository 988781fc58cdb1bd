#!/usr/bin/env python3
"""Import fuzzing: random mutations of valid import files, each imported by the real binary.

Usage: scripts/fuzz-import.py PATH-TO-registry [MUTATIONS] [SEED]

Every run must exit 0 (imported) or 65 (refused as invalid data); anything else (a crash, a
signal, exit 1) fails the loop, and the offending file is kept and named. A refused import must
leave the register exactly as it was: row counts and the last audit entry are compared before
and after. MUTATIONS (default 2000) files are made from CSV and JSON seeds of cities, partners,
contacts, partnerships and activities by flipping, inserting, deleting and repeating bytes and
by putting odd values (NUL, quotes, separators, huge and three-decimal amounts, dates written
31.12.2024, decomposed letters, direction overrides) into fields. Two registers are fuzzed at
once, one per core. The same SEED gives the same files.

Workbooks are fuzzed too: the .xlsx seeds of scripts/test-workbooks.py (openpyxl's and one written
by hand) are mutated byte by byte as zip files, and their sheet XML is mutated inside a valid zip,
so the XML reader meets bad markup as well as the zip reader meeting bad containers.
"""
import concurrent.futures
import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
import io

# Valid against the demo register (`registry demo`), which every run starts from.
SEEDS = {
    "city": ("csv", "name,voivodeship,population,partner_budget,notes\n"
             "Opole,opolskie,127000,150000.50,\"a note, with a comma\"\n"
             "Gdańsk,pomorskie,470000,,\n"),
    "partner": ("csv", "name,kind,county,expertise\n"
                "Oslo kommune,municipality,Oslo,water\n"
                "Narvik kommune,municipality,Nordland,\"ports; \"\"fish\"\"\"\n"),
    "contact": ("json", '[{"name": "Ewa Nowak", "city": "Nysa", "email": "ewa@example.pl", "languages": "pl,en"},\n'
                        ' {"name": "Kari Nordmann", "partner": "Bergen kommune", "phone": "+47 22 00 00 00"}]\n'),
    "partnership": ("csv", "city,partner,status,budget,start_date,end_date\n"
                           "Nysa,Bergen kommune,agreed,25000,2024-03-01,2024-12-31\n"),
    "activity": ("json", '{"city": "Cieszyn", "partner": "Bergen kommune", "kind": "workshop", "title": "Air", '
                         '"start_date": "2024-05-01", "planned_cost": 1200.5}\n'),
}

ODD = [b"\x00", b"\xff", b"\xc3", b"\"", b",", b";", b"\n", b"\r", b"\t", b"{", b"}", b"[", b"]", b":", b"\\",
       "\u202e".encode(), "o\u0301".encode(), b"99999999999999999999", b"1500.005", b"-1", b"31.12.2024",
       b"2024-02-30", b"=cmd()", b"a" * 300, b"NULL", b"null", b"1e309", b"0x10"]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1) if data else 0
        choice = rng.random()
        if choice < 0.3 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.6:
            data[at:at] = rng.choice(ODD)
        elif choice < 0.75 and data:
            del data[at:at + rng.randint(1, 20)]
        elif choice < 0.9 and data:
            data[at:at] = data[at:at + rng.randint(1, 40)] * rng.randint(2, 5)
        else:
            del data[at:]
    return bytes(data)


def xlsx_seeds(root):
    """The workbook seeds: (entity, bytes) pairs from scripts/test-workbooks.py."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-workbooks.py")
    seeds = []
    for kind, entity in (("openpyxl-dates", "partnership"), ("by-hand", "city")):
        path = os.path.join(root, f"seed-{kind}.xlsx")
        # The system python3, where .ci/run installs openpyxl.
        subprocess.run(["/usr/bin/python3", script, kind, path], check=True)
        with open(path, "rb") as file:
            seeds.append((entity, file.read()))
    return seeds


def mutate_sheet(data, rng):
    """The workbook with its sheet's XML mutated and the zip rebuilt around it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/"))
    members[sheet] = mutate(members[sheet], rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, member in members.items():
            z.writestr(name, member)
    return out.getvalue()


def state(database):
    """Row counts of the register's tables and the last audit entry: what a refusal must keep."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        tables = ["city", "partner", "contact", "partnership", "activity", "expense", "audit_log", "search_index"]
        counts = tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)
        return counts + db.execute("SELECT max(id) FROM audit_log").fetchone()


def worker(registry, folder, base, jobs):
    database = os.path.join(folder, "registry.sqlite")
    shutil.copy(base, database)
    failures, outcomes = [], {0: 0, 65: 0}
    # After an accepted file the register is put back, so every file meets the same register.
    before = state(database)
    for number, entity, extension, data in jobs:
        path = os.path.join(folder, f"fuzz-{number}.{extension}")
        with open(path, "wb") as file:
            file.write(data)
        result = subprocess.run([registry, "import", entity, path, "--db", database], capture_output=True, timeout=60)
        if result.returncode not in (0, 65):
            kept = os.path.join(os.path.dirname(folder), f"failure-{number}.{extension}")
            shutil.copy(path, kept)
            failures.append(f"#{number} {entity}: exit {result.returncode}: {result.stderr.decode(errors='replace')[:300]} "
                            f"(file kept as {kept})")
            continue
        outcomes[result.returncode] += 1
        if result.returncode == 65 and state(database) != before:
            failures.append(f"#{number} {entity}: refused with 65 but the register changed")
        if result.returncode == 0:
            shutil.copy(base, database)
            for suffix in ("-wal", "-shm"):
                if os.path.exists(database + suffix):
                    os.remove(database + suffix)
        os.remove(path)
    return failures, outcomes


def check_seeds(registry, root, base):
    """Every seed imports as it is, so the mutations start from files the registry accepts."""
    for entity, (extension, text) in sorted(SEEDS.items()):
        database = os.path.join(root, f"seed-{entity}.sqlite")
        shutil.copy(base, database)
        path = os.path.join(root, f"seed-{entity}.{extension}")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        result = subprocess.run([registry, "import", entity, path, "--db", database], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"fuzz-import: the {entity} seed is refused as it is: {result.stderr}")


def main():
    registry = os.path.realpath(sys.argv[1])
    mutations = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261130
    rng = random.Random(seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as root:
        base = os.path.join(root, "base.sqlite")
        subprocess.run([registry, "demo", "--db", base, "--activities", "100"], check=True, capture_output=True)
        check_seeds(registry, root, base)
        jobs = []
        workbooks = xlsx_seeds(root)
        for number in range(mutations):
            if number % 4 == 3:
                entity, data = rng.choice(workbooks)
                mutated = mutate(data, rng) if rng.random() < 0.5 else mutate_sheet(data, rng)
                jobs.append((number, entity, "xlsx", mutated))
                continue
            entity = rng.choice(sorted(SEEDS))
            extension, text = SEEDS[entity]
            jobs.append((number, entity, extension, mutate(text.encode(), rng)))
        workers = max(1, min(2, os.cpu_count() or 1))
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            folders = [os.path.join(root, f"worker-{index}") for index in range(workers)]
            for folder in folders:
                os.mkdir(folder)
            results = list(pool.map(lambda index: worker(registry, folders[index], base, jobs[index::workers]), range(workers)))
        failures = [failure for result in results for failure in result[0]]
        imported = sum(result[1][0] for result in results)
        refused = sum(result[1][65] for result in results)
        elapsed = time.perf_counter() - started
        print(f"fuzz-import: {mutations} mutated files (seed {seed}) in {elapsed:.1f} s: {imported} imported, {refused} refused with 65, "
              f"{len(failures)} failures")
        if failures:
            for failure in failures[:20]:
                print("  " + failure)
            kept = [name for name in os.listdir(root) if name.startswith("failure-")]
            if kept:
                destination = tempfile.mkdtemp(prefix="registry-fuzz-failures-")
                for name in kept:
                    shutil.copy(os.path.join(root, name), destination)
                print(f"  failing files copied to {destination}")
            sys.exit(1)


if __name__ == "__main__":
    main()
