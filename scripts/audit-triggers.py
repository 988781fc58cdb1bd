#!/usr/bin/env python3
"""Prints the audit triggers of register tables, for a new migration.

Migrations/0003_audit_log.sql was written with this. A migration that adds, renames or drops
a column of an audited table must drop that table's three triggers and create them again,
so the JSON before/after values list the new columns:

    scripts/audit-triggers.py DATABASE [--inserts] TABLE[:KEY_COLUMN] ...

With --inserts it prints only the insert triggers, each dropped and created again (how
0005_import_change_sets.sql made them skip the rows of an import).

DATABASE is a database migrated up to the new schema (e.g. `registry migrate --db x.sqlite`
with the new migration's CREATE/ALTER statements applied). KEY_COLUMN (default `id`) is the
row id recorded in audit_log.row_id. Values are built with replace() rather than
json_object(): with trusted_schema off, SQLite 3.40 refuses JSON functions in triggers.
"""
import sqlite3
import sys

ACTOR = "coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql')"
NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
NOT_BULK = "NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1 AND bulk = 1)"


def value(prefix, column, kind):
    if kind == "INTEGER":
        return f"coalesce({prefix}.{column}, 'null')"
    escaped = (f"replace(replace(replace(replace(replace({prefix}.{column}, '\\', '\\\\'), '\"', '\\\"'), "
               f"char(10), '\\n'), char(13), '\\r'), char(9), '\\t')")
    return f"coalesce('\"' || {escaped} || '\"', 'null')"


def json_object(prefix, columns):
    parts = [f"'{'{' if i == 0 else ','}\"{name}\":' || {value(prefix, name, kind)}" for i, (name, kind) in enumerate(columns)]
    return "\n            " + "\n            || ".join(parts) + " || '}'"


def insert_trigger(table, key, columns):
    # An import logs its inserts as one change-set entry (0005_import_change_sets.sql).
    return f"""CREATE TRIGGER {table}_audit_insert AFTER INSERT ON {table}
WHEN {NOT_BULK}
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES ({NOW}, {ACTOR}, '{table}', NEW.{key}, 'insert',{json_object('NEW', columns)});
END;
"""


def triggers(table, key, columns):
    changed = " OR ".join(f"OLD.{name} IS NOT NEW.{name}" for name, _ in columns)
    return f"""-- {table}
{insert_trigger(table, key, columns)}
CREATE TRIGGER {table}_audit_update AFTER UPDATE ON {table}
WHEN {changed}
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES ({NOW}, {ACTOR}, '{table}', NEW.{key}, 'update',{json_object('OLD', columns)},{json_object('NEW', columns)});
END;

CREATE TRIGGER {table}_audit_delete AFTER DELETE ON {table}
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES ({NOW}, {ACTOR}, '{table}', OLD.{key}, 'delete',{json_object('OLD', columns)});
END;
"""


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    connection = sqlite3.connect(sys.argv[1])
    inserts_only = "--inserts" in sys.argv
    for argument in [a for a in sys.argv[2:] if a != "--inserts"]:
        table, _, key = argument.partition(":")
        columns = [(row[1], row[2]) for row in connection.execute(f"PRAGMA table_info({table})")]
        if not columns:
            sys.exit(f"no table {table} in {sys.argv[1]}")
        if inserts_only:
            print(f"DROP TRIGGER {table}_audit_insert;\n{insert_trigger(table, key or 'id', columns)}")
        else:
            print(triggers(table, key or "id", columns))


if __name__ == "__main__":
    main()
