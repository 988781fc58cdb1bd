import Foundation

/// CSV (RFC 4180, with an Excel variant) and TSV.
enum DelimitedText {
    /// A header row, then the rows; fields quoted when they hold the separator, a quote or a
    /// line break; CRLF line ends. With `excel`: a byte-order mark, `;`, decimal commas, and
    /// text cells starting with `=`, `+`, `-`, `@`, tab or carriage return prefixed with `'`
    /// so a spreadsheet shows them instead of running them.
    static func csv(_ table: TableData, excel: Bool = false) -> String {
        var out = excel ? "\u{FEFF}" : ""
        out += csvLine(table.columns.map(Cell.text), excel: excel)
        for row in table.rows { out += csvLine(row, excel: excel) }
        return out
    }

    /// One CSV record with its CRLF.
    static func csvLine(_ cells: [Cell], excel: Bool) -> String {
        let separator: Character = excel ? ";" : ","
        return cells.map { csvField($0, separator: separator, excel: excel) }.joined(separator: String(separator)) + "\r\n"
    }

    static func csvField(_ cell: Cell, separator: Character, excel: Bool) -> String {
        var text = cell.plain(decimalSeparator: excel ? "," : ".")
        if excel, case .text = cell, let first = text.first, "=+-@\t\r".contains(first) {
            text = "'" + text
        }
        // Unicode scalars, not characters: this also catches the "\r\n" grapheme.
        let quote = separator.unicodeScalars.first!
        if text.unicodeScalars.contains(where: { $0 == quote || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            text = "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return text
    }

    /// Tab-separated values; tabs, line breaks and backslashes in values are escaped as
    /// `\t`, `\n`, `\r` and `\\`.
    static func tsv(_ table: TableData) -> String {
        func field(_ text: String) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "\\": escaped += "\\\\"
                case "\t": escaped += "\\t"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                case "\r\n": escaped += "\\r\\n"
                default: escaped.append(character)
                }
            }
            return escaped
        }
        var out = table.columns.map(field).joined(separator: "\t") + "\n"
        for row in table.rows {
            out += row.map { field($0.plain()) }.joined(separator: "\t") + "\n"
        }
        return out
    }
}
