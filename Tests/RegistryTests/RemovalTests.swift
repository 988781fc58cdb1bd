import GRDB
import Registry
import Testing

struct RemovalTests {
    /// The linked sample plus a second partnership of Łódź, with Alta kommune.
    static func twoPartnerships() throws -> Registry {
        let registry = try Sample.linked()
        _ = try registry.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality", county: "Finnmark"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "alta", topics: ["youth"]))
        return registry
    }

    /// Expects `removal` to be refused with a message containing every one of `phrases`, and
    /// the registry to be unchanged.
    static func expectRefused(
        _ registry: Registry, naming phrases: [String], sourceLocation: SourceLocation = #_sourceLocation,
        _ removal: (Registry) throws -> Removal
    ) throws {
        let before = try Snapshot(of: registry)
        let error = #expect(throws: RegistryError.self, sourceLocation: sourceLocation) { try removal(registry) }
        guard case .refused(let message) = error else {
            Issue.record("expected a refusal, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        for phrase in phrases {
            #expect(message.contains(phrase), "«\(message)» does not name \(phrase)", sourceLocation: sourceLocation)
        }
        #expect(try Snapshot(of: registry) == before, sourceLocation: sourceLocation)
    }

    @Test func removingACityWithPartnershipsAndAContactIsRefusedNamingThem() throws {
        try Self.expectRefused(
            Self.twoPartnerships(), naming: ["2 partnerships", "Bergen kommune", "Alta kommune", "1 contact", "Anna Kowalska", "cascade"]
        ) { try $0.remove(.city, "lodz") }
    }

    @Test func removingAPartnerWithAPartnershipIsRefused() throws {
        try Self.expectRefused(Sample.linked(), naming: ["1 partnership", "Łódź", "1 contact", "Ola Nordmann"]) {
            try $0.remove(.partner, "bergen")
        }
    }

    @Test func removingAPartnershipWithAnActivityIsRefused() throws {
        try Self.expectRefused(Sample.linked(), naming: ["1 activity", "Study visit to Bergen"]) {
            try $0.remove(.partnership, "lodz/bergen")
        }
    }

    @Test func removingAnActivityWithAnExpenseIsRefused() throws {
        try Self.expectRefused(Sample.linked(), naming: ["1 expense", "1234.50"]) { try $0.remove(.activity, "1") }
    }

    @Test func cascadeRemovesACityWithEverythingThatDependsOnIt() throws {
        let registry = try Self.twoPartnerships()
        let removal = try registry.remove(.city, "lodz", cascade: true)
        let after = try Snapshot(of: registry)
        #expect(after.cities.isEmpty)
        #expect(after.partnerships.isEmpty)
        #expect(after.activities.isEmpty)
        #expect(after.expenses.isEmpty)
        #expect(after.contacts.map(\.name) == ["Ola Nordmann"])
        #expect(after.partners.map(\.partner.name) == ["Alta kommune", "Bergen kommune"])
        #expect(after.partners.map(\.topicCodes) == [[], ["cycling"]])
        #expect(removal.removed.count == 6)
        #expect(removal.removed.last?.description == "city #1 Łódź")
    }

    @Test func cascadeRemovesTopicLinksOfTheCityAndItsPartnerships() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let registry = try Registry.open(path: path, actor: "test")
            _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", topics: ["air_quality", "youth"]))
            _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality", topics: ["cycling"]))
            _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", topics: ["air_quality"]))
            _ = try registry.remove(.city, "lodz", cascade: true)
            let links = try DatabaseQueue(path: path).read { db in
                try ["city_topic", "partnership_topic", "partner_topic"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") }
            }
            #expect(links == [0, 0, 1])
        }
    }

    @Test func cascadeRemovesAPartnerButNotItsCities() throws {
        let registry = try Sample.linked()
        _ = try registry.remove(.partner, "bergen", cascade: true)
        let after = try Snapshot(of: registry)
        #expect(after.partners.isEmpty)
        #expect(after.partnerships.isEmpty && after.activities.isEmpty && after.expenses.isEmpty)
        #expect(after.cities.map(\.city.name) == ["Łódź"])
        #expect(after.contacts.map(\.name) == ["Anna Kowalska"])
    }

    @Test func cascadeRemovesAPartnershipWithItsActivitiesAndExpenses() throws {
        let registry = try Sample.linked()
        let removal = try registry.remove(.partnership, "lodz/bergen", cascade: true)
        let after = try Snapshot(of: registry)
        #expect(after.partnerships.isEmpty && after.activities.isEmpty && after.expenses.isEmpty)
        #expect(after.cities.count == 1 && after.partners.count == 1 && after.contacts.count == 2)
        #expect(removal.removed.count == 3)
    }

    @Test func recordsWithoutDependentsAreRemovedWithoutCascade() throws {
        let registry = try Sample.linked()
        _ = try registry.remove(.expense, "1")
        _ = try registry.remove(.activity, "1")
        _ = try registry.remove(.contact, "1")
        let after = try Snapshot(of: registry)
        #expect(after.expenses.isEmpty && after.activities.isEmpty)
        #expect(after.contacts.map(\.name) == ["Ola Nordmann"])
    }

    @Test func removingAnUnknownRecordIsNotFound() throws {
        let registry = try Sample.linked()
        #expect(throws: RegistryError.notFound(entity: "city", reference: "Zgierz")) { try registry.remove(.city, "Zgierz") }
        #expect(throws: RegistryError.notFound(entity: "expense", reference: "9")) { try registry.remove(.expense, "9") }
        #expect(throws: RegistryError.notFound(entity: "partnership", reference: "7")) { try registry.remove(.partnership, "7") }
    }
}
