import Registry
import Testing

/// Budget figures (DESIGN.md §3) on hand-made data where the right numbers are obvious:
/// allocation, committed (agreed, active, completed), planned (not cancelled), spent, remaining.
struct BudgetFigureTests {
    /// Łódź (allocation 150,000) with Bergen (agreed, 100,000), Tromsø (proposed, 40,000) and
    /// Oslo (active, 30,000); activities on lodz/bergen planned 5,000 and 2,000 (cancelled), on
    /// lodz/oslo 1,000; expenses 1,200 on the first, 300 on the third, 50 on the cancelled one.
    /// Gdańsk (no allocation) has a completed partnership with Bergen of 10,000.50.
    static func sample() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", status: "selected", partnerBudget: "150000"))
        _ = try registry.addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie"))
        for name in ["Bergen kommune", "Tromsø kommune", "Oslo kommune"] {
            _ = try registry.addPartner(PartnerInput(name: name, kind: "municipality"))
        }
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", status: "agreed", budget: "100000"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "tromso", status: "proposed", budget: "40000"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "oslo", status: "active", budget: "30000"))
        _ = try registry.addPartnership(PartnershipInput(city: "gdansk", partner: "bergen", status: "completed", budget: "10000.50"))
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "A", plannedCost: "5000"))
        _ = try registry.addActivity(
            ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "B", plannedCost: "2000", status: "cancelled"))
        _ = try registry.addActivity(ActivityInput(partnership: "lodz/oslo", kind: "advisory", title: "C", plannedCost: "1000", status: "completed"))
        _ = try registry.addActivity(ActivityInput(partnership: "gdansk/bergen", kind: "advisory", title: "D", plannedCost: "700.25"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "1200", category: "travel"))
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "300", category: "staff"))
        _ = try registry.addExpense(ExpenseInput(activity: "2", amount: "50", category: "venue"))
        return registry
    }

    @Test func aCitysFiguresFollowTheVocabulary() throws {
        let budget = try Self.sample().cityDetails("lodz").budget
        #expect(
            budget
                == BudgetFigures(
                    allocationCents: 15_000_000, committedCents: 13_000_000, plannedCents: 600_000, spentCents: 155_000, remainingCents: 2_000_000,
                    overCommitted: false))
    }

    @Test func aCityWithoutAnAllocationIsOverCommittedByAnyCommitment() throws {
        let budget = try Self.sample().cityDetails("gdansk").budget
        #expect(
            budget
                == BudgetFigures(
                    allocationCents: 0, committedCents: 1_000_050, plannedCents: 70_025, spentCents: 0, remainingCents: -1_000_050,
                    overCommitted: true))
    }

    @Test func aPartnersFiguresAddUpItsPartnershipsInEveryCityAndHaveNoAllocation() throws {
        let bergen = try Self.sample().partnerDetails("bergen").budget
        #expect(bergen == BudgetFigures(committedCents: 11_000_050, plannedCents: 570_025, spentCents: 125_000))
        #expect(try Self.sample().partnerDetails("tromso").budget == BudgetFigures(committedCents: 0, plannedCents: 0, spentCents: 0))
    }

    @Test func aPartnershipsFiguresAreItsOwn() throws {
        let registry = try Self.sample()
        #expect(
            try registry.partnershipDetails("lodz/bergen").listing.budget
                == BudgetFigures(committedCents: 10_000_000, plannedCents: 500_000, spentCents: 125_000))
        #expect(try registry.partnershipDetails("lodz/tromso").listing.budget == BudgetFigures(committedCents: 0, plannedCents: 0, spentCents: 0))
        let listed = try registry.cityDetails("lodz").partnerships.map { "\($0.partnerName) \($0.budget.committedCents)" }
        #expect(listed == ["Bergen kommune 10000000", "Oslo kommune 3000000", "Tromsø kommune 0"])
    }

    @Test(arguments: PartnershipStatus.allCases)
    func onlyAgreedActiveAndCompletedPartnershipsAreCommitted(_ status: PartnershipStatus) throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.editCity("lodz", CityInput(partnerBudget: "100000"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", status: status.rawValue, budget: "40000"))
        let committed: Int64 = [.agreed, .active, .completed].contains(status) ? 4_000_000 : 0
        let city = try registry.cityDetails("lodz").budget
        #expect(city.committedCents == committed)
        #expect(city.remainingCents == 10_000_000 - committed)
        #expect(try registry.partnerDetails("bergen").budget.committedCents == committed)
    }

    @Test(arguments: ActivityStatus.allCases)
    func plannedLeavesOutCancelledActivitiesButSpentCountsEveryExpense(_ status: ActivityStatus) throws {
        let registry = try Sample.linked()
        _ = try registry.editActivity("1", ActivityInput(plannedCost: "2500.50", status: status.rawValue))
        let city = try registry.cityDetails("lodz").budget
        #expect(city.plannedCents == (status == .cancelled ? 0 : 250_050))
        #expect(city.spentCents == 123_450)
    }

    @Test(arguments: [
        ("100000", "99999.99", false), ("100000", "100000", false), ("100000", "100000.01", true), ("0", "0", false), ("", "0.01", true),
        ("", "", false),
    ])
    func overCommittedOnlyWhenCommitmentsExceedTheAllocation(_ allocation: String, _ budget: String, _ flagged: Bool) throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.editCity("lodz", CityInput(partnerBudget: allocation))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", status: "active", budget: budget))
        let figures = try registry.cityDetails("lodz").budget
        #expect(figures.overCommitted == flagged)
        #expect(figures.remainingCents == (figures.allocationCents ?? -1) - figures.committedCents)
    }

    @Test func aCityWithNothingHasZeroes() throws {
        let budget = try Sample.cityAndPartner().cityDetails("lodz").budget
        #expect(
            budget == BudgetFigures(allocationCents: 0, committedCents: 0, plannedCents: 0, spentCents: 0, remainingCents: 0, overCommitted: false))
    }
}
