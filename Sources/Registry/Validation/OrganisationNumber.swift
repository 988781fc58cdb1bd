/// Norwegian organisation numbers: nine digits, the last a modulus-11 check digit computed
/// with the weights 3, 2, 7, 6, 5, 4, 3, 2 (11 gives 0; 10 means the number is invalid).
public enum OrganisationNumber {
    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// The check digit for the first eight digits, or nil when none exists (remainder 1).
    public static func checkDigit(_ firstEight: [Int]) -> Int? {
        let sum = zip(firstEight, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let digit = 11 - sum % 11
        return digit == 11 ? 0 : (digit == 10 ? nil : digit)
    }

    /// The number with spaces removed when it is valid, or an explanation. The spaces may be
    /// no-break ones, as a spreadsheet groups a number's digits (`964 338 531`).
    public static func validated(_ text: String, field: String = "org-number") throws(FieldProblem) -> String {
        let digits = text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
        guard digits.count == 9, digits.allSatisfy({ $0.isASCIIDigit }) else {
            throw FieldProblem(field: field, value: text, reason: "a Norwegian organisation number has 9 digits, e.g. 964338531")
        }
        let values = digits.map { $0.wholeNumberValue! }
        guard checkDigit(Array(values.prefix(8))) == values[8] else {
            throw FieldProblem(field: field, value: text, reason: "the check digit (modulus 11) does not match; check the number for a typing error")
        }
        return digits
    }
}
