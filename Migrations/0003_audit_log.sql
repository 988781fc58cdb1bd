-- The audit trail: every insert, update and delete of the register's tables lands in
-- audit_log, written by triggers so that no path can forget it: the registry's commands, any
-- command added later, and plain SQL from other tools alike.
--
-- Who made the change: the registry writes its actor (`--as`, default $USER) into
-- audit_session at the start of each write transaction and removes it before committing.
-- Changes made outside the registry find no session and are logged as 'direct-sql'.
--
-- Values before and after are JSON objects of the row's columns. They are built with
-- replace() rather than json_object(), because the registry runs with trusted_schema off,
-- where SQLite 3.40 refuses JSON functions inside triggers.

CREATE TABLE audit_session (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    actor TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_values TEXT,
    new_values TEXT
) STRICT;
-- Entries are appended in time order, so `id` order is time order; one index serves --since.
-- No index on (table_name, row_id): it would cost every write of the register, and the
-- trail is read far less often than it is written.
CREATE INDEX audit_log_changed_at ON audit_log (changed_at);

-- The trail is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

-- REPLACE deletes the row it replaces without firing delete triggers.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

-- city
CREATE TRIGGER city_audit_insert AFTER INSERT ON city
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"voivodeship":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.voivodeship, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"population":' || coalesce(NEW.population, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"partner_budget_cents":' || coalesce(NEW.partner_budget_cents, 'null')
            || ',"project_code":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.project_code, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"project_grant_cents":' || coalesce(NEW.project_grant_cents, 'null')
            || ',"expectations":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.expectations, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"teryt":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.teryt, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER city_audit_update AFTER UPDATE ON city
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.name_key IS NOT NEW.name_key OR OLD.voivodeship IS NOT NEW.voivodeship OR OLD.population IS NOT NEW.population OR OLD.status IS NOT NEW.status OR OLD.partner_budget_cents IS NOT NEW.partner_budget_cents OR OLD.project_code IS NOT NEW.project_code OR OLD.project_grant_cents IS NOT NEW.project_grant_cents OR OLD.expectations IS NOT NEW.expectations OR OLD.website IS NOT NEW.website OR OLD.teryt IS NOT NEW.teryt OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"voivodeship":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.voivodeship, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"population":' || coalesce(OLD.population, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"partner_budget_cents":' || coalesce(OLD.partner_budget_cents, 'null')
            || ',"project_code":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.project_code, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"project_grant_cents":' || coalesce(OLD.project_grant_cents, 'null')
            || ',"expectations":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.expectations, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"teryt":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.teryt, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"voivodeship":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.voivodeship, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"population":' || coalesce(NEW.population, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"partner_budget_cents":' || coalesce(NEW.partner_budget_cents, 'null')
            || ',"project_code":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.project_code, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"project_grant_cents":' || coalesce(NEW.project_grant_cents, 'null')
            || ',"expectations":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.expectations, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"teryt":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.teryt, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER city_audit_delete AFTER DELETE ON city
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"voivodeship":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.voivodeship, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"population":' || coalesce(OLD.population, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"partner_budget_cents":' || coalesce(OLD.partner_budget_cents, 'null')
            || ',"project_code":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.project_code, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"project_grant_cents":' || coalesce(OLD.project_grant_cents, 'null')
            || ',"expectations":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.expectations, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"teryt":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.teryt, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- city_topic
CREATE TRIGGER city_topic_audit_insert AFTER INSERT ON city_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city_topic', NEW.city_id, 'insert',
            '{"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER city_topic_audit_update AFTER UPDATE ON city_topic
WHEN OLD.city_id IS NOT NEW.city_id OR OLD.topic_id IS NOT NEW.topic_id
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city_topic', NEW.city_id, 'update',
            '{"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}',
            '{"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER city_topic_audit_delete AFTER DELETE ON city_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'city_topic', OLD.city_id, 'delete',
            '{"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}');
END;

