import Foundation
import GRDB
import Registry
import Testing

/// `check`: the database's own health, and the five business rules, each warning naming the
/// record and the numbers.
struct CheckTests {
    /// Łódź (selected, allocation 100,000) and Bergen kommune in an agreed partnership of
    /// 60,000 from 2024-01-01 to 2024-06-30, with a study visit to Norway (planned 1,000) and
    /// an expense of 400 on it. Breaks no rule.
    static func clean() throws -> Registry {
        let registry = try Sample.cityAndPartner()
        _ = try registry.editCity("lodz", CityInput(status: "selected", partnerBudget: "100000"))
        _ = try registry.addPartnership(
            PartnershipInput(city: "lodz", partner: "bergen", status: "agreed", budget: "60000", start: "2024-01-01", end: "2024-06-30"))
        _ = try registry.addActivity(
            ActivityInput(
                partnership: "1", kind: "study_visit", title: "Visit", direction: "to_norway", start: "2024-02-01", end: "2024-02-03",
                plannedCost: "1000"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "400", category: "travel"))
        return registry
    }

    /// A warning as `check` words it.
    struct Warning: Equatable, Sendable, CustomStringConvertible {
        let rule: String
        let record: String
        let detail: String

        init(rule: String, record: String, detail: String) {
            (self.rule, self.record, self.detail) = (rule, record, detail)
        }

        init(_ warning: CheckWarning) {
            self.init(rule: warning.rule, record: warning.record, detail: warning.detail)
        }

        var description: String { "\(rule): \(record): \(detail)" }
    }

