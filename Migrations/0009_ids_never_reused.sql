-- A record's id names that record for ever: SQLite gives a plain INTEGER PRIMARY KEY the
-- largest id plus one, so removing the newest contact and adding another gave the second
-- person the first one's id, and with it the first one's audit entries (exported to the
-- wrong person, erased from the wrong person). AUTOINCREMENT never hands out an id again.
--
-- AUTOINCREMENT changes nothing that is stored in the table, only the rule for new ids, kept
-- in sqlite_sequence. So the tables are not rebuilt (which would drop every audit and search
-- trigger on them): their definitions are edited in place, the way SQLite's ALTER TABLE
-- documentation describes for changes that leave the stored content as it is. Every row and
-- every audit entry stays as it was.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '    id INTEGER PRIMARY KEY,', '    id INTEGER PRIMARY KEY AUTOINCREMENT,')
WHERE type = 'table' AND name IN ('city', 'partner', 'contact', 'partnership', 'activity', 'expense', 'audit_log')
    AND sql LIKE '%    id INTEGER PRIMARY KEY,%';
PRAGMA writable_schema = RESET;

-- SQLite creates sqlite_sequence with the first AUTOINCREMENT table it creates (this one,
-- dropped at once); the statement also moves the schema's version on, so every connection
-- reads the edited definitions.
CREATE TABLE ids_never_reused (id INTEGER PRIMARY KEY AUTOINCREMENT) STRICT;
DROP TABLE ids_never_reused;

-- Each table starts above every id it has ever had: those of its rows and those that only the
-- audit log remembers (records removed earlier).
INSERT INTO sqlite_sequence (name, seq)
SELECT name, max(coalesce((SELECT max(row_id) FROM audit_log WHERE table_name = kind.name), 0), highest)
FROM (
    SELECT 'city' AS name, (SELECT coalesce(max(id), 0) FROM city) AS highest
    UNION ALL SELECT 'partner', (SELECT coalesce(max(id), 0) FROM partner)
    UNION ALL SELECT 'contact', (SELECT coalesce(max(id), 0) FROM contact)
    UNION ALL SELECT 'partnership', (SELECT coalesce(max(id), 0) FROM partnership)
    UNION ALL SELECT 'activity', (SELECT coalesce(max(id), 0) FROM activity)
    UNION ALL SELECT 'expense', (SELECT coalesce(max(id), 0) FROM expense)
    UNION ALL SELECT 'audit_log', (SELECT coalesce(max(id), 0) FROM audit_log)
) AS kind;
