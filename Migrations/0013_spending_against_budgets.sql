-- Spending held against budgets (issue 18). The budget vocabulary grows by two words, defined
-- here once for every command, report and staff query:
--   spent     the euro value of its expenses that are claimed or verified (rejected claims are
--             shown apart, as rejected);
--   unspent   committed minus spent.
-- A partnership's budget may be split into lines by cost category; where it is, spending is
-- held against each line (partnership_budget_line_use).

CREATE TABLE partnership_budget_line (
    partnership_id INTEGER NOT NULL REFERENCES partnership (id),
    category TEXT NOT NULL
        CHECK (category IN ('staff', 'travel', 'venue', 'equipment', 'consumables', 'services', 'indirect', 'other')),
    budget_cents INTEGER NOT NULL CHECK (budget_cents >= 0),
    PRIMARY KEY (partnership_id, category)
) STRICT;

DROP VIEW partnership_budget;
CREATE VIEW partnership_budget AS
SELECT
    partnership.id AS partnership_id,
    partnership.city_id,
    partnership.partner_id,
    partnership.status,
    CASE WHEN partnership.status IN ('agreed', 'active', 'completed') THEN coalesce(partnership.budget_cents, 0) ELSE 0 END
        AS committed_cents,
    coalesce((
        SELECT sum(activity.planned_cost_cents) FROM activity
        WHERE activity.partnership_id = partnership.id AND activity.status <> 'cancelled'), 0) AS planned_cents,
    coalesce(spending.spent, 0) AS spent_cents,
    coalesce(spending.verified, 0) AS verified_cents,
    coalesce(spending.rejected, 0) AS rejected_cents,
    CASE WHEN partnership.status IN ('agreed', 'active', 'completed') THEN coalesce(partnership.budget_cents, 0) ELSE 0 END
        - coalesce(spending.spent, 0) AS unspent_cents
FROM partnership
LEFT JOIN (
    SELECT activity.partnership_id,
        sum(expense.amount_cents) FILTER (WHERE expense.status <> 'rejected') AS spent,
        sum(expense.amount_cents) FILTER (WHERE expense.status = 'verified') AS verified,
        sum(expense.amount_cents) FILTER (WHERE expense.status = 'rejected') AS rejected
    FROM expense JOIN activity ON activity.id = expense.activity_id
    GROUP BY activity.partnership_id
) AS spending ON spending.partnership_id = partnership.id;

DROP VIEW city_budget;
CREATE VIEW city_budget AS
SELECT
    city.id AS city_id,
    city.name AS city,
    coalesce(city.partner_budget_cents, 0) AS allocation_cents,
    coalesce(sum(budget.committed_cents), 0) AS committed_cents,
    coalesce(sum(budget.planned_cents), 0) AS planned_cents,
    coalesce(sum(budget.spent_cents), 0) AS spent_cents,
    coalesce(city.partner_budget_cents, 0) - coalesce(sum(budget.committed_cents), 0) AS remaining_cents,
    coalesce(sum(budget.committed_cents), 0) > coalesce(city.partner_budget_cents, 0) AS over_committed,
    coalesce(sum(budget.unspent_cents), 0) AS unspent_cents,
    coalesce(sum(budget.rejected_cents), 0) AS rejected_cents,
    coalesce(sum(budget.spent_cents), 0) > coalesce(city.partner_budget_cents, 0) AS over_spent
FROM city LEFT JOIN partnership_budget AS budget ON budget.city_id = city.id
GROUP BY city.id;

DROP VIEW partner_budget;
CREATE VIEW partner_budget AS
SELECT
    partner.id AS partner_id,
    partner.name AS partner,
    coalesce(sum(budget.committed_cents), 0) AS committed_cents,
    coalesce(sum(budget.planned_cents), 0) AS planned_cents,
    coalesce(sum(budget.spent_cents), 0) AS spent_cents,
    coalesce(sum(budget.unspent_cents), 0) AS unspent_cents,
    coalesce(sum(budget.rejected_cents), 0) AS rejected_cents
