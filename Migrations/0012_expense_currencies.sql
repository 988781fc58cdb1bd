-- Money as the programme counts it (issue 18): an expense keeps the amount in the currency it
-- was paid in, with the rate, month and source its euro value came from, so that a later
-- correction of a rate never silently changes it; who bore it, its document, its reporting
-- period and its claim status. Monthly exchange rates (InforEuro: units of a currency per
-- 1 EUR) are a table of their own, and the month rule is a setting.
--
-- Every existing expense becomes EUR at rate 1 with its amount unchanged, and `claimed`.
--
-- The columns are added at the end of the table's definition, edited in place in one step, as
-- 0009_ids_never_reused.sql did: the way SQLite's ALTER TABLE documentation describes, and what
-- ADD COLUMN itself does (a row stored before reads each new column as its default). Twelve
-- ADD COLUMNs would reload the whole schema twelve times, which made creating a register a
-- quarter slower. No table is rebuilt, so no trigger, index or AUTOINCREMENT counter is lost.
-- The update below sets the amount as paid and changes no audited column, so it logs nothing:
-- audit entries stay as they were. `PRAGMA integrity_check` holds every row to the new CHECKs.
--
-- The new columns:
--   paid_minor        the amount as paid, in the currency's minor unit (cents, øre, grosze,
--                     rappen; whole krónur);
--   rate_micros       units of the currency per 1 EUR, in millionths (11.6075 NOK is 11607500);
--                     1000000 for EUR;
--   rate_month        the month whose rate was used (YYYY-MM), rate_source where it came from;
--   rate_derived      1 when the euro amount was given by hand (--eur) and the rate worked out;
--   currency          its CHECK holds the columns above together: a euro cost is its own euro
--                     value at rate 1 with no month (paid_minor may be left out by an INSERT
--                     written before this migration: it then means amount_cents); any other
--                     has its amount as paid, a source, and a month unless its rate is derived;
--   paid_by           who bore the cost: the town's side or the partner's;
--   document          the invoice or receipt number;
--   period            the reporting period it is claimed in: the year and the period's number;
--   status, rejection_reason   the claim, and why a rejected one was rejected.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '    note TEXT' || char(10) || ') STRICT', '    note TEXT,
    paid_minor INTEGER CHECK (paid_minor >= 0),
    rate_micros INTEGER NOT NULL DEFAULT 1000000 CHECK (rate_micros > 0),
    rate_month TEXT CHECK (rate_month GLOB ''[0-9][0-9][0-9][0-9]-[0-1][0-9]'' AND substr(rate_month, 6, 2) BETWEEN ''01'' AND ''12''),
    rate_source TEXT,
    rate_derived INTEGER NOT NULL DEFAULT 0 CHECK (rate_derived IN (0, 1)),
    currency TEXT NOT NULL DEFAULT ''EUR''
        CHECK (currency IN (''EUR'', ''NOK'', ''PLN'', ''ISK'', ''CHF'')
            AND CASE currency
                WHEN ''EUR'' THEN coalesce(paid_minor, amount_cents) = amount_cents AND rate_micros = 1000000 AND rate_month IS NULL
                    AND rate_source IS NULL AND rate_derived = 0
                ELSE paid_minor IS NOT NULL AND rate_source IS NOT NULL AND (rate_month IS NOT NULL OR rate_derived = 1)
            END),
    paid_by TEXT CHECK (paid_by IN (''city'', ''partner'')),
    document TEXT,
    period TEXT CHECK (period GLOB ''[0-9][0-9][0-9][0-9]-[1-9]''),
    status TEXT NOT NULL DEFAULT ''claimed'' CHECK (status IN (''claimed'', ''verified'', ''rejected'')),
    rejection_reason TEXT CHECK ((status = ''rejected'') = (rejection_reason IS NOT NULL))
) STRICT')
WHERE type = 'table' AND name = 'expense' AND sql LIKE '%    note TEXT' || char(10) || ') STRICT';
PRAGMA writable_schema = RESET;

-- The creation of the index moves the schema's version on, so every connection reads the
-- edited definition; then each expense gets its amount as paid.
CREATE INDEX expense_period ON expense (period);
UPDATE expense SET paid_minor = amount_cents;

-- The monthly rates: units of a currency per 1 EUR, in millionths (up to six decimals).
CREATE TABLE exchange_rate (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    currency TEXT NOT NULL CHECK (currency IN ('NOK', 'PLN', 'ISK', 'CHF')),
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
    units_per_eur_micros INTEGER NOT NULL CHECK (units_per_eur_micros > 0),
    source TEXT NOT NULL CHECK (length(source) > 0),
    UNIQUE (currency, month)
) STRICT;

