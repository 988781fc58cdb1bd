import GRDB

/// A column of the files `registry export` writes and `registry import` reads: its heading, the
/// SQL that reads it, how its cells are typed, and the input field whose problems it shows.
struct FileColumn: Sendable {
    enum Kind: Sendable {
        case text, integer, money, date, list, json

        /// The cell as this kind: an integer as money, a text as a list of codes or as JSON.
        func value(_ cell: Cell) -> Cell {
            switch (self, cell) {
            case (.money, .integer(let cents)): .money(cents)
            case (.list, .text(let text)): .list([String](commaSeparated: text))
            case (.list, .null): .list([])
            case (.json, .text(let text)): .json(text)
            default: cell
            }
        }
    }

    let heading: String
    let sql: String
    let kind: Kind
    /// The field that input checks name (`start` for `start_date`), when it is not the heading
    /// written with dashes (`planned-cost` for `planned_cost`).
    let field: String?

    init(_ heading: String, sql: String, _ kind: Kind = .text, field: String? = nil) {
        self.heading = heading
        self.sql = sql
        self.kind = kind
        self.field = field
    }

    /// A stored column of `table`, under its own name unless `heading` says otherwise.
    init(_ column: Column, of table: String, _ kind: Kind = .text, as heading: String? = nil, field: String? = nil) {
        self.init(heading ?? column.name, sql: "\(table).\(column.name)", kind, field: field)
    }
}

/// One record kind's file: its columns in order, and the tables they are read from.
struct FileLayout: Sendable {
    let columns: [FileColumn]
    /// The FROM clause, joins included, that the columns' SQL reads.
    let source: String

    var headings: [String] { columns.map(\.heading) }

    /// The query that reads every record, in id order.
    func query(orderedBy order: String) -> String {
        "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(source) ORDER BY \(order)"
    }

    /// The query that reads the record whose id (in `table`) is its one argument.
    func query(id table: String) -> String {
        "SELECT \(columns.map(\.sql).joined(separator: ", ")) FROM \(source) WHERE \(table).id = ?"
    }

    /// The heading of the column that shows problems with `field`; a field no column names is
    /// its own heading.
    func heading(forField field: String) -> String {
        columns.first { $0.field == field }?.heading ?? field.replacingOccurrences(of: "-", with: "_")
    }
}

extension RecordKind {
    /// The columns of this kind's export and import files: stored columns, with references to
    /// other records written as their names and topics as their codes.
    var file: FileLayout {
        switch self {
        case .city: Self.cityFile
        case .partner: Self.partnerFile
        case .contact: Self.contactFile
        case .partnership: Self.partnershipFile
        case .activity: Self.activityFile
        case .expense: Self.expenseFile
        }
    }

