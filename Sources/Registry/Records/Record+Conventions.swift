import GRDB

/// The registry's records map camelCase properties to the schema's snake_case columns.
protocol RegistryRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension RegistryRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    /// The first record matching `condition` (a fixed WHERE clause with `?` for each argument),
    /// through a cached statement: an import asks once per row, and building the query with the
    /// query interface each time (SQL, preparation, authorizer) cost more than the row's checks.
    static func fetchFirst(where condition: String, _ arguments: StatementArguments, in db: Database) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName) WHERE \(condition) LIMIT 1"), arguments: arguments)
    }
}

/// A closed set stored as TEXT with a CHECK in SQL, and written the same way on the command line.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable, DatabaseValueConvertible
where RawValue == String {}

/// A closed set with the value a new record takes when none is given (help says which).
public protocol DefaultedVocabulary: Vocabulary {
    static var initial: Self { get }
}
