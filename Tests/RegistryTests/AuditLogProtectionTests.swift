import Foundation
import GRDB
import Registry
import Testing

/// The trail holds whatever writes the data, keeps valid JSON whatever the values, and cannot
/// be rewritten.
struct AuditLogProtectionTests {
    struct ShellFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `sql` on the registry's file through the `sqlite3` shell, as staff do.
    static func shell(_ registry: Registry, _ sql: String) throws {
        let result = try sqliteShell(try #require(registry.path), sql)
        if result.status != 0 { throw ShellFailure(description: "sqlite3 exited with \(result.status): \(result.stderr)") }
    }

    /// Changes made with plain SQL through the `sqlite3` shell, after the registry has written.
    static let directSQLCases: [AuditCase] = [
        AuditCase(
            name: "inserting a city",
            change: { try shell($0, "INSERT INTO city (name, name_key, voivodeship) VALUES ('Gdańsk', 'gdansk', 'pomorskie')") },
            expected: [.insert("city", 2, #"{"id":2,"name":"Gdańsk","status":"applicant","population":null}"#)]),
        AuditCase(
            name: "updating a city", change: { try shell($0, "UPDATE city SET population = 5 WHERE id = 1") },
            expected: [.update("city", 1, old: #"{"population":null}"#, new: #"{"population":5}"#)]),
        AuditCase(
            name: "deleting a contact", change: { try shell($0, "DELETE FROM contact WHERE id = 2") },
            expected: [.delete("contact", 2, #"{"name":"Ola Nordmann"}"#)]),
        AuditCase(
            name: "updating a city's topic", change: { try shell($0, "UPDATE city_topic SET topic_id = 5 WHERE city_id = 1") },
            expected: [.update("city_topic", 1, old: #"{"city_id":1,"topic_id":3}"#, new: #"{"city_id":1,"topic_id":5}"#)]),
        AuditCase(
            name: "updating a partner's topic", change: { try shell($0, "UPDATE partner_topic SET topic_id = 1 WHERE partner_id = 1") },
            expected: [.update("partner_topic", 1, old: #"{"partner_id":1,"topic_id":14}"#, new: #"{"partner_id":1,"topic_id":1}"#)]),
        AuditCase(
            name: "updating a partnership's topic", change: { try shell($0, "UPDATE partnership_topic SET topic_id = 2 WHERE partnership_id = 1") },
            expected: [.update("partnership_topic", 1, old: #"{"partnership_id":1,"topic_id":3}"#, new: #"{"partnership_id":1,"topic_id":2}"#)]),
        AuditCase(
            name: "two statements",
            change: {
                try shell(
                    $0,
                    "INSERT INTO expense (activity_id, amount_cents, category) VALUES (1, 500, 'other'); UPDATE activity SET title = 'Visit' WHERE id = 1"
                )
            },
            expected: [
                .insert("expense", 2, #"{"activity_id":1,"amount_cents":500,"category":"other"}"#),
                .update("activity", 1, old: #"{"title":"Study visit to Bergen"}"#, new: #"{"title":"Visit"}"#),
            ]),
        AuditCase(name: "an update that changes nothing", change: { try shell($0, "UPDATE city SET population = population") }, expected: []),
    ]

    @Test(arguments: directSQLCases)
    func changesMadeWithTheSQLiteShellAreLoggedAsDirectSQL(_ audit: AuditCase) throws {
        try withTemporaryFolder { folder in
            let path = try linkedRegisterFile(in: folder)
            let anna = try Registry.open(path: path, actor: "anna")
            _ = try anna.editCity("lodz", CityInput(notes: "Written by anna just before"))
            let last = try #require(try anna.auditLog().last).id
            try audit.change(anna)
            try expectEntries(auditEntries(after: last, in: anna), audit.expected, actor: "direct-sql", columns: auditedColumns(path))
        }
    }

    @Test func aRefusedWriteLeavesNoActorBehindForTheNextChange() throws {
        try withTemporaryFolder { folder in
            let path = try linkedRegisterFile(in: folder)
            let anna = try Registry.open(path: path, actor: "anna")
            #expect(throws: RegistryError.self) { try anna.remove(.city, "lodz") }
            #expect(throws: RegistryError.self) { try anna.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie")) }
            try Self.shell(anna, "UPDATE city SET population = 5 WHERE id = 1")
            #expect(try anna.auditLog().last?.actor == "direct-sql")
            let sessions = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_session") }
            #expect(sessions == 0)
        }
    }

    static let rewrites = [
        "UPDATE audit_log SET actor = 'mallory'",
        "UPDATE audit_log SET new_values = NULL WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
        "INSERT INTO audit_log (id, changed_at, actor, table_name, row_id, action) VALUES (1, '2000-01-01T00:00:00Z', 'mallory', 'city', 1, 'insert') "
            + "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
        "INSERT OR REPLACE INTO audit_log (id, changed_at, actor, table_name, row_id, action) VALUES (1, '2000-01-01T00:00:00Z', 'mallory', 'city', 1, 'insert')",
        "REPLACE INTO audit_log (id, changed_at, actor, table_name, row_id, action) VALUES (1, '2000-01-01T00:00:00Z', 'mallory', 'city', 1, 'insert')",
    ]

    @Test(arguments: rewrites)
    func theLogCannotBeChangedOrDeleted(_ statement: String) throws {
        try withTemporaryFolder { folder in
            let path = try linkedRegisterFile(in: folder)
            let registry = try Registry.open(path: path)
            let before = try registry.auditLog()
            #expect(before.count > 1)
            #expect(throws: DatabaseError.self) { try DatabaseQueue(path: path).write { try $0.execute(sql: statement) } }
            #expect(try registry.auditLog() == before)
        }
    }

    static let awkwardTexts = [
        "quote \" inside", "back\\slash", "two\nlines", "carriage\rreturn", "tab\there", "Łódź – “smart” ✓ 🚲", "</script>",
    ]

    @Test(arguments: ["bell\u{07}inside", "escape\u{1B}[31mred", "form\u{0C}feed", "unit\u{1F}separator"])
    func otherControlCharactersAreRefusedNamingTheField(_ text: String) throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) {
            try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", notes: text))
        }
        #expect(error?.problems.map(\.field) == ["notes"])
        #expect(try registry.auditLog().isEmpty)
    }

    @Test(arguments: awkwardTexts)
    func valuesAreValidJSONWhateverTheText(_ text: String) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", notes: text))
        let entry = try #require(try registry.auditLog().last)
        #expect(try jsonObject(entry.newValues)["notes"] as? String == text)
    }
}
