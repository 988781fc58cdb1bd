import Foundation
import Registry

/// Aligned columns for people reading a terminal.
enum TextTable {
    static func render(_ table: TableData, indent: String = "") -> String {
        let cells = table.rows.map { $0.map { $0.plain().replacingNewlines().visibleControls } }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        let numeric = table.columns.indices.map { table.isNumeric($0, strictly: true) }
        func line(_ texts: [String]) -> String {
            let padded = texts.enumerated().map { index, text in
                numeric[index] ? text.leftPadded(to: widths[index]) : text.rightPadded(to: widths[index])
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var text = line(table.columns)
        text += line(widths.map { String(repeating: "-", count: $0) })
        for row in cells { text += line(row) }
        return text
    }

    /// One record as `field  value` lines.
    static func vertical(_ table: TableData) -> String {
        guard let row = table.rows.first else { return "" }
        let width = table.columns.map(\.count).max() ?? 0
        return zip(table.columns, row).map { name, cell in
            let lines = cell.plain().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).visibleControls }
            let value = lines.joined(separator: "\n" + String(repeating: " ", count: width + 2))
            return (name.rightPadded(to: width) + "  " + value).trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func rightPadded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Line breaks inside a cell would break a table's rows; show them as `⏎`.
    func replacingNewlines() -> String {
        // Most values are plain ASCII without line breaks: no need to walk their characters.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        return contains(where: \.isNewline) ? split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎") : self
    }
}
