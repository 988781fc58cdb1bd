/// What `registry import` reads of each record kind: the columns `registry export` writes, so
/// an export imports back unchanged.
extension RecordKind {
    /// The columns, in export order.
    var columns: [String] { file.headings }

    /// Why a file's column is refused.
    var unknownColumn: String { "is not a column of \(rawValue); the columns are \(columns.joined(separator: ", "))" }

    /// The money columns, written with a decimal comma in Excel files.
    var moneyColumns: Set<String> { Set(file.columns.filter { $0.kind == .money }.map(\.heading)) }

    /// The file's column for a field named in a validation message (`--planned-cost` is the
    /// `planned_cost` column, `--start` is `start_date`).
    func column(forField field: String) -> String { file.heading(forField: field) }
}

/// One record of an import file: the line it starts on, and its cells by the entity's columns
/// (nil: the file has no such column, so the field is left as it is).
struct ImportRow {
    let line: Int
    let columns: [String]
    var cells: [String?]
    /// For a row of a workbook: the sheet's name and each column's letters (by the entity's columns).
    var sheet: (name: String, letters: [String?])? = nil

    /// Where `column`'s cell of this row is, as the file's own program shows it: `Sheet1!C12 (city)`
    /// in a workbook, `line 12, city` in a text file.
    func place(of column: String) -> String {
        guard let sheet, let index = columns.firstIndex(of: column), let letters = sheet.letters[index] else {
            return sheet.map { "\(Self.quoted($0.name))!\(line) (\(column))" } ?? "line \(line), \(column)"
        }
        return "\(Self.quoted(sheet.name))!\(letters)\(line) (\(column))"
    }

    /// A sheet name as a cell reference writes it: in quotes unless it is letters and digits.
    private static func quoted(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }

    /// The cell of `column` as given; an empty cell clears the field.
    subscript(_ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return cells[index]
    }

    /// The cell of `column`, nil when empty: for fields that cannot be cleared (names,
    /// statuses), where an empty cell means "not given" (the default, or unchanged).
    func given(_ column: String) -> String? {
        guard let value = self[column], !value.trimmed().isEmpty else { return nil }
        return value
    }

    /// A list of codes written `a,b,c`; an empty cell is the empty list.
    func list(_ column: String) -> [String]? {
        self[column].map([String].init(typedList:))
    }

    /// The record id the row gives, if any.
    func id() throws -> Int64? {
        guard let text = given("id")?.trimmed() else { return nil }
        guard let id = Int64(text), (1...Self.largestID).contains(id), text.allSatisfy({ $0.isASCIIDigit }) else {
            throw RegistryError.invalid([
                FieldProblem(
                    field: "id", value: text,
                    reason: "is not a record id (a whole number from 1 to \(Self.largestID)); leave it empty for a new record")
            ])
        }
        return id
    }

    /// The largest id a record may be given: the search index numbers its entries id × 8 + kind
    /// (`0007_search.sql`), which must fit SQLite's 64-bit integers.
    static let largestID: Int64 = (1 << 60) - 1
}
