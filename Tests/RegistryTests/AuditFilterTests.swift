import Foundation
import GRDB
import Registry
import Testing

/// Reading the trail: by table, time, actor, and the newest few, oldest first.
struct AuditFilterTests {
    /// A registry file whose trail holds exactly these entries, at known times.
    static let entries: [(id: Int64, at: String, actor: String, table: String)] = [
        (1, "2024-02-29T23:59:59Z", "anna", "city"),
        (2, "2024-03-01T00:00:00Z", "ola", "partner"),
        (3, "2024-03-01T09:59:59Z", "anna", "city"),
        (4, "2024-03-01T10:00:00Z", "direct-sql", "city"),
        (5, "2024-03-02T08:00:00Z", "ola", "activity"),
    ]

    func trail(in folder: URL) throws -> Registry {
        let path = folder.appendingPathComponent("registry.sqlite").path
        let registry = try Registry.open(path: path)
        try DatabaseQueue(path: path).write { db in
            for entry in Self.entries {
                try db.execute(
                    sql:
                        "INSERT INTO audit_log (id, changed_at, actor, table_name, row_id, action, new_values) VALUES (?, ?, ?, ?, 1, 'insert', '{}')",
                    arguments: [entry.id, entry.at, entry.actor, entry.table])
            }
        }
        return registry
    }

    @Test(
        arguments: [
            (AuditFilter(), [1, 2, 3, 4, 5]),
            (AuditFilter(table: "city"), [1, 3, 4]),
            (AuditFilter(table: "contact"), []),
            (AuditFilter(since: "2024-03-01"), [2, 3, 4, 5]),
            (AuditFilter(since: "2024-03-01T09:59:59Z"), [3, 4, 5]),
            (AuditFilter(since: "2024-03-01T10:00:00Z"), [4, 5]),
            (AuditFilter(since: "2024-03-02"), [5]),
            (AuditFilter(since: "2024-03-03"), []),
            (AuditFilter(actor: "ola"), [2, 5]),
            (AuditFilter(actor: "direct-sql"), [4]),
            (AuditFilter(actor: "Anna"), []),
            (AuditFilter(limit: 2), [4, 5]),
            (AuditFilter(limit: 0), []),
            (AuditFilter(limit: 9), [1, 2, 3, 4, 5]),
            (AuditFilter(table: "city", actor: "anna"), [1, 3]),
            (AuditFilter(table: "city", since: "2024-03-01", limit: 1), [4]),
        ] as [(AuditFilter, [Int64])])
    func filtersSelectTheEntriesOldestFirst(_ filter: AuditFilter, _ ids: [Int64]) throws {
        try withTemporaryFolder { folder in
            let registry = try trail(in: folder)
            #expect(try registry.auditLog(filter).map(\.id) == ids)
        }
    }

    @Test(arguments: [
        (AuditFilter(table: "audit_log"), "table"), (AuditFilter(table: "topic"), "table"), (AuditFilter(since: "yesterday"), "since"),
        (AuditFilter(since: "2024-02-30"), "since"), (AuditFilter(since: "2024-03-01T10:00Z"), "since"), (AuditFilter(limit: -1), "limit"),
        (AuditFilter(since: "2024-03-01T25:00:00Z"), "since"), (AuditFilter(since: "2024-03-01 10:00:00Z"), "since"),
    ])
    func badFiltersAreRefusedNamingTheField(_ filter: AuditFilter, _ field: String) throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) { try registry.auditLog(filter) }
        #expect(error?.problems.map(\.field) == [field])
    }

    @Test func theTrailOfRealChangesIsInTimeOrder() throws {
        let registry = try Sample.linked()
        let entries = try registry.auditLog()
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
        #expect(entries.map(\.changedAt) == entries.map(\.changedAt).sorted())
        #expect(try registry.auditLog(AuditFilter(since: entries[0].changedAt)) == entries)
        #expect(try registry.auditLog(AuditFilter(since: String(entries[0].changedAt.prefix(10)))) == entries)
    }
}
