import GRDB

/// The WHERE clause of a filtered list, built from fixed SQL fragments and argument values,
/// so user values always travel as statement arguments.
struct QueryConditions {
    private var clauses: [String] = []
    private(set) var arguments = StatementArguments()

    /// Adds `clause` (with `?` placeholders) and its values.
    mutating func add(_ clause: String, _ values: (any DatabaseValueConvertible)?...) {
        clauses.append(clause)
        _ = arguments.append(contentsOf: StatementArguments(values))
    }

    /// `WHERE a AND b`, or nothing.
    var sql: String {
        clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
    }
}