-- The register's settings. `rate_month`: which month's rate converts a cost, `incurred` (the
-- month of the cost's date, the default) or `recorded` (the month the cost is entered).
CREATE TABLE setting (
    name TEXT PRIMARY KEY CHECK (name IN ('rate_month')),
    value TEXT NOT NULL,
    CHECK (name <> 'rate_month' OR value IN ('incurred', 'recorded'))
) STRICT;
INSERT INTO setting (name, value) VALUES ('rate_month', 'incurred');

-- The expense's audit triggers list its new columns (scripts/audit-triggers.py); the new
-- tables join the trail, the setting keyed by its rowid.
DROP TRIGGER expense_audit_insert;
DROP TRIGGER expense_audit_update;
DROP TRIGGER expense_audit_delete;

-- expense
CREATE TRIGGER expense_audit_insert AFTER INSERT ON expense
WHEN NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1 AND bulk = 1)
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'expense', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"activity_id":' || coalesce(NEW.activity_id, 'null')
            || ',"amount_cents":' || coalesce(NEW.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_minor":' || coalesce(NEW.paid_minor, 'null')
            || ',"rate_micros":' || coalesce(NEW.rate_micros, 'null')
            || ',"rate_month":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rate_month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_source":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rate_source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_derived":' || coalesce(NEW.rate_derived, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_by":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.paid_by, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"document":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.document, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"period":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.period, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rejection_reason":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rejection_reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER expense_audit_update AFTER UPDATE ON expense
WHEN OLD.id IS NOT NEW.id OR OLD.activity_id IS NOT NEW.activity_id OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.category IS NOT NEW.category OR OLD.spent_date IS NOT NEW.spent_date OR OLD.note IS NOT NEW.note OR OLD.paid_minor IS NOT NEW.paid_minor OR OLD.rate_micros IS NOT NEW.rate_micros OR OLD.rate_month IS NOT NEW.rate_month OR OLD.rate_source IS NOT NEW.rate_source OR OLD.rate_derived IS NOT NEW.rate_derived OR OLD.currency IS NOT NEW.currency OR OLD.paid_by IS NOT NEW.paid_by OR OLD.document IS NOT NEW.document OR OLD.period IS NOT NEW.period OR OLD.status IS NOT NEW.status OR OLD.rejection_reason IS NOT NEW.rejection_reason
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'expense', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"activity_id":' || coalesce(OLD.activity_id, 'null')
            || ',"amount_cents":' || coalesce(OLD.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_minor":' || coalesce(OLD.paid_minor, 'null')
            || ',"rate_micros":' || coalesce(OLD.rate_micros, 'null')
            || ',"rate_month":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rate_month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_source":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rate_source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_derived":' || coalesce(OLD.rate_derived, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_by":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.paid_by, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"document":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.document, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"period":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.period, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rejection_reason":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rejection_reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"activity_id":' || coalesce(NEW.activity_id, 'null')
            || ',"amount_cents":' || coalesce(NEW.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_minor":' || coalesce(NEW.paid_minor, 'null')
            || ',"rate_micros":' || coalesce(NEW.rate_micros, 'null')
            || ',"rate_month":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rate_month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_source":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rate_source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_derived":' || coalesce(NEW.rate_derived, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_by":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.paid_by, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"document":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.document, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"period":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.period, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rejection_reason":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.rejection_reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER expense_audit_delete AFTER DELETE ON expense
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'expense', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"activity_id":' || coalesce(OLD.activity_id, 'null')
            || ',"amount_cents":' || coalesce(OLD.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_minor":' || coalesce(OLD.paid_minor, 'null')
            || ',"rate_micros":' || coalesce(OLD.rate_micros, 'null')
            || ',"rate_month":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rate_month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_source":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rate_source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rate_derived":' || coalesce(OLD.rate_derived, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"paid_by":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.paid_by, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"document":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.document, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"period":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.period, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"rejection_reason":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.rejection_reason, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- exchange_rate
CREATE TRIGGER exchange_rate_audit_insert AFTER INSERT ON exchange_rate
WHEN NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1 AND bulk = 1)
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'exchange_rate', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"month":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"units_per_eur_micros":' || coalesce(NEW.units_per_eur_micros, 'null')
            || ',"source":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER exchange_rate_audit_update AFTER UPDATE ON exchange_rate
WHEN OLD.id IS NOT NEW.id OR OLD.currency IS NOT NEW.currency OR OLD.month IS NOT NEW.month OR OLD.units_per_eur_micros IS NOT NEW.units_per_eur_micros OR OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'exchange_rate', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"month":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"units_per_eur_micros":' || coalesce(OLD.units_per_eur_micros, 'null')
            || ',"source":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"month":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"units_per_eur_micros":' || coalesce(NEW.units_per_eur_micros, 'null')
            || ',"source":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER exchange_rate_audit_delete AFTER DELETE ON exchange_rate
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'exchange_rate', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"currency":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.currency, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"month":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.month, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"units_per_eur_micros":' || coalesce(OLD.units_per_eur_micros, 'null')
            || ',"source":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.source, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- setting
CREATE TRIGGER setting_audit_insert AFTER INSERT ON setting
WHEN NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1 AND bulk = 1)
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'setting', NEW.rowid, 'insert',
            '{"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"value":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.value, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER setting_audit_update AFTER UPDATE ON setting
WHEN OLD.name IS NOT NEW.name OR OLD.value IS NOT NEW.value
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'setting', NEW.rowid, 'update',
            '{"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"value":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.value, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"value":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.value, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER setting_audit_delete AFTER DELETE ON setting
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'setting', OLD.rowid, 'delete',
            '{"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"value":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.value, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

