/// Values as a spreadsheet leaves them in a file it saved, read back to the register's own forms
/// where their meaning is certain: Polish and Norwegian short dates (`09.06.2022`, `9.6.2022`) and
/// money with a decimal comma or thousands separators (`1 234,50`, `1.234,50`). An American
/// `06/09/2022` could be either day first or month first, so it is refused, saying so.
enum SpreadsheetValues {
    /// `dd.mm.yyyy` or `d.m.yyyy` as `YYYY-MM-DD`; other text unchanged (the date check judges it).
    static func date(_ text: String) throws(FieldProblem) -> String {
        // Most cells are ISO dates already: only a dot or a slash asks for more.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }) else { return text }
        let trimmed = text.trimmed()
        let dotted = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 3, let day = Int(dotted[0]), let month = Int(dotted[1]), dotted[2].count == 4, let year = Int(dotted[2]),
            dotted[0].count <= 2, dotted[1].count <= 2, dotted.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        {
            return "\(year)-\(ISODate.twoDigits(month))-\(ISODate.twoDigits(day))"
        }
        let slashed = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3, slashed.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            throw FieldProblem(
                field: "", value: text,
                reason: "is ambiguous: month/day/year or day/month/year? Write it as YYYY-MM-DD (or dd.mm.yyyy, day first)")
        }
        return text
    }

    /// `1 234,50`, `1 234,50` (no-break space), `1.234,50` or `1234,5` as `1234.50`-style text, and
    /// the English-language grouping a spreadsheet shows (`3,461,000.00`, `1,234,567`); other text
    /// unchanged. A lone comma before exactly three digits (`1,234`) may be a thousands separator
    /// or a decimal comma, and is refused.
    static func money(_ text: String) throws(FieldProblem) -> String {
        // Most cells are plain amounts already (`1234.50`): only a comma or a space asks for more.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == 0x20 || $0 >= 0x80 }) else { return text }
        var trimmed = text.trimmed()
        if let grouped = commaGrouped(trimmed) { return grouped }
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]
        if trimmed.contains(where: { spaces.contains($0) }) {
            let groups = trimmed.split(whereSeparator: { spaces.contains($0) })
            guard groups.dropFirst().allSatisfy({ $0.prefix { $0.isASCIIDigit }.count == 3 }) else { return text }
            trimmed = groups.joined()
        }
        guard let comma = trimmed.firstIndex(of: ","), trimmed.lastIndex(of: ",") == comma else { return trimmed == text.trimmed() ? text : trimmed }
        let whole = trimmed[..<comma], fraction = trimmed[trimmed.index(after: comma)...]
        guard fraction.allSatisfy(\.isASCIIDigit), !fraction.isEmpty else { return text }
        var digits = String(whole)
        if whole.contains(".") {
            // `1.234.567,50`: dots group thousands before a decimal comma.
            let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }) else { return text }
            digits = groups.joined()
        } else if fraction.count == 3 {
            throw FieldProblem(
                field: "", value: text,
                reason: "is ambiguous: a thousands separator or a decimal comma? Write the amount as 1234.50 (or 1 234,50)")
        }
        return digits + "." + fraction
    }

    /// `3,461,000.00` or `1,234,567` as `3461000.00`, `1234567`: commas between groups of three
    /// digits, before a decimal point or with two commas or more (a decimal comma comes once).
    private static func commaGrouped(_ text: String) -> String? {
        let point = text.firstIndex(of: ".")
        guard text.contains(","), point == nil || text.lastIndex(of: ".") == point else { return nil }
        let whole = text[..<(point ?? text.endIndex)], fraction = text[(point ?? text.endIndex)...]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard point != nil || groups.count > 2, let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), groups.dropFirst().allSatisfy({ $0.count == 3 }),
            fraction.dropFirst().allSatisfy(\.isASCIIDigit)
        else { return nil }
        return groups.joined() + fraction
    }
}
