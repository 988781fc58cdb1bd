import GRDB

/// What `registry check` found: damage to the database itself, and warnings about the
/// register's business rules, each naming the record and the numbers.
public struct CheckReport: Equatable, Sendable {
    /// Lines of `PRAGMA integrity_check` other than `ok`.
    public var integrityProblems: [String]
    /// Rows pointing at records that do not exist.
    public var foreignKeyProblems: [String]
    public var warnings: [CheckWarning]

    /// The database itself is damaged (as opposed to data that breaks a business rule).
    public var isDamaged: Bool { !integrityProblems.isEmpty || !foreignKeyProblems.isEmpty }
}

/// A business rule that some data breaks.
public struct CheckWarning: Equatable, Sendable {
    public var rule: String
    public var record: String
    public var detail: String
}

extension Registry {
    /// Checks the database's integrity and foreign keys, and the business rules of DESIGN.md.
    /// Contacts count as stale when every partnership of their town or partner ended more than
    /// `contactYears` years ago.
    public func check(contactYears: Int = 5) throws -> CheckReport {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                // Link tables have no rowid to name.
                let rowID = (row[1] as Int64?).map { " row \($0)" } ?? " has a row that"
                return "\(row[0] as String)\(rowID) points at a missing \(row[2] as String)"
            }
            var warnings: [CheckWarning] = []
            for rule in BusinessRule.all {
                let arguments: StatementArguments = rule.sql.contains(":years") ? ["years": "-\(contactYears) years"] : []
                for row in try Row.fetchAll(db, sql: rule.sql, arguments: arguments) {
                    warnings.append(CheckWarning(rule: rule.name, record: row["record"], detail: row["detail"]))
                }
            }
            return CheckReport(integrityProblems: integrity, foreignKeyProblems: foreignKeys, warnings: warnings)
        }
    }
}

/// The business rules `check` warns about; each query returns `record` and `detail` columns.
struct BusinessRule {
    let name: String
    let sql: String

    /// Euros with two decimals, in SQL, for details.
    static func euros(_ cents: String) -> String {
        "printf('%d.%02d', (\(cents)) / 100, (\(cents)) % 100)"
    }

    /// A partnership named in a warning: `partnership #3 lodz/bergen`, from `partnership`, `city`
    /// and `partner` joined under those names.
    static let partnership = "'partnership #' || partnership.id || ' ' || city.name || '/' || partner.name"
    static let partnershipJoins = "JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id"

    static let all =
        spending + [
            BusinessRule(
                name: "over_committed",
                sql: """
                    SELECT 'city #' || city_id || ' ' || city AS record,
                        'commitments ' || \(euros("committed_cents")) || ' EUR exceed the allocation of '
                        || \(euros("allocation_cents")) || ' EUR by ' || \(euros("committed_cents - allocation_cents")) || ' EUR' AS detail
                    FROM city_budget WHERE over_committed ORDER BY city
                    """),
            BusinessRule(
                name: "activity_outside_partnership",
                sql: """
                    SELECT 'activity #' || activity.id || ' ''' || activity.title || '''' AS record,
                        'runs ' || coalesce(activity.start_date, '?') || ' to ' || coalesce(activity.end_date, activity.start_date, '?')
                        || ', outside its partnership''s ' || coalesce(partnership.start_date, '…') || ' to '
                        || coalesce(partnership.end_date, '…') AS detail
                    FROM activity JOIN partnership ON partnership.id = activity.partnership_id
                    WHERE activity.start_date < partnership.start_date
                        OR coalesce(activity.end_date, activity.start_date) > partnership.end_date
                    ORDER BY activity.id
                    """),
            BusinessRule(
                name: "spent_above_plan",
                sql: """
                    SELECT 'activity #' || activity.id || ' ''' || activity.title || '''' AS record,
                        'spent ' || \(euros("spent.cents")) || ' EUR against a planned cost of '
                        || \(euros("activity.planned_cost_cents")) || ' EUR' AS detail
                    FROM activity
                    JOIN (SELECT activity_id, sum(amount_cents) AS cents FROM expense WHERE status <> 'rejected' GROUP BY activity_id) AS spent
                        ON spent.activity_id = activity.id
                    WHERE spent.cents > activity.planned_cost_cents
                    ORDER BY activity.id
                    """),
            BusinessRule(
                name: "travel_without_direction",
                sql: """
                    SELECT 'activity #' || id || ' ''' || title || '''' AS record,
                        CASE kind WHEN 'internship' THEN 'an internship' ELSE 'a study visit' END
                            || ' without a direction (to_norway or to_poland)' AS detail
                    FROM activity WHERE kind IN ('study_visit', 'internship') AND direction IS NULL
                    ORDER BY id
                    """),
            // Contacts are people: once their organisation's cooperation is long over, keeping
            // their details needs a reason (DESIGN.md, personal data).
            BusinessRule(
                name: "stale_contact",
                sql: """
                    SELECT 'contact #' || contact.id || ' ' || contact.name AS record,
                        'every partnership of ' || coalesce(city.name, partner.name) || ' ended by ' || ended.last_end
                        || ', more than ' || substr(:years, 2) || ' ago; remove the contact unless there is a reason to keep it' AS detail
                    FROM contact
                    LEFT JOIN city ON city.id = contact.city_id
                    LEFT JOIN partner ON partner.id = contact.partner_id
                    JOIN (
                        SELECT 'city' AS side, city_id AS owner, count(*) AS total, sum(end_date < date('now', :years)) AS old, max(end_date) AS last_end
                        FROM partnership GROUP BY city_id
                        UNION ALL
                        SELECT 'partner', partner_id, count(*), sum(end_date < date('now', :years)), max(end_date)
                        FROM partnership GROUP BY partner_id
                    ) AS ended ON (ended.side = 'city' AND ended.owner = contact.city_id) OR (ended.side = 'partner' AND ended.owner = contact.partner_id)
                    WHERE ended.total = ended.old
                    ORDER BY contact.id
                    """),
            BusinessRule(
                name: "selected_without_allocation",
                sql: """
                    SELECT 'city #' || id || ' ' || name AS record, 'selected, but no partner budget is recorded' AS detail
                    FROM city WHERE status = 'selected' AND coalesce(partner_budget_cents, 0) = 0
                    ORDER BY name_key
                    """),
        ]

