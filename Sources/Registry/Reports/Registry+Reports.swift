import GRDB
import GRDBSQLite

/// The built-in reports; each reads its view, `report_NAME` (`Migrations/0006_reports.sql`).
public enum ReportName: String, CaseIterable, Sendable {
    case overview, budget, themes, activities, partners, unmatched

    /// One line for `registry report list`.
    public var summary: String {
        switch self {
        case .overview: "the register in figures: towns, partners, partnerships and activities by status and kind, budget totals, bilateral figures"
        case .budget: "per town: allocation, committed, planned, spent, remaining, share used, and towns committed above their allocation"
        case .themes: "per theme and topic: towns asking, partners offering, partnerships and activities; gaps where nobody offers"
        case .activities: "the calendar of activities for a period (--from, --to), with kind, direction, town, partner and theme"
        case .partners: "per partner: partnerships, activities, committed budget and the towns it works with"
        case .unmatched: "selected towns without an agreed, active or completed partnership, with the topics they asked for"
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
        }
    }

    /// How the view is narrowed to one town (its id bound once): the partners report lists
    /// partners, so it keeps those that work with the town.
    var cityCondition: String {
        switch self {
        case .partners: "partner_id IN (SELECT partner_id FROM partnership WHERE city_id = ?)"
        case .budget: "city_id = ?"
        default: "city = (SELECT name FROM city WHERE id = ?)"
        }
    }

    var order: String {
        switch self {
        case .overview, .themes: ""
        case .budget, .unmatched: "ORDER BY (SELECT name_key FROM city WHERE city.id = city_id)"
        case .activities: "ORDER BY start_date, activity_id"
        case .partners: "ORDER BY (SELECT name_key FROM partner WHERE partner.id = partner_id)"
        }
    }
}

/// Narrowing a report; nil means all.
public struct ReportFilter: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable { case city, theme, from, to, status }

    public var city: String?
    public var theme: String?
    public var from: String?
    public var to: String?
    public var status: String?

    public init(city: String? = nil, theme: String? = nil, from: String? = nil, to: String? = nil, status: String? = nil) {
        self.city = city
        self.theme = theme
        self.from = from
        self.to = to
        self.status = status
    }

    var given: [Field] {
        [(Field.city, city), (.theme, theme), (.from, from), (.to, to), (.status, status)].compactMap { $0.1 == nil ? nil : $0.0 }
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
        if let field = filter.given.first(where: { !name.filters.contains($0) }) {
            let accepted =
                name.filters.isEmpty ? "it takes no filters" : "its filters: " + name.filters.map { "--" + $0.rawValue }.joined(separator: ", ")
            throw RegistryError.invalid([
                FieldProblem(field: field.rawValue, value: "", reason: "does not apply to the \(name.rawValue) report; \(accepted)")
            ])
        }
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                var conditions = QueryConditions()
                if let city = filter.city {
                    conditions.add(name.cityCondition, try RecordKind.city.resolve(city, in: db))
                }
                if let theme = filter.theme {
                    var checker = InputChecker()
                    let code = checker.reference(
                        "theme", theme, in: try String.fetchAll(db, sql: ReferenceData.Query.themeCodes), describedAs: "themes")
                    try checker.throwIfInvalid()
                    conditions.add("theme = ?", code)
                }
                let (from, to) = try Self.period(from: filter.from, to: filter.to)
                if let from { conditions.add("coalesce(end_date, start_date) >= ?", from) }
                if let to { conditions.add("start_date <= ?", to) }
                if let status = filter.status {
                    var checker = InputChecker()
                    let value =
                        name == .budget
                        ? checker.choice("status", status, as: CityStatus.self)?.rawValue
                        : checker.choice("status", status, as: ActivityStatus.self)?.rawValue
                    try checker.throwIfInvalid()
                    conditions.add("status = ?", value)
                }
                let statement = try db.makeStatement(sql: "SELECT * FROM report_\(name.rawValue) \(conditions.sql) \(name.order)")
                try statement.setArguments(conditions.arguments)
                let names = statement.columnNames
                let money = names.map { $0.hasSuffix("_cents") }
                try columns(names.map { $0.hasSuffix("_cents") ? String($0.dropLast(6)) : $0 })
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
