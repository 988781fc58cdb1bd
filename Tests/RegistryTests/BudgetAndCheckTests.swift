import Foundation
import GRDB
import Registry
import Testing

/// Budget figures (DESIGN.md §3) and the business rules `check` warns about, on hand-made data
/// where the right numbers are obvious.
struct BudgetAndCheckTests {
    /// Łódź (allocation 150,000) with Bergen (agreed, 100,000), Tromsø (proposed, 40,000) and
    /// Oslo (active, 30,000); activities on lodz/bergen planned 5,000 and 2,000 (cancelled) and on
    /// lodz/oslo 1,000; expenses 1,200 and 300.
    func sample() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", status: "selected", partnerBudget: "150000"))
        for name in ["Bergen kommune", "Tromsø kommune", "Oslo kommune"] {
            _ = try registry.addPartner(PartnerInput(name: name, kind: "municipality"))
        }
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", status: "agreed", budget: "100000"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "tromso", status: "proposed", budget: "40000"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "oslo", status: "active", budget: "30000"))
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "A", plannedCost: "5000"))
        _ = try registry.addActivity(
            ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "B", plannedCost: "2000", status: "cancelled"))
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/oslo", kind: "advisory", title: "C", plannedCost: "1000"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "1200", category: "travel"))
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "300", category: "staff"))
        return registry
    }

    @Test func cityFiguresFollowTheVocabulary() throws {
        let budget = try sample().cityDetails("lodz").budget
        #expect(budget.allocationCents == 15_000_000)
        #expect(budget.committedCents == 13_000_000)  // agreed + active, not proposed
        #expect(budget.plannedCents == 600_000)  // not the cancelled activity
        #expect(budget.spentCents == 150_000)
        #expect(budget.remainingCents == 2_000_000)
        #expect(budget.overCommitted == false)
    }

    @Test func partnerAndPartnershipFiguresCountTheirOwnOnly() throws {
        let registry = try sample()
        let bergen = try registry.partnerDetails("bergen").budget
        #expect((bergen.committedCents, bergen.plannedCents, bergen.spentCents) == (10_000_000, 500_000, 120_000))
        let tromso = try registry.partnershipDetails("lodz/tromso").listing.budget
        #expect(tromso.committedCents == 0)
    }

    @Test func cleanDataGivesNoWarnings() throws {
        let report = try sample().check()
        #expect(report.warnings.isEmpty)
        #expect(!report.isDamaged)
    }

    @Test func commitmentsAboveTheAllocationAreFlaggedWithTheNumbers() throws {
        let registry = try sample()
        _ = try registry.editPartnership("lodz/tromso", PartnershipInput(status: "agreed"))
        #expect(try registry.cityDetails("lodz").budget.overCommitted)
        let warning = try #require(try registry.check().warnings.first { $0.rule == "over_committed" })
        #expect(warning.record == "city #1 Łódź")
        #expect(warning.detail == "commitments 170000.00 EUR exceed the allocation of 150000.00 EUR by 20000.00 EUR")
    }

    @Test func activitiesOutsideTheirPartnershipsDatesAreFlagged() throws {
        let registry = try sample()
        _ = try registry.editPartnership("lodz/bergen", PartnershipInput(start: "2023-01-01", end: "2023-12-31"))
        _ = try registry.editActivity("1", ActivityInput(start: "2023-12-30", end: "2024-01-02"))
        let warning = try #require(try registry.check().warnings.first { $0.rule == "activity_outside_partnership" })
        #expect(warning.record == "activity #1 'A'")
        #expect(warning.detail == "runs 2023-12-30 to 2024-01-02, outside its partnership's 2023-01-01 to 2023-12-31")
    }

    @Test func spendingAbovePlanIsFlagged() throws {
        let registry = try sample()
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "800.01", category: "staff"))
        let warning = try #require(try registry.check().warnings.first { $0.rule == "spent_above_plan" })
        #expect(warning.detail == "spent 1100.01 EUR against a planned cost of 1000.00 EUR")
    }

    @Test func studyVisitsWithoutADirectionAndSelectedTownsWithoutAllocationAreFlagged() throws {
        let registry = try sample()
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/oslo", kind: "study_visit", title: "Visit"))
        _ = try registry.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie", status: "selected"))
        let rules = try registry.check().warnings.map { "\($0.rule): \($0.record)" }
        #expect(rules.contains("travel_without_direction: activity #4 'Visit'"))
        #expect(rules.contains("selected_without_allocation: city #2 Piła"))
    }

    @Test func aForeignKeyViolationIsDamage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        _ = try Registry.open(path: path)
        var config = Configuration()
        config.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: config).write { db in
            try db.execute(sql: "INSERT INTO city_topic (city_id, topic_id) VALUES (99, 1)")
        }
        let report = try Registry.open(path: path).check()
        #expect(report.isDamaged)
        #expect(report.foreignKeyProblems == ["city_topic has a row that points at a missing city"])
    }
}