    /// A change to the clean data, and the one warning it must bring, if any.
    struct Breach: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (Registry) throws -> Void
        var warning: Warning?
        var testDescription: String { name }
    }

    static let breaches: [Breach] = [
        Breach(
            name: "commitments a cent above the allocation", apply: { _ = try $0.editPartnership("1", PartnershipInput(budget: "100000.01")) },
            warning: Warning(
                rule: "over_committed", record: "city #1 Łódź",
                detail: "commitments 100000.01 EUR exceed the allocation of 100000.00 EUR by 0.01 EUR")),
        Breach(
            name: "an activity starting the day before its partnership", apply: { _ = try $0.editActivity("1", ActivityInput(start: "2023-12-31")) },
            warning: Warning(
                rule: "activity_outside_partnership", record: "activity #1 'Visit'",
                detail: "runs 2023-12-31 to 2024-02-03, outside its partnership's 2024-01-01 to 2024-06-30")),
        Breach(
            name: "a one-day activity after its partnership ended",
            apply: { _ = try $0.editActivity("1", ActivityInput(start: "2024-07-01", end: "")) },
            warning: Warning(
                rule: "activity_outside_partnership", record: "activity #1 'Visit'",
                detail: "runs 2024-07-01 to 2024-07-01, outside its partnership's 2024-01-01 to 2024-06-30")),
        Breach(
            name: "an activity before a partnership with no end",
            apply: { registry in
                _ = try registry.editPartnership("1", PartnershipInput(end: ""))
                _ = try registry.editActivity("1", ActivityInput(start: "2023-06-01", end: "2023-06-02"))
            },
            warning: Warning(
                rule: "activity_outside_partnership", record: "activity #1 'Visit'",
                detail: "runs 2023-06-01 to 2023-06-02, outside its partnership's 2024-01-01 to …")),
        Breach(
            name: "spending a cent above plan", apply: { _ = try $0.addExpense(ExpenseInput(activity: "1", amount: "600.01", category: "venue")) },
            warning: Warning(
                rule: "spent_above_plan", record: "activity #1 'Visit'", detail: "spent 1000.01 EUR against a planned cost of 1000.00 EUR")),
        Breach(
            name: "a study visit without a direction", apply: { _ = try $0.editActivity("1", ActivityInput(direction: "")) },
            warning: Warning(
                rule: "travel_without_direction", record: "activity #1 'Visit'", detail: "a study visit without a direction (to_norway or to_poland)")
        ),
        Breach(
            name: "an internship without a direction", apply: { _ = try $0.editActivity("1", ActivityInput(kind: "internship", direction: "")) },
            warning: Warning(
                rule: "travel_without_direction", record: "activity #1 'Visit'", detail: "an internship without a direction (to_norway or to_poland)")
        ),
        Breach(
            name: "a selected town without an allocation",
            apply: { _ = try $0.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie", status: "selected")) },
            warning: Warning(rule: "selected_without_allocation", record: "city #2 Piła", detail: "selected, but no partner budget is recorded")),
        Breach(
            name: "a selected town with an allocation of 0",
            apply: { registry in
                _ = try registry.editPartnership("1", PartnershipInput(status: "proposed"))
                _ = try registry.editCity("lodz", CityInput(partnerBudget: "0"))
            },
            warning: Warning(rule: "selected_without_allocation", record: "city #1 Łódź", detail: "selected, but no partner budget is recorded")),
        Breach(name: "commitments equal to the allocation", apply: { _ = try $0.editPartnership("1", PartnershipInput(budget: "100000")) }),
        Breach(
            name: "a proposed partnership above the allocation",
            apply: { _ = try $0.editPartnership("1", PartnershipInput(status: "proposed", budget: "500000")) }),
        Breach(
            name: "an activity on its partnership's first and last days",
            apply: { _ = try $0.editActivity("1", ActivityInput(start: "2024-01-01", end: "2024-06-30")) }),
        Breach(name: "an activity without dates", apply: { _ = try $0.editActivity("1", ActivityInput(start: "", end: "")) }),
        Breach(
            name: "a partnership without dates",
            apply: { registry in
                _ = try registry.editPartnership("1", PartnershipInput(start: "", end: ""))
                _ = try registry.editActivity("1", ActivityInput(start: "2030-01-01", end: ""))
            }),
        Breach(name: "spending exactly the plan", apply: { _ = try $0.addExpense(ExpenseInput(activity: "1", amount: "600", category: "venue")) }),
        Breach(name: "a workshop without a direction", apply: { _ = try $0.editActivity("1", ActivityInput(kind: "workshop", direction: "")) }),
        Breach(name: "an applicant without an allocation", apply: { _ = try $0.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie")) }),
    ]

    /// Contacts are people: `check` names those whose organisation's partnerships all ended
    /// more than N years ago (the clean register's ended on 2024-06-30).
    @Test func contactsOfLongEndedPartnershipsAreNamed() throws {
        let registry = try Self.clean()
        _ = try registry.addContact(ContactInput(name: "Anna Nowak", city: "lodz", email: "anna@example.pl"))
        _ = try registry.addContact(ContactInput(name: "Kari Nordmann", partner: "bergen"))
        #expect(try registry.check(contactYears: 5).warnings.isEmpty)
        let stale = try registry.check(contactYears: 2).warnings.map(Warning.init)
        #expect(stale.map(\.record) == ["contact #1 Anna Nowak", "contact #2 Kari Nordmann"])
        #expect(
            stale.first?.detail
                == "every partnership of Łódź ended by 2024-06-30, more than 2 years ago; remove the contact unless there is a reason to keep it")
        #expect(stale.allSatisfy { $0.rule == "stale_contact" && !$0.detail.contains("@") })
        // A partnership still running (no end date) keeps the partner's contacts.
        _ = try registry.addCity(CityInput(name: "Kutno", voivodeship: "łódzkie"))
        _ = try registry.addPartnership(PartnershipInput(city: "kutno", partner: "bergen", status: "proposed"))
        #expect(try registry.check(contactYears: 2).warnings.map(\.record) == ["contact #1 Anna Nowak"])
    }

    @Test func cleanDataBreaksNoRuleAndIsSound() throws {
        let report = try Self.clean().check()
        #expect(report.integrityProblems.isEmpty && report.foreignKeyProblems.isEmpty && report.warnings.isEmpty)
        #expect(!report.isDamaged)
    }

    @Test(arguments: breaches)
    func eachRuleFiresOnItsBreachAloneNamingTheRecordAndTheNumbers(_ breach: Breach) throws {
        let registry = try Self.clean()
        try breach.apply(registry)
        let report = try registry.check()
        #expect(report.warnings.map(Warning.init) == (breach.warning.map { [$0] } ?? []))
        #expect(!report.isDamaged)
    }

    @Test func everyRuleHasABreach() {
        let rules = Set(Self.breaches.compactMap(\.warning?.rule))
        #expect(
            rules == [
                "over_committed", "activity_outside_partnership", "spent_above_plan", "travel_without_direction", "selected_without_allocation",
            ])
    }

    @Test(arguments: [
        ("INSERT INTO city_topic (city_id, topic_id) VALUES (99, 1)", "city_topic has a row that points at a missing city"),
        ("INSERT INTO contact (name, partner_id) VALUES ('Ghost', 42)", "contact row 3 points at a missing partner"),
        ("INSERT INTO expense (activity_id, amount_cents, category) VALUES (7, 100, 'other')", "expense row 2 points at a missing activity"),
        ("DELETE FROM partnership_topic; DELETE FROM partnership", "activity row 1 points at a missing partnership"),
    ])
    func aForeignKeyViolationIsDamageNamingTheRow(_ statement: String, _ problem: String) throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Sample.linked(in: Registry.open(path: path))
            let shell = try sqliteShell(path, "PRAGMA foreign_keys = OFF; " + statement)
            #expect(shell.status == 0, "\(shell.stderr)")
            let report = try Registry.open(path: path).check()
            #expect(report.isDamaged)
            #expect(report.foreignKeyProblems == [problem])
            #expect(report.integrityProblems.isEmpty)
        }
    }
}
