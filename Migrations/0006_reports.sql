-- The built-in reports (DESIGN.md §6), one view each, so `registry report NAME` and staff's
-- own SQL (`SELECT * FROM report_budget`) give the same numbers. Money is in euro cents, in
-- the budget vocabulary of 0004_budget_views.sql; the README lists every column.
-- Also the table of saved queries (`registry query save`).

-- overview: the register in figures, one row each: a section, an item, and a count, an amount
-- or a share (percent). The bilateral figures follow the EEA Grants data portal: partnerships
-- with a donor partner (agreed, active or completed), and of the completed ones the share
-- likely to continue cooperation and the share that improved knowledge and understanding.
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
SELECT 'budget', 'spent', NULL, coalesce(sum(amount_cents), 0), NULL FROM expense
UNION ALL
SELECT 'budget', 'remaining', NULL,
    (SELECT coalesce(sum(partner_budget_cents), 0) FROM city) - (SELECT coalesce(sum(committed_cents), 0) FROM partnership_budget), NULL
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

-- budget: per town, allocation against committed, planned and spent; share_used is committed
-- as a percent of the allocation (NULL without one); over_allocation flags commitments above it.
CREATE VIEW report_budget AS
SELECT
    city.id AS city_id,
    city.name AS city,
    city.voivodeship,
    city.status,
    budget.allocation_cents,
    budget.committed_cents,
    budget.planned_cents,
    budget.spent_cents,
    budget.remaining_cents,
    round(100.0 * budget.committed_cents / nullif(budget.allocation_cents, 0), 1) AS share_used,
    budget.over_committed AS over_allocation
FROM city JOIN city_budget AS budget ON budget.city_id = city.id;

-- themes: per theme and topic, towns asking and partners offering; gap = 1 where towns ask and
-- no partner offers.
CREATE VIEW report_themes AS
SELECT theme, topic, topic_name, towns_asking, partners_offering, partnerships, activities,
    towns_asking > 0 AND partners_offering = 0 AS gap
FROM (
    SELECT
        theme.code AS theme,
        topic.code AS topic,
        topic.name_en AS topic_name,
        (SELECT count(*) FROM city_topic WHERE city_topic.topic_id = topic.id) AS towns_asking,
        (SELECT count(*) FROM partner_topic WHERE partner_topic.topic_id = topic.id) AS partners_offering,
        (SELECT count(*) FROM partnership_topic WHERE partnership_topic.topic_id = topic.id) AS partnerships,
        (SELECT count(*) FROM activity WHERE activity.topic_id = topic.id) AS activities
    FROM topic JOIN theme ON theme.id = topic.theme_id
    ORDER BY topic.id);

-- activities: the calendar, one row per activity with its town, partner and theme.
CREATE VIEW report_activities AS
SELECT
    activity.id AS activity_id,
    activity.start_date,
    activity.end_date,
    activity.kind,
    activity.direction,
    activity.status,
    activity.title,
    city.name AS city,
    partner.name AS partner,
    theme.code AS theme,
    topic.code AS topic,
    activity.participants,
    activity.planned_cost_cents
FROM activity
JOIN partnership ON partnership.id = activity.partnership_id
JOIN city ON city.id = partnership.city_id
JOIN partner ON partner.id = partnership.partner_id
LEFT JOIN topic ON topic.id = activity.topic_id
LEFT JOIN theme ON theme.id = topic.theme_id;

-- partners: per partner, partnerships (all and agreed or active), activities, committed budget
-- and the towns it works with.
CREATE VIEW report_partners AS
SELECT
    partner.id AS partner_id,
    partner.name AS partner,
    partner.kind,
    partner.county,
    (SELECT count(*) FROM partnership WHERE partnership.partner_id = partner.id) AS partnerships,
    (SELECT count(*) FROM partnership WHERE partnership.partner_id = partner.id AND partnership.status IN ('agreed', 'active'))
        AS active_partnerships,
    (SELECT count(*) FROM partnership JOIN activity ON activity.partnership_id = partnership.id WHERE partnership.partner_id = partner.id)
        AS activities,
    (SELECT coalesce(sum(CASE WHEN status IN ('agreed', 'active', 'completed') THEN coalesce(budget_cents, 0) ELSE 0 END), 0)
        FROM partnership WHERE partnership.partner_id = partner.id) AS committed_cents,
    (SELECT group_concat(name, ', ') FROM (
        SELECT city.name FROM partnership JOIN city ON city.id = partnership.city_id
        WHERE partnership.partner_id = partner.id ORDER BY city.name_key)) AS towns
FROM partner;

-- unmatched: selected towns without an agreed, active or completed partnership, with the
-- topics they asked for and how many partnerships are still being talked about.
CREATE VIEW report_unmatched AS
SELECT
    city.id AS city_id,
    city.name AS city,
    city.voivodeship,
    coalesce(city.partner_budget_cents, 0) AS allocation_cents,
    (SELECT group_concat(code, ',') FROM (
        SELECT topic.code FROM city_topic JOIN topic ON topic.id = city_topic.topic_id
        WHERE city_topic.city_id = city.id ORDER BY topic.id)) AS topics,
    (SELECT count(*) FROM partnership WHERE partnership.city_id = city.id AND partnership.status IN ('proposed', 'contacted'))
        AS partnerships_in_talks
FROM city
WHERE city.status = 'selected'
    AND NOT EXISTS (
        SELECT 1 FROM partnership WHERE partnership.city_id = city.id AND partnership.status IN ('agreed', 'active', 'completed'));

-- Saved queries: staff's own SQL under a name, checked by the read-only rules when saved and
-- when run.
CREATE TABLE saved_query (
    name TEXT PRIMARY KEY CHECK (name <> '' AND name NOT GLOB '*[^a-z0-9_-]*'),
    sql TEXT NOT NULL CHECK (sql <> ''),
    description TEXT,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL
) STRICT;
