import Foundation
import GRDB
import Testing

@testable import Registry

/// Per-connection settings, which only the registry's own connections can show: this suite
/// reads them through the internal `writer` (hence `@testable`, so debug builds only).
struct ConnectionSettingsTests {
    /// The value of `pragma` on a fresh file registry's connection and on the read-only
    /// connection of reading commands.
    static func pragma(_ pragma: String) throws -> (writer: Int?, reader: Int?) {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let registry = try Registry.open(path: path, actor: "test")
            let writer = try registry.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA \(pragma)") }
            let reader = try Registry.open(path: path, access: .readOnly).writer.read { try Int.fetchOne($0, sql: "PRAGMA \(pragma)") }
            return (writer, reader)
        }
    }

    @Test func theWriterSyncsFullySoACommittedChangeSurvivesAPowerCut() throws {
        #expect(try Self.pragma("synchronous").writer == 2)
    }

    @Test func foreignKeysAreEnforcedOnEveryConnection() throws {
        let file = try Self.pragma("foreign_keys")
        #expect(file.writer == 1)
        #expect(file.reader == 1)
        #expect(try Registry.inMemory().writer.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
    }

    @Test func aBusyDatabaseIsWaitedForSeveralSeconds() throws {
        let timeout = try Self.pragma("busy_timeout")
        #expect(timeout.writer == Int(Registry.busyTimeout * 1000))
        #expect(timeout.reader == Int(Registry.busyTimeout * 1000))
        #expect(Registry.busyTimeout >= 2)
    }

    /// Reading commands never trust the schema; the writer must, or SQLite refuses the search
    /// index (FTS5) in the triggers that keep it current.
    @Test func onlyTheWriterTrustsTheSchema() throws {
        let trusted = try Self.pragma("trusted_schema")
        #expect(trusted.writer == 1)
        #expect(trusted.reader == 0)
    }

    @Test func aRowPointingAtAMissingCityIsRefusedBySQLite() throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: DatabaseError.self) {
            try registry.writer.write { db in
                try db.execute(sql: "INSERT INTO partner (name, name_key, kind) VALUES ('Alta kommune', 'alta kommune', 'municipality')")
                try db.execute(sql: "INSERT INTO partnership (city_id, partner_id) VALUES (42, 1)")
            }
        }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
    }
}
