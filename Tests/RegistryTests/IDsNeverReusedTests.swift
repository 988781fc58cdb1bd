import Foundation
import GRDB
import Testing

@testable import Registry

/// Migration 0009: a record's id names that record for ever, so one person's data can never
/// reach another through a reused contact id.
struct IDsNeverReusedTests {
    @Test func aRemovedContactsIDIsNotGivenToTheNextPerson() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Nysa", voivodeship: "opolskie"))
        let first = try registry.addContact(ContactInput(name: "Anna Nowak", city: "nysa", email: "anna@example.org"))
        _ = try registry.remove(.contact, .id(first.id!))
        let second = try registry.addContact(ContactInput(name: "Jan Kowalski", city: "nysa", email: "jan@example.org"))
        #expect(second.id != first.id)

        // The first person, removed, is still reachable through the log, and only she.
        let exported = String(decoding: try registry.personalData(String(first.id!)), as: UTF8.self)
        #expect(exported.contains("Anna Nowak") && !exported.contains("Jan Kowalski"))
        let erasure = try registry.eraseContact(String(first.id!))
        #expect(erasure.removedRecord == false && erasure.erasedEntries == 2)
        #expect(try registry.contact(.id(second.id!)).name == "Jan Kowalski")
        let log = try registry.read { try String.fetchAll($0, sql: "SELECT coalesce(old_values, '') || coalesce(new_values, '') FROM audit_log") }
        #expect(!log.joined().contains("Anna Nowak") && log.joined().contains("Jan Kowalski"))
    }

    @Test(arguments: ["city", "partner", "contact", "partnership", "activity", "expense"])
    func everyRegisterTableIsAutoincrement(table: String) throws {
        let registry = try Registry.inMemory()
        let sql = try registry.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_schema WHERE name = ?", arguments: [table]) }
        #expect(sql?.contains("id INTEGER PRIMARY KEY AUTOINCREMENT,") == true)
    }

    @Test func theMigrationKeepsEveryRowAndEntryAndStartsAboveEveryIDTheLogRemembers() throws {
        let queue = try migratedQueue(upTo: "0008_personal_data")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Nysa', 'nysa', 'opolskie'), ('Brzeg', 'brzeg', 'opolskie')")
            try db.execute(sql: "INSERT INTO contact (name, city_id) VALUES ('Anna', 1), ('Ola', 1), ('Piotr', 2)")
            try db.execute(sql: "DELETE FROM contact WHERE id = 3")
            try db.execute(sql: "DELETE FROM city WHERE id = 2")
        }
        let dump = { (queue: DatabaseQueue) in
            try queue.read { db in
                try ["city", "contact", "audit_log"].map { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY 1") }
            }
        }
        let before = try dump(queue)
        try Registry.migrator.migrate(queue)
        #expect(try dump(queue) == before)
        try queue.write { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Opole', 'opole', 'opolskie')")
            try db.execute(sql: "INSERT INTO contact (name, city_id) VALUES ('Kari', 1)")
            #expect(try Int64.fetchOne(db, sql: "SELECT id FROM city WHERE name = 'Opole'") == 3)
            #expect(try Int64.fetchOne(db, sql: "SELECT id FROM contact WHERE name = 'Kari'") == 4)
            // The triggers on the edited tables still log and index.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE table_name = 'contact' AND row_id = 4") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_index WHERE rowid = 4 * 8 + 3") == 1)
        }
    }
}
