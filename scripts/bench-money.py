#!/usr/bin/env python3
"""Money benchmark, side by side in one run: `registry report spending` and `report statement`
(CSV) against the sqlite3 shell running the same SQL on the same views, on a register of about
1,000,000 activities and 3,000,000 expenses; and `registry expense add` in NOK against the same
command in EUR (the conversion's cost). Wall time, median of repeated runs; ratios printed.

Usage: scripts/bench-money.py PATH-TO-registry DATABASE [ACTIVITIES] [EXPENSES]
       (defaults 1,000,000 and 3,000,000; the register is made when missing: `registry demo`,
       then the demo's expenses copied, in the shell, until there are EXPENSES)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# What each report runs (Sources/Registry/Reports/Registry+Reports.swift), for the shell.
SPENDING = """SELECT period, category, currency, sum(expenses) AS expenses,
    CASE currency WHEN 'ISK' THEN CAST(sum(paid_minor) AS TEXT) ELSE printf('%d.%02d', sum(paid_minor) / 100, sum(paid_minor) % 100) END AS paid,
    printf('%.2f', sum(spent_cents) / 100.0), printf('%.2f', sum(verified_cents) / 100.0), printf('%.2f', sum(rejected_cents) / 100.0)
FROM report_spending {where} GROUP BY period, category, currency ORDER BY period, category, currency"""
STATEMENT = """SELECT 'expense' AS line, expense_id, spent_date, period, category, document, paid, currency, rate, rate_month,
    printf('%.2f', amount_cents / 100.0), status, rejection_reason, paid_by, activity
FROM report_statement {where} ORDER BY spent_date, expense_id;
SELECT 'total', NULL, NULL, NULL, category, NULL, NULL, NULL, NULL, NULL,
    printf('%.2f', coalesce(sum(amount_cents) FILTER (WHERE status <> 'rejected'), 0) / 100.0), 'claimed and verified', NULL, NULL, NULL
FROM report_statement {where} GROUP BY category ORDER BY category;
SELECT 'total', NULL, NULL, NULL, 'all categories', NULL, NULL, NULL, NULL, NULL,
    printf('%.2f', coalesce(sum(amount_cents) FILTER (WHERE status <> 'rejected'), 0) / 100.0), 'claimed and verified', NULL, NULL, NULL
FROM report_statement {where};"""


def seconds(command, runs):
    """Median wall seconds of `runs` runs."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    return statistics.median(times)


def shell(database, sql):
    return subprocess.run(["sqlite3", database, sql], check=True, capture_output=True, text=True).stdout.strip()


def make(registry, database, activities, expenses):
    subprocess.run([registry, "demo", "--db", database, "--activities", str(activities), "--force"], check=True, stdout=subprocess.DEVNULL)
    # Copies of the demo's expenses, as one bulk change (no row-by-row audit entries), until there are enough.
    while int(shell(database, "SELECT count(*) FROM expense")) < expenses:
        missing = expenses - int(shell(database, "SELECT count(*) FROM expense"))
        shell(database, f"""
            BEGIN; INSERT INTO audit_session (id, actor, bulk) VALUES (1, 'bench', 1);
            INSERT INTO expense (activity_id, amount_cents, category, spent_date, note, paid_minor, rate_micros, rate_month, rate_source,
                rate_derived, currency, paid_by, document, period, status, rejection_reason)
            SELECT activity_id, amount_cents, category, spent_date, note, paid_minor, rate_micros, rate_month, rate_source,
                rate_derived, currency, paid_by, document, period, status, rejection_reason FROM expense ORDER BY id LIMIT {missing};
            DELETE FROM audit_session; COMMIT;""")


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    activities = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    expenses = int(sys.argv[4]) if len(sys.argv) > 4 else 3_000_000
    if not os.path.exists(database):
        make(registry, database, activities, expenses)
    subprocess.run([registry, "migrate", "--db", database], check=True, stdout=subprocess.DEVNULL)
    counts = shell(database, "SELECT (SELECT count(*) FROM activity) || ' activities, ' || (SELECT count(*) FROM expense) || ' expenses'")
    print(f"money on {counts} (median of 5, CSV to /dev/null)")
    partnership = shell(database, "SELECT partnership_id FROM report_statement GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    cases = [
        ("report spending", ["report", "spending"], SPENDING.format(where="")),
        ("report spending --from 2023-01-01 --to 2023-06-30", ["report", "spending", "--from", "2023-01-01", "--to", "2023-06-30"],
         SPENDING.format(where="WHERE month >= '2023-01' AND month <= '2023-06'")),
        (f"report statement --partnership {partnership}", ["report", "statement", "--partnership", partnership],
         STATEMENT.format(where=f"WHERE partnership_id = {partnership}")),
        (f"report statement --partnership {partnership} --from/--to", ["report", "statement", "--partnership", partnership,
         "--from", "2023-01-01", "--to", "2023-12-31"],
         STATEMENT.format(where=f"WHERE partnership_id = {partnership} AND spent_date >= '2023-01-01' AND spent_date <= '2023-12-31'")),
    ]
    worst = 0
    for name, arguments, sql in cases:
        ours = seconds([registry, *arguments, "--format", "csv", "--db", database], 5)
        theirs = seconds(["sqlite3", "-csv", "-header", database, sql], 5)
        worst = max(worst, ours / theirs)
        print(f"  {name:55} registry {ours:7.3f} s   sqlite3 {theirs:7.3f} s   {ours / theirs:4.2f}x")
    print(f"  worst ratio {worst:.2f}x (target at most 1.3x)")

    # Adding one expense, in EUR and in NOK, on a small register of its own (median of 25 each, interleaved).
    folder = tempfile.mkdtemp()
    try:
        small = os.path.join(folder, "small.sqlite")
        subprocess.run([registry, "demo", "--db", small], check=True, stdout=subprocess.DEVNULL)
        activity = shell(small, "SELECT min(id) FROM activity")
        base = [registry, "expense", "add", "--activity", activity, "--category", "travel", "--date", "2024-05-14", "--db", small]
        eur, nok = [], []
        for _ in range(25):
            eur.append(seconds(base + ["--amount", "362.74"], 1))
            nok.append(seconds(base + ["--amount", "4210.50", "--currency", "NOK"], 1))
        ratio = statistics.median(nok) / statistics.median(eur)
        print(f"  expense add: EUR {statistics.median(eur) * 1000:6.1f} ms   NOK {statistics.median(nok) * 1000:6.1f} ms   {ratio:4.2f}x (target at most 1.2x)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
