-- Budget figures, defined once for every command, report and staff query (DESIGN.md §3):
--   allocation  the partner budget a city set aside;
--   committed   budgets of its partnerships that are agreed, active or completed;
--   planned     planned cost of its activities that are not cancelled;
--   spent       the sum of its expenses;
--   remaining   allocation minus committed.
-- Amounts are euro cents; a missing allocation or budget counts as 0.

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
    coalesce((
        SELECT sum(expense.amount_cents) FROM expense JOIN activity ON activity.id = expense.activity_id
        WHERE activity.partnership_id = partnership.id), 0) AS spent_cents
FROM partnership;

CREATE VIEW city_budget AS
SELECT
    city.id AS city_id,
    city.name AS city,
    coalesce(city.partner_budget_cents, 0) AS allocation_cents,
    coalesce(sum(budget.committed_cents), 0) AS committed_cents,
    coalesce(sum(budget.planned_cents), 0) AS planned_cents,
    coalesce(sum(budget.spent_cents), 0) AS spent_cents,
    coalesce(city.partner_budget_cents, 0) - coalesce(sum(budget.committed_cents), 0) AS remaining_cents,
    coalesce(sum(budget.committed_cents), 0) > coalesce(city.partner_budget_cents, 0) AS over_committed
FROM city LEFT JOIN partnership_budget AS budget ON budget.city_id = city.id
GROUP BY city.id;

CREATE VIEW partner_budget AS
SELECT
    partner.id AS partner_id,
    partner.name AS partner,
    coalesce(sum(budget.committed_cents), 0) AS committed_cents,
    coalesce(sum(budget.planned_cents), 0) AS planned_cents,
    coalesce(sum(budget.spent_cents), 0) AS spent_cents
FROM partner LEFT JOIN partnership_budget AS budget ON budget.partner_id = partner.id
GROUP BY partner.id;
