#!/usr/bin/env python3
"""Reliability suite: kills the real `registry` binary at random moments and checks that nothing
is lost, half written or left behind.

Usage: scripts/reliability.py PATH-TO-registry [--import-rows N] [--cascade-activities N]
           [--activities N] [--kills N] [--seed N] [--only CASE ...] [--keep]

Each kill case first times one uninterrupted run of its command on a copy (T), then runs it
again and again, killing it at fractions of T: spread evenly over (0, 1], at 1.0 and 1.05 (around
the commit) and a few at random. A kill lands mid-run when the command ends by the signal, after
it when the command had already finished; fewer than half mid-run means the timing was off, and
the case fails saying so. One line per case says what was done, how it came out and how long it
took; a failed check ends its case with a FAILED line naming the kill and what was found, the
other cases still run, and the suite exits with 1. Everything happens in a temporary folder,
removed at the end (kept with --keep). --seed repeats the kill moments of an earlier run.

Cases:
  import-kill   SIGKILL during `import activity` of a CSV of --import-rows activities into a
                small demo register. After each kill: the activity count is the old one or old +
                rows, never in between; integrity_check ok and no foreign-key violations; one
                audit 'import' entry for the activities per completed import; search_catch_up
                empty and one search_index row per activity. A completed import is undone (fresh copy) before the
                next kill; an interrupted one leaves the same file to be recovered again.
  cascade-kill  SIGKILL during `city remove ID --cascade` of the town with the most activities in
                a demo register of --cascade-activities, on a fresh copy each time. After: the
                town and its dependents (contacts, partnerships, their activities, expenses and
                topic links) are all there with every count as before, or all gone with each
                table down by exactly its dependents and one audit 'delete' entry per removed row.
  backup-kill   SIGKILL during `backup create` with two older backups in the folder. After: the
                live database is sound and unchanged, the older backups and their manifests are
                byte-identical, no final-named backup lacks its manifest and `backup verify --all`
                passes. Finally a clean `backup create` leaves no hidden work file (`.partial` or
                a journal beside one) from the killed ones.
  restore-kill  SIGKILL during `backup restore --force` over a database changed since the backup
                (one town added), on a fresh copy each time. After: the database is sound and
                either the old one (with the added town) or the backup (without it, the backup's
                counts); every final-named `*-before-restore-*.sqlite` copy is sound and holds the
                added town. Finally a clean restore leaves no hidden work file from the killed ones.
  signals       A few of each, in the first 60% of the command's T: SIGTERM during an import (the
                process ends by the signal, nothing imported), SIGINT during `export activity
                --output F` (neither F nor a `.F.*.part` file left), SIGTERM during `backup
                create` (no hidden work file left, nothing final without its manifest).
  busy          Another connection holds the write lock: for 2 s, `city add` waits and succeeds;
                for 12 s, it gives up after the registry's 10 s busy timeout with exit 1 and
                "busy" on stderr, and adds nothing.

After every kill a registry command opens the database first (so the registry, not the checks,
recovers what the killed process left), then the checks read it with Python's sqlite3.
"""
import argparse
import collections
import contextlib
import csv
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

IMPORT_ROWS = 100_000  # activities in the import file
SMALL_ACTIVITIES = 1_000  # the register that imports go into
CASCADE_ACTIVITIES = 30_000  # the register a town is removed from
ACTIVITIES = 30_000  # the register backed up, restored and exported
KILLS = 12  # per kill case: at least 10
SIGNAL_KILLS = 3  # per command in `signals`
BUSY_TIMEOUT = 10.0  # the registry's busy timeout, in seconds
SHORT_LOCK, LONG_LOCK = 2.0, 12.0  # how long another connection holds the write lock

VOIVODESHIPS = ("mazowieckie", "śląskie", "łódzkie", "pomorskie")
ADDED_TOWN = "Miasto Kontrolne"
# The tables a cascading removal touches, and the others it must leave alone.
TABLES = ("city", "contact", "partner", "partnership", "activity", "expense", "city_topic", "partner_topic",
          "partnership_topic", "audit_log", "search_index")


