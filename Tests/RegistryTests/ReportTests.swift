import Registry
import Testing

/// The report views' numbers on a small register worked out by hand: a town committed above
/// its allocation, a town without one, a declined partnership, a cancelled activity that still
/// has an expense.
struct ReportTests {
    /// Alfa (100,000 €) has Bergen (agreed, 60,000) and Tromsø (completed, 50,000: continues
    /// yes, improved knowledge no); Beta (50,000) was declined by Bergen (30,000); Gamma (no
    /// allocation) talks to Tromsø (proposed); Delta is an applicant.
    func register() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(
            CityInput(name: "Alfa", voivodeship: "mazowieckie", status: "selected", partnerBudget: "100000", topics: ["water_quality", "youth"]))
        _ = try registry.addCity(CityInput(name: "Beta", voivodeship: "łódzkie", status: "selected", partnerBudget: "50000", topics: ["air_quality"]))
        _ = try registry.addCity(CityInput(name: "Gamma", voivodeship: "opolskie", status: "selected", topics: ["tourism"]))
        _ = try registry.addCity(CityInput(name: "Delta", voivodeship: "śląskie"))
        _ = try registry.addPartner(
            PartnerInput(name: "Bergen kommune", kind: "municipality", county: "Vestland", topics: ["water_quality", "youth"]))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", county: "Troms", topics: ["water_quality"]))
        _ = try registry.addPartnership(
            PartnershipInput(city: "Alfa", partner: "Bergen", status: "agreed", budget: "60000", topics: ["water_quality"]))
        _ = try registry.addPartnership(
            PartnershipInput(city: "Alfa", partner: "Tromsø", status: "completed", budget: "50000", improvedKnowledge: "no", continues: "yes"))
        _ = try registry.addPartnership(PartnershipInput(city: "Beta", partner: "Bergen", status: "declined", budget: "30000"))
        _ = try registry.addPartnership(PartnershipInput(city: "Gamma", partner: "Tromsø", status: "proposed"))
        let workshop = try registry.addActivity(
            ActivityInput(
                partnership: "Alfa/Bergen", kind: "workshop", title: "W1", start: "2024-03-01", end: "2024-03-02", plannedCost: "10000",
                status: "completed", topic: "water_quality"))
        let visit = try registry.addActivity(
            ActivityInput(
                partnership: "Alfa/Bergen", kind: "study_visit", title: "SV", direction: "to_norway", start: "2024-05-10", end: "2024-05-12",
                plannedCost: "20000", status: "cancelled"))
        _ = try registry.addActivity(
            ActivityInput(partnership: "Alfa/Tromsø", kind: "advisory", title: "ADV", start: "2024-06-01", plannedCost: "5000", topic: "youth"))
        let conference = try registry.addActivity(
            ActivityInput(partnership: "Beta/Bergen", kind: "conference", title: "CONF", start: "2024-01-15", plannedCost: "3000"))
        _ = try registry.addExpense(ExpenseInput(activity: .id(workshop.id!), amount: "8000", category: "venue"))
        _ = try registry.addExpense(ExpenseInput(activity: .id(workshop.id!), amount: "1500", category: "travel"))
        _ = try registry.addExpense(ExpenseInput(activity: .id(visit.id!), amount: "700", category: "travel"))
        _ = try registry.addExpense(ExpenseInput(activity: .id(conference.id!), amount: "2500", category: "venue"))
        return registry
    }

    func column(_ report: (columns: [String], rows: [[Cell]]), _ name: String) throws -> [Cell] {
        let index = try #require(report.columns.firstIndex(of: name), "no column \(name) in \(report.columns)")
        return report.rows.map { $0[index] }
    }

    func text(_ cell: Cell) -> String {
        if case .text(let text) = cell { return text }
        return ""
    }

    func euros(_ values: Int64?...) -> [Cell] { values.map { $0.map { Cell.money($0 * 100) } ?? .null } }

    @Test func budgetComparesAllocationWithCommittedPlannedAndSpent() throws {
        let budget = try register().report(.budget)
        #expect(try column(budget, "city") == ["Alfa", "Beta", "Delta", "Gamma"].map(Cell.text))
        #expect(try column(budget, "allocation") == euros(100_000, 50_000, 0, 0))
        #expect(try column(budget, "committed") == euros(110_000, 0, 0, 0))  // declined counts nothing
        #expect(try column(budget, "planned") == euros(15_000, 3_000, 0, 0))  // cancelled counts nothing
        #expect(try column(budget, "spent") == euros(10_200, 2_500, 0, 0))  // spending on the cancelled visit counts
        #expect(try column(budget, "remaining") == euros(-10_000, 50_000, 0, 0))
        #expect(try column(budget, "share_used") == [.text("110.0"), .text("0.0"), .null, .null])
        #expect(try column(budget, "over_allocation") == [1, 0, 0, 0].map(Cell.integer))
        let selected = try register().report(.budget, filter: ReportFilter(status: "applicant"))
        #expect(try column(selected, "city") == [.text("Delta")])
    }

    @Test func overviewCountsAndTotalsAndBilateralFigures() throws {
        let overview = try register().report(.overview)
        let figures = Dictionary(
            uniqueKeysWithValues: overview.rows.map { ("\(text($0[0])) / \(text($0[1]))", Array($0.dropFirst(2))) })
        #expect(figures["towns by status / selected"] == [.integer(3), .null, .null])
        #expect(figures["towns by status / applicant"] == [.integer(1), .null, .null])
        #expect(figures["partners by kind / municipality"] == [.integer(2), .null, .null])
        #expect(figures["partnerships by status / declined"] == [.integer(1), .money(3_000_000), .null])
        #expect(figures["activities by kind and status / study_visit / cancelled"] == [.integer(1), .money(2_000_000), .null])
        #expect(figures["budget / allocation"]?[1] == .money(15_000_000))
        #expect(figures["budget / committed"]?[1] == .money(11_000_000))
        #expect(figures["budget / planned"]?[1] == .money(1_800_000))
        #expect(figures["budget / spent"]?[1] == .money(1_270_000))
        #expect(figures["budget / remaining"]?[1] == .money(4_000_000))
        #expect(figures["bilateral / partnerships with a donor partner"] == [.integer(2), .null, .null])
        #expect(figures["bilateral / completed partnerships likely to continue"] == [.integer(1), .null, .text("100.0")])
        #expect(figures["bilateral / completed partnerships that improved knowledge"] == [.integer(0), .null, .text("0.0")])
    }

    @Test func themesShowWhereTownsAskAndNobodyOffers() throws {
        let themes = try register().report(.themes)
        let byTopic = Dictionary(uniqueKeysWithValues: themes.rows.map { (text($0[1]), Array($0.dropFirst(3))) })
        // towns asking, partners offering, partnerships, activities, gap
        #expect(byTopic["water_quality"] == [1, 2, 1, 1, 0].map(Cell.integer))
        #expect(byTopic["youth"] == [1, 1, 0, 1, 0].map(Cell.integer))
        #expect(byTopic["air_quality"] == [1, 0, 0, 0, 1].map(Cell.integer))
        #expect(byTopic["tourism"] == [1, 0, 0, 0, 1].map(Cell.integer))
        #expect(themes.rows.count == 26)
        let social = try register().report(.themes, filter: ReportFilter(theme: "social"))
        #expect(social.rows.allSatisfy { $0[0] == .text("social") } && !social.rows.isEmpty)
    }

    @Test func activitiesAreACalendarForAPeriod() throws {
        let registry = try register()
        let spring = try registry.report(.activities, filter: ReportFilter(from: "2024-03-01", to: "2024-05-31"))
        #expect(try column(spring, "title") == ["W1", "SV"].map(Cell.text))
        #expect(try column(spring, "city") == ["Alfa", "Alfa"].map(Cell.text))
        #expect(try column(spring, "theme") == [.text("environment"), .null])
        let cancelled = try registry.report(.activities, filter: ReportFilter(status: "cancelled"))
        #expect(try column(cancelled, "title") == [.text("SV")])
        #expect(try column(registry.report(.activities, filter: ReportFilter(city: "beta")), "title") == [.text("CONF")])
        #expect(throws: RegistryError.self) { try registry.report(.activities, filter: ReportFilter(from: "2024-06-01", to: "2024-01-01")) }
    }

    @Test func partnersShowTheirLoadAndTowns() throws {
        let partners = try register().report(.partners)
        #expect(try column(partners, "partner") == ["Bergen kommune", "Tromsø kommune"].map(Cell.text))
        #expect(try column(partners, "partnerships") == [2, 2].map(Cell.integer))
        #expect(try column(partners, "active_partnerships") == [1, 0].map(Cell.integer))
        #expect(try column(partners, "activities") == [3, 1].map(Cell.integer))
        #expect(try column(partners, "committed") == euros(60_000, 50_000))
        #expect(try column(partners, "towns") == ["Alfa, Beta", "Alfa, Gamma"].map(Cell.text))
    }

    @Test func unmatchedListsSelectedTownsWithoutAWorkingPartnership() throws {
        let unmatched = try register().report(.unmatched)
        #expect(try column(unmatched, "city") == ["Beta", "Gamma"].map(Cell.text))
        #expect(try column(unmatched, "topics") == ["air_quality", "tourism"].map(Cell.text))
        #expect(try column(unmatched, "partnerships_in_talks") == [0, 1].map(Cell.integer))
        #expect(try column(unmatched, "allocation") == euros(50_000, 0))
    }

    @Test func aFilterThatDoesNotApplyIsRefusedByName() throws {
        #expect(
            throws: RegistryError.invalid([
                FieldProblem(field: "city", value: "", reason: "does not apply to the themes report; its filters: --theme")
            ])
        ) {
            try register().report(.themes, filter: ReportFilter(city: "Alfa"))
        }
    }
}