-- partner
CREATE TRIGGER partner_audit_insert AFTER INSERT ON partner
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"country":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.country, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"org_number":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.org_number, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"county":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.county, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"expertise":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.expertise, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER partner_audit_update AFTER UPDATE ON partner
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.name_key IS NOT NEW.name_key OR OLD.country IS NOT NEW.country OR OLD.kind IS NOT NEW.kind OR OLD.org_number IS NOT NEW.org_number OR OLD.county IS NOT NEW.county OR OLD.expertise IS NOT NEW.expertise OR OLD.website IS NOT NEW.website OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"country":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.country, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"org_number":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.org_number, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"county":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.county, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"expertise":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.expertise, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"country":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.country, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"org_number":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.org_number, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"county":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.county, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"expertise":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.expertise, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER partner_audit_delete AFTER DELETE ON partner
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"name_key":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name_key, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"country":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.country, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"org_number":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.org_number, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"county":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.county, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"expertise":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.expertise, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"website":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.website, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- partner_topic
CREATE TRIGGER partner_topic_audit_insert AFTER INSERT ON partner_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner_topic', NEW.partner_id, 'insert',
            '{"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER partner_topic_audit_update AFTER UPDATE ON partner_topic
WHEN OLD.partner_id IS NOT NEW.partner_id OR OLD.topic_id IS NOT NEW.topic_id
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner_topic', NEW.partner_id, 'update',
            '{"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}',
            '{"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER partner_topic_audit_delete AFTER DELETE ON partner_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partner_topic', OLD.partner_id, 'delete',
            '{"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}');
END;

-- contact
CREATE TRIGGER contact_audit_insert AFTER INSERT ON contact
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'contact', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"role":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.role, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"email":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.email, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"phone":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.phone, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"languages":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.languages, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER contact_audit_update AFTER UPDATE ON contact
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.city_id IS NOT NEW.city_id OR OLD.partner_id IS NOT NEW.partner_id OR OLD.role IS NOT NEW.role OR OLD.email IS NOT NEW.email OR OLD.phone IS NOT NEW.phone OR OLD.languages IS NOT NEW.languages OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'contact', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"role":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.role, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"email":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.email, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"phone":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.phone, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"languages":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.languages, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"role":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.role, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"email":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.email, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"phone":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.phone, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"languages":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.languages, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER contact_audit_delete AFTER DELETE ON contact
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'contact', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"name":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.name, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"role":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.role, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"email":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.email, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"phone":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.phone, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"languages":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.languages, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- partnership
CREATE TRIGGER partnership_audit_insert AFTER INSERT ON partnership
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(NEW.budget_cents, 'null')
            || ',"signed_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.signed_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"improved_knowledge":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.improved_knowledge, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"continues":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.continues, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"lasting_effects":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.lasting_effects, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER partnership_audit_update AFTER UPDATE ON partnership
WHEN OLD.id IS NOT NEW.id OR OLD.city_id IS NOT NEW.city_id OR OLD.partner_id IS NOT NEW.partner_id OR OLD.status IS NOT NEW.status OR OLD.budget_cents IS NOT NEW.budget_cents OR OLD.signed_date IS NOT NEW.signed_date OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.improved_knowledge IS NOT NEW.improved_knowledge OR OLD.continues IS NOT NEW.continues OR OLD.lasting_effects IS NOT NEW.lasting_effects OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(OLD.budget_cents, 'null')
            || ',"signed_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.signed_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"improved_knowledge":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.improved_knowledge, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"continues":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.continues, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"lasting_effects":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.lasting_effects, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"city_id":' || coalesce(NEW.city_id, 'null')
            || ',"partner_id":' || coalesce(NEW.partner_id, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(NEW.budget_cents, 'null')
            || ',"signed_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.signed_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"improved_knowledge":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.improved_knowledge, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"continues":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.continues, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"lasting_effects":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.lasting_effects, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER partnership_audit_delete AFTER DELETE ON partnership
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"city_id":' || coalesce(OLD.city_id, 'null')
            || ',"partner_id":' || coalesce(OLD.partner_id, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(OLD.budget_cents, 'null')
            || ',"signed_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.signed_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"improved_knowledge":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.improved_knowledge, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"continues":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.continues, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"lasting_effects":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.lasting_effects, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- partnership_topic
CREATE TRIGGER partnership_topic_audit_insert AFTER INSERT ON partnership_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_topic', NEW.partnership_id, 'insert',
            '{"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER partnership_topic_audit_update AFTER UPDATE ON partnership_topic
WHEN OLD.partnership_id IS NOT NEW.partnership_id OR OLD.topic_id IS NOT NEW.topic_id
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_topic', NEW.partnership_id, 'update',
            '{"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}',
            '{"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null') || '}');
