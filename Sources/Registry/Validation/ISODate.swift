import Foundation

/// Calendar dates as ISO 8601 `YYYY-MM-DD`, checked to be real days (`2024-02-30` is refused).
public enum ISODate {
    /// Returns `text` when it is a real date in `YYYY-MM-DD` form, or explains what is accepted.
    public static func validated(_ text: String, field: String) throws(FieldProblem) -> String {
        guard day(text) != nil else {
            throw FieldProblem(field: field, value: text, reason: "is not a real date in the form YYYY-MM-DD, e.g. 2024-02-29")
        }
        return text
    }

    /// The year, month and day of `text` when it is a real date in `YYYY-MM-DD` form (from 1900),
    /// read from its bytes: a workbook export asks of every short text cell.
    static func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard text.utf8.count == 10 else { return nil }
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
            var (year, month, day) = (0, 0, 0)
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 7 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if index < 4 { year = year * 10 + digit } else if index < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            guard year >= 1900, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
            return (year, month, day)
        }
        return text.utf8.withContiguousStorageIfAvailable(parse) ?? Array(text.utf8).withUnsafeBufferPointer(parse)
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
        let (year, month, day) = day(text)!
        return daysSince1970(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a real date (Howard Hinnant's days-from-civil).
    static func daysSince1970(year civilYear: Int, month: Int, day: Int) -> Int {
        let year = civilYear - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Today in the machine's time zone, as days since 1970-01-01.
    static func localToday() -> Int {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return daysSince1970(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
