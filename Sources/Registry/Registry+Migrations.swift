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

    /// Applies pending migrations, refusing a database migrated by a newer build.
    static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = Self.migrator
        let unknown = try writer.read { db in
            try migrator.appliedIdentifiers(db).subtracting(MigrationFiles.all.map(\.identifier)).sorted()
        }
        guard unknown.isEmpty else {
            throw RegistryError.newerDatabase(path: writer.path, unknownMigrations: unknown)
        }
        try migrator.migrate(writer)
    }

    /// Every migration this build knows, in order, and whether it is applied.
    public func migrations() throws -> [MigrationStatus] {
        let applied = try read { db in try Self.migrator.appliedIdentifiers(db) }
        return MigrationFiles.all.map { MigrationStatus(identifier: $0.identifier, applied: applied.contains($0.identifier)) }
    }
}
