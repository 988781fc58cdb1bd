import Foundation
import GRDB
import Testing

@testable import Registry

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
                // Not committing, and nothing spent: only the missing allocation is left to see.
                _ = try registry.editPartnership("1", PartnershipInput(status: "contacted"))
                _ = try registry.remove(.expense, "1")
                _ = try registry.editCity("lodz", CityInput(partnerBudget: "0"))
            },
            warning: Warning(rule: "selected_without_allocation", record: "city #1 Łódź", detail: "selected, but no partner budget is recorded")),
        Breach(
            name: "spending a cent above the partnership's budget",
            apply: { registry in
                _ = try registry.editActivity("1", ActivityInput(plannedCost: "70000"))
                _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "59600.01", category: "staff"))
            },
            warning: Warning(
                rule: "spent_above_budget", record: "partnership #1 Łódź/Bergen kommune",
                detail: "spent 60000.01 EUR (claimed and verified), above its budget of 60000.00 EUR by 0.01 EUR")),
        Breach(
            name: "a rejected claim above the budget",
            apply: { registry in
                _ = try registry.editActivity("1", ActivityInput(plannedCost: "70000"))
                let claim = try registry.addExpense(ExpenseInput(activity: "1", amount: "59600.01", category: "staff"))
                _ = try registry.editExpense(.id(claim.id!), ExpenseInput(status: "rejected", reason: "not eligible"))
            }),
        Breach(
            name: "spending above a budget line",
            apply: { _ = try $0.setBudgetLines("1", set: ["travel=300"], remove: []) },
            warning: Warning(
                rule: "spent_above_budget_line", record: "partnership #1 Łódź/Bergen kommune",
                detail: "spent 400.00 EUR on travel, above its budget line of 300.00 EUR by 100.00 EUR")),
        Breach(
            name: "budget lines above the budget",
            apply: { _ = try $0.setBudgetLines("1", set: ["staff=60000", "travel=400"], remove: []) },
            warning: Warning(
                rule: "budget_lines_above_budget", record: "partnership #1 Łódź/Bergen kommune",
                detail: "its budget lines add up to 60400.00 EUR, above its budget of 60000.00 EUR")),
        Breach(name: "budget lines within the budget", apply: { _ = try $0.setBudgetLines("1", set: ["staff=59600", "travel=400"], remove: []) }),
        Breach(
            name: "a town spending above its allocation",
            apply: { registry in
                _ = try registry.editPartnership("1", PartnershipInput(status: "contacted"))
                _ = try registry.editCity("lodz", CityInput(partnerBudget: "300"))
            },
            warning: Warning(
                rule: "spent_above_allocation", record: "city #1 Łódź",
                detail: "spent 400.00 EUR (claimed and verified), above the allocation of 300.00 EUR by 100.00 EUR")),
        Breach(
            name: "spending on a partnership only proposed",
            apply: { _ = try $0.editPartnership("1", PartnershipInput(status: "proposed")) },
            warning: Warning(
                rule: "spending_without_agreement", record: "partnership #1 Łódź/Bergen kommune",
                detail: "is proposed, yet has 1 expense and 1 planned activity")),
        Breach(
            name: "a planned activity on a declined partnership",
            apply: { registry in
                _ = try registry.remove(.expense, "1")
                _ = try registry.editPartnership("1", PartnershipInput(status: "declined"))
            },
            warning: Warning(
                rule: "spending_without_agreement", record: "partnership #1 Łódź/Bergen kommune", detail: "is declined, yet has 1 planned activity")),
        Breach(
            name: "an expense dated after its partnership ended",
            apply: { _ = try $0.editExpense("1", ExpenseInput(date: "2024-07-01")) },
            warning: Warning(
                rule: "expense_outside_partnership", record: "expense #1",
                detail: "dated 2024-07-01, outside its partnership's 2024-01-01 to 2024-06-30 (Łódź/Bergen kommune)")),
        Breach(name: "an expense on its partnership's last day", apply: { _ = try $0.editExpense("1", ExpenseInput(date: "2024-06-30")) }),
        Breach(
            name: "a claim in a period without its document",
            apply: { _ = try $0.editExpense("1", ExpenseInput(period: "2024-1")) },
            warning: Warning(
                rule: "claim_without_document", record: "expense #1",
                detail: "claimed in period 2024-1 without a document reference (invoice or receipt number)")),
        Breach(
            name: "a claim in a period with its document", apply: { _ = try $0.editExpense("1", ExpenseInput(document: "F-1", period: "2024-1")) }),
        Breach(name: "commitments equal to the allocation", apply: { _ = try $0.editPartnership("1", PartnershipInput(budget: "100000")) }),
        Breach(
            name: "a partnership only contacted, above the allocation",
            apply: { _ = try $0.editPartnership("1", PartnershipInput(status: "contacted", budget: "500000")) }),
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
        // Every rule of `check` but stale contacts (contactsOfLongEndedPartnershipsAreNamed).
        #expect(rules == Set(BusinessRule.all.map(\.name)).subtracting(["stale_contact"]))
        #expect(
            rules.isSuperset(of: [
                "over_committed", "activity_outside_partnership", "spent_above_plan", "spent_above_budget", "claim_without_document",
            ]))
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
