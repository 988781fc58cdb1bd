import GRDB

/// The registry's records map camelCase properties to the schema's snake_case columns.
protocol RegistryRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension RegistryRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// A closed set stored as TEXT with a CHECK in SQL, and written the same way on the command line.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable, DatabaseValueConvertible
where RawValue == String {}

/// A closed set with the value a new record takes when none is given (help says which).
public protocol DefaultedVocabulary: Vocabulary {
    static var initial: Self { get }
}