class Failure(Exception):
    """A failed check; the message says what was expected and what was found."""


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Suite:
    """The registry under test, the work folder, the random kill moments and the durations measured."""

    def __init__(self, registry, folder, options):
        self.registry, self.folder, self.options = registry, folder, options
        self.rng = random.Random(options.seed)
        self.durations = {}
        self.stderr = self.path("stderr.txt")

    def path(self, *names):
        return os.path.join(self.folder, *names)

    def command(self, *arguments):
        return [self.registry, *map(str, arguments)]


# Processes.

def run(suite, *arguments):
    """Runs a registry command to its end; anything but exit code 0 is a failure."""
    command = f"`registry {' '.join(map(str, arguments))}`"
    try:
        result = subprocess.run(suite.command(*arguments), capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        raise Failure(f"{command} did not end within 600 s") from None
    expect(result.returncode == 0, f"{command} exited with {result.returncode}: {tail(result.stderr)}")
    return result


def timed(suite, *arguments):
    """Seconds one uninterrupted run takes, from start to exit."""
    started = time.perf_counter()
    run(suite, *arguments)
    return time.perf_counter() - started


Outcome = collections.namedtuple("Outcome", "killed seconds")


def interrupt(suite, arguments, delay, number=signal.SIGKILL):
    """Starts a registry command and sends it signal `number` after `delay` seconds, unless it has
    ended by then. Returns whether the signal ended it (mid-run) and, when it had finished
    cleanly first, how long it took."""
    # stderr goes to a file: a full pipe would stall the command (`city remove --cascade` names
    # every row it removes) and make it look slower than it is.
    with open(suite.stderr, "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(suite.command(*arguments), stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(number)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise Failure(f"{signal.Signals(number).name} did not end the command within 60 s")
        seconds = time.perf_counter() - started
    with open(suite.stderr, encoding="utf-8", errors="replace") as stderr:
        message = stderr.read()
    expect(process.returncode in (0, -number),
           f"the command ended with {describe_exit(process.returncode)}, neither by {signal.Signals(number).name} "
           f"nor cleanly: {tail(message)}")
    killed = process.returncode == -number
    return Outcome(killed, None if killed else seconds)


def describe_exit(code):
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"


def tail(text, size=400):
    text = text.strip()
    return text if len(text) <= size else "…" + text[-size:]


def kill_fractions(count, rng):
    """Moments to kill at, as fractions of T: spread evenly over (0, 1], then 1.0 and 1.05 for
    the commit and the exit, and two at random; shuffled, so a change in the machine's speed
    during the case does not hit one end of the range only."""
    even = count - 4
    fractions = [i / even for i in range(1, even + 1)] + [1.0, 1.05] + [rng.uniform(0.02, 1.05) for _ in range(2)]
    rng.shuffle(fractions)
    return fractions


def kill_series(suite, what, duration, attempt):
    """Calls attempt(delay) at each kill moment; attempt returns the Outcome of its interrupt.
    A command that finished before its kill has just measured T again, so later kills follow a
    machine that got faster (on one that got slower, more kills land mid-run). A failure is
    named by its kill. Returns the kills mid-run and after the command's end."""
    fractions = kill_fractions(suite.options.kills, suite.rng)
    mid = 0
    for number, fraction in enumerate(fractions, 1):
        delay = fraction * duration
        try:
            outcome = attempt(delay)
        except Failure as failure:
            raise Failure(f"kill {number} of {len(fractions)} (at {delay:.2f} s = {fraction:.2f} T, "
                          f"T = {duration:.2f} s): {failure}") from None
        mid += outcome.killed
        duration = outcome.seconds or duration
    expect(2 * mid >= len(fractions),
           f"only {mid} of {len(fractions)} kills landed while {what} ran (T = {duration:.2f} s): "
           "the timing was off, so the case proves little; run it again on a quieter machine")
    return mid, len(fractions) - mid


# Databases.

def copy_database(source, destination):
    """A fresh copy with its -wal (a missing -wal is fine); whatever was at the destination goes."""
    remove_database(destination)
    shutil.copyfile(source, destination)
    if os.path.exists(source + "-wal"):
        shutil.copyfile(source + "-wal", destination + "-wal")


def remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)


def registry_value(suite, database, sql, **parameters):
    """One value read through `registry sql`: the registry opens the database before the checks do,
    recovering whatever a killed process left."""
    params = [item for name, value in parameters.items() for item in ("--param", f"{name}={value}")]
    result = subprocess.run(suite.command("sql", sql, "--db", database, "--format", "csv", *params),
                            capture_output=True, text=True, timeout=120)
    expect(result.returncode == 0, f"the registry could not read {os.path.basename(database)} afterwards: {tail(result.stderr)}")
    return int(result.stdout.splitlines()[1])


@contextlib.contextmanager
def connect(database, read_only=False):
    uri = f"file:{database}?mode=ro" if read_only else f"file:{database}"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    try:
        yield connection
    finally:
        connection.close()


def value(database, sql, *parameters):
    with connect(database, read_only=True) as db:
        return db.execute(sql, parameters).fetchone()[0]


def check_sound(database, search=True):
    """integrity_check ok, no foreign-key violations, the search index agreeing with its content,
    and no audit session left behind (a stale one would mute or misname later audit entries)."""
    name = os.path.basename(database)
    with connect(database) as db:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        expect(integrity == ["ok"], f"integrity_check of {name}: {'; '.join(integrity[:5])}")
        violations = db.execute("PRAGMA foreign_key_check").fetchall()
        expect(not violations, f"{len(violations)} foreign-key violations in {name}, e.g. {violations[:3]}")
        if search:
            try:
                db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as error:
                raise Failure(f"the search index of {name} fails its integrity check: {error}") from None
        sessions = db.execute("SELECT count(*) FROM audit_session").fetchone()[0]
        expect(sessions == 0, f"{name} has {sessions} audit_session rows left behind")


def table_counts(database, read_only=False):
    with connect(database, read_only) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def audit_deletes(database):
    with connect(database) as db:
        return collections.Counter(dict(db.execute(
            "SELECT table_name, count(*) FROM audit_log WHERE action = 'delete' GROUP BY table_name")))


def differences(found, wanted):
    return ", ".join(f"{table} {found.get(table)} (expected {wanted.get(table)})"
                     for table in sorted(set(found) | set(wanted)) if found.get(table) != wanted.get(table))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Setup.

def write_activities(path, rows):
    """A CSV of `rows` new activities of a partnership of the demo register (activities have no
    natural key: the same file imports again). Activities import four to five times faster per
    row than towns, so the drill fits CI at 100,000 rows."""
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["city", "partner", "kind", "title", "notes"])
        for number in range(1, rows + 1):
            writer.writerow(["Cieszyn", "Bergen kommune", "workshop", f"Warsztat próbny {number}", f"Próba nr {number}"])


