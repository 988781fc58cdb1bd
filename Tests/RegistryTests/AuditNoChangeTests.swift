import Foundation
import Registry
import Testing

/// What leaves the audit trail alone: an edit that changes nothing, and a change that is refused.
struct AuditNoChangeTests {
    /// A named change to the linked sample (see `Sample.linked`).
    struct Change: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (Registry) throws -> Void
        var testDescription: String { name }
    }

    static let edits: [Change] = [
        Change(name: "city, same name and voivodeship") { _ = try $0.editCity("lodz", CityInput(name: "Łódź", voivodeship: "LODZKIE")) },
        Change(name: "city, nothing given") { _ = try $0.editCity("lodz", CityInput()) },
        Change(name: "partner, same kind and county") { _ = try $0.editPartner("bergen", PartnerInput(kind: "municipality", county: "vestland")) },
        Change(name: "contact, same e-mail and city") { _ = try $0.editContact("1", ContactInput(city: "Łódź", email: "anna@uml.lodz.pl")) },
        Change(name: "partnership, same budget and start") {
            _ = try $0.editPartnership("lodz/bergen", PartnershipInput(budget: "150000.00", start: "2022-06-01"))
        },
        Change(name: "activity, same title and direction") {
            _ = try $0.editActivity("1", ActivityInput(title: "Study visit to Bergen", direction: "to_norway"))
        },
        Change(name: "expense, same amount and category") { _ = try $0.editExpense("1", ExpenseInput(amount: "1234.5", category: "travel")) },
        Change(name: "city, same topics") { _ = try $0.editCity("lodz", CityInput(topics: ["air_quality"])) },
        Change(name: "partner, same topics") { _ = try $0.editPartner("bergen", PartnerInput(topics: ["cycling"])) },
        Change(name: "partnership, same topics") { _ = try $0.editPartnership("lodz/bergen", PartnershipInput(topics: ["air_quality"])) },
    ]

    @Test(arguments: edits)
    func anEditThatChangesNothingLogsNothing(_ edit: Change) throws {
        let registry = try Sample.linked()
        let before = try registry.auditLog()
        try edit.apply(registry)
        #expect(try registry.auditLog() == before)
    }

    /// Topic links before → after, for each record with topics.
    static let topicEdits: [(String, ExpectedEntry, ExpectedEntry)] = [
        ("city", .delete("city_topic", 1, #"{"city_id":1,"topic_id":3}"#), .insert("city_topic", 1, #"{"city_id":1,"topic_id":11}"#)),
        ("partner", .delete("partner_topic", 1, #"{"partner_id":1,"topic_id":3}"#), .insert("partner_topic", 1, #"{"partner_id":1,"topic_id":11}"#)),
        (
            "partnership", .delete("partnership_topic", 1, #"{"partnership_id":1,"topic_id":3}"#),
            .insert("partnership_topic", 1, #"{"partnership_id":1,"topic_id":11}"#)
        ),
    ]

    @Test(arguments: topicEdits)
    func changingTopicsLogsOnlyTheLinksRemovedAndAdded(_ record: String, _ removed: ExpectedEntry, _ added: ExpectedEntry) throws {
        try withTemporaryFolder { folder in
            let path = try linkedRegisterFile(in: folder)
            let registry = try Registry.open(path: path, actor: "anna")
            let set: (Registry, [String]) throws -> Void = { registry, topics in
                switch record {
                case "city": _ = try registry.editCity("lodz", CityInput(topics: topics))
                case "partner": _ = try registry.editPartner("bergen", PartnerInput(topics: topics))
                default: _ = try registry.editPartnership("lodz/bergen", PartnershipInput(topics: topics))
                }
            }
            try set(registry, ["air_quality", "cycling"])
            let last = try #require(try registry.auditLog().last).id
            try set(registry, ["cycling", "youth"])
            try expectEntries(auditEntries(after: last, in: registry), [removed, added], actor: "anna", columns: auditedColumns(path))
        }
    }

    static let refusals: [Change] = [
        Change(name: "a city in an unknown voivodeship") { _ = try $0.addCity(CityInput(name: "Gdańsk", voivodeship: "nowhere", topics: ["youth"])) },
        Change(name: "a second Łódź") { _ = try $0.addCity(CityInput(name: "LODZ", voivodeship: "łódzkie")) },
        Change(name: "an edit with two bad values") {
            _ = try $0.editCity("lodz", CityInput(population: "-1", partnerBudget: "12,5", topics: ["cycling"]))
        },
        Change(name: "a removal of a city with dependants") { _ = try $0.remove(.city, "lodz") },
        Change(name: "a removal of an activity with an expense") { _ = try $0.remove(.activity, "1") },
        Change(name: "a second partnership of Łódź and Bergen") {
            _ = try $0.addPartnership(PartnershipInput(city: "Łódź", partner: "Bergen kommune"))
        },
        Change(name: "a partnership with an unknown partner") { _ = try $0.addPartnership(PartnershipInput(city: "lodz", partner: "oslo")) },
        Change(name: "an activity whose end is before its start") {
            _ = try $0.addActivity(ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "W", start: "2023-02-02", end: "2023-02-01"))
        },
        Change(name: "a workshop with a direction") { _ = try $0.editActivity("1", ActivityInput(kind: "workshop")) },
        Change(name: "a negative expense") { _ = try $0.editExpense("1", ExpenseInput(amount: "-5")) },
        Change(name: "a contact at a city and a partner") { _ = try $0.addContact(ContactInput(name: "Jan", city: "lodz", partner: "bergen")) },
        Change(name: "a contact moved to an unknown partner") { _ = try $0.editContact("2", ContactInput(partner: "oslo")) },
    ]

    @Test(arguments: refusals)
    func aRefusedChangeWritesNothingAndLogsNothing(_ refusal: Change) throws {
        let registry = try Sample.linked()
        let before = try Snapshot(of: registry)
        #expect(throws: RegistryError.self) { try refusal.apply(registry) }
        #expect(try Snapshot(of: registry) == before)
    }
}
