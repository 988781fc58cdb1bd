import Registry
import Testing

/// The date fields of partnerships, to run every bad date through each.
enum PartnershipDateField: String, CaseIterable, Sendable {
    case signed, start, end

    func set(_ value: String, in input: inout PartnershipInput) {
        switch self {
        case .signed: input.signed = value
        case .start: input.start = value
        case .end: input.end = value
        }
    }
}

struct PartnershipValidationTests {
    static let badDates = ["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", "2024-04-31", "01.02.2024", "tomorrow"]

    /// A valid partnership of Łódź and Bergen kommune with `change` applied.
    static func partnership(_ change: (inout PartnershipInput) -> Void = { _ in }) -> PartnershipInput {
        var input = PartnershipInput(city: "Łódź", partner: "Bergen kommune")
        change(&input)
        return input
    }

    @Test(arguments: PartnershipDateField.allCases, badDates)
    func aDateThatIsNotARealYYYYMMDDIsRefused(field: PartnershipDateField, typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: field.rawValue, value: typed) {
            try $0.addPartnership(Self.partnership { field.set(typed, in: &$0) })
        }
    }

    @Test func aLeapDayIsAccepted() throws {
        let partnership = try Sample.cityAndPartner().addPartnership(
            Self.partnership {
                $0.signed = "2024-02-29"
                $0.start = "2024-02-29"
                $0.end = "2024-02-29"
            })
        #expect(partnership.signedDate == "2024-02-29")
        #expect(partnership.startDate == "2024-02-29")
        #expect(partnership.endDate == "2024-02-29")
    }

    @Test func anEndBeforeTheStartIsRefused() throws {
        try expectInvalid(Sample.cityAndPartner(), field: "end", value: "2024-02-29") {
            try $0.addPartnership(
                Self.partnership {
                    $0.start = "2024-03-01"
                    $0.end = "2024-02-29"
                })
        }
    }

    @Test func editingTheEndToBeforeTheStoredStartIsRefused() throws {
        try expectInvalid(Sample.linked(), field: "end", value: "2022-05-31") {
            try $0.editPartnership("lodz/bergen", PartnershipInput(end: "2022-05-31"))
        }
    }

    @Test func editingTheStartToAfterTheStoredEndIsRefused() throws {
        let registry = try Sample.linked()
        let error = #expect(throws: RegistryError.self) {
            try registry.editPartnership("lodz/bergen", PartnershipInput(start: "2024-05-01"))
        }
        #expect(error?.problems.count == 1)
        #expect(try registry.partnership("lodz/bergen").startDate == "2022-06-01")
    }

    @Test(arguments: ["-150000", "150000.123", "150.000,00", "lots"])
    func aBudgetThatIsNotAnAmountIsRefused(typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: "budget", value: typed) {
            try $0.addPartnership(Self.partnership { $0.budget = typed })
        }
    }

    @Test(arguments: ["signed", "ongoing", "done", "accepted"])
    func aStatusOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: "status", value: typed) {
            try $0.addPartnership(Self.partnership { $0.status = typed })
        }
    }

    @Test(arguments: ["maybe", "ja", "nei", "true"])
    func anEndOfProjectAnswerOtherThanYesNoOrNotYetIsRefused(typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: "continues", value: typed) {
            try $0.addPartnership(Self.partnership { $0.continues = typed })
        }
    }

    @Test(arguments: [("yes", Answer.yes), ("NO", .no), ("not yet", .notYet), ("not_yet", .notYet)])
    func endOfProjectAnswersAreStored(typed: String, answer: Answer) throws {
        let partnership = try Sample.cityAndPartner().addPartnership(
            Self.partnership {
                $0.improvedKnowledge = typed
                $0.continues = typed
                $0.lastingEffects = typed
            })
        #expect([partnership.improvedKnowledge, partnership.continues, partnership.lastingEffects] == [answer, answer, answer])
    }

    @Test func anUnknownTopicCodeIsRefused() throws {
        try expectInvalid(Sample.cityAndPartner(), field: "topics", value: "smog") {
            try $0.addPartnership(Self.partnership { $0.topics = ["air_quality", "smog"] })
        }
    }

    @Test func everyProblemOfOneAddIsReported() throws {
        let registry = try Sample.cityAndPartner()
        let error = #expect(throws: RegistryError.self) {
            try registry.addPartnership(
                Self.partnership {
                    $0.status = "signed"
                    $0.budget = "-1"
                    $0.signed = "2024-02-30"
                    $0.start = "2024-1-1"
                })
        }
        #expect(Set(error?.problems.map(\.field) ?? []) == ["status", "budget", "signed", "start"])
        #expect(try registry.partnerships().isEmpty)
    }

    @Test func aPartnershipWithAnUnknownCityIsNotFoundAndNothingIsWritten() throws {
        let registry = try Sample.cityAndPartner()
        let error = #expect(throws: RegistryError.self) {
            try registry.addPartnership(Self.partnership { $0.city = "Zgierz" })
        }
        #expect(error == .notFound(entity: "city", reference: "Zgierz"))
        #expect(try registry.partnerships().isEmpty)
    }
}
