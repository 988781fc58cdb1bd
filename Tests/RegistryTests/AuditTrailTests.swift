import Foundation
import Registry
import Testing

/// The audit trail: every insert, update and delete of every register table, made through the
/// registry, lands in `audit_log` once, with the registry's actor, the table, the row, and the
/// values before and after.
struct AuditTrailTests {
    static let cases: [AuditCase] = [
        AuditCase(
            name: "adding a city",
            change: {
                _ = try $0.addCity(
                    CityInput(
                        name: "Gdańsk", voivodeship: "pomorskie", population: "470000", partnerBudget: "150000.50", notes: "Port \"city\"\tby the sea"
                    ))
            },
            expected: [
                .insert(
                    "city", 2,
                    #"{"id":2,"name":"Gdańsk","name_key":"gdansk","voivodeship":"pomorskie","population":470000,"status":"applicant","partner_budget_cents":15000050,"project_code":null,"notes":"Port \"city\"\tby the sea"}"#
                )
            ]),
        AuditCase(
            name: "adding a city with topics",
            change: { _ = try $0.addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie", topics: ["youth", "water_quality"])) },
            expected: [
                .insert("city", 2, #"{"name":"Gdańsk"}"#), .insert("city_topic", 2, #"{"city_id":2,"topic_id":11}"#),
                .insert("city_topic", 2, #"{"city_id":2,"topic_id":2}"#),
            ]),
        AuditCase(
            name: "editing a city",
            change: { _ = try $0.editCity("lodz", CityInput(population: "670000", website: "https://uml.lodz.pl")) },
            expected: [
                .update(
                    "city", 1, old: #"{"id":1,"name":"Łódź","population":null,"website":null}"#,
                    new: #"{"id":1,"name":"Łódź","population":670000,"website":"https://uml.lodz.pl"}"#)
            ]),
        AuditCase(
            name: "removing a city with a topic",
            prepare: { _ = try $0.addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie", topics: ["youth"])) },
            change: { _ = try $0.remove(.city, "gdansk") },
            expected: [
                .delete("city_topic", 2, #"{"city_id":2,"topic_id":11}"#), .delete("city", 2, #"{"id":2,"name":"Gdańsk","voivodeship":"pomorskie"}"#),
            ]),
        AuditCase(
            name: "adding a partner with a topic",
            change: {
                _ = try $0.addPartner(
                    PartnerInput(name: "Tromsø kommune", kind: "municipality", orgNumber: "964338531", county: "troms", topics: ["ict"]))
            },
            expected: [
                .insert(
                    "partner", 2,
                    #"{"id":2,"name":"Tromsø kommune","name_key":"tromso kommune","country":"NO","kind":"municipality","org_number":"964338531","county":"Troms","website":null}"#
                ),
                .insert("partner_topic", 2, #"{"partner_id":2,"topic_id":19}"#),
            ]),
        AuditCase(
            name: "editing a partner",
            change: { _ = try $0.editPartner("bergen", PartnerInput(expertise: "Air quality monitoring")) },
            expected: [
                .update(
                    "partner", 1, old: #"{"name":"Bergen kommune","expertise":null}"#,
                    new: #"{"name":"Bergen kommune","expertise":"Air quality monitoring"}"#)
            ]),
        AuditCase(
            name: "removing a partner with a topic",
            prepare: { _ = try $0.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality", topics: ["youth"])) },
            change: { _ = try $0.remove(.partner, "alta") },
            expected: [
                .delete("partner_topic", 2, #"{"partner_id":2,"topic_id":11}"#),
                .delete("partner", 2, #"{"id":2,"name":"Alta kommune","kind":"municipality"}"#),
            ]),
        AuditCase(
            name: "adding a contact",
            change: {
                _ = try $0.addContact(
                    ContactInput(name: "Piotr Zieliński", partner: "bergen", role: "Coordinator", phone: "+47 55 56 60 00", languages: "pl, EN"))
            },
            expected: [
                .insert(
                    "contact", 3,
                    #"{"id":3,"name":"Piotr Zieliński","city_id":null,"partner_id":1,"role":"Coordinator","phone":"+47 55 56 60 00","languages":"pl,en","email":null}"#
                )
            ]),
        AuditCase(
            name: "moving a contact from a city to a partner",
            change: { _ = try $0.editContact("1", ContactInput(partner: "bergen")) },
            expected: [
                .update(
                    "contact", 1, old: #"{"city_id":1,"partner_id":null,"email":"anna@uml.lodz.pl"}"#,
                    new: #"{"city_id":null,"partner_id":1,"email":"anna@uml.lodz.pl"}"#)
            ]),
        AuditCase(
            name: "removing a contact",
            change: { _ = try $0.remove(.contact, "2") },
            expected: [.delete("contact", 2, #"{"id":2,"name":"Ola Nordmann","city_id":null,"partner_id":1}"#)]),
        AuditCase(
            name: "adding a partnership with topics",
            prepare: { _ = try $0.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality")) },
            change: {
                _ = try $0.addPartnership(
                    PartnershipInput(
                        city: "lodz", partner: "alta", status: "agreed", budget: "20000", signed: "2024-01-15", topics: ["youth", "cycling"]))
            },
            expected: [
                .insert(
                    "partnership", 2,
                    #"{"id":2,"city_id":1,"partner_id":2,"status":"agreed","budget_cents":2000000,"signed_date":"2024-01-15","start_date":null,"continues":null}"#
                ),
                .insert("partnership_topic", 2, #"{"partnership_id":2,"topic_id":11}"#),
                .insert("partnership_topic", 2, #"{"partnership_id":2,"topic_id":14}"#),
            ]),
        AuditCase(
            name: "editing a partnership",
            change: { _ = try $0.editPartnership("lodz/bergen", PartnershipInput(status: "completed", continues: "yes", lastingEffects: "not yet")) },
            expected: [
                .update(
                    "partnership", 1, old: #"{"status":"proposed","continues":null,"lasting_effects":null,"budget_cents":15000000}"#,
                    new: #"{"status":"completed","continues":"yes","lasting_effects":"not_yet","budget_cents":15000000}"#)
            ]),
        AuditCase(
            name: "removing a partnership with its activity and expense",
            change: { _ = try $0.remove(.partnership, "lodz/bergen", cascade: true) },
            expected: [
                .delete("expense", 1, #"{"amount_cents":123450}"#), .delete("activity", 1, #"{"title":"Study visit to Bergen"}"#),
                .delete("partnership_topic", 1, #"{"partnership_id":1,"topic_id":3}"#),
                .delete("partnership", 1, #"{"city_id":1,"partner_id":1,"start_date":"2022-06-01","end_date":"2024-04-30"}"#),
            ]),
        AuditCase(
            name: "adding an activity",
            change: {
                _ = try $0.addActivity(
                    ActivityInput(
                        partnership: "lodz/bergen", kind: "internship", title: "Internship in Bergen", direction: "to_norway", start: "2023-09-01",
                        end: "2023-11-30", participants: "2", plannedCost: "2500.75", topic: "air_quality"))
            },
            expected: [
                .insert(
                    "activity", 2,
                    #"{"id":2,"partnership_id":1,"kind":"internship","title":"Internship in Bergen","direction":"to_norway","start_date":"2023-09-01","end_date":"2023-11-30","participants":2,"planned_cost_cents":250075,"status":"planned","topic_id":3,"location":null}"#
                )
            ]),
        AuditCase(
            name: "editing an activity",
            change: { _ = try $0.editActivity("1", ActivityInput(location: "Bergen", participants: "12", status: "completed")) },
            expected: [
                .update(
                    "activity", 1, old: #"{"status":"planned","participants":null,"location":null,"direction":"to_norway"}"#,
                    new: #"{"status":"completed","participants":12,"location":"Bergen","direction":"to_norway"}"#)
            ]),
        AuditCase(
            name: "removing an activity with its expense",
            change: { _ = try $0.remove(.activity, "1", cascade: true) },
            expected: [.delete("expense", 1, #"{"activity_id":1}"#), .delete("activity", 1, #"{"id":1,"kind":"study_visit","partnership_id":1}"#)]),
        AuditCase(
            name: "setting, changing and removing budget lines",
            prepare: { _ = try $0.setBudgetLines("1", set: ["staff=1000"], remove: []) },
            change: { _ = try $0.setBudgetLines("1", set: ["travel=500", "staff=1200.50"], remove: []) },
            expected: [
                .insert("partnership_budget_line", 1, #"{"partnership_id":1,"category":"travel","budget_cents":50000}"#),
                .update(
                    "partnership_budget_line", 1, old: #"{"category":"staff","budget_cents":100000}"#,
                    new: #"{"category":"staff","budget_cents":120050}"#),
            ]),
        AuditCase(
            name: "adding and correcting exchange rates",
            prepare: { try $0.addRate(currency: "NOK", month: "2024-05", rate: "11.6") },
            change: { registry in
                try registry.addRate(currency: "PLN", month: "2024-05", rate: "4.3215", source: "NBP")
                try registry.addRate(currency: "NOK", month: "2024-05", rate: "11.6075")
            },
            expected: [
                .insert("exchange_rate", 2, #"{"id":2,"currency":"PLN","month":"2024-05","units_per_eur_micros":4321500,"source":"NBP"}"#),
                .update("exchange_rate", 1, old: #"{"units_per_eur_micros":11600000}"#, new: #"{"units_per_eur_micros":11607500}"#),
            ]),
        AuditCase(
            name: "removing an exchange rate",
            prepare: { try $0.addRate(currency: "NOK", month: "2024-05", rate: "11.6") },
            change: { _ = try $0.removeRate(currency: "NOK", month: "2024-05") },
            expected: [.delete("exchange_rate", 1, #"{"currency":"NOK","month":"2024-05","source":"InforEuro"}"#)]),
        AuditCase(
            name: "removing a budget line",
            prepare: { _ = try $0.setBudgetLines("1", set: ["staff=1000"], remove: []) },
            change: { _ = try $0.setBudgetLines("1", set: [], remove: ["staff"]) },
            expected: [.delete("partnership_budget_line", 1, #"{"partnership_id":1,"category":"staff","budget_cents":100000}"#)]),
        AuditCase(
            name: "adding an expense",
            change: { _ = try $0.addExpense(ExpenseInput(activity: "1", amount: "99.99", category: "venue", date: "2023-05-10", note: "Room hire")) },
            expected: [
                .insert(
                    "expense", 2, #"{"id":2,"activity_id":1,"amount_cents":9999,"category":"venue","spent_date":"2023-05-10","note":"Room hire"}"#)
            ]),
        AuditCase(
            name: "editing an expense",
            change: { _ = try $0.editExpense("1", ExpenseInput(amount: "1300", date: "2023-05-12")) },
            expected: [
                .update(
                    "expense", 1, old: #"{"amount_cents":123450,"paid_minor":123450,"spent_date":null,"category":"travel"}"#,
                    new: #"{"amount_cents":130000,"paid_minor":130000,"spent_date":"2023-05-12","category":"travel"}"#)
            ]),
        AuditCase(
            name: "removing an expense",
            change: { _ = try $0.remove(.expense, "1") },
            expected: [.delete("expense", 1, #"{"id":1,"activity_id":1,"amount_cents":123450,"category":"travel","spent_date":null,"note":null}"#)]),
        AuditCase(
            name: "removing a city with everything that depends on it",
            change: { _ = try $0.remove(.city, "lodz", cascade: true) },
            expected: [
                .delete("contact", 1, #"{"name":"Anna Kowalska"}"#), .delete("expense", 1, #"{"activity_id":1}"#),
                .delete("activity", 1, #"{"partnership_id":1}"#), .delete("partnership_topic", 1, #"{"topic_id":3}"#),
                .delete("partnership", 1, #"{"city_id":1}"#), .delete("city_topic", 1, #"{"topic_id":3}"#), .delete("city", 1, #"{"name":"Łódź"}"#),
            ]),
        AuditCase(
            name: "removing a partner with everything that depends on it",
            change: { _ = try $0.remove(.partner, "bergen", cascade: true) },
            expected: [
                .delete("contact", 2, #"{"name":"Ola Nordmann"}"#), .delete("expense", 1, #"{"activity_id":1}"#),
                .delete("activity", 1, #"{"partnership_id":1}"#), .delete("partnership_topic", 1, #"{"topic_id":3}"#),
                .delete("partnership", 1, #"{"partner_id":1}"#), .delete("partner_topic", 1, #"{"topic_id":14}"#),
                .delete("partner", 1, #"{"name":"Bergen kommune","county":"Vestland"}"#),
            ]),
    ]

    @Test(arguments: cases)
    func aChangeLogsExactlyItsRowsWithTheActorAndValues(_ audit: AuditCase) throws {
        try withTemporaryFolder { folder in
            let path = try linkedRegisterFile(in: folder)
            try audit.prepare(Registry.open(path: path, actor: "setup"))
            let anna = try Registry.open(path: path, actor: "anna")
            let last = try #require(try anna.auditLog().last).id
            try audit.change(anna)
            try expectEntries(auditEntries(after: last, in: anna), audit.expected, actor: "anna", columns: auditedColumns(path))
        }
    }

    @Test func everyTableHasItsInsertsUpdatesAndDeletesCovered() {
        let entries = Self.cases.flatMap(\.expected) + AuditLogProtectionTests.directSQLCases.flatMap(\.expected)
        let covered = Set(entries.map { "\($0.action.rawValue) \($0.table)" })
        for table in AuditFilter.tables {
            for action in [AuditAction.insert, .update, .delete] {  // imports: Import/ImportUpdateTests
                #expect(covered.contains("\(action.rawValue) \(table)"), "no case logs \(action.rawValue) on \(table)")
            }
        }
    }

    @Test func theActorIsTheOneTheRegistryWasOpenedWith() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Registry.open(path: path, actor: "anna").addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
            _ = try Registry.open(path: path, actor: "ola").addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie"))
            _ = try Registry.open(path: path).addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie"))
            let actors = try Registry.open(path: path).auditLog().map(\.actor)
            #expect(actors == ["anna", "ola", Registry.defaultActor()])
        }
    }

    @Test(arguments: [(["USER": "kari"], "kari"), (["USER": ""], "unknown"), ([:], "unknown")])
    func theDefaultActorIsUSER(_ environment: [String: String], _ actor: String) {
        #expect(Registry.defaultActor(environment: environment) == actor)
    }
}