FROM partner LEFT JOIN partnership_budget AS budget ON budget.partner_id = partner.id
GROUP BY partner.id;

-- Each budget line against the spending (claimed and verified) in its category.
CREATE VIEW partnership_budget_line_use AS
SELECT
    line.partnership_id,
    line.category,
    line.budget_cents,
    coalesce((
        SELECT sum(expense.amount_cents) FROM expense JOIN activity ON activity.id = expense.activity_id
        WHERE activity.partnership_id = line.partnership_id AND expense.category = line.category AND expense.status <> 'rejected'), 0)
        AS spent_cents
FROM partnership_budget_line AS line;

-- The overview's spent leaves rejected claims out, and it shows unspent and the rejected claims.
DROP VIEW report_overview;
CREATE VIEW report_overview AS
SELECT 'towns by status' AS section, status AS item, count(*) AS count, NULL AS amount_cents, NULL AS share
FROM city GROUP BY status
UNION ALL
SELECT 'partners by kind', kind, count(*), NULL, NULL FROM partner GROUP BY kind
UNION ALL
SELECT 'partnerships by status', status, count(*), sum(coalesce(budget_cents, 0)), NULL FROM partnership GROUP BY status
UNION ALL
SELECT 'activities by kind and status', kind || ' / ' || status, count(*), sum(coalesce(planned_cost_cents, 0)), NULL
FROM activity GROUP BY kind, status
UNION ALL
SELECT 'budget', 'allocation', NULL, coalesce(sum(partner_budget_cents), 0), NULL FROM city
UNION ALL
SELECT 'budget', 'committed', NULL, coalesce(sum(committed_cents), 0), NULL FROM partnership_budget
UNION ALL
SELECT 'budget', 'planned', NULL, coalesce(sum(planned_cost_cents), 0), NULL FROM activity WHERE status <> 'cancelled'
UNION ALL
SELECT 'budget', 'spent', NULL, coalesce(sum(amount_cents), 0), NULL FROM expense WHERE status <> 'rejected'
UNION ALL
SELECT 'budget', 'remaining', NULL,
    (SELECT coalesce(sum(partner_budget_cents), 0) FROM city) - (SELECT coalesce(sum(committed_cents), 0) FROM partnership_budget), NULL
UNION ALL
SELECT 'budget', 'unspent', NULL, coalesce(sum(unspent_cents), 0), NULL FROM partnership_budget
UNION ALL
SELECT 'budget', 'rejected claims', count(*), coalesce(sum(amount_cents), 0), NULL FROM expense WHERE status = 'rejected'
UNION ALL
SELECT 'bilateral', 'partnerships with a donor partner', count(*), NULL, NULL
FROM partnership WHERE status IN ('agreed', 'active', 'completed')
UNION ALL
SELECT 'bilateral', 'completed partnerships likely to continue', sum(continues = 'yes'),
    NULL, round(100.0 * sum(continues = 'yes') / nullif(count(*), 0), 1)
FROM partnership WHERE status = 'completed'
UNION ALL
SELECT 'bilateral', 'completed partnerships that improved knowledge', sum(improved_knowledge = 'yes'),
    NULL, round(100.0 * sum(improved_knowledge = 'yes') / nullif(count(*), 0), 1)
FROM partnership WHERE status = 'completed';

-- Budget lines join the audit trail, keyed by their partnership (scripts/audit-triggers.py).

-- partnership_budget_line
CREATE TRIGGER partnership_budget_line_audit_insert AFTER INSERT ON partnership_budget_line
WHEN NOT EXISTS (SELECT 1 FROM audit_session WHERE id = 1 AND bulk = 1)
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_budget_line', NEW.partnership_id, 'insert',
            '{"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(NEW.budget_cents, 'null') || '}');
