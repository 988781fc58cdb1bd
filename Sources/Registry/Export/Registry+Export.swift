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

extension Cell {
    /// The cell as plain text, for table, CSV, TSV and Markdown.
    public func plain(decimalSeparator: Character = ".") -> String {
        switch self {
        case .null: ""
        case .text(let text): text
        case .integer(let value): String(value)
        case .money(let cents):
            String(Money.format(cents).map { $0 == "." ? decimalSeparator : $0 })
        case .list(let items): items.joined(separator: ",")
        case .json(let text): text
        }
    }

}

extension Registry {
    /// Streams several entities one after another from one consistent snapshot (a workbook of the
    /// whole register): `columns` starts each.
    public func export(
        _ entities: [ExportEntity], progress: ProgressReporter? = nil, columns: (ExportEntity, [String]) throws -> Void,
        row: ([Cell]) throws -> Void
    ) throws {
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                for entity in entities {
                    let query = ExportQuery.of(entity)
                    let statement = try db.makeStatement(sql: query.sql)
                    try columns(entity, query.columns.map(\.heading))
                    let total = try progress.map { _ in try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(entity.table)") ?? 0 }
                    var written: Int64 = 0
                    let step = entities.count > 1 ? "exporting \(entity.name)" : "exporting"
                    // Stepped through SQLite's C API, like reports: faster than GRDB's `Row` per row.
                    let handle = statement.sqliteStatement
                    while true {
                        let code = sqlite3_step(handle)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage) }
                        try row(query.columns.indices.map { query.columns[$0].kind.value(Cell(statement: handle, column: Int32($0))) })
                        written += 1
                        if written % 1000 == 0 { progress?(WorkProgress(step: step, done: written, total: total, unit: .rows)) }
                    }
                    progress?(WorkProgress(step: step, done: written, total: total, unit: .rows))
                }
            }
        }
    }
}

/// The query behind each export and how to read its columns.
struct ExportQuery {
    let columns: [FileColumn]
    let sql: String

    static func of(_ entity: ExportEntity) -> ExportQuery {
        switch entity {
        case .record(let kind): ExportQuery(columns: kind.file.columns, sql: kind.file.query(orderedBy: "\(kind.table).id"))
        case .topic:
            ExportQuery(
                columns: ["theme", "theme_en", "theme_nb", "topic", "topic_en", "topic_nb"].map { FileColumn($0, sql: $0) },
                sql: """
                    SELECT theme.code, theme.name_en, theme.name_nb, topic.code, topic.name_en, topic.name_nb
                    FROM topic JOIN theme ON theme.id = topic.theme_id ORDER BY topic.id
                    """)
        case .log:
            ExportQuery(
                columns: [
                    FileColumn("id", sql: "id", .integer), FileColumn("changed_at", sql: "changed_at"), FileColumn("actor", sql: "actor"),
                    FileColumn("table", sql: "table_name"), FileColumn("row_id", sql: "row_id", .integer), FileColumn("action", sql: "action"),
                    FileColumn("old_values", sql: "old_values", .json), FileColumn("new_values", sql: "new_values", .json),
                ],
                sql: "SELECT id, changed_at, actor, table_name, row_id, action, old_values, new_values FROM audit_log ORDER BY id")
        }
    }
}
