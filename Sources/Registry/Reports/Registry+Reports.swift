import GRDB
import GRDBSQLite

/// The built-in reports; each reads its view, `report_NAME` (`Migrations/0006_reports.sql`).
public enum ReportName: String, CaseIterable, Sendable {
    case overview, budget, themes, activities, partners, unmatched, spending, statement, agenda

    /// One line for `registry report list`.
    public var summary: String {
        switch self {
        case .overview: "the register in figures: towns, partners, partnerships and activities by status and kind, budget totals, bilateral figures"
        case .budget: "per town: allocation, committed, planned, spent, remaining, share used, and towns committed above their allocation"
        case .themes: "per theme and topic: towns asking, partners offering, partnerships and activities; gaps where nobody offers"
        case .activities: "the calendar of activities for a period (--from, --to), with kind, direction, town, partner and theme"
        case .partners: "per partner: partnerships, activities, committed budget and the towns it works with"
        case .unmatched: "selected towns without an agreed, active or completed partnership, with the topics they asked for"
        case .spending:
            "per reporting period, category and currency: expenses, the amount as paid, and euros spent (claimed and verified), verified and rejected"
        case .statement:
            "one partnership's cost statement (--partnership, --from, --to): each expense with its document, amount as paid, rate, euros and status, with totals per category"
        case .agenda:
            "what needs attention now (--days, --from): activities soon without participants or a location, stalled talks, missing end-of-project answers, towns without a partner, spending rules broken, claims to verify"
        }
    }

    /// The filters that apply.
    public var filters: [ReportFilter.Field] {
        switch self {
        case .overview: []
        case .budget: [.city, .status]
        case .themes: [.theme]
        case .activities: [.city, .theme, .from, .to, .status]
        case .partners: [.city]
        case .unmatched: []
        case .spending: [.city, .partnership, .from, .to]
        case .statement: [.partnership, .from, .to]
        case .agenda: [.from, .days]
        }
    }

    /// The queries whose rows make the report, each narrowed by `conditions` (the same
    /// arguments bound to each): most reports read their view as it is; spending adds the view's
    /// rows up per period, category and currency; a statement lists the expenses, then totals.
    func queries(_ conditions: String) -> [String] {
        switch self {
        case .spending:
            [
                """
                SELECT period, category, currency, sum(expenses) AS expenses,
                    CASE currency WHEN 'ISK' THEN CAST(sum(paid_minor) AS TEXT)
                        ELSE printf('%d.%02d', sum(paid_minor) / 100, sum(paid_minor) % 100) END AS paid,
                    sum(spent_cents) AS spent_cents, sum(verified_cents) AS verified_cents, sum(rejected_cents) AS rejected_cents
                FROM report_spending \(conditions) GROUP BY period, category, currency ORDER BY period, category, currency
                """
            ]
        case .statement:
            [
                """
                SELECT 'expense' AS line, expense_id, spent_date, period, category, document, paid, currency, rate, rate_month,
                    amount_cents, status, rejection_reason, paid_by, activity
                FROM report_statement \(conditions) ORDER BY spent_date, expense_id
                """,
                """
                SELECT 'total', NULL, NULL, NULL, category, NULL, NULL, NULL, NULL, NULL,
                    coalesce(sum(amount_cents) FILTER (WHERE status <> 'rejected'), 0), 'claimed and verified', NULL, NULL, NULL
                FROM report_statement \(conditions) GROUP BY category ORDER BY category
                """,
                """
                SELECT 'total', NULL, NULL, NULL, 'all categories', NULL, NULL, NULL, NULL, NULL,
                    coalesce(sum(amount_cents) FILTER (WHERE status <> 'rejected'), 0), 'claimed and verified', NULL, NULL, NULL
                FROM report_statement \(conditions)
                """,
            ]
        case .agenda: [Agenda.sql]
        default: ["SELECT * FROM report_\(rawValue) \(conditions) \(order)"]
        }
    }

