import GRDB
import GRDBSQLite

/// What `registry export` can write: every entity staff create, the programme's topics, and
/// the audit log. Columns are the stored ones with references written as names (a city and a
/// partner beside a partnership), money as euros and topics as their codes.
public enum ExportEntity: Hashable, CaseIterable, Sendable {
    case record(RecordKind)
    case topic
    case log

    public static var allCases: [ExportEntity] { RecordKind.allCases.map(Self.record) + [.topic, .log] }

    /// The name on the command line: the record kind's, `topic` or `log`.
    public var name: String {
        switch self {
        case .record(let kind): kind.rawValue
        case .topic: "topic"
        case .log: "log"
        }
    }

    public init?(name: String) {
        guard let entity = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = entity
    }

    /// The table with one row per exported record.
    var table: String {
        switch self {
        case .record(let kind): kind.table
        case .topic: "topic"
        case .log: "audit_log"
        }
    }
}

/// One value of tabular output (lists, exports), typed so each format writes it right: money
/// as exact euros, lists as arrays in JSON, audit values as nested JSON.
public enum Cell: Equatable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    /// Euro cents.
    case money(Int64)
    /// A list of codes.
    case list([String])
    /// A JSON text.
    case json(String)
}

extension Registry {
    /// Streams `entity` row by row, in id order, from one consistent snapshot: `columns` is
    /// called once, then `row` for each record, so memory stays flat however large the table.
    /// `progress` hears the rows written, of the table's count (each export reads one row per
    /// record of its table; the count is only taken when someone listens).
    public func export(
        _ entity: ExportEntity, progress: ProgressReporter? = nil, columns: ([String]) throws -> Void, row: ([Cell]) throws -> Void
    ) throws {
        let query = ExportQuery.of(entity)
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                let statement = try db.makeStatement(sql: query.sql)
                try columns(query.columns.map(\.name))
                let total = try progress.map { _ in try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(entity.table)") ?? 0 }
                var written: Int64 = 0
                // Stepped through SQLite's C API, like reports: faster than GRDB's `Row` per row.
                let handle = statement.sqliteStatement
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage) }
                    try row(query.columns.indices.map { query.columns[$0].kind.value(Cell(statement: handle, column: Int32($0))) })
                    written += 1
                    if written % 1000 == 0 { progress?(WorkProgress(step: "exporting", done: written, total: total, unit: .rows)) }
                }
                progress?(WorkProgress(step: "exporting", done: written, total: total, unit: .rows))
            }
        }
    }
}

/// The query behind each export and how to read its columns.
struct ExportQuery {
    enum Kind {
        case text, integer, money, list, json

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

    let columns: [(name: String, kind: Kind)]
    let sql: String

    /// Columns whose kind is not text, by name.
    static let kinds: [String: Kind] = [
        "id": .integer, "population": .integer, "participants": .integer, "activity_id": .integer, "row_id": .integer,
        "partner_budget": .money, "project_grant": .money, "budget": .money, "planned_cost": .money, "amount": .money,
        "topics": .list, "languages": .list, "old_values": .json, "new_values": .json,
    ]

    init(_ names: [String], _ sql: String) {
        columns = names.map { ($0, Self.kinds[$0] ?? .text) }
        self.sql = sql
    }

    static func of(_ entity: ExportEntity) -> ExportQuery {
        switch entity {
        case .record(let kind): of(kind)
        case .topic:
            ExportQuery(
                ["theme", "theme_en", "theme_nb", "topic", "topic_en", "topic_nb"],
                """
                SELECT theme.code, theme.name_en, theme.name_nb, topic.code, topic.name_en, topic.name_nb
                FROM topic JOIN theme ON theme.id = topic.theme_id ORDER BY topic.id
                """)
        case .log:
            ExportQuery(
                ["id", "changed_at", "actor", "table", "row_id", "action", "old_values", "new_values"],
                "SELECT id, changed_at, actor, table_name, row_id, action, old_values, new_values FROM audit_log ORDER BY id")
        }
    }

    /// A record kind's export: its stored columns, with references written as names.
    static func of(_ kind: RecordKind) -> ExportQuery {
        switch kind {
        case .city:
            ExportQuery(
                [
                    "id", "name", "voivodeship", "population", "status", "partner_budget", "project_code", "project_grant", "topics",
                    "expectations", "website", "teryt", "notes",
                ],
                """
                SELECT id, name, voivodeship, population, status, partner_budget_cents, project_code, project_grant_cents,
                    \(TopicLink.city.codesExpression(owner: "city.id")), expectations, website, teryt, notes
                FROM city ORDER BY id
                """)
        case .partner:
            ExportQuery(
                ["id", "name", "country", "kind", "org_number", "county", "topics", "expertise", "website", "notes"],
                """
                SELECT id, name, country, kind, org_number, county, \(TopicLink.partner.codesExpression(owner: "partner.id")),
                    expertise, website, notes
                FROM partner ORDER BY id
                """)
        case .contact:
            ExportQuery(
                ["id", "name", "city", "partner", "role", "email", "phone", "languages", "notes"],
                """
                SELECT contact.id, contact.name, city.name, partner.name, contact.role, contact.email, contact.phone,
                    contact.languages, contact.notes
                FROM contact LEFT JOIN city ON city.id = contact.city_id LEFT JOIN partner ON partner.id = contact.partner_id
                ORDER BY contact.id
                """)
        case .partnership:
            ExportQuery(
                [
                    "id", "city", "partner", "status", "budget", "signed_date", "start_date", "end_date", "topics", "improved_knowledge",
                    "continues", "lasting_effects", "notes",
                ],
                """
                SELECT partnership.id, city.name, partner.name, partnership.status, partnership.budget_cents,
                    partnership.signed_date, partnership.start_date, partnership.end_date,
                    \(TopicLink.partnership.codesExpression(owner: "partnership.id")), partnership.improved_knowledge,
                    partnership.continues, partnership.lasting_effects, partnership.notes
                FROM partnership JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
                ORDER BY partnership.id
                """)
        case .activity:
            ExportQuery(
                [
                    "id", "city", "partner", "kind", "title", "direction", "start_date", "end_date", "location", "participants",
                    "planned_cost", "status", "topic", "notes",
                ],
                """
                SELECT activity.id, city.name, partner.name, activity.kind, activity.title, activity.direction, activity.start_date,
                    activity.end_date, activity.location, activity.participants, activity.planned_cost_cents, activity.status,
                    topic.code, activity.notes
                FROM activity
                JOIN partnership ON partnership.id = activity.partnership_id
                JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id
                LEFT JOIN topic ON topic.id = activity.topic_id
                ORDER BY activity.id
                """)
        case .expense:
            ExportQuery(
                ["id", "activity_id", "activity", "city", "partner", "amount", "category", "spent_date", "note"],
                """
                SELECT expense.id, expense.activity_id, activity.title, city.name, partner.name, expense.amount_cents,
                    expense.category, expense.spent_date, expense.note
                FROM expense
                JOIN activity ON activity.id = expense.activity_id
                JOIN partnership ON partnership.id = activity.partnership_id
                JOIN city ON city.id = partnership.city_id
                JOIN partner ON partner.id = partnership.partner_id
                ORDER BY expense.id
                """)
        }
    }
}
