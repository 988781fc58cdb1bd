import Foundation
import GRDB
import RegistryMigrations

/// One migration of the schema and whether this database has it.
public struct MigrationStatus: Equatable, Sendable {
    public let identifier: String
    public let applied: Bool
}

extension Registry {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in MigrationFiles.all {
            migrator.registerMigration(file.identifier) { db in
                try db.execute(sql: file.sql)
            }
        }
        return migrator
    }

    /// Whether the database lacks migrations this build knows; refuses one migrated by a newer
    /// build, and another application's database. Two plain queries: every command opens
    /// through here, so it avoids GRDB's schema introspection.
    static func pendingMigrations(_ reader: any DatabaseReader) throws -> Bool {
        let (tables, applied) = try reader.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            let applied = tables.contains("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
            return (tables, Set(applied))
        }
        guard tables.isEmpty || tables.contains("grdb_migrations") else {
            throw RegistryError.refused(
                "\(reader.path) is an SQLite database of another application (it has tables but no registry schema). "
                    + "Nothing was changed; give --db a new file or a registry database.")
        }
        let known = MigrationFiles.all.map(\.identifier)
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else {
            throw RegistryError.newerDatabase(path: reader.path, unknownMigrations: unknown)
        }
        return !applied.isSuperset(of: known)
    }

    /// Applies pending migrations. Several processes may open a new database at once: each
    /// migration is its own transaction, so one that lost the race to another process fails
    /// and is tried again against what the winner applied.
    static func migrateRacingOthers(_ writer: any DatabaseWriter) throws {
        var attempt = 0
        while try pendingMigrations(writer) {
            do {
                try migrator.migrate(writer)
            } catch {
                attempt += 1
                if attempt == 5 { throw error }
                usleep(50_000)
            }
        }
    }

    /// Every migration this build knows, in order, and whether the database at `path` has it,
    /// read without migrating (a missing database is created and migrated first).
    public static func migrations(path: String) throws -> [MigrationStatus] {
        if !FileManager.default.fileExists(atPath: path) { _ = try open(path: path) }
        return try translatingErrors(path: path) {
            let pool = try DatabasePool(path: DatabaseFileName.plain(path), configuration: configuration(readOnly: true))
            _ = try pendingMigrations(pool)
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            return MigrationFiles.all.map { MigrationStatus(identifier: $0.identifier, applied: applied.contains($0.identifier)) }
        }
    }
}
