import Registry

/// JSON written by hand so money stays exact: an integer number of cents becomes a decimal
/// number of euros (`150000.5`), never a binary floating-point value.
enum JSONText {
    /// An array of objects keyed by column name; `nested` sections become arrays inside each object.
    static func array(_ table: TableData, nested: [(title: String, table: TableData)] = []) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.map { row in
            var members = zip(table.columns, row).map { "\(string($0)): \(value($1))" }
            for section in nested {
                let items = section.table.rows.map { object(section.table.columns, $0) }
                members.append("\(string(section.title)): [\(items.joined(separator: ", "))]")
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// One object per line.
    static func lines(_ table: TableData) -> String {
        table.rows.map { object(table.columns, $0) + "\n" }.joined()
    }

    static func object(_ columns: [String], _ row: [Cell]) -> String {
        var bytes: [UInt8] = []
        appendObject(columns, row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func value(_ cell: Cell) -> String {
        var bytes: [UInt8] = []
        appendValue(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `{"column": value, ...}`, written byte by byte (an export of a million rows builds no
    /// intermediate strings).
    static func appendObject(_ columns: [String], _ row: [Cell], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, (column, cell)) in zip(columns, row).enumerated() {
            if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            appendString(column, to: &bytes)
            bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            appendValue(cell, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    static func appendValue(_ cell: Cell, to bytes: inout [UInt8]) {
        switch cell {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .text(let text): appendString(text, to: &bytes)
        case .integer(let number): bytes.append(contentsOf: String(number).utf8)
        case .money(let cents): bytes.append(contentsOf: Money.jsonNumber(cents).utf8)
        case .list(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                appendString(item, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        // Audit values written by other tools may hold raw control characters: then a string.
        case .json(let text):
            if text.utf8.contains(where: { $0 < 0x20 }) { appendString(text, to: &bytes) } else { bytes.append(contentsOf: text.utf8) }
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, and U+2028 and
    /// U+2029 too (JavaScript reads them as line ends).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 10: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: bytes.append(contentsOf: "\\u00".utf8 + hexDigits(byte))
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let next = utf8.index(after: index)
                if next != utf8.endIndex, utf8[next] == 0x80, utf8.index(after: next) != utf8.endIndex,
                    case let last = utf8[utf8.index(after: next)], last == 0xA8 || last == 0xA9
                {
                    bytes.append(contentsOf: (last == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index = utf8.index(after: utf8.index(after: next))
                    continue
                }
                bytes.append(byte)
            default: bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
