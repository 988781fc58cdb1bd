import Foundation
import Registry

/// Building and reading the registry's table cells for rendering; rendering is a pure function
/// from cells and a format to text.
extension Cell {
    init(_ text: String?) { self = text.map(Cell.text) ?? .null }
    init(_ integer: Int64?) { self = integer.map(Cell.integer) ?? .null }
    init<V: RawRepresentable>(_ value: V?) where V.RawValue == String { self = value.map { .text($0.rawValue) } ?? .null }
    static func money(_ cents: Int64?) -> Cell { cents.map(Cell.money) ?? .null }
    static func json(_ text: String?) -> Cell { text.map(Cell.json) ?? .null }
    static func flag(_ value: Bool) -> Cell { .text(value ? "yes" : "no") }

    /// Numbers are right-aligned in tables.
    var isNumeric: Bool {
        switch self {
        case .integer, .money: true
        default: false
        }
    }
}

/// Rows under named columns; the column names are the stable keys of JSON output.
struct TableData: Equatable {
    var columns: [String]
    var rows: [[Cell]]
    /// Which columns hold numbers (right-aligned), when the cells no longer say: a table put in
    /// words for people (`HumanTable`) holds text.
    var numericColumns: [Bool]? = nil

    init(columns: [String], rows: [[Cell]], numericColumns: [Bool]? = nil) {
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
    }

    /// Whether `column` holds numbers: some of its cells do, and (when `strictly`) no other
    /// cell but an empty one holds anything else.
    func isNumeric(_ column: Int, strictly: Bool = false) -> Bool {
        if let numericColumns { return numericColumns[column] }
        let some = rows.contains { column < $0.count && $0[column].isNumeric }
        return some && (!strictly || !rows.contains { column < $0.count && !$0[column].isNumeric && $0[column] != .null })
    }
}

/// One record shown on its own: its fields, and related records in titled sections.
struct RecordView: Equatable {
    var fields: TableData
    var sections: [(title: String, table: TableData)] = []

    static func == (lhs: RecordView, rhs: RecordView) -> Bool {
        lhs.fields == rhs.fields && lhs.sections.map(\.title) == rhs.sections.map(\.title)
            && lhs.sections.map(\.table) == rhs.sections.map(\.table)
    }
}
