import GRDB

/// A record whose columns are listed by hand, for the tables an import writes by the million:
/// Codable's encoder with snake-case keys, and GRDB building the INSERT for every row, were a
/// quarter of an import's time. The record's `Columns.all` serves both encoding and the cached
/// INSERT; `columnValues` lists the values in the same order (a column added by a migration is
/// added to both, and the import round-trip tests catch a missing one).
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
    static let columnNames = Columns.all.map(\.name)
    static let insertSQL = makeInsertSQL(columnNames)

    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, partnershipId, kind, title, direction, startDate, endDate, location, participants, plannedCostCents, status, topicId, notes]
    }
}

extension Expense: ColumnListedRecord {
    static let columnNames = Columns.all.map(\.name)
    static let insertSQL = makeInsertSQL(columnNames)

    var columnValues: [(any DatabaseValueConvertible)?] {
        [
            id, activityId, amountCents, category, spentDate, note, paidMinor, rateMicros, rateMonth, rateSource, rateDerived, currency, paidBy,
            document, period, status, rejectionReason,
        ]
    }
}
