import GRDB
import GRDBSQLite

/// One field an import changes (or, in a dry run, would change), in the vocabulary of its file:
/// the column's heading, and values as `export` writes them (names for references, euros,
/// topic codes). `before` is nil for a record the import adds; an empty value is nil.
public struct FieldChange: Equatable, Sendable {
    public let kind: RecordKind
    public let id: Int64
    /// The record as people name it: a name, `City/Partner`, or an activity's title.
    public let record: String
    public let field: String
    public let before: String?
    public let after: String?

    /// The headings of a list of changes, in order.
    public static let columns = ["kind", "id", "record", "field", "before", "after"]
}

/// Notes the records an import adds and the ones it changes (their file row before the first
/// change), and once every row is in, lists the changes field by field. It reads rows through
/// the export's own columns, so the list shows what a new export would.
struct ImportChanges {
    private let kind: RecordKind
    private let layout: FileLayout
    private let db: Database
    /// Records in the order the file first touched them; `before` is nil for the ones added.
    private var touched: [(id: Int64, before: [Cell]?)] = []
    private var seen = Set<Int64>()

    init(kind: RecordKind, db: Database) {
        self.kind = kind
        layout = kind.file
        self.db = db
    }

    /// Called before record `id` is updated; only its first state counts.
    mutating func willUpdate(_ id: Int64) throws {
        guard seen.insert(id).inserted else { return }
        touched.append((id, try row(id)))
    }

    /// Called once record `id` has been added.
    mutating func didInsert(_ id: Int64) {
        if seen.insert(id).inserted { touched.append((id, nil)) }
    }

    /// Every change, record by record in the file's order: each field an update changed, and
    /// each field a new record has a value in.
    func report(_ change: (FieldChange) throws -> Void) throws {
        let headings = layout.headings
        for (id, before) in touched {
            guard let after = try row(id) else { continue }
            let record = label(after)
            // A new record's id is in the id column already.
            for index in headings.indices where before != nil || headings[index] != "id" {
                let old = before.map { Self.text($0[index]) } ?? nil
                let new = Self.text(after[index])
                guard old != new else { continue }
                try change(FieldChange(kind: kind, id: id, record: record, field: headings[index], before: old, after: new))
            }
        }
    }

    /// The record's file row as it is now in the transaction.
    private func row(_ id: Int64) throws -> [Cell]? {
        let statement = try db.cachedStatement(sql: layout.query(id: kind.table))
        try statement.setArguments([id])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage) }
        return layout.columns.indices.map { layout.columns[$0].kind.value(Cell(statement: handle, column: Int32($0))) }
    }

    /// How people name the record: by name, as `City/Partner`, or by an activity's title.
    private func label(_ cells: [Cell]) -> String {
        func value(_ heading: String) -> String? {
            layout.headings.firstIndex(of: heading).flatMap { Self.text(cells[$0]) }
        }
        if let name = value("name") { return name }
        let pair = [value("city"), value("partner")].compactMap { $0 }.joined(separator: "/")
        if let title = value(kind == .expense ? "activity" : "title") { return pair.isEmpty ? title : "\(pair): \(title)" }
        return pair
    }

    private static func text(_ cell: Cell) -> String? {
        let text = cell.plain()
        return text.isEmpty ? nil : text
    }
}
