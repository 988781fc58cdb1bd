-- Erasing a person (`registry contact erase`). Contacts are people; on request their data must
-- go from the tables, from the audit log's before/after values and from the search index, and
-- the log must say that an erasure happened without repeating what was erased.
--
-- The erasing transaction names the contact in audit_session.erasing_contact. While it does,
-- and only for that contact's entries, the log's values may be replaced; which entry it is,
-- when, by whom and what happened stay as they were. Every other change is refused as before.

ALTER TABLE audit_session ADD COLUMN erasing_contact INTEGER;

-- audit_log gains the 'erase' action. SQLite cannot change a CHECK in place: the table is
-- rebuilt and its rows copied, in order, as in 0005.
CREATE TABLE audit_log_rebuilt (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER CHECK (row_id IS NOT NULL OR action = 'import'),
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import', 'erase')),
    old_values TEXT,
    new_values TEXT
) STRICT;
INSERT INTO audit_log_rebuilt (id, changed_at, actor, table_name, row_id, action, old_values, new_values)
SELECT id, changed_at, actor, table_name, row_id, action, old_values, new_values FROM audit_log ORDER BY id;
DROP TABLE audit_log;
-- The other tables' triggers name audit_log: the legacy rename neither rewrites nor re-checks
-- them, and they find the rebuilt table under the old name.
PRAGMA legacy_alter_table = ON;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX audit_log_changed_at ON audit_log (changed_at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT coalesce(
    OLD.table_name = 'contact' AND OLD.row_id = (SELECT erasing_contact FROM audit_session WHERE id = 1)
    AND NEW.id = OLD.id AND NEW.changed_at = OLD.changed_at AND NEW.actor = OLD.actor
    AND NEW.table_name = OLD.table_name AND NEW.row_id = OLD.row_id AND NEW.action = OLD.action, 0)
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
