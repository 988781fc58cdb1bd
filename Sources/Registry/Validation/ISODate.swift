/// Calendar dates as ISO 8601 `YYYY-MM-DD`, checked to be real days (`2024-02-30` is refused).
public enum ISODate {
    /// Returns `text` when it is a real date in `YYYY-MM-DD` form, or explains what is accepted.
    public static func validated(_ text: String, field: String) throws(FieldProblem) -> String {
        let accepted = "is not a real date in the form YYYY-MM-DD, e.g. 2024-02-29"
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
            let day = Int(text.suffix(2)),
            text.prefix(4).allSatisfy(\.isASCIIDigit), text.dropFirst(5).prefix(2).allSatisfy(\.isASCIIDigit),
            text.suffix(2).allSatisfy(\.isASCIIDigit),
            year >= 1900, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else {
            throw FieldProblem(field: field, value: text, reason: accepted)
        }
        return text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