    private static let cityFile: FileLayout = {
        let c = City.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "city", .integer), FileColumn(c.name, of: "city"), FileColumn(c.voivodeship, of: "city"),
                FileColumn(c.population, of: "city", .integer), FileColumn(c.status, of: "city"),
                FileColumn(c.partnerBudgetCents, of: "city", .money, as: "partner_budget"), FileColumn(c.projectCode, of: "city"),
                FileColumn(c.projectGrantCents, of: "city", .money, as: "project_grant"),
                FileColumn("topics", sql: TopicLink.city.codesExpression(owner: "city.id"), .list),
                FileColumn(c.expectations, of: "city"), FileColumn(c.website, of: "city"), FileColumn(c.teryt, of: "city"),
                FileColumn(c.notes, of: "city"),
            ],
            source: "city")
    }()

    private static let partnerFile: FileLayout = {
        let c = Partner.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "partner", .integer), FileColumn(c.name, of: "partner"), FileColumn(c.country, of: "partner"),
                FileColumn(c.kind, of: "partner"), FileColumn(c.orgNumber, of: "partner"), FileColumn(c.county, of: "partner"),
                FileColumn("topics", sql: TopicLink.partner.codesExpression(owner: "partner.id"), .list),
                FileColumn(c.expertise, of: "partner"), FileColumn(c.website, of: "partner"), FileColumn(c.notes, of: "partner"),
            ],
            source: "partner")
    }()

    private static let contactFile: FileLayout = {
        let c = Contact.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "contact", .integer), FileColumn(c.name, of: "contact"), FileColumn("city", sql: "city.name"),
                FileColumn("partner", sql: "partner.name"), FileColumn(c.role, of: "contact"), FileColumn(c.email, of: "contact"),
                FileColumn(c.phone, of: "contact"), FileColumn(c.languages, of: "contact", .list), FileColumn(c.notes, of: "contact"),
            ],
            source: "contact LEFT JOIN city ON city.id = contact.city_id LEFT JOIN partner ON partner.id = contact.partner_id")
    }()

    /// A partnership's budget lines as `category=euros`, by category, separated by commas.
    private static let budgetLinesSQL = """
        (SELECT group_concat(line, ',') FROM (
            SELECT category || '=' || printf('%d.%02d', budget_cents / 100, budget_cents % 100) AS line
            FROM partnership_budget_line WHERE partnership_id = partnership.id ORDER BY category))
        """

    private static let partnershipFile: FileLayout = {
        let c = Partnership.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "partnership", .integer), FileColumn("city", sql: "city.name"), FileColumn("partner", sql: "partner.name"),
                FileColumn(c.status, of: "partnership"), FileColumn(c.budgetCents, of: "partnership", .money, as: "budget"),
                FileColumn(c.signedDate, of: "partnership", .date, field: "signed"),
                FileColumn(c.startDate, of: "partnership", .date, field: "start"),
                FileColumn(c.endDate, of: "partnership", .date, field: "end"),
                FileColumn("topics", sql: TopicLink.partnership.codesExpression(owner: "partnership.id"), .list),
                FileColumn(c.improvedKnowledge, of: "partnership"), FileColumn(c.continues, of: "partnership"),
                FileColumn(c.lastingEffects, of: "partnership"), FileColumn(c.notes, of: "partnership"),
                FileColumn("budget_lines", sql: budgetLinesSQL, .list),
            ],
            source: "partnership JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id")
    }()

    private static let activityFile: FileLayout = {
        let c = Activity.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "activity", .integer), FileColumn("city", sql: "city.name", field: "partnership"),
                FileColumn("partner", sql: "partner.name"), FileColumn(c.kind, of: "activity"), FileColumn(c.title, of: "activity"),
                FileColumn(c.direction, of: "activity"), FileColumn(c.startDate, of: "activity", .date, field: "start"),
                FileColumn(c.endDate, of: "activity", .date, field: "end"), FileColumn(c.location, of: "activity"),
                FileColumn(c.participants, of: "activity", .integer), FileColumn(c.plannedCostCents, of: "activity", .money, as: "planned_cost"),
                FileColumn(c.status, of: "activity"), FileColumn("topic", sql: "topic.code"), FileColumn(c.notes, of: "activity"),
            ],
            source: """
                activity JOIN partnership ON partnership.id = activity.partnership_id JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id LEFT JOIN topic ON topic.id = activity.topic_id
                """)
    }()

    /// The amount as paid, as a decimal of its currency (`Money.format(_:in:)` in SQL).
    private static let paidSQL = """
        CASE expense.currency WHEN 'ISK' THEN CAST(expense.paid_minor AS TEXT)
            ELSE printf('%d.%02d', coalesce(expense.paid_minor, expense.amount_cents) / 100,
                coalesce(expense.paid_minor, expense.amount_cents) % 100) END
        """
    /// The rate as the shortest decimal (`Rate.format` in SQL).
    private static let rateSQL = "rtrim(rtrim(printf('%d.%06d', expense.rate_micros / 1000000, expense.rate_micros % 1000000), '0'), '.')"

    private static let expenseFile: FileLayout = {
        let c = Expense.Columns.self
        return FileLayout(
            columns: [
                FileColumn(c.id, of: "expense", .integer), FileColumn(c.activityId, of: "expense", .integer, field: "activity"),
                FileColumn("activity", sql: "activity.title"), FileColumn("city", sql: "city.name"), FileColumn("partner", sql: "partner.name"),
                FileColumn(c.amountCents, of: "expense", .money, as: "amount"), FileColumn(c.category, of: "expense"),
                FileColumn(c.spentDate, of: "expense", .date, field: "date"), FileColumn(c.note, of: "expense"),
                FileColumn(c.currency, of: "expense"),
                FileColumn("paid", sql: paidSQL), FileColumn("rate", sql: rateSQL), FileColumn(c.rateMonth, of: "expense", field: "rate-month"),
                FileColumn(c.rateSource, of: "expense", field: "rate-source"), FileColumn(c.paidBy, of: "expense", field: "paid-by"),
                FileColumn(c.document, of: "expense"), FileColumn(c.period, of: "expense"), FileColumn(c.status, of: "expense"),
                FileColumn(c.rejectionReason, of: "expense", field: "reason"),
            ],
            source: """
                expense JOIN activity ON activity.id = expense.activity_id JOIN partnership ON partnership.id = activity.partnership_id
                JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
                """)
    }()
}
