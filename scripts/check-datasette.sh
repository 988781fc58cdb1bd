#!/usr/bin/env bash
# Serves a demo register read-only with Datasette and checks what a user would see: the
# tables and report views listed, internal tables hidden, the descriptions of
# `registry export datasette-metadata` on the metadata and table pages, town and theme names
# beside foreign keys, a report view's rows, and the database file unchanged.
#
#   scripts/check-datasette.sh PATH-TO-REGISTRY      (datasette on PATH, or DATASETTE=path)
#
# Not part of `make check`: CI has no Datasette. `make datasette-check` runs it on the release binary.
set -euo pipefail

registry=${1:?usage: scripts/check-datasette.sh PATH-TO-REGISTRY}
datasette=${DATASETTE:-$(command -v datasette || true)}
if [ -z "$datasette" ]; then
    echo "datasette not found: put it on PATH or set DATASETTE=path (pip install datasette)" >&2
    exit 1
fi

work=$(mktemp -d)
server=
stop() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop EXIT

database=$work/registry.sqlite
"$registry" demo --db "$database" --activities 200 >/dev/null 2>"$work/demo.log" || { cat "$work/demo.log" >&2; exit 1; }
"$registry" export datasette-metadata --db "$database" --output "$work/metadata.json"
before=$(sha256sum "$database" | cut -d' ' -f1)

port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
"$datasette" serve --immutable "$database" --metadata "$work/metadata.json" -h 127.0.0.1 -p "$port" >"$work/datasette.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/-/versions.json" >"$work/versions.json" 2>/dev/null; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$work/datasette.log" >&2
        echo "datasette did not start" >&2
        exit 1
    fi
    sleep 0.5
done
if [ ! -s "$work/versions.json" ]; then
    cat "$work/datasette.log" >&2
    echo "datasette did not answer on port $port within 30 seconds" >&2
    exit 1
fi

python3 - "http://127.0.0.1:$port" "$work/metadata.json" "$work/versions.json" <<'PYTHON'
import html, json, sys, urllib.request

base, metadata_file, versions_file = sys.argv[1:4]
written = json.load(open(metadata_file))
problems = []

def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read().decode()

def expect(condition, message):
    if not condition:
        problems.append(message)

# The database is named after the file, and every table and view is listed.
database = get("/registry.json")
listing = json.loads(database)
tables = {table["name"]: table for table in listing["tables"]}
views = {view["name"] for view in listing["views"]}
reports = {"report_overview", "report_budget", "report_themes", "report_activities", "report_partners", "report_unmatched"}
expect(reports | {"partnership_budget", "city_budget", "partner_budget"} <= views, f"views listed: {sorted(views)}")
for name in ["city", "partner", "contact", "partnership", "activity", "expense", "theme", "topic", "voivodeship", "county",
             "city_topic", "partner_topic", "partnership_topic", "audit_log", "saved_query"]:
    expect(name in tables and not tables[name]["hidden"], f"table {name} not listed as visible")
# Datasette itself lists FTS tables among the hidden ones; their pages stay open.
expect("search_index" in tables, "search_index not listed")
for name in ["audit_session", "search_catch_up", "search_index_data"]:
    expect(tables.get(name, {}).get("hidden") is True, f"internal table {name} not hidden")

# Datasette serves the descriptions that were written.
# Datasette adds the source and licence keys it inherits, as null, once a page has been shown.
def given(value):
    if isinstance(value, dict):
        return {key: given(item) for key, item in value.items() if item is not None}
    return value

served = json.loads(get("/-/metadata.json"))
expect(given(served) == written, "/-/metadata.json differs from the exported file")
described = written["databases"]["registry"]["tables"]
for name in ["city", "report_budget", "search_index"]:
    page = html.unescape(get(f"/registry/{name}"))
    expect(described[name]["description"] in page, f"{name}: description not on its page")
    for column, text in described[name]["columns"].items():
        expect(text in page, f"{name}.{column}: description not on the page")

# Foreign keys show names: a contact's town, a topic's theme (label_column name_en).
contact = json.loads(get("/registry/contact.json?_labels=on&_shape=array&city_id__notblank=1&_size=1"))[0]
expect(isinstance(contact["city_id"], dict) and contact["city_id"].get("label"), f"contact.city_id shows no town name: {contact}")
topic = json.loads(get("/registry/topic.json?_labels=on&_shape=array&id=1"))[0]
expect(topic["theme_id"] == {"value": 1, "label": "Environment and energy efficiency"}, f"topic.theme_id: {topic['theme_id']}")

# A report view's rows come back, one per town, with the view's columns.
budget = json.loads(get("/registry/report_budget.json?_shape=array&_size=max"))
towns = json.loads(get("/registry.json?sql=select+count(*)+as+n+from+city&_shape=array"))[0]["n"]
expect(len(budget) == towns and towns > 0, f"report_budget: {len(budget)} rows for {towns} towns")
expect(budget and set(budget[0]) == set(described["report_budget"]["columns"]), "report_budget columns")
overview = json.loads(get("/registry/report_overview.json?_shape=array&_size=max"))
expect(any(row["section"] == "budget" and row["item"] == "allocation" for row in overview), "report_overview has no allocation row")

version = json.load(open(versions_file))["datasette"]["version"]
if problems:
    print(f"datasette {version}: " + str(len(problems)) + " problem(s):", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"datasette {version}: {len(tables)} tables, {len(views)} views, descriptions and labels served, "
      f"report_budget {len(budget)} rows")
PYTHON

after=$(sha256sum "$database" | cut -d' ' -f1)
if [ "$before" != "$after" ]; then
    echo "the database file changed while Datasette served it" >&2
    exit 1
fi