    /// How --from and --to narrow the report: activities by their dates, expenses by their
    /// date, spending by whole months.
    func periodConditions(from: String?, to: String?, into conditions: inout QueryConditions) {
        switch self {
        case .statement:
            if let from { conditions.add("spent_date >= ?", from) }
            if let to { conditions.add("spent_date <= ?", to) }
        case .spending:
            if let from { conditions.add("month >= substr(?, 1, 7)", from) }
            if let to { conditions.add("month <= substr(?, 1, 7)", to) }
        case .agenda:
            break  // --from is the agenda's day (`agendaArguments`)
        default:
            if let from { conditions.add("coalesce(end_date, start_date) >= ?", from) }
            if let to { conditions.add("start_date <= ?", to) }
        }
    }

    /// How the view is narrowed to one town (its id bound once): the partners report lists
    /// partners, so it keeps those that work with the town.
    var cityCondition: String {
        switch self {
        case .partners: "partner_id IN (SELECT partner_id FROM partnership WHERE city_id = ?)"
        case .budget, .spending: "city_id = ?"
        default: "city = (SELECT name FROM city WHERE id = ?)"
        }
    }

    var order: String {
        switch self {
        case .overview, .themes: ""
        case .budget, .unmatched: "ORDER BY (SELECT name_key FROM city WHERE city.id = city_id)"
        case .activities: "ORDER BY start_date, activity_id"
        case .spending, .statement, .agenda: ""
        case .partners: "ORDER BY (SELECT name_key FROM partner WHERE partner.id = partner_id)"
        }
    }
}

/// Narrowing a report; nil means all.
public struct ReportFilter: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable { case city, partnership, theme, from, to, status, days }

    public var city: String?
    public var partnership: String?
    public var theme: String?
    public var from: String?
    public var to: String?
    public var status: String?
    /// The agenda's days ahead.
    public var days: Int?

    public init(
        city: String? = nil, partnership: String? = nil, theme: String? = nil, from: String? = nil, to: String? = nil, status: String? = nil,
        days: Int? = nil
    ) {
        self.days = days
        self.city = city
        self.partnership = partnership
        self.theme = theme
        self.from = from
        self.to = to
        self.status = status
    }

    var given: [Field] {
        [
            (Field.city, city), (.partnership, partnership), (.theme, theme), (.from, from), (.to, to), (.status, status),
            (.days, days.map(String.init)),
        ]
        .compactMap { $0.1 == nil ? nil : $0.0 }
    }
}

extension Registry {
    /// Runs report `name` narrowed by `filter`, all rows at once.
    public func report(_ name: ReportName, filter: ReportFilter = ReportFilter()) throws -> (columns: [String], rows: [[Cell]]) {
        var result: (columns: [String], rows: [[Cell]]) = ([], [])
        try report(name, filter: filter, columns: { result.columns = $0 }, row: { result.rows.append($0) })
        return result
    }

