import GRDB

extension BackupContents {
    /// Counts what the database holds, inside the caller's transaction (one snapshot).
    static func read(_ db: Database) throws -> BackupContents {
        // Virtual tables (the search index) are counted through their shadow tables.
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
                """)
        var tables: [String: Int] = [:]
        for name in names {
            tables[name] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0
        }
        let migrations =
            names.contains("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") : []
        let last =
            names.contains("audit_log")
            ? try Row.fetchOne(db, sql: "SELECT id, changed_at FROM audit_log ORDER BY id DESC LIMIT 1").map { Change(auditId: $0[0], at: $0[1]) }
            : nil
        return BackupContents(tables: tables, migrations: migrations, lastChange: last)
    }

    /// How `other` (what a file holds) differs from these expected contents, in words; empty
    /// when they agree.
    func differences(from other: BackupContents) -> [String] {
        var problems: [String] = []
        let names = Set(tables.keys).union(other.tables.keys).sorted()
        let counts = names.compactMap { name -> String? in
            let expected = tables[name], found = other.tables[name]
            guard expected != found else { return nil }
            return "\(name) \(found.map(String.init) ?? "missing") (expected \(expected.map(String.init) ?? "no such table"))"
        }
        if !counts.isEmpty { problems.append("row counts differ: " + counts.prefix(5).joined(separator: ", ")) }
        if migrations != other.migrations { problems.append("applied migrations differ (\(other.migrations.count), expected \(migrations.count))") }
        if lastChange != other.lastChange { problems.append("the last audit-log entry differs") }
        return problems
    }
}