END;

CREATE TRIGGER partnership_topic_audit_delete AFTER DELETE ON partnership_topic
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_topic', OLD.partnership_id, 'delete',
            '{"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null') || '}');
END;

-- activity
CREATE TRIGGER activity_audit_insert AFTER INSERT ON activity
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'activity', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"title":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.title, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"direction":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.direction, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"location":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.location, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"participants":' || coalesce(NEW.participants, 'null')
            || ',"planned_cost_cents":' || coalesce(NEW.planned_cost_cents, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER activity_audit_update AFTER UPDATE ON activity
WHEN OLD.id IS NOT NEW.id OR OLD.partnership_id IS NOT NEW.partnership_id OR OLD.kind IS NOT NEW.kind OR OLD.title IS NOT NEW.title OR OLD.direction IS NOT NEW.direction OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.location IS NOT NEW.location OR OLD.participants IS NOT NEW.participants OR OLD.planned_cost_cents IS NOT NEW.planned_cost_cents OR OLD.status IS NOT NEW.status OR OLD.topic_id IS NOT NEW.topic_id OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'activity', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"title":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.title, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"direction":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.direction, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"location":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.location, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"participants":' || coalesce(OLD.participants, 'null')
            || ',"planned_cost_cents":' || coalesce(OLD.planned_cost_cents, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"title":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.title, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"direction":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.direction, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"location":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.location, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"participants":' || coalesce(NEW.participants, 'null')
            || ',"planned_cost_cents":' || coalesce(NEW.planned_cost_cents, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"topic_id":' || coalesce(NEW.topic_id, 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER activity_audit_delete AFTER DELETE ON activity
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'activity', OLD.id, 'delete',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"kind":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.kind, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"title":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.title, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"direction":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.direction, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"start_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.start_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"end_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.end_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"location":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.location, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"participants":' || coalesce(OLD.participants, 'null')
            || ',"planned_cost_cents":' || coalesce(OLD.planned_cost_cents, 'null')
            || ',"status":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.status, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"topic_id":' || coalesce(OLD.topic_id, 'null')
            || ',"notes":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.notes, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

-- expense
CREATE TRIGGER expense_audit_insert AFTER INSERT ON expense
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'expense', NEW.id, 'insert',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"activity_id":' || coalesce(NEW.activity_id, 'null')
            || ',"amount_cents":' || coalesce(NEW.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;

CREATE TRIGGER expense_audit_update AFTER UPDATE ON expense
WHEN OLD.id IS NOT NEW.id OR OLD.activity_id IS NOT NEW.activity_id OR OLD.amount_cents IS NOT NEW.amount_cents OR OLD.category IS NOT NEW.category OR OLD.spent_date IS NOT NEW.spent_date OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'expense', NEW.id, 'update',
            '{"id":' || coalesce(OLD.id, 'null')
            || ',"activity_id":' || coalesce(OLD.activity_id, 'null')
            || ',"amount_cents":' || coalesce(OLD.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}',
            '{"id":' || coalesce(NEW.id, 'null')
            || ',"activity_id":' || coalesce(NEW.activity_id, 'null')
            || ',"amount_cents":' || coalesce(NEW.amount_cents, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"spent_date":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.spent_date, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
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
            || ',"note":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.note, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null') || '}');
END;