def prepare(suite, cases):
    """Builds the demo registers the chosen cases need, side by side (each build uses one core),
    and the import file meanwhile. Returns a summary line."""
    options = suite.options
    wanted = {"small.sqlite": SMALL_ACTIVITIES} if {"import-kill", "signals", "busy"} & cases else {}
    if "cascade-kill" in cases:
        wanted["cascade.sqlite"] = options.cascade_activities
    if {"backup-kill", "restore-kill", "signals"} & cases:
        wanted["activities.sqlite"] = options.activities
    builds = [(name, subprocess.Popen(suite.command("demo", "--db", suite.path(name), "--activities", count),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
              for name, count in wanted.items()]
    if {"import-kill", "signals"} & cases:
        write_activities(suite.path("activities.csv"), options.import_rows)
    for name, build in builds:
        _, error = build.communicate(timeout=600)
        expect(build.returncode == 0, f"`registry demo` for {name} failed: {tail(error)}")
    registers = " / ".join(f"{count:,}" for count in wanted.values())
    made = f"demo registers of {registers} activities"
    return made + (f", an import file of {options.import_rows:,} activities" if {"import-kill", "signals"} & cases else "")


def import_duration(suite, base, csv_path, work):
    """T of the import, measured once on a copy and shared by the cases that kill it."""
    if "import" not in suite.durations:
        copy_database(base, work)
        suite.durations["import"] = timed(suite, "import", "activity", csv_path, "--db", work)
    return suite.durations["import"]


# Cases.

def import_entries(database, rows):
    """Audit 'import' entries for activities: all of them, and those of `rows` rows."""
    with connect(database) as db:
        return db.execute("SELECT count(*), count(*) FILTER (WHERE json_extract(new_values, '$.rows') = ?) FROM audit_log "
                          "WHERE action = 'import' AND table_name = 'activity'", (rows,)).fetchone()


def import_kill(suite):
    base, csv_path, work = suite.path("small.sqlite"), suite.path("activities.csv"), suite.path("import.sqlite")
    rows = suite.options.import_rows
    old = value(base, "SELECT count(*) FROM activity")
    imports_before = import_entries(base, rows)
    duration = import_duration(suite, base, csv_path, work)
    copy_database(base, work)
    committed = 0

    def attempt(delay):
        nonlocal committed
        outcome = interrupt(suite, ["import", "activity", csv_path, "--db", work], delay)
        count = registry_value(suite, work, "SELECT count(*) FROM activity")
        expect(count in (old, old + rows), f"{count} activities: neither the old {old} nor {old + rows}")
        check_sound(work)
        done = (count - old) // rows
        imports = [now - then for now, then in zip(import_entries(work, rows), imports_before)]
        with connect(work) as db:
            pending = db.execute("SELECT count(*) FROM search_catch_up").fetchone()[0]
            indexed = db.execute("SELECT count(*) FROM search_index WHERE rowid % 8 = 5").fetchone()[0]
        expect(imports == [done, done], f"{imports[0]} new audit 'import' entries for activities ({imports[1]} of {rows} rows), "
                                        f"{done} imports committed")
        expect(pending == 0, f"search_catch_up holds {pending} rows")
        expect(indexed == count, f"search_index has {indexed} activity rows for {count} activities")
        if done:
            committed += 1
            copy_database(base, work)  # the next kill meets the same register
        return outcome

    mid, after = kill_series(suite, "the import", duration, attempt)
    return (f"{mid + after} SIGKILLs over T = {duration:.1f} s ({mid} mid-import, {after} after exit; "
            f"{committed} imports committed): "
            f"activities always {old} or {old}+{rows}, audit entries and search index consistent, integrity ok")


def dependents(database, town):
    """How many rows of each table a cascading removal of `town` takes with it."""
    partnerships = "SELECT id FROM partnership WHERE city_id = :town"
    activities = f"SELECT id FROM activity WHERE partnership_id IN ({partnerships})"
    queries = {
        "city": "SELECT count(*) FROM city WHERE id = :town",
        "contact": "SELECT count(*) FROM contact WHERE city_id = :town",
        "partnership": "SELECT count(*) FROM partnership WHERE city_id = :town",
        "activity": f"SELECT count(*) FROM activity WHERE partnership_id IN ({partnerships})",
        "expense": f"SELECT count(*) FROM expense WHERE activity_id IN ({activities})",
        "city_topic": "SELECT count(*) FROM city_topic WHERE city_id = :town",
        "partnership_topic": f"SELECT count(*) FROM partnership_topic WHERE partnership_id IN ({partnerships})",
    }
    with connect(database, read_only=True) as db:
        return collections.Counter({table: db.execute(sql, {"town": town}).fetchone()[0] for table, sql in queries.items()})


def cascade_kill(suite):
    base, work = suite.path("cascade.sqlite"), suite.path("cascade-work.sqlite")
    town = value(base, "SELECT partnership.city_id FROM activity JOIN partnership ON partnership.id = activity.partnership_id "
                       "GROUP BY partnership.city_id ORDER BY count(*) DESC LIMIT 1")
    before, removed, deletes_before = table_counts(base), dependents(base, town), audit_deletes(base)
    rows = sum(removed.values())
    after_removal = {table: count - removed[table] for table, count in before.items()}
    after_removal["audit_log"] = before["audit_log"] + rows
    # The index has one row per town, contact, partnership and activity.
    indexed = ("city", "contact", "partnership", "activity")
    after_removal["search_index"] = before["search_index"] - sum(removed[table] for table in indexed)
    copy_database(base, work)
    duration = timed(suite, "city", "remove", town, "--cascade", "--db", work)
    kept = collections.Counter()

    def attempt(delay):
        copy_database(base, work)
        outcome = interrupt(suite, ["city", "remove", town, "--cascade", "--db", work], delay)
        present = registry_value(suite, work, "SELECT count(*) FROM city WHERE id = :town", town=town)
        check_sound(work)
        counts, deletes = table_counts(work), audit_deletes(work) - deletes_before
        if present:
            expect(counts == before, f"the town is there but counts changed: {differences(counts, before)}")
            expect(not deletes, f"the town is there but audit 'delete' entries were added: {dict(deletes)}")
        else:
            expect(counts == after_removal, f"the town is gone but counts are off: {differences(counts, after_removal)}")
            expect(deletes == +removed, f"audit 'delete' entries {dict(deletes)} do not match the removed rows {dict(+removed)}")
        kept["kept" if present else "removed"] += 1
        return outcome

    mid, after = kill_series(suite, "the removal", duration, attempt)
    return (f"{mid + after} SIGKILLs over T = {duration:.1f} s ({mid} mid-removal, {after} after exit) removing town {town} with "
            f"{rows - 1:,} dependent rows: {kept['kept']} times all kept, {kept['removed']} times all removed with "
            f"matching counts and {rows:,} audit deletes, integrity ok")


def backup_files(folder):
    """Final-named backups and manifests, and hidden work files (a `.partial` and any SQLite
    journal beside it; the folder's lock file stays), in a backup folder."""
    names = os.listdir(folder) if os.path.isdir(folder) else []
    finals = {name for name in names if name.startswith("registry-") and name.endswith((".sqlite", ".json"))}
    partials = {name for name in names if name.startswith(".registry-") and name != ".registry-backup.lock"}
    return finals, partials


def check_backup_folder(suite, database, folder):
    """Every final-named backup has its manifest, and `backup verify --all` passes. Returns the
    manifests without a backup (left when a kill fell between placing the two)."""
    finals, _ = backup_files(folder)
    bare = sorted(name for name in finals if name.endswith(".sqlite") and name[:-len(".sqlite")] + ".json" not in finals)
    expect(not bare, f"final-named backups without a manifest: {bare}")
    if any(name.endswith(".sqlite") for name in finals):
        run(suite, "backup", "verify", "--all", "--db", database, "--dir", folder)
    return sorted(name for name in finals if name.endswith(".json") and name[:-len(".json")] + ".sqlite" not in finals)


def backup_duration(suite, database):
    """T of `backup create`, into an empty folder: beside a backup of the same second it would
    first wait for the next second, which the kills mostly do not."""
    scratch = tempfile.mkdtemp(dir=suite.folder)
    duration = timed(suite, "backup", "create", "--db", database, "--dir", scratch)
    shutil.rmtree(scratch)
    return duration


def backup_register(suite, name):
    """A folder of its own with a copy of the activities register; its backups go to backups/."""
    folder = suite.path(name)
    os.mkdir(folder)
    work = os.path.join(folder, "registry.sqlite")
    copy_database(suite.path("activities.sqlite"), work)
    return folder, work, os.path.join(folder, "backups")


def backup_kill(suite):
    folder, work, backups = backup_register(suite, "backup-kill")
    run(suite, "backup", "create", "--db", work)
    run(suite, "backup", "create", "--db", work)
    duration = backup_duration(suite, work)
    older = {name: sha256(os.path.join(backups, name)) for name in backup_files(backups)[0]}
    counts = table_counts(work)
    tally = collections.Counter()

    def attempt(delay):
        outcome = interrupt(suite, ["backup", "create", "--db", work], delay)
        registry_value(suite, work, "SELECT count(*) FROM city")
        check_sound(work)
        expect(table_counts(work) == counts, f"the live database changed: {differences(table_counts(work), counts)}")
        for name, digest in older.items():
            expect(os.path.exists(os.path.join(backups, name)) and sha256(os.path.join(backups, name)) == digest,
                   f"the older {name} is gone or changed")
        tally["orphans"] = len(check_backup_folder(suite, work, backups))
        finals, partials = backup_files(backups)
        tally["partials"] += bool(partials)
        # Completed backups are checked, then removed, so `verify --all` stays as quick as the first.
        for name in finals - set(older):
            if name.endswith(".sqlite"):
                tally["completed"] += 1
                os.remove(os.path.join(backups, name))
                os.remove(os.path.join(backups, name[:-len(".sqlite")] + ".json"))
        return outcome

    mid, after = kill_series(suite, "the backup", duration, attempt)
    run(suite, "backup", "create", "--db", work)
    _, partials = backup_files(backups)
    expect(not partials, f"after {mid + after} kills ({mid} mid-backup), each checked, a clean `backup create` left "
                         f"{sorted(partials)} from the killed ones")
    check_backup_folder(suite, work, backups)
    return (f"{mid + after} SIGKILLs over T = {duration:.2f} s ({mid} mid-backup, {after} after exit; {tally['completed']} "
            f"backups completed, {tally['partials']} kills left .partial files, {tally['orphans']} manifests without a backup): "
            f"live database unchanged, older backups byte-identical, verify --all ok; then a clean backup left no .partial")


def before_restore_copies(folder):
    return sorted(name for name in os.listdir(folder) if "-before-restore-" in name and not name.startswith("."))


def restore_partials(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith(".registry-restore-"))


def restore_kill(suite):
    folder = suite.path("restore-kill")
    os.mkdir(folder)
    work, changed = os.path.join(folder, "registry.sqlite"), suite.path("restore-changed.sqlite")
    backups = os.path.join(folder, "backups")
    copy_database(suite.path("activities.sqlite"), work)
    backup = run(suite, "backup", "create", "--db", work).stdout.strip()
    backup_digest = sha256(backup)
    run(suite, "city", "add", ADDED_TOWN, "--voivodeship", "mazowieckie", "--db", work)
    copy_database(work, changed)
    old_counts, backup_counts = table_counts(changed), table_counts(backup, read_only=True)
    duration = timed(suite, "backup", "restore", backup, "--force", "--db", work)
    tally = collections.Counter()

    def attempt(delay):
        for name in before_restore_copies(folder):
            os.remove(os.path.join(folder, name))
        copy_database(changed, work)
        outcome = interrupt(suite, ["backup", "restore", backup, "--force", "--db", work], delay)
        added = registry_value(suite, work, "SELECT count(*) FROM city WHERE name = :name", name=ADDED_TOWN)
        check_sound(work)
        counts = table_counts(work)
        wanted = old_counts if added else backup_counts
        expect(counts == wanted, f"the database is neither the old one nor the backup: {differences(counts, wanted)}")
        tally["restored" if not added else "old"] += 1
        for name in before_restore_copies(folder):
            copy = os.path.join(folder, name)
            check_sound(copy)
            expect(value(copy, "SELECT count(*) FROM city WHERE name = ?", ADDED_TOWN) == 1, f"{name} lacks the added town")
            tally["copies"] += 1
        tally["partials"] += bool(restore_partials(folder))
        expect(sha256(backup) == backup_digest, "the backup file changed")
        return outcome

    mid, after = kill_series(suite, "the restore", duration, attempt)
    copy_database(changed, work)
    run(suite, "backup", "restore", backup, "--force", "--db", work)
    expect(not restore_partials(folder), f"after {mid + after} kills ({mid} mid-restore), each checked, a clean restore left "
                                         f"{restore_partials(folder)} from the killed ones")
    return (f"{mid + after} SIGKILLs over T = {duration:.2f} s ({mid} mid-restore, {after} after exit): {tally['old']} times the old "
            f"database, {tally['restored']} times the backup, never a mix; {tally['copies']} before-restore copies sound and "
            f"holding the added town; {tally['partials']} kills left a .partial, removed by the next restore")


def signal_fractions():
    """Well before the end: these cases are about the signal's cleanup, not about the commit."""
    return [0.6 * i / SIGNAL_KILLS for i in range(1, SIGNAL_KILLS + 1)]


def signalled_import(suite):
    """SIGTERM mid-import: the process ends by the signal and nothing is imported (all of it, if
    the signal came only after the commit on a machine suddenly faster than when T was measured)."""
    base, csv_path, work = suite.path("small.sqlite"), suite.path("activities.csv"), suite.path("signal-import.sqlite")
    duration = import_duration(suite, base, csv_path, work)
    old, rows = value(base, "SELECT count(*) FROM activity"), suite.options.import_rows
    copy_database(base, work)
    mid = 0
    for number, fraction in enumerate(signal_fractions(), 1):
        try:
            landed = interrupt(suite, ["import", "activity", csv_path, "--db", work], fraction * duration, signal.SIGTERM).killed
            count = registry_value(suite, work, "SELECT count(*) FROM activity")
            expect(count in (old, old + rows), f"{count} activities: neither the old {old} nor {old + rows}")
            check_sound(work)
            mid += landed and count == old
            if count != old:
                copy_database(base, work)
        except Failure as failure:
            raise Failure(f"import SIGTERM {number} (at {fraction:.2f} T, T = {duration:.2f} s): {failure}") from None
    return mid


def signalled_export(suite):
    """SIGINT mid-export: neither the file nor its hidden part is left."""
    database, folder = suite.path("activities.sqlite"), suite.path("export")
    os.mkdir(folder)
    output = os.path.join(folder, "activities.csv")
    duration = timed(suite, "export", "activity", "--db", database, "--output", output)
    mid = 0
    for number, fraction in enumerate(signal_fractions(), 1):
        with contextlib.suppress(FileNotFoundError):
            os.remove(output)
        landed = interrupt(suite, ["export", "activity", "--db", database, "--output", output], fraction * duration,
                           signal.SIGINT).killed
        left = sorted(os.listdir(folder))
        if landed:
            mid += 1
            expect(not left, f"export SIGINT {number} (at {fraction:.2f} T, T = {duration:.2f} s): the process ended by "
                             f"the signal and left {left}")
        else:
            expect(left == ["activities.csv"], f"export {number} finished but the folder holds {left}")
    return mid


def signalled_backup(suite):
    """SIGTERM mid-backup: no `.partial` file, nothing final without its manifest."""
    _, work, backups = backup_register(suite, "signal-backup")
    duration = backup_duration(suite, work)
    mid = 0
    for number, fraction in enumerate(signal_fractions(), 1):
        try:
            if interrupt(suite, ["backup", "create", "--db", work], fraction * duration, signal.SIGTERM).killed:
                mid += 1
                _, partials = backup_files(backups)
                expect(not partials, f"the process ended by the signal and left {sorted(partials)}")
            check_backup_folder(suite, work, backups)
        except Failure as failure:
            raise Failure(f"backup SIGTERM {number} (at {fraction:.2f} T, T = {duration:.2f} s): {failure}") from None
    return mid


def signals(suite):
    """The three commands one after the other; a failure of one does not hide the others'."""
    counts, failures = {}, []
    for name, part in (("import SIGTERM", signalled_import), ("export SIGINT", signalled_export),
                       ("backup SIGTERM", signalled_backup)):
        try:
            counts[name] = part(suite)
        except Failure as failure:
            failures.append(str(failure))
    expect(not failures, "; ".join(failures))
    expect(2 * sum(counts.values()) >= 3 * SIGNAL_KILLS,
           f"only {sum(counts.values())} of {3 * SIGNAL_KILLS} signals landed mid-run ({counts}): the timing was off")
    landed = ", ".join(f"{name} {count}/{SIGNAL_KILLS}" for name, count in counts.items())
    return (f"signals mid-run: {landed}; each process ended by its signal, import count unchanged, no export file "
            f"or .part left, no backup work file left, verify --all ok")


def add_while_locked(suite, database, name, hold):
    """`city add NAME` while another connection holds the write lock for up to `hold` seconds
    (released as soon as the command ends). Returns (exit code, stderr, seconds it took)."""
    with connect(database) as holder:
        holder.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        process = subprocess.Popen(suite.command("city", "add", name, "--voivodeship", "mazowieckie", "--db", database),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _, error = process.communicate(timeout=hold)
        except subprocess.TimeoutExpired:
            holder.execute("ROLLBACK")
            _, error = process.communicate(timeout=60)
        elapsed = time.perf_counter() - started
    return process.returncode, error, elapsed


def busy(suite):
    work = suite.path("busy.sqlite")
    copy_database(suite.path("small.sqlite"), work)
    code, error, waited = add_while_locked(suite, work, "Miasto Cierpliwe", SHORT_LOCK)
    expect(code == 0, f"`city add` behind a {SHORT_LOCK:.0f} s lock exited with {code}: {tail(error)}")
    expect(waited >= SHORT_LOCK - 0.5, f"`city add` behind a {SHORT_LOCK:.0f} s lock ended after {waited:.2f} s: it did not wait")
    expect(value(work, "SELECT count(*) FROM city WHERE name = 'Miasto Cierpliwe'") == 1, "the town added after the wait is missing")
    code, error, gave_up = add_while_locked(suite, work, "Miasto Niecierpliwe", LONG_LOCK)
    expect(code == 1, f"`city add` behind a {LONG_LOCK:.0f} s lock exited with {code}, not 1, after {gave_up:.2f} s: {tail(error)}")
    expect("busy" in error.lower(), f"`city add` behind a {LONG_LOCK:.0f} s lock did not say busy: {tail(error)}")
    expect(BUSY_TIMEOUT - 1 <= gave_up < LONG_LOCK, f"`city add` gave up after {gave_up:.2f} s, not after about {BUSY_TIMEOUT:.0f} s")
    expect(value(work, "SELECT count(*) FROM city WHERE name = 'Miasto Niecierpliwe'") == 0, "the refused town was added")
    check_sound(work)
    return (f"behind a {SHORT_LOCK:.0f} s write lock `city add` waited {waited:.2f} s and succeeded; behind a {LONG_LOCK:.0f} s lock "
            f"it gave up after {gave_up:.2f} s with exit 1 and \"busy\", adding nothing")


CASES = {"import-kill": import_kill, "cascade-kill": cascade_kill, "backup-kill": backup_kill,
         "restore-kill": restore_kill, "signals": signals, "busy": busy}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("registry", help="the registry binary")
    parser.add_argument("--import-rows", type=int, default=IMPORT_ROWS, help="activities in the import file (default %(default)s)")
    parser.add_argument("--cascade-activities", type=int, default=CASCADE_ACTIVITIES,
                        help="activities in the register for cascade-kill (default %(default)s)")
    parser.add_argument("--activities", type=int, default=ACTIVITIES,
                        help="activities in the register backed up, restored and exported (default %(default)s)")
    parser.add_argument("--kills", type=int, default=KILLS, help="kills per kill case, at least 10 (default %(default)s)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the random kill moments (default: a new one, printed)")
    parser.add_argument("--only", nargs="+", choices=CASES, metavar="CASE", help="run only these cases: " + ", ".join(CASES))
    parser.add_argument("--keep", action="store_true", help="keep the work folder and print its path")
    options = parser.parse_args()
    if options.kills < 10:
        parser.error("--kills must be at least 10")
    if options.seed is None:
        options.seed = random.randrange(1 << 32)
    return options


def run_cases(suite, cases):
    """Runs the chosen cases in order, one line each; a failed case stops at its first failed
    check, and the others still run. Returns the names of the failed ones."""
    failed = []
    for name, case in CASES.items():
        if name not in cases:
            continue
        started = time.perf_counter()
        try:
            line = case(suite)
        except Failure as failure:
            failed.append(name)
            line = f"FAILED {failure}"
        print(f"{name}: {line} [{time.perf_counter() - started:.1f} s]", flush=True)
    return failed


def main():
    options = arguments()
    registry = os.path.realpath(options.registry)
    version = subprocess.run([registry, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"{version}, seed {options.seed}", flush=True)
    cases = set(options.only or CASES)
    started = time.perf_counter()
    folder = tempfile.mkdtemp(prefix="registry-reliability-")
    try:
        suite = Suite(registry, folder, options)
        try:
            print(f"setup: {prepare(suite, cases)} [{time.perf_counter() - started:.1f} s]", flush=True)
        except Failure as failure:
            sys.exit(f"FAILED setup: {failure}")
        failed = run_cases(suite, cases)
    finally:
        if options.keep:
            print(f"work folder kept: {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    total = time.perf_counter() - started
    if failed:
        sys.exit(f"FAILED: {', '.join(failed)} (seed {options.seed}, {total:.1f} s); the lines above say where and why")
    print(f"all {len(cases)} cases passed in {total:.1f} s")


if __name__ == "__main__":
    main()
