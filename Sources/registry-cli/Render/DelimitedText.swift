import Foundation
import Registry

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
        var bytes: [UInt8] = []
        appendCSVLine(cells, excel: excel, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one CSV record with its CRLF as UTF-8, byte by byte: exports write millions
    /// of rows, and String building cost more than the database's part.
    static func appendCSVLine(_ cells: [Cell], excel: Bool, to bytes: inout [UInt8]) {
        let separator = excel ? UInt8(ascii: ";") : UInt8(ascii: ",")
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(separator) }
            appendCSVField(cell, separator: separator, excel: excel, to: &bytes)
        }
        bytes.append(contentsOf: [13, 10])
    }

    private static func appendCSVField(_ cell: Cell, separator: UInt8, excel: Bool, to bytes: inout [UInt8]) {
        switch cell {
        case .null:
            return
        case .integer(let number):
            DecimalBytes.append(number, to: &bytes)
        case .money(let cents):
            DecimalBytes.appendMoney(cents, decimalSeparator: excel ? UInt8(ascii: ",") : UInt8(ascii: "."), to: &bytes)
        case .text(let text), .json(let text):
            var field = Array(text.utf8)
            // Defused so a spreadsheet shows the cell instead of running it as a formula; a cell
            // already starting with the quote gets another, so `import --excel` can undo it exactly.
            if excel, case .text = cell, let first = field.first, "=+-@\t\r'".utf8.contains(first) { field.insert(UInt8(ascii: "'"), at: 0) }
            appendQuotedIfNeeded(field, separator: separator, to: &bytes)
        case .list(let items):
            appendQuotedIfNeeded(Array(items.joined(separator: ",").utf8), separator: separator, to: &bytes)
        }
    }

    /// RFC 4180: a field holding the separator, a quote or a line break is quoted, with its
    /// quotes doubled.
    private static func appendQuotedIfNeeded(_ field: [UInt8], separator: UInt8, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        guard field.contains(where: { $0 == separator || $0 == quote || $0 == 10 || $0 == 13 }) else {
            bytes.append(contentsOf: field)
            return
        }
        bytes.append(quote)
        for byte in field {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
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
