#!/usr/bin/env python3
"""Search and match benchmark, side by side with the sqlite3 shell in one run, best of N:

- `registry search WORDS` against the shell running the same FTS5 query (`MATCH` with the
  words as quoted prefixes, `ORDER BY rank LIMIT 20`);
- `registry match CITY` against the floor: a shell query that computes only the topic overlap
  of every partner with that town.

Usage: scripts/bench-search.py PATH-TO-registry DATABASE [RUNS]
DATABASE is made with `registry demo --partners 100000` when it is missing.
"""
import os
import subprocess
import sys
import time

SEARCHES = ["kommune", "air quality", "tromso", "demo partner 12"]
CITY = "Opoczno"

FLOOR = """SELECT partner.id, count(wanted.topic_id) AS common FROM partner
LEFT JOIN partner_topic ON partner_topic.partner_id = partner.id
LEFT JOIN city_topic AS wanted ON wanted.topic_id = partner_topic.topic_id
    AND wanted.city_id = (SELECT id FROM city WHERE name = '{city}')
GROUP BY partner.id ORDER BY common DESC LIMIT 10;"""


def best(command, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            sys.exit(f"{command} failed: {result.stderr}")
    return min(times), result.stdout


def fts_query(words):
    return " ".join(f'"{word}"*' for word in words.split())


def main():
    registry, database = os.path.realpath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    if not os.path.exists(database):
        subprocess.run([registry, "demo", "--db", database, "--partners", "100000"], check=True, stdout=subprocess.DEVNULL)
    partners = subprocess.run(["sqlite3", database, "SELECT count(*) FROM partner"], capture_output=True, text=True).stdout.strip()
    print(f"search and match: {database}, {partners} partners, best of {runs}")
    for words in SEARCHES:
        ours, out = best([registry, "search", words, "--db", database, "--format", "csv"], runs)
        sql = f"SELECT rowid, rank FROM search_index WHERE search_index MATCH '{fts_query(words)}' ORDER BY rank LIMIT 20;"
        shell, _ = best(["sqlite3", "-readonly", database, sql], runs)
        hits = len(out.splitlines()) - 1
        print(f"  search {words!r:20} registry {ours * 1000:7.1f} ms  sqlite3 {shell * 1000:7.1f} ms  ratio {ours / shell:5.2f}x  ({hits} shown)")
    ours, _ = best([registry, "match", CITY, "--db", database, "--format", "csv"], runs)
    shell, _ = best(["sqlite3", "-readonly", database, FLOOR.format(city=CITY)], runs)
    print(f"  match {CITY!r:21} registry {ours * 1000:7.1f} ms  sqlite3 {shell * 1000:7.1f} ms  ratio {ours / shell:5.2f}x  (floor: topic overlap only)")


if __name__ == "__main__":
    main()
