import Foundation
import GRDB

/// A query saved under a name, to run again later with parameters.
public struct SavedQuery: Codable, FetchableRecord, PersistableRecord, Equatable, Sendable {
    public var name: String
    public var sql: String
    public var description: String?
    /// UTC, ISO 8601 with a `Z`.
    public var savedAt: String
    public var savedBy: String

    public static let databaseTableName = "saved_query"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

extension Registry {
    /// Saves `sql` under `name` after checking it by the read-only rules of `query` (it is
    /// prepared, not run); `replace` overwrites a query of that name.
    public func saveQuery(_ name: String, sql: String, description: String?, replace: Bool = false) throws -> SavedQuery {
        var checker = InputChecker()
        let key = name.trimmed().lowercased()
        if key.isEmpty || key.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")) }) {
            checker.report("name", name, "may hold only letters a-z, digits, '_' and '-'")
        }
        try checker.throwIfInvalid()
        guard let path else { throw RegistryError.refused("Saved queries need a database file.") }
        _ = try ReadOnlyStatement(path: path, sql: sql)
        let query = SavedQuery(
            name: key, sql: sql, description: description.flatMap { checker.text($0) }, savedAt: Self.utcNow(), savedBy: actor)
        return try write { db in
            if try SavedQuery.exists(db, key: key), !replace {
                throw RegistryError.duplicate("A query named '\(key)' is already saved; give --replace to overwrite it.")
            }
            try query.save(db)
            return query
        }
    }

    /// The saved queries, by name.
    public func savedQueries() throws -> [SavedQuery] {
        try read { db in try SavedQuery.order(Column("name")).fetchAll(db) }
    }

    /// The saved query `name`.
    public func savedQuery(_ name: String) throws -> SavedQuery {
        try read { db in
            guard let query = try SavedQuery.fetchOne(db, key: name.trimmed().lowercased()) else {
                throw RegistryError.notFound(entity: "query", reference: name)
            }
            return query
        }
    }

    /// Removes the saved query `name`.
    public func removeQuery(_ name: String) throws {
        try write { db in
            guard try SavedQuery.deleteOne(db, key: name.trimmed().lowercased()) else {
                throw RegistryError.notFound(entity: "query", reference: name)
            }
        }
    }

    static func utcNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
