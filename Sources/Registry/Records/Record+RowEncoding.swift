import GRDB

/// A record whose columns are listed by hand, for the tables an import writes by the million:
/// Codable's encoder with snake-case keys, and GRDB building the INSERT for every row, were a
/// quarter of an import's time. One list serves both encoding and the cached INSERT. Like the
/// decoding in Record+RowDecoding.swift, a column added by a migration is added here too (the
/// import round-trip tests catch a missing one).
protocol ColumnListedRecord: RegistryRecord {
    static var columnNames: [String] { get }
    /// `makeInsertSQL(columnNames)`, kept in a static constant so it is built once.
    static var insertSQL: String { get }
    var columnValues: [(any DatabaseValueConvertible)?] { get }
}

extension ColumnListedRecord {
    public func encode(to container: inout PersistenceContainer) throws {
        for (name, value) in zip(Self.columnNames, columnValues) { container[name] = value }
    }

    static func makeInsertSQL(_ columns: [String]) -> String {
        "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// Inserts the record through one cached statement and gives its new id.
    func insertListed(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(columnValues))
        return db.lastInsertedRowID
    }
}

extension Activity: ColumnListedRecord {
    static let columnNames = [
        "id", "partnership_id", "kind", "title", "direction", "start_date", "end_date", "location", "participants", "planned_cost_cents",
        "status", "topic_id", "notes",
    ]
    static let insertSQL = makeInsertSQL(columnNames)

    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, partnershipId, kind, title, direction, startDate, endDate, location, participants, plannedCostCents, status, topicId, notes]
    }
}

extension Expense: ColumnListedRecord {
    static let columnNames = ["id", "activity_id", "amount_cents", "category", "spent_date", "note"]
    static let insertSQL = makeInsertSQL(columnNames)

    var columnValues: [(any DatabaseValueConvertible)?] { [id, activityId, amountCents, category, spentDate, note] }
}
