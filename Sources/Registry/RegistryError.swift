/// A problem with one field of user input: which field, the value given, and what is accepted.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let value: String
    public let reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        // A message about an e-mail address or a phone number names the field and the rule,
        // never the value: error output lands in logs, tickets and screenshots.
        self.value = Self.personalFields.contains(field) ? "" : value
        self.reason = reason
    }

    /// The fields whose values are personal data that messages never repeat.
    public static let personalFields: Set<String> = ["email", "phone"]

    public var description: String {
        value.isEmpty ? "\(field): \(reason)" : "\(field) '\(Self.shown(value))': \(reason)"
    }

    /// A value as an error message quotes it: control and direction-changing characters written
    /// as `\u{…}` (`visibleControls`) so they cannot rewrite the terminal, and a long value cut
    /// to its first 80 characters.
    public static func shown(_ value: String) -> String {
        let limit = 80
        guard value.unicodeScalars.count > limit else { return value.visibleControls }
        let beginning = String(String.UnicodeScalarView(value.unicodeScalars.prefix(limit)))
        return beginning.visibleControls + "… (\(value.count) characters)"
    }
}

/// Why a registry operation failed, in sentences a user can act on.
public enum RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Input values are invalid; every problem found is listed.
    case invalid([FieldProblem])
    /// A referenced record does not exist.
    case notFound(entity: String, reference: String)
    /// A name matches several records.
    case ambiguous(entity: String, reference: String, candidates: [String])
    /// The change would create a second record where only one is allowed.
    case duplicate(String)
    /// The change is refused because of other records or the database's state.
    case refused(String)
    /// The database was migrated by a newer build of the registry.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// A file or folder could not be used.
    case file(path: String, reason: String)
    /// Any other database failure, already phrased for a user.
    case database(String)

    public var description: String {
        switch self {
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .notFound(let entity, let reference):
            return "No \(entity) '\(FieldProblem.shown(reference))'. `registry \(entity) list` shows them."
        case .ambiguous(let entity, let reference, let candidates):
            return "'\(FieldProblem.shown(reference))' matches several \(entity) records: \(candidates.joined(separator: ", ")). "
                + "Give more of the name or the id."
        case .duplicate(let message), .refused(let message), .database(let message):
            return message
        case .newerDatabase(let path, let unknown):
            return "\(path) was migrated by a newer registry (unknown migrations: "
                + "\(unknown.joined(separator: ", "))). Use a newer build of registry."
        case .file(let path, let reason):
            return "\(path): \(reason)."
        }
    }

    /// A file whose content is not what it must be (a damaged or hostile workbook, a PDF given to
    /// import): invalid input data, exit 65, named by its path.
    public static func badFile(_ path: String, _ reason: String) -> RegistryError {
        .invalid([FieldProblem(field: path, value: "", reason: reason)])
    }

    /// True when the error is about the input data (exit code 65) rather than the command failing.
    public var isInvalidInput: Bool {
        if case .invalid = self { return true }
        return false
    }
}
