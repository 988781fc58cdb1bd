import Registry
import Testing

/// The optional fields of a city, to clear each with an empty text.
enum OptionalCityField: String, CaseIterable, Sendable {
    case population, partnerBudget, projectCode, projectGrant, expectations, website, teryt, notes

    func set(_ value: String, in input: inout CityInput) {
        switch self {
        case .population: input.population = value
        case .partnerBudget: input.partnerBudget = value
        case .projectCode: input.projectCode = value
        case .projectGrant: input.projectGrant = value
        case .expectations: input.expectations = value
        case .website: input.website = value
        case .teryt: input.teryt = value
        case .notes: input.notes = value
        }
    }

    func isSet(in city: City) -> Bool {
        switch self {
        case .population: city.population != nil
        case .partnerBudget: city.partnerBudgetCents != nil
        case .projectCode: city.projectCode != nil
        case .projectGrant: city.projectGrantCents != nil
        case .expectations: city.expectations != nil
        case .website: city.website != nil
        case .teryt: city.teryt != nil
        case .notes: city.notes != nil
        }
    }
}

struct EditTests {
    /// Konin with every optional field filled in.
    static func konin() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(
            CityInput(
                name: "Konin", voivodeship: "wielkopolskie", population: "70000", status: "selected",
                partnerBudget: "150000", projectCode: "PL-LOCALDEV-0025", projectGrant: "3400000",
                topics: ["air_quality", "cycling"], expectations: "A partner with district heating experience",
                website: "https://www.konin.pl", teryt: "3061011", notes: "Illustrative"))
        return registry
    }

    @Test func editingOneFieldChangesOnlyThatField() throws {
        let registry = try Self.konin()
        var expected = try registry.city("konin")
        _ = try registry.editCity("konin", CityInput(population: "71234"))
        expected.city.population = 71_234
        #expect(try registry.city("konin") == expected)
    }

    @Test(arguments: OptionalCityField.allCases)
    func anEmptyTextClearsAnOptionalField(field: OptionalCityField) throws {
        let registry = try Self.konin()
        let before = try registry.city("konin")
        #expect(field.isSet(in: before.city))
        var input = CityInput()
        field.set("", in: &input)
        let edited = try registry.editCity("konin", input)
        #expect(!field.isSet(in: edited))
        var others = try registry.city("konin")
        others.city.population = before.city.population
        others.city.partnerBudgetCents = before.city.partnerBudgetCents
        others.city.projectCode = before.city.projectCode
        others.city.projectGrantCents = before.city.projectGrantCents
        others.city.expectations = before.city.expectations
        others.city.website = before.city.website
        others.city.teryt = before.city.teryt
        others.city.notes = before.city.notes
        #expect(others == before, "only \(field) may change")
    }

    @Test(arguments: [CityInput(name: ""), CityInput(voivodeship: "")])
    func aRequiredFieldCannotBeCleared(input: CityInput) throws {
        let registry = try Self.konin()
        let error = #expect(throws: RegistryError.self) { try registry.editCity("konin", input) }
        #expect(error?.problems.count == 1)
        #expect(try registry.city("konin").city.name == "Konin")
    }

    @Test func givenTopicsReplaceTheOldOnes() throws {
        let registry = try Self.konin()
        _ = try registry.editCity("konin", CityInput(topics: ["youth", "air_quality"]))
        #expect(try registry.city("konin").topicCodes == ["air_quality", "youth"])
        _ = try registry.editCity("konin", CityInput(notes: "Topics are kept when not given"))
        #expect(try registry.city("konin").topicCodes == ["air_quality", "youth"])
        _ = try registry.editCity("konin", CityInput(topics: []))
        #expect(try registry.city("konin").topicCodes == [])
    }

    @Test func anEditWithOneBadValueChangesNothing() throws {
        let registry = try Self.konin()
        let before = try Snapshot(of: registry)
        let error = #expect(throws: RegistryError.self) {
            try registry.editCity("konin", CityInput(population: "5000", topics: ["youth"], website: "www.konin.pl"))
        }
        #expect(error?.problems.map(\.field) == ["website"])
        #expect(try Snapshot(of: registry) == before)
    }

    @Test func editingAPartnerClearsAndReplacesOnlyWhatIsGiven() throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.editPartner("bergen", PartnerInput(orgNumber: "964338531", expertise: "District heating"))
        var expected = try registry.partner("bergen")
        let edited = try registry.editPartner("bergen", PartnerInput(county: "", topics: ["air_quality"]))
        expected.partner.county = nil
        expected.topicCodes = ["air_quality"]
        #expect(edited == expected.partner)
        #expect(try registry.partner("bergen") == expected)
    }

    @Test func editingAPartnershipChangesOnlyWhatIsGiven() throws {
        let registry = try Sample.linked()
        var expected = try registry.partnership("lodz/bergen")
        let edited = try registry.editPartnership("lodz/bergen", PartnershipInput(status: "active", signed: "2022-10-04"))
        expected.status = .active
        expected.signedDate = "2022-10-04"
        #expect(edited == expected)
        #expect(try registry.partnership("1") == expected)
    }

    @Test func editingAnActivityAndAnExpenseChangesOnlyWhatIsGiven() throws {
        let registry = try Sample.linked()
        var activity = try #require(try registry.activities().first?.activity)
        var expense = try #require(try registry.expenses().first?.expense)
        _ = try registry.editActivity("\(activity.id!)", ActivityInput(status: "completed", notes: "Went well"))
        _ = try registry.editExpense("\(expense.id!)", ExpenseInput(amount: "1300", date: "2023-05-12"))
        activity.status = .completed
        activity.notes = "Went well"
        expense.amountCents = 130_000
        expense.paidMinor = 130_000
        expense.spentDate = "2023-05-12"
        #expect(try registry.activities().map(\.activity) == [activity])
        #expect(try registry.expenses().map(\.expense) == [expense])
    }

    @Test func editingAContactClearsItsEmailAndCanMoveItToAPartner() throws {
        let registry = try Sample.linked()
        let anna = try #require(try registry.contacts(ContactFilter(city: "lodz")).first?.contact)
        let edited = try registry.editContact("\(anna.id!)", ContactInput(partner: "bergen", email: ""))
        #expect(edited.email == nil)
        #expect(edited.cityId == nil)
        #expect(edited.partnerId == 1)
        #expect(edited.name == "Anna Kowalska")
        #expect(try registry.contacts(ContactFilter(city: "lodz")).isEmpty)
    }
}
