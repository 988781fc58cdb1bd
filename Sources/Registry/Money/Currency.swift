/// The currencies the programme's costs are paid in: euros, and the donor and beneficiary
/// states' own (Norwegian and Icelandic krone/króna, Polish złoty, Swiss franc for Liechtenstein).
public enum Currency: String, DefaultedVocabulary {
    public static let initial = Currency.eur

    case eur = "EUR"
    case nok = "NOK"
    case pln = "PLN"
    case isk = "ISK"
    case chf = "CHF"

    /// Digits of the minor unit (ISO 4217): two for all but the króna, which has none.
    public var minorDigits: Int { self == .isk ? 0 : 2 }

    /// The currency's unit, for messages.
    var unitName: String {
        switch self {
        case .eur: "euro"
        case .nok: "Norwegian krone"
        case .pln: "złoty"
        case .isk: "Icelandic króna"
        case .chf: "Swiss franc"
        }
    }

    /// The currencies that need a rate: all but the euro.
    public static let converted = allCases.filter { $0 != .eur }
}
