/// Excel's dates: a number of days (the serial) shown as a date by the cell's number format.
enum ExcelDate {
    /// The built-in number formats that show a date (ECMA-376 Part 1, §18.8.30: 14–22 are the
    /// short dates and times; 27–36 and 50–58 the East Asian ones; 45–47 are times only and left out).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(50...58)

    /// A custom format shows a date when it has a day, month or year code (`d`, `m`, `y`) outside
    /// quoted text, escapes and `[…]` sections (colours, locales, elapsed hours); an `m` is a month
    /// only when the format has no hours or seconds.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d" where !quoted && !bracket, "y" where !quoted && !bracket: return true
            // `m` alone is a month (`mmm yyyy`) but beside hours or seconds a minute (`h:mm`, `mm:ss`).
            case "m" where !quoted && !bracket: if !code.lowercased().contains(where: { $0 == "h" || $0 == "s" }) { return true }
            default: break
            }
        }
        return false
    }

    /// The serial as `YYYY-MM-DD` (with ` HH:MM:SS` when it has a time of day), in the 1900 system
    /// (day 1 is 1900-01-01, with Excel's phantom 1900-02-29 as day 60) or the 1904 system (day 0 is
    /// 1904-01-01); nil outside years 1900–9999.
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if !date1904 && days == 60 { return nil }  // 1900-02-29 never was
        // Days from 1970-01-01 of the serial's day.
        days = date1904 ? days - 24_107 : (days < 60 ? days - 25_568 : days - 25_569)
        var text = ISODate.string(daysSince1970: days)
        if seconds > 0 && seconds < 86_400 {
            let two = ISODate.twoDigits
            text += " \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        }
        return text
    }

    /// The serial of 1970-01-01 in the 1900 system.
    static let serialOf1970 = 25_569

    /// The serial of `text` in the 1900 system when it is a valid date (`2024-05-31`): written to a
    /// workbook as a date. Nil for any other text.
    static func serial(ofISODate text: String) -> Int? {
        ISODate.day(text).map { ISODate.daysSince1970(year: $0.year, month: $0.month, day: $0.day) + serialOf1970 }
    }
}
