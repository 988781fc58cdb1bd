import GRDB

/// The queries behind lists and `show`: each entity's rows with the names and figures people
/// read beside them. One query per entity, shared by its list and by the records that show it.
enum Listing {
    static func contacts(_ conditions: QueryConditions, in db: Database) throws -> [ContactListing] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT contact.*, city.name AS city_name, partner.name AS partner_name FROM contact
                LEFT JOIN city ON city.id = contact.city_id LEFT JOIN partner ON partner.id = contact.partner_id
                \(conditions.sql) ORDER BY contact.name, contact.id
                """,
            arguments: conditions.arguments)
        return try Array(rows.map { try ContactListing(contact: Contact(row: $0), cityName: $0["city_name"], partnerName: $0["partner_name"]) })
    }

    static func partnerships(_ conditions: QueryConditions, in db: Database) throws -> [PartnershipListing] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT partnership.*, city.name AS city_name, partner.name AS partner_name,
                    \(TopicLink.partnership.codesExpression(owner: "partnership.id")) AS topic_codes,
                    budget.committed_cents, budget.planned_cents, budget.spent_cents
                FROM partnership
                JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id
                JOIN partnership_budget AS budget ON budget.partnership_id = partnership.id
                \(conditions.sql) ORDER BY city.name_key, partner.name_key
                """,
            arguments: conditions.arguments)
        return try Array(
            rows.map { row in
                try PartnershipListing(
                    partnership: Partnership(row: row), cityName: row["city_name"], partnerName: row["partner_name"],
                    topicCodes: [String](commaSeparated: row["topic_codes"]),
                    budget: BudgetFigures(committedCents: row["committed_cents"], plannedCents: row["planned_cents"], spentCents: row["spent_cents"]))
            })
    }

    static func activities(_ conditions: QueryConditions, in db: Database) throws -> [ActivityListing] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT activity.*, city.name AS city_name, partner.name AS partner_name, topic.code AS topic_code,
                    (SELECT coalesce(sum(amount_cents), 0) FROM expense WHERE expense.activity_id = activity.id) AS spent_cents
                FROM activity
                JOIN partnership ON partnership.id = activity.partnership_id
                JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id
                LEFT JOIN topic ON topic.id = activity.topic_id
                \(conditions.sql) ORDER BY activity.start_date, activity.id
                """,
            arguments: conditions.arguments)
        return try Array(
            rows.map { row in
                try ActivityListing(
                    activity: Activity(row: row), cityName: row["city_name"], partnerName: row["partner_name"], topicCode: row["topic_code"],
                    spentCents: row["spent_cents"])
            })
    }

    static func expenses(_ conditions: QueryConditions, in db: Database) throws -> [ExpenseListing] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT expense.*, activity.title AS activity_title, city.name AS city_name, partner.name AS partner_name
                FROM expense
                JOIN activity ON activity.id = expense.activity_id
                JOIN partnership ON partnership.id = activity.partnership_id
                JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id
                \(conditions.sql) ORDER BY expense.spent_date, expense.id
                """,
            arguments: conditions.arguments)
        return try Array(
            rows.map { row in
                try ExpenseListing(
                    expense: Expense(row: row), activityTitle: row["activity_title"], cityName: row["city_name"], partnerName: row["partner_name"])
            })
    }

    /// A city's budget figures from the `city_budget` view.
    static func cityBudget(_ id: Int64, in db: Database) throws -> BudgetFigures {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM city_budget WHERE city_id = ?", arguments: [id])!
        return BudgetFigures(
            allocationCents: row["allocation_cents"], committedCents: row["committed_cents"], plannedCents: row["planned_cents"],
            spentCents: row["spent_cents"], remainingCents: row["remaining_cents"], overCommitted: row["over_committed"])
    }

    /// A partner's budget figures from the `partner_budget` view.
    static func partnerBudget(_ id: Int64, in db: Database) throws -> BudgetFigures {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM partner_budget WHERE partner_id = ?", arguments: [id])!
        return BudgetFigures(committedCents: row["committed_cents"], plannedCents: row["planned_cents"], spentCents: row["spent_cents"])
    }
}
