/// Calendar dates as ISO 8601 `YYYY-MM-DD`, checked to be real days (`2024-02-30` is refused).
public enum ISODate {
    /// Returns `text` when it is a real date in `YYYY-MM-DD` form, or explains what is accepted.
    public static func validated(_ text: String, field: String) throws(FieldProblem) -> String {
        let accepted = "is not a real date in the form YYYY-MM-DD, e.g. 2024-02-29"
        let bytes = Array(text.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }),
            case (let year, let month, let day) = (number(0..<4), number(5..<7), number(8..<10)),
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

extension ISODate {
    /// The date `days` days after 1970-01-01, as `YYYY-MM-DD` (Howard Hinnant's civil-from-days).
    static func string(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    /// `7` as `07`: months, days and times of day.
    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Days since 1970-01-01 of a valid `YYYY-MM-DD` date.
    static func daysSince1970(_ text: String) -> Int {
        let parts = text.split(separator: "-").map { Int($0)! }
        let (year, month, day) = (parts[0] - (parts[1] <= 2 ? 1 : 0), parts[1], parts[2])
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
