import GRDB

/// A monthly accounting rate: how many units of a currency make 1 EUR in a month (the European
/// Commission's InforEuro rate, or another stated source).
public struct ExchangeRate: Codable, FetchableRecord, PersistableRecord, Equatable, Sendable {
    public var id: Int64?
    public var currency: Currency
    /// `YYYY-MM`.
    public var month: String
    /// Units of the currency per 1 EUR, in millionths: 11.6075 NOK is 11 607 500.
    public var unitsPerEurMicros: Int64
    public var source: String

    public static let databaseTableName = "exchange_rate"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    /// The rate as a decimal, without trailing zeros: `11.6075`.
    public var rate: String { Rate.format(unitsPerEurMicros) }
}

/// Rates are exact decimals with up to six places, held as millionths; never floating point.
public enum Rate {
    /// The source a rate has when none is named.
    public static let defaultSource = "InforEuro"
    /// The source of a rate worked out from a euro amount given by hand.
    public static let derivedSource = "derived from the EUR amount given"
    static let largestMicros: Int64 = 9_999_999_999_999

    /// Parses a rate typed by a person (`11.6075`) into millionths, or explains what is accepted.
    public static func micros(from text: String, field: String) throws(FieldProblem) -> Int64 {
        let trimmed = text.trimmed()
        let accepted = "units of the currency per 1 EUR, a number above 0 with at most six decimals, e.g. 11.6075"
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 7,
            whole.allSatisfy({ $0.isASCIIDigit }),
            parts.count == 1 || (1...6).contains(parts[1].count) && parts[1].allSatisfy({ $0.isASCIIDigit })
        else {
            let hint = trimmed.contains(",") ? " (use a point for decimals)" : ""
            throw FieldProblem(field: field, value: text, reason: "is not \(accepted)\(hint)")
        }
        let fraction = parts.count == 2 ? String(parts[1]).padding(toLength: 6, withPad: "0", startingAt: 0) : "0"
        let micros = Int64(whole)! * 1_000_000 + Int64(fraction)!
        guard micros > 0 else { throw FieldProblem(field: field, value: text, reason: "must be above 0; give \(accepted)") }
        return micros
    }

    /// Millionths as the shortest decimal: `11607500` → `11.6075`, `1000000` → `1`.
    public static func format(_ micros: Int64) -> String {
        let fraction = String(micros % 1_000_000)
        var decimals = String(repeating: "0", count: 6 - fraction.count) + fraction
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(micros / 1_000_000)" + (decimals.isEmpty ? "" : "." + decimals)
    }

    /// Parses a reporting period `YYYY-N` (2024-1: the first period of 2024), or explains.
    public static func period(from text: String, field: String) throws(FieldProblem) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), parts[1].count == 1,
            let number = Int(parts[1]), (1...9).contains(number)
        else { throw FieldProblem(field: field, value: text, reason: "is not a reporting period: the year and the period's number, e.g. 2024-1") }
        return text
    }

    /// Parses a month `YYYY-MM`, or explains what is accepted.
    public static func month(from text: String, field: String) throws(FieldProblem) -> String {
        let trimmed = text.trimmed()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, trimmed.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
            let number = Int(parts[1]), (1...12).contains(number)
        else { throw FieldProblem(field: field, value: text, reason: "is not a month written YYYY-MM, e.g. 2024-05") }
        return trimmed
    }
}

/// The one rounding rule: each expense is converted on its own, at its month's rate, and rounded
/// to the nearest euro cent (halves up); totals add the rounded cents. Exact integer arithmetic
/// in 128 bits, so 10^12 units at any rate neither overflows nor drifts.
public enum Conversion {
    /// `minor` units of `currency` in euro cents at `micros` millionths of a unit per euro.
    public static func euroCents(_ minor: Int64, in currency: Currency, atMicros micros: Int64) -> Int64? {
        let numerator = Int128(minor) * Int128(Money.power(10, 2 - currency.minorDigits)) * 1_000_000
        return Int64(exactly: rounded(numerator, Int128(micros)))
    }

    /// The rate, in millionths, at which `minor` units of `currency` make `cents` euro cents: for
    /// an amount given in euros by hand (rounded to six decimals, halves up).
    public static func derivedMicros(_ minor: Int64, in currency: Currency, euroCents cents: Int64) -> Int64? {
        guard cents > 0 else { return nil }
        let numerator = Int128(minor) * Int128(Money.power(10, 2 - currency.minorDigits)) * 1_000_000
        return Int64(exactly: rounded(numerator, Int128(cents)))
    }

    /// `numerator / denominator` rounded to the nearest integer, halves up (both non-negative).
    static func rounded(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        return remainder * 2 >= denominator ? quotient + 1 : quotient
    }
}
