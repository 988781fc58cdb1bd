import Registry
import Testing

struct ActivityValidationTests {
    /// A valid workshop of the Łódź–Bergen partnership with `change` applied.
    static func activity(_ change: (inout ActivityInput) -> Void = { _ in }) -> ActivityInput {
        var input = ActivityInput(partnership: "lodz/bergen", kind: "workshop", title: "Air quality workshop")
        change(&input)
        return input
    }

    @Test(arguments: ["meeting", "study visit", "visit", "webinar"])
    func aKindOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "kind", value: typed) {
            try $0.addActivity(Self.activity { $0.kind = typed })
        }
    }

    @Test(arguments: ["joint_development", "advisory", "knowledge_exchange", "workshop", "conference"])
    func aDirectionOnAKindThatDoesNotTravelIsRefused(kind: String) throws {
        try expectInvalid(Sample.linked(), field: "direction", value: "to_norway") {
            try $0.addActivity(
                Self.activity {
                    $0.kind = kind
                    $0.direction = "to_norway"
                })
        }
    }

    @Test(arguments: ["study_visit", "internship"], ["to_norway", "to_poland"])
    func studyVisitsAndInternshipsHaveADirection(kind: String, direction: String) throws {
        let activity = try Sample.linked().addActivity(
            Self.activity {
                $0.kind = kind
                $0.direction = direction
            })
        #expect(activity.direction?.rawValue == direction)
    }

    @Test(arguments: ["north", "to_oslo", "norway"])
    func aDirectionOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "direction", value: typed) {
            try $0.addActivity(
                Self.activity {
                    $0.kind = "study_visit"
                    $0.direction = typed
                })
        }
    }

    @Test func changingAStudyVisitWithADirectionIntoAWorkshopIsRefused() throws {
        let registry = try Sample.linked()
        let visit = try #require(try registry.activities().first?.activity)
        try expectInvalid(registry, field: "direction", value: "to_norway") {
            try $0.editActivity("\(visit.id!)", ActivityInput(kind: "workshop"))
        }
    }

    @Test(arguments: PartnershipValidationTests.badDates)
    func aStartThatIsNotARealDateIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "start", value: typed) {
            try $0.addActivity(Self.activity { $0.start = typed })
        }
    }

    @Test func anEndBeforeTheStartIsRefused() throws {
        try expectInvalid(Sample.linked(), field: "end", value: "2023-05-07") {
            try $0.addActivity(
                Self.activity {
                    $0.start = "2023-05-08"
                    $0.end = "2023-05-07"
                })
        }
    }

    @Test(arguments: ["-1", "many", "2.5", "1000001"])
    func participantsThatAreNotAWholeNumberAreRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "participants", value: typed) {
            try $0.addActivity(Self.activity { $0.participants = typed })
        }
    }

    @Test(arguments: ["-1", "1,5", "12.345"])
    func aPlannedCostThatIsNotAnAmountIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "planned-cost", value: typed) {
            try $0.addActivity(Self.activity { $0.plannedCost = typed })
        }
    }

    @Test(arguments: ["done", "postponed"])
    func aStatusOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "status", value: typed) {
            try $0.addActivity(Self.activity { $0.status = typed })
        }
    }

    @Test func anUnknownTopicIsRefused() throws {
        try expectInvalid(Sample.linked(), field: "topic", value: "smog") {
            try $0.addActivity(Self.activity { $0.topic = "smog" })
        }
    }

    @Test func anEmptyTitleIsRefused() throws {
        try expectInvalid(Sample.linked(), field: "title", value: "  ") {
            try $0.addActivity(Self.activity { $0.title = "  " })
        }
    }
}

struct ExpenseValidationTests {
    static func expense(_ change: (inout ExpenseInput) -> Void = { _ in }) -> ExpenseInput {
        var input = ExpenseInput(activity: "1", amount: "100", category: "travel")
        change(&input)
        return input
    }

    @Test(arguments: ["-10", "10.999", "10,50", "ten", "1 000", "1000000000000"])
    func anAmountThatIsNotAnAmountIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "amount", value: typed) {
            try $0.addExpense(Self.expense { $0.amount = typed })
        }
    }

    @Test(arguments: [ExpenseInput(activity: "1", amount: "", category: "travel"), ExpenseInput(activity: "1", category: "travel")])
    func anExpenseWithoutAmountIsRefused(input: ExpenseInput) throws {
        try expectInvalid(Sample.linked(), field: "amount", value: "") { try $0.addExpense(input) }
    }

    @Test(arguments: ["food", "Travel expenses", "salary"])
    func aCategoryOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "category", value: typed) {
            try $0.addExpense(Self.expense { $0.category = typed })
        }
    }

    @Test(arguments: PartnershipValidationTests.badDates)
    func aDateThatIsNotARealDateIsRefused(typed: String) throws {
        try expectInvalid(Sample.linked(), field: "date", value: typed) {
            try $0.addExpense(Self.expense { $0.date = typed })
        }
    }

    @Test(arguments: [("1234.50", 123_450), ("0.5", 50), ("150000", 15_000_000)] as [(String, Int64)])
    func anAmountIsStoredAsCents(typed: String, cents: Int64) throws {
        #expect(try Sample.linked().addExpense(Self.expense { $0.amount = typed }).amountCents == cents)
    }

    @Test func anExpenseOfAnUnknownActivityIsNotFound() throws {
        let error = #expect(throws: RegistryError.self) { try Sample.linked().addExpense(Self.expense { $0.activity = "99" }) }
        #expect(error == .notFound(entity: "activity", reference: "99"))
    }
}
