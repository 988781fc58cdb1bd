import Foundation
import GRDB
import Registry
import Testing

/// The audit trail: every change lands in `audit_log`, written by the database's triggers.
struct AuditLogTests {
    func values(_ json: String?) throws -> [String: Any] {
        let text = try #require(json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func addEditAndRemoveAreLoggedWithActorTableRowAndValues() throws {
        let registry = try Registry.inMemory(actor: "anna")
        let city = try registry.addCity(CityInput(name: "Łódź", voivodeship: "lodzkie", notes: "Line \"one\"\nline two"))
        _ = try registry.editCity("lodz", CityInput(population: "670000"))
        _ = try registry.removeCity("lodz")
        let entries = try registry.auditLog(AuditFilter(table: "city"))
        #expect(entries.map(\.action) == [.insert, .update, .delete])
        #expect(entries.allSatisfy { $0.actor == "anna" && $0.rowId == city.id! && $0.tableName == "city" })
        #expect(try values(entries[0].newValues)["name"] as? String == "Łódź")
        #expect(try values(entries[0].newValues)["notes"] as? String == "Line \"one\"\nline two")
        #expect(entries[0].oldValues == nil)
        #expect(try values(entries[1].oldValues)["population"] is NSNull)
        #expect(try values(entries[1].newValues)["population"] as? Int == 670_000)
        #expect(try values(entries[2].oldValues)["voivodeship"] as? String == "łódzkie")
        #expect(entries[2].newValues == nil)
        #expect(entries.allSatisfy { $0.changedAt.count == 20 && $0.changedAt.hasSuffix("Z") })
    }

    @Test func topicLinksAreLoggedToo() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", topics: ["air_quality", "cycling"]))
        _ = try registry.editCity("lodz", CityInput(topics: ["cycling"]))
        let links = try registry.auditLog(AuditFilter(table: "city_topic"))
        #expect(links.map(\.action) == [.insert, .insert, .delete, .delete, .insert])
    }

    @Test func anEditThatChangesNothingLogsNothing() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", population: "670000"))
        let before = try registry.auditLog().count
        _ = try registry.editCity("lodz", CityInput(population: "670000"))
        #expect(try registry.auditLog().count == before)
    }

    @Test func aRefusedChangeLeavesNoEntry() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen"))
        let before = try registry.auditLog()
        #expect(throws: RegistryError.self) { try registry.addCity(CityInput(name: "Gdańsk", voivodeship: "nowhere")) }
        #expect(throws: RegistryError.self) { try registry.removeCity("lodz") }
        #expect(throws: RegistryError.self) { try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen")) }
        #expect(try registry.auditLog() == before)
    }

    @Test func aCascadeLogsEveryRemovedRow() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen"))
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "Air"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10", category: "venue"))
        _ = try registry.removeCity("lodz", cascade: true)
        let deletes = try registry.auditLog().filter { $0.action == .delete }.map(\.tableName)
        #expect(Set(deletes) == ["expense", "activity", "partnership", "city"])
    }

    @Test func theLogCannotBeChangedOrDeleted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let registry = try Registry.open(path: path, actor: "anna")
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'mallory'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(try registry.auditLog().map(\.actor) == ["anna"])
    }

    @Test func changesMadeOutsideTheRegistryAreLoggedAsDirectSQL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let registry = try Registry.open(path: path, actor: "anna")
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [path, "UPDATE city SET population = 5 WHERE name = 'Łódź'"]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let last = try #require(try registry.auditLog().last)
        #expect(last.actor == "direct-sql" && last.action == .update && last.tableName == "city")
    }

    @Test func filtersSelectByTableActorTimeAndNewest() throws {
        let registry = try Registry.inMemory(actor: "anna")
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        let all = try registry.auditLog()
        #expect(try registry.auditLog(AuditFilter(table: "partner")).map(\.tableName) == ["partner"])
        #expect(try registry.auditLog(AuditFilter(actor: "anna")).count == all.count)
        #expect(try registry.auditLog(AuditFilter(actor: "ola")).isEmpty)
        #expect(try registry.auditLog(AuditFilter(since: "2000-01-01")).count == all.count)
        #expect(try registry.auditLog(AuditFilter(since: "2999-01-01")).isEmpty)
        #expect(try registry.auditLog(AuditFilter(since: all[0].changedAt)).count == all.count)
        #expect(try registry.auditLog(AuditFilter(limit: 1)) == [all.last!])
    }

    @Test(arguments: [
        (AuditFilter(table: "audit_log"), "table"), (AuditFilter(since: "yesterday"), "since"),
        (AuditFilter(since: "2024-02-30"), "since"), (AuditFilter(limit: -1), "limit"),
    ])
    func badFiltersAreRefusedNamingTheField(_ filter: AuditFilter, _ field: String) throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) { try registry.auditLog(filter) }
        #expect(error?.problems.map(\.field) == [field])
    }
}
