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
        "{" + zip(columns, row).map { "\(string($0)): \(value($1))" }.joined(separator: ", ") + "}"
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .null: "null"
        case .text(let text): string(text)
        case .integer(let number): String(number)
        case .money(let cents): Money.jsonNumber(cents)
        case .list(let items): "[" + items.map(string).joined(separator: ", ") + "]"
        // Audit values written by other tools may hold raw control characters: then a string.
        case .json(let text): text.unicodeScalars.contains { $0.value < 0x20 } ? string(text) : text
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
