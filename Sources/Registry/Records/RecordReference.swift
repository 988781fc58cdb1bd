/// How a record is named: by the words a person typed (an id, a name, `CITY/PARTNER`), or by
/// an id the program already holds (the record an edit returned), which is used as it is and
/// never parsed again, or by an id found in the register in the same transaction (an import's
/// resolved names), which is not even looked up again.
public enum RecordReference: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    case typed(String)
    case id(Int64)
    case found(Int64)

    public init(stringLiteral value: String) { self = .typed(value) }

    /// The reference as a person would type it, for messages.
    public var description: String {
        switch self {
        case .typed(let text): text
        case .id(let id), .found(let id): String(id)
        }
    }

    /// The id, when the reference is one.
    var id: Int64? {
        switch self {
        case .typed: nil
        case .id(let id), .found(let id): id
        }
    }
}

extension Optional where Wrapped == RecordReference {
    /// A typed reference, when there is a text.
    public static func typed(_ text: String?) -> RecordReference? { text.map(RecordReference.typed) }
}