    /// Rules that hold spending (claimed and verified expenses, in euros) against budgets, and
    /// expenses against their partnership.
    static let spending = [
        BusinessRule(
            name: "spent_above_budget",
            sql: """
                SELECT \(partnership) AS record,
                    'spent ' || \(euros("budget.spent_cents")) || ' EUR (claimed and verified), above its budget of '
                    || \(euros("coalesce(partnership.budget_cents, 0)")) || ' EUR by '
                    || \(euros("budget.spent_cents - coalesce(partnership.budget_cents, 0)")) || ' EUR' AS detail
                FROM partnership_budget AS budget JOIN partnership ON partnership.id = budget.partnership_id \(partnershipJoins)
                WHERE budget.spent_cents > coalesce(partnership.budget_cents, 0)
                ORDER BY partnership.id
                """),
        BusinessRule(
            name: "spent_above_budget_line",
            sql: """
                SELECT \(partnership) AS record,
                    'spent ' || \(euros("line.spent_cents")) || ' EUR on ' || line.category || ', above its budget line of '
                    || \(euros("line.budget_cents")) || ' EUR by ' || \(euros("line.spent_cents - line.budget_cents")) || ' EUR' AS detail
                FROM partnership_budget_line_use AS line JOIN partnership ON partnership.id = line.partnership_id \(partnershipJoins)
                WHERE line.spent_cents > line.budget_cents
                ORDER BY partnership.id, line.category
                """),
        BusinessRule(
            name: "budget_lines_above_budget",
            sql: """
                SELECT \(partnership) AS record,
                    'its budget lines add up to ' || \(euros("lines.cents")) || ' EUR, above its budget of '
                    || \(euros("coalesce(partnership.budget_cents, 0)")) || ' EUR' AS detail
                FROM (SELECT partnership_id, sum(budget_cents) AS cents FROM partnership_budget_line GROUP BY partnership_id) AS lines
                JOIN partnership ON partnership.id = lines.partnership_id \(partnershipJoins)
                WHERE lines.cents > coalesce(partnership.budget_cents, 0)
                ORDER BY partnership.id
                """),
        BusinessRule(
            name: "spent_above_allocation",
            sql: """
                SELECT 'city #' || city_id || ' ' || city AS record,
                    'spent ' || \(euros("spent_cents")) || ' EUR (claimed and verified), above the allocation of '
                    || \(euros("allocation_cents")) || ' EUR by ' || \(euros("spent_cents - allocation_cents")) || ' EUR' AS detail
                FROM city_budget WHERE over_spent ORDER BY city
                """),
        BusinessRule(
            name: "spending_without_agreement",
            sql: """
                SELECT \(partnership) AS record,
                    'is ' || partnership.status || ', yet has '
                    || CASE WHEN spent.count > 0 THEN spent.count || CASE spent.count WHEN 1 THEN ' expense' ELSE ' expenses' END ELSE '' END
                    || CASE WHEN spent.count > 0 AND planned.count > 0 THEN ' and ' ELSE '' END
                    || CASE WHEN planned.count > 0
                        THEN planned.count || CASE planned.count WHEN 1 THEN ' planned activity' ELSE ' planned activities' END ELSE '' END
                    AS detail
                FROM partnership \(partnershipJoins)
                LEFT JOIN (
                    SELECT activity.partnership_id, count(*) AS count FROM expense JOIN activity ON activity.id = expense.activity_id
                    WHERE expense.status <> 'rejected' GROUP BY activity.partnership_id
                ) AS spent ON spent.partnership_id = partnership.id
                LEFT JOIN (
                    SELECT partnership_id, count(*) AS count FROM activity WHERE status = 'planned' GROUP BY partnership_id
                ) AS planned ON planned.partnership_id = partnership.id
                WHERE partnership.status IN ('proposed', 'declined', 'cancelled') AND (spent.count > 0 OR planned.count > 0)
                ORDER BY partnership.id
                """),
        BusinessRule(
            name: "expense_outside_partnership",
            sql: """
                SELECT 'expense #' || expense.id AS record,
                    'dated ' || expense.spent_date || ', outside its partnership''s ' || coalesce(partnership.start_date, '…') || ' to '
                    || coalesce(partnership.end_date, '…') || ' (' || city.name || '/' || partner.name || ')' AS detail
                FROM expense JOIN activity ON activity.id = expense.activity_id
                JOIN partnership ON partnership.id = activity.partnership_id \(partnershipJoins)
                WHERE expense.spent_date < partnership.start_date OR expense.spent_date > partnership.end_date
                ORDER BY expense.id
                """),
        // An expense enters a claim to the programme with its reporting period; the claim needs its document.
        BusinessRule(
            name: "claim_without_document",
            sql: """
                SELECT 'expense #' || id AS record,
                    'claimed in period ' || period || ' without a document reference (invoice or receipt number)' AS detail
                FROM expense WHERE status <> 'rejected' AND period IS NOT NULL AND document IS NULL
                ORDER BY id
                """),
    ]
}