    /// Streams report `name` narrowed by `filter` from one snapshot: `columns` once, then `row`
    /// for each row. Columns ending in `_cents` come back as money named without the suffix.
    public func report(
        _ name: ReportName, filter: ReportFilter = ReportFilter(), columns: ([String]) throws -> Void, row: ([Cell]) throws -> Void
    ) throws {
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                let (queries, arguments) = try Self.plan(name, filter: filter, in: db)
                // The first query names the columns (and which hold money); a statement's totals follow its rows.
                var money: [Bool] = []
                for (index, sql) in queries.enumerated() {
                    let statement = try db.makeStatement(sql: sql)
                    try statement.setArguments(arguments)
                    let names = statement.columnNames
                    if index == 0 {
                        money = names.map { $0.hasSuffix("_cents") }
                        try columns(names.map { $0.hasSuffix("_cents") ? String($0.dropLast(6)) : $0 })
                    }
                    // Stepped through SQLite's C API: a million rows through GRDB's `Row` took 15 % longer.
                    let handle = statement.sqliteStatement
                    while true {
                        let code = sqlite3_step(handle)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage) }
                        try row(names.indices.map { Cell(statement: handle, column: Int32($0), money: money[$0]) })
                    }
                }
            }
        }
    }

    /// The SQL report `name` runs for `filter`, its values written in as SQL literals: to run the
    /// same query in the sqlite3 shell or another tool (`report NAME --sql`). Nothing is run.
    public func reportSQL(_ name: ReportName, filter: ReportFilter = ReportFilter()) throws -> String {
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                let (queries, arguments) = try Self.plan(name, filter: filter, in: db)
                // SQLite writes the bound values in as literals itself.
                return try queries.map { sql in
                    let statement = try db.makeStatement(sql: sql)
                    try statement.setArguments(arguments)
                    guard let expanded = sqlite3_expanded_sql(statement.sqliteStatement) else { return sql + ";\n" }
                    defer { sqlite3_free(expanded) }
                    return String(cString: expanded) + ";\n"
                }.joined()
            }
        }
    }

    /// The queries of report `name` and the arguments they take, from `filter` checked.
    private static func plan(_ name: ReportName, filter: ReportFilter, in db: Database) throws -> (queries: [String], arguments: StatementArguments) {
        if let field = filter.given.first(where: { !name.filters.contains($0) }) {
            let accepted =
                name.filters.isEmpty ? "it takes no filters" : "its filters: " + name.filters.map { "--" + $0.rawValue }.joined(separator: ", ")
            throw RegistryError.invalid([
                FieldProblem(field: field.rawValue, value: "", reason: "does not apply to the \(name.rawValue) report; \(accepted)")
            ])
        }
        var conditions = QueryConditions()
        if let city = filter.city {
            conditions.add(name.cityCondition, try RecordKind.city.resolve(city, in: db))
        }
        if let theme = filter.theme {
            var checker = InputChecker()
            let code = checker.reference("theme", theme, in: try String.fetchAll(db, sql: ReferenceData.Query.themeCodes), describedAs: "themes")
            try checker.throwIfInvalid()
            conditions.add("theme = ?", code)
        }
        if let partnership = filter.partnership {
            conditions.add("partnership_id = ?", try RecordKind.partnership.resolve(.typed(partnership), in: db))
        }
        let (from, to) = try period(from: filter.from, to: filter.to)
        name.periodConditions(from: from, to: to, into: &conditions)
        if let status = filter.status {
            var checker = InputChecker()
            let value =
                name == .budget
                ? checker.choice("status", status, as: CityStatus.self)?.rawValue
                : checker.choice("status", status, as: ActivityStatus.self)?.rawValue
            try checker.throwIfInvalid()
            conditions.add("status = ?", value)
        }
        if name == .statement, filter.partnership == nil {
            throw RegistryError.invalid([
                FieldProblem(field: "partnership", value: "", reason: "is required: a statement is one partnership's (id or CITY/PARTNER)")
            ])
        }
        return (name.queries(conditions.sql), name == .agenda ? try agendaArguments(day: from, days: filter.days) : conditions.arguments)
    }

    /// The agenda's day (--from, already checked, else today in local time), the last day it looks
    /// ahead to (--days, 14 unless told), and the day before which talks are stalled.
    static func agendaArguments(day from: String?, days: Int?) throws -> StatementArguments {
        if let days, !(0...366).contains(days) {
            throw RegistryError.invalid([FieldProblem(field: "days", value: String(days), reason: "is not a number of days from 0 to 366")])
        }
        let day = from.map(ISODate.daysSince1970) ?? ISODate.localToday()
        return [
            "today": ISODate.string(daysSince1970: day), "until": ISODate.string(daysSince1970: day + (days ?? 14)),
            "stalled": ISODate.string(daysSince1970: day - Agenda.stalledAfterDays),
        ]
    }
}