END;

CREATE TRIGGER partnership_budget_line_audit_update AFTER UPDATE ON partnership_budget_line
WHEN OLD.partnership_id IS NOT NEW.partnership_id OR OLD.category IS NOT NEW.category OR OLD.budget_cents IS NOT NEW.budget_cents
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values, new_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_budget_line', NEW.partnership_id, 'update',
            '{"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(OLD.budget_cents, 'null') || '}',
            '{"partnership_id":' || coalesce(NEW.partnership_id, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(NEW.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(NEW.budget_cents, 'null') || '}');
END;

CREATE TRIGGER partnership_budget_line_audit_delete AFTER DELETE ON partnership_budget_line
BEGIN
    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, old_values)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), coalesce((SELECT actor FROM audit_session WHERE id = 1), 'direct-sql'), 'partnership_budget_line', OLD.partnership_id, 'delete',
            '{"partnership_id":' || coalesce(OLD.partnership_id, 'null')
            || ',"category":' || coalesce('"' || replace(replace(replace(replace(replace(OLD.category, '\', '\\'), '"', '\"'), char(10), '\n'), char(13), '\r'), char(9), '\t') || '"', 'null')
            || ',"budget_cents":' || coalesce(OLD.budget_cents, 'null') || '}');
END;


-- statement: one row per expense, for a donor partner's cost statement (registry report
-- statement --partnership P --from --to): the content of the programme's "certification of costs
-- claimed by a donor partner": date, category, document, amount as paid and currency, rate, euro
-- value and claim status.
CREATE VIEW report_statement AS
SELECT
    partnership.id AS partnership_id,
    partnership.city_id,
    city.name AS city,
    partner.name AS partner,
    expense.id AS expense_id,
    expense.spent_date,
    expense.period,
    expense.category,
    expense.document,
    CASE expense.currency WHEN 'ISK' THEN CAST(expense.paid_minor AS TEXT)
        ELSE printf('%d.%02d', coalesce(expense.paid_minor, expense.amount_cents) / 100,
            coalesce(expense.paid_minor, expense.amount_cents) % 100) END AS paid,
    expense.currency,
    rtrim(rtrim(printf('%d.%06d', expense.rate_micros / 1000000, expense.rate_micros % 1000000), '0'), '.') AS rate,
    expense.rate_month,
    expense.amount_cents,
    expense.status,
    expense.rejection_reason,
    expense.paid_by,
    activity.title AS activity
FROM expense
JOIN activity ON activity.id = expense.activity_id
JOIN partnership ON partnership.id = activity.partnership_id
JOIN city ON city.id = partnership.city_id
JOIN partner ON partner.id = partnership.partner_id;

-- spending: per reporting period, category and currency, for each partnership and month (so
-- that registry report spending can narrow it to a town, a partnership or whole months, and add
-- the rest up): the expenses, the amount as paid in the currency, and the euro value claimed
-- and verified (spent), verified and rejected.
CREATE VIEW report_spending AS
SELECT
    coalesce(expense.period, '') AS period,
    expense.category,
    expense.currency,
    partnership.city_id,
    partnership.id AS partnership_id,
    substr(expense.spent_date, 1, 7) AS month,
    count(*) AS expenses,
    sum(coalesce(expense.paid_minor, expense.amount_cents)) AS paid_minor,
    coalesce(sum(expense.amount_cents) FILTER (WHERE expense.status <> 'rejected'), 0) AS spent_cents,
    coalesce(sum(expense.amount_cents) FILTER (WHERE expense.status = 'verified'), 0) AS verified_cents,
    coalesce(sum(expense.amount_cents) FILTER (WHERE expense.status = 'rejected'), 0) AS rejected_cents
FROM expense
JOIN activity ON activity.id = expense.activity_id
JOIN partnership ON partnership.id = activity.partnership_id
GROUP BY 1, 2, 3, 4, 5, 6;
