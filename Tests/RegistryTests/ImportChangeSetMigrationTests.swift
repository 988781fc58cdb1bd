import GRDB
import Testing

@testable import Registry

/// Migration 0005: the audit log rebuilt for import change sets keeps every entry and its
/// guards, and the insert triggers are quiet only while an import runs.
struct ImportChangeSetMigrationTests {
    func entries(_ queue: DatabaseQueue) throws -> [Row] {
        try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY id") }
    }

    @Test func rebuildingTheAuditLogKeepsEveryEntryAndItsGuards() throws {
        let queue = try migratedQueue(upTo: "0004_budget_views")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Łódź', 'lodz', 'łódzkie')")
            try db.execute(sql: "UPDATE city SET notes = 'first \"quoted\" note'")
        }
        let before = try entries(queue)
        #expect(before.count == 2)

        try Registry.migrator.migrate(queue)
        #expect(try entries(queue) == before)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE id = 1") }
        }

        // Outside an import every insert is logged with its values, as before.
        try queue.write { try $0.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Nysa', 'nysa', 'opolskie')") }
        let logged = try queue.read { try String.fetchOne($0, sql: "SELECT new_values FROM audit_log ORDER BY id DESC LIMIT 1") }
        #expect(logged?.contains("\"name\":\"Nysa\"") == true)

        // During an import (bulk session) inserts are quiet; updates are still logged.
        try queue.write { db in
            try db.execute(sql: "INSERT INTO audit_session (id, actor, bulk) VALUES (1, 'importer', 1)")
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Piła', 'pila', 'wielkopolskie')")
            try db.execute(sql: "UPDATE city SET status = 'selected' WHERE name = 'Nysa'")
            try db.execute(sql: "DELETE FROM audit_session")
        }
        let actions = try queue.read { try String.fetchAll($0, sql: "SELECT action || ':' || actor FROM audit_log WHERE id > 3 ORDER BY id") }
        #expect(actions == ["update:importer"])
    }

    @Test func onlyImportEntriesMayLackARowID() throws {
        let registry = try Registry.inMemory()
        #expect(throws: (any Error).self) {
            try registry.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO audit_log (changed_at, actor, table_name, row_id, action) VALUES ('2026-01-01T00:00:00Z', 'x', 'city', NULL, 'insert')"
                )
            }
        }
        try registry.write { db in
            try db.execute(
                sql:
                    "INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values) VALUES ('2026-01-01T00:00:00Z', 'x', 'city', NULL, 'import', '{}')"
            )
        }
    }
}

/// An in-memory database with foreign keys on, migrated up to and including `identifier`: the
/// register as an older build left it, for a migration's test.
func migratedQueue(upTo identifier: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    let queue = try DatabaseQueue(configuration: configuration)
    try Registry.migrator.migrate(queue, upTo: identifier)
    return queue
}
