import Registry
import Testing

/// Lists and their filters, on a register where each answer can be worked out by hand.
struct ListFilterTests {
    /// Łódź and Gdańsk; Bergen kommune and Tromsø kommune; partnerships
    /// 1 lodz/bergen (active, air_quality), 2 lodz/tromso (proposed, cycling),
    /// 3 gdansk/bergen (active, air_quality and cycling); activities
    /// 1 'Visit Bergen' (1, study visit, 2024-01-10 to 01-20), 2 'Air workshop' (1, workshop, 2024-01-20, completed),
    /// 3 'Port conference' (3, 2024-02-01 to 03-15), 4 'Advice' (2, no dates, cancelled),
    /// 5 'Winter school' (3, workshop, 2023-12-25 to 2024-01-05); expenses 1 travel 2024-01-10 and
    /// 2 venue 2024-01-20 on activity 1, 3 travel 2024-02-15 on 3, 4 staff undated on 2;
    /// contacts Anna (Łódź), Ola (Bergen), Piotr (Gdańsk), Kari (Tromsø).
    static func register() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen", status: "active", topics: ["air_quality"]))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "tromso", status: "proposed", topics: ["cycling"]))
        _ = try registry.addPartnership(PartnershipInput(city: "gdansk", partner: "bergen", status: "active", topics: ["air_quality", "cycling"]))
        let activities = [
            ActivityInput(
                partnership: "1", kind: "study_visit", title: "Visit Bergen", direction: "to_norway", start: "2024-01-10", end: "2024-01-20"),
            ActivityInput(partnership: "1", kind: "workshop", title: "Air workshop", start: "2024-01-20", status: "completed"),
            ActivityInput(partnership: "3", kind: "conference", title: "Port conference", start: "2024-02-01", end: "2024-03-15"),
            ActivityInput(partnership: "2", kind: "advisory", title: "Advice", status: "cancelled"),
            ActivityInput(partnership: "3", kind: "workshop", title: "Winter school", start: "2023-12-25", end: "2024-01-05"),
        ]
        for activity in activities { _ = try registry.addActivity(activity) }
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "1000", category: "travel", date: "2024-01-10"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "200", category: "venue", date: "2024-01-20"))
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "300", category: "travel", date: "2024-02-15"))
        _ = try registry.addExpense(ExpenseInput(activity: "2", amount: "50", category: "staff"))
        _ = try registry.addContact(ContactInput(name: "Anna", city: "lodz"))
        _ = try registry.addContact(ContactInput(name: "Ola", partner: "bergen"))
        _ = try registry.addContact(ContactInput(name: "Piotr", city: "gdansk"))
        _ = try registry.addContact(ContactInput(name: "Kari", partner: "tromso"))
        return registry
    }

    @Test(
        arguments: [
            (PartnershipFilter(), [3, 1, 2]),
            (PartnershipFilter(city: "lodz"), [1, 2]),
            (PartnershipFilter(city: "ŁÓDŹ"), [1, 2]),
            (PartnershipFilter(partner: "bergen"), [3, 1]),
            (PartnershipFilter(status: .active), [3, 1]),
            (PartnershipFilter(status: .proposed), [2]),
            (PartnershipFilter(status: .completed), []),
            (PartnershipFilter(topic: "cycling"), [3, 2]),
            (PartnershipFilter(topic: "youth"), []),
            (PartnershipFilter(city: "gdansk", topic: "air_quality"), [3]),
            (PartnershipFilter(city: "lodz", partner: "tromso", status: .proposed, topic: "cycling"), [2]),
        ] as [(PartnershipFilter, [Int64])])
    func partnershipsAreFilteredByCityPartnerStatusAndTopic(_ filter: PartnershipFilter, _ ids: [Int64]) throws {
        #expect(try Self.register().partnerships(filter).map(\.partnership.id) == ids)
    }

    @Test(arguments: [
        (ActivityFilter(), ["Advice", "Winter school", "Visit Bergen", "Air workshop", "Port conference"]),
        (ActivityFilter(from: "2024-01-20"), ["Visit Bergen", "Air workshop", "Port conference"]),
        (ActivityFilter(to: "2024-01-10"), ["Winter school", "Visit Bergen"]),
        (ActivityFilter(from: "2024-01-21", to: "2024-01-31"), []),
        (ActivityFilter(from: "2024-02-10", to: "2024-02-12"), ["Port conference"]),
        (ActivityFilter(from: "2024-01-05", to: "2024-01-05"), ["Winter school"]),
        (ActivityFilter(from: "2024-01-20", to: "2024-01-20"), ["Visit Bergen", "Air workshop"]),
        (ActivityFilter(from: "2023-01-01", to: "2025-12-31"), ["Winter school", "Visit Bergen", "Air workshop", "Port conference"]),
        (ActivityFilter(kind: .workshop), ["Winter school", "Air workshop"]),
        (ActivityFilter(status: .planned), ["Winter school", "Visit Bergen", "Port conference"]),
        (ActivityFilter(status: .cancelled), ["Advice"]),
        (ActivityFilter(city: "gdansk"), ["Winter school", "Port conference"]),
        (ActivityFilter(city: "lodz", kind: .workshop), ["Air workshop"]),
        (ActivityFilter(partner: "tromso"), ["Advice"]),
        (ActivityFilter(partnership: "lodz/bergen"), ["Visit Bergen", "Air workshop"]),
        (ActivityFilter(partnership: "Gdańsk/Bergen kommune", from: "2024-01-06"), ["Port conference"]),
    ])
    func activitiesOverlappingAPeriodAreKeptAndFilteredByKindStatusAndPlace(_ filter: ActivityFilter, _ titles: [String]) throws {
        #expect(try Self.register().activities(filter).map(\.activity.title) == titles)
    }

    @Test(
        arguments: [
            (ExpenseFilter(), [4, 1, 2, 3]),
            (ExpenseFilter(category: .travel), [1, 3]),
            (ExpenseFilter(category: .equipment), []),
            (ExpenseFilter(from: "2024-01-20"), [2, 3]),
            (ExpenseFilter(to: "2024-01-10"), [1]),
            (ExpenseFilter(from: "2024-01-11", to: "2024-02-14"), [2]),
            (ExpenseFilter(from: "2024-01-10", to: "2024-02-15"), [1, 2, 3]),
            (ExpenseFilter(category: .travel, from: "2024-02-01"), [3]),
            (ExpenseFilter(activity: "1"), [1, 2]),
            (ExpenseFilter(city: "gdansk"), [3]),
            (ExpenseFilter(partnership: "lodz/bergen", category: .staff), [4]),
        ] as [(ExpenseFilter, [Int64])])
    func expensesAreFilteredByCategoryAndDate(_ filter: ExpenseFilter, _ ids: [Int64]) throws {
        #expect(try Self.register().expenses(filter).map(\.expense.id) == ids)
    }

    @Test(arguments: [
        (ContactFilter(), ["Anna", "Kari", "Ola", "Piotr"]),
        (ContactFilter(city: "lodz"), ["Anna"]),
        (ContactFilter(city: "gdansk"), ["Piotr"]),
        (ContactFilter(partner: "bergen"), ["Ola"]),
        (ContactFilter(partner: "Tromsø kommune"), ["Kari"]),
    ])
    func contactsAreFilteredByCityOrPartner(_ filter: ContactFilter, _ names: [String]) throws {
        let contacts = try Self.register().contacts(filter)
        #expect(contacts.map(\.contact.name) == names)
        #expect(contacts.allSatisfy { ($0.cityName == nil) != ($0.partnerName == nil) })
    }

    @Test func listingsCarryTheNamesOfWhatTheyReferTo() throws {
        let registry = try Self.register()
        let partnership = try #require(try registry.partnerships(PartnershipFilter(city: "gdansk")).first)
        #expect((partnership.cityName, partnership.partnerName, partnership.topicCodes) == ("Gdańsk", "Bergen kommune", ["air_quality", "cycling"]))
        let activity = try #require(try registry.activities(ActivityFilter(partnership: "1")).first)
        #expect((activity.cityName, activity.partnerName, activity.spentCents) == ("Łódź", "Bergen kommune", 120_000))
        let expense = try #require(try registry.expenses(ExpenseFilter(category: .staff)).first)
        #expect((expense.activityTitle, expense.cityName, expense.partnerName) == ("Air workshop", "Łódź", "Bergen kommune"))
        #expect(try registry.contacts(ContactFilter(partner: "tromso")).first?.partnerName == "Tromsø kommune")
    }

    @Test(
        arguments: [
            ("lodz/bergen", 1), ("Łódź/Bergen kommune", 1), ("LODZ/BERG", 1), (" lodz / tromso ", 2), ("gdansk/bergen", 3), ("3", 3),
        ] as [(String, Int64)])
    func aPartnershipIsNamedByCityAndPartner(_ reference: String, _ id: Int64) throws {
        let registry = try Self.register()
        #expect(try registry.partnership(.typed(reference)).id == id)
        #expect(try registry.partnershipDetails(.typed(reference)).listing.partnership.id == id)
    }

    @Test(arguments: [
        ("gdansk/tromso", RegistryError.notFound(entity: "partnership", reference: "gdansk/tromso")),
        ("lodz/oslo", RegistryError.notFound(entity: "partner", reference: "oslo")),
        ("krakow/bergen", RegistryError.notFound(entity: "city", reference: "krakow")),
        ("9", RegistryError.notFound(entity: "partnership", reference: "9")),
    ])
    func anUnknownPartnershipIsNotFoundNamingWhatIsMissing(_ reference: String, _ error: RegistryError) throws {
        #expect(throws: error) { try Self.register().partnershipDetails(.typed(reference)) }
        #expect(throws: error) { try Self.register().activities(ActivityFilter(partnership: reference)) }
    }

    @Test(arguments: [
        (ActivityFilter(from: "2024-02-01", to: "2024-01-31"), "to"), (ActivityFilter(from: "2024-02-30"), "from"),
        (ActivityFilter(to: "31.01.2024"), "to"), (ActivityFilter(topic: "potholes"), "topic"),
    ])
    func aBadPeriodOrTopicIsRefusedNamingTheField(_ filter: ActivityFilter, _ field: String) throws {
        let error = #expect(throws: RegistryError.self) { try Self.register().activities(filter) }
        #expect(error?.problems.map(\.field) == [field])
    }
}
