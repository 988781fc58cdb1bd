import Foundation

/// Money is an integer number of euro cents; people type and read it as euros with at most
/// two decimals (`150000`, `150000.50`). An amount paid in another currency is an integer of
/// that currency's minor unit (``Currency``). Never a floating-point value.
public enum Money {
    /// The largest amount accepted, in euros: far beyond the programme, far below Int64.
    static let maximumEuros: Int64 = 999_999_999_999

    /// Parses euros typed by a person into cents, or explains what is accepted.
    public static func cents(from text: String, field: String) throws(FieldProblem) -> Int64 {
        try minorUnits(from: text, in: .eur, field: field)
    }

    /// Parses an amount of `currency` typed by a person into its minor unit (cents, øre, grosze,
    /// rappen; whole krónur), or explains what is accepted.
    public static func minorUnits(from text: String, in currency: Currency, field: String) throws(FieldProblem) -> Int64 {
        let trimmed = text.trimmed()
        let digits = currency.minorDigits
        let accepted =
            currency == .eur
            ? "a non-negative amount in euros with at most two decimals, e.g. 150000 or 1234.50"
            : digits == 0
                ? "a non-negative whole number of \(currency.rawValue) (the \(currency.unitName) has no decimals), e.g. 150000"
                : "a non-negative amount in \(currency.rawValue) with at most two decimals, e.g. 4210.50"
        if trimmed.hasPrefix("-") {
            throw FieldProblem(field: field, value: text, reason: "a negative amount is refused; give \(accepted)")
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...(digits == 0 ? 1 : 2)).contains(parts.count),
            let whole = parts.first, !whole.isEmpty, whole.count <= 12, whole.allSatisfy({ $0.isASCIIDigit }),
            parts.count == 1 || (1...digits).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCIIDigit }),
            let units = Int64(whole), units <= maximumEuros
        else {
            let hint = trimmed.contains(",") ? " (use a point for decimals, and no thousands separators)" : ""
            throw FieldProblem(field: field, value: text, reason: "is not \(accepted)\(hint)")
        }
        let fraction = parts.count == 2 ? String(parts[1]).padding(toLength: digits, withPad: "0", startingAt: 0) : ""
        return units * power(10, digits) + (Int64(fraction) ?? 0)
    }

    static func power(_ base: Int64, _ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { product, _ in product * base } }

    /// An amount in `currency`'s minor unit as a decimal: `421050` NOK → `4210.50`, `1500` ISK → `1500`.
    public static func format(_ minor: Int64, in currency: Currency) -> String {
        currency.minorDigits == 0 ? String(minor) : format(minor)
    }

    /// Cents as euros with two decimals: `15000050` → `150000.50`.
    public static func format(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Cents as the shortest decimal number of euros, for JSON: `15000050` → `150000.5`.
    public static func jsonNumber(_ cents: Int64) -> String {
        var text = format(cents)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
