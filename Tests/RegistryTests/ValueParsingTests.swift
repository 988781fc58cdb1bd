import Registry
import Testing

struct MoneyTests {
    @Test(
        arguments: [
            ("150000", 15_000_000), ("150000.5", 15_000_050), ("150000.50", 15_000_050), ("1234.50", 123_450),
            ("0", 0), ("0.05", 5), (" 42 ", 4_200), ("999999999999", 99_999_999_999_900),
        ] as [(String, Int64)])
    func euroAmountsBecomeWholeCents(typed: String, cents: Int64) throws {
        #expect(try Money.cents(from: typed, field: "budget") == cents)
    }

    @Test(arguments: [
        "-1", "-0.01", "1.234", "150000.505", "1,50", "150,000", "150 000", "1e5", "abc", "", ".5", "5.",
        "+5", "12.3.4", "0x10", "１２", "1000000000000", "99999999999999999999",
    ])
    func malformedNegativeOrHugeAmountsAreRefusedNamingFieldAndValue(typed: String) {
        let problem = #expect(throws: FieldProblem.self) { try Money.cents(from: typed, field: "budget") }
        #expect(problem?.field == "budget")
        #expect(problem?.value == typed)
    }

    @Test func aCommaForDecimalsGetsAHint() {
        let problem = #expect(throws: FieldProblem.self) { try Money.cents(from: "1234,50", field: "amount") }
        #expect(problem?.reason.contains("point") == true)
    }

    @Test(
        arguments: [
            (15_000_050, "150000.50"), (15_000_000, "150000.00"), (123_450, "1234.50"), (5, "0.05"), (0, "0.00"),
            (-5, "-0.05"),
        ] as [(Int64, String)])
    func centsAreShownWithTwoDecimals(cents: Int64, shown: String) {
        #expect(Money.format(cents) == shown)
    }

    @Test(
        arguments: [
            (15_000_050, "150000.5"), (15_000_000, "150000"), (123_450, "1234.5"), (5, "0.05"), (0, "0"), (1_000, "10"),
            (100_000, "1000"),
        ] as [(Int64, String)])
    func centsBecomeTheShortestJSONNumber(cents: Int64, json: String) {
        #expect(Money.jsonNumber(cents) == json)
    }

    @Test(arguments: [0, 1, 99, 100, 123_450, 15_000_050, 99_999_999_999_999] as [Int64])
    func formattedAmountsParseBackToTheSameCents(cents: Int64) throws {
        #expect(try Money.cents(from: Money.format(cents), field: "amount") == cents)
        #expect(try Money.cents(from: Money.jsonNumber(cents), field: "amount") == cents)
    }
}

struct ISODateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2022-10-04", "2024-04-30"])
    func realDatesAreAccepted(text: String) throws {
        #expect(try ISODate.validated(text, field: "start") == text)
    }

    @Test(arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00",
        "24-01-01", "2024-1-1", "2024/01/01", "20240101", "2024-01-01T00:00:00Z", "", "2024-01-1 ", "+024-01-01",
        "٢٠٢٤-٠١-٠١",
    ])
    func datesThatAreNotRealOrNotYYYYMMDDAreRefused(text: String) {
        let problem = #expect(throws: FieldProblem.self) { try ISODate.validated(text, field: "signed") }
        #expect(problem?.field == "signed")
        #expect(problem?.value == text)
    }
}

struct OrganisationNumberTests {
    @Test(arguments: [("964338531", "964338531"), ("964 338 531", "964338531"), ("000000000", "000000000")])
    func numbersWithAMatchingCheckDigitAreAccepted(typed: String, stored: String) throws {
        #expect(try OrganisationNumber.validated(typed) == stored)
    }

    @Test(arguments: [
        "96433853", "9643385311", "96433853A", "ABCDEFGHI", "964338532", "964338530", "964-338-531", "",
        // The first eight digits leave remainder 1, so no check digit exists.
        "000003005",
    ])
    func numbersWithoutNineDigitsOrWithAWrongCheckDigitAreRefused(typed: String) {
        let problem = #expect(throws: FieldProblem.self) { try OrganisationNumber.validated(typed, field: "org-number") }
        #expect(problem?.field == "org-number")
        #expect(problem?.value == typed)
    }

    @Test func checkDigitFollowsModulusEleven() {
        #expect(OrganisationNumber.checkDigit([9, 6, 4, 3, 3, 8, 5, 3]) == 1)
        #expect(OrganisationNumber.checkDigit([0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        #expect(OrganisationNumber.checkDigit([0, 0, 0, 0, 0, 3, 0, 0]) == nil)
    }
}
