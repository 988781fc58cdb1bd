import Foundation
import Registry

/// GitHub-flavoured Markdown tables, for notes and issues.
enum MarkdownText {
    static func render(_ table: TableData) -> String {
        func cell(_ text: String) -> String {
            // Most values need nothing: no Markdown, HTML or control characters in them.
            if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "<") }) {
                return text.visibleControls
            }
            // Markdown renders inline HTML: '<' is written as an entity.
            return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingNewlines().visibleControls.replacingOccurrences(of: "⏎", with: "<br>")
        }
        let numeric = table.columns.indices.map { table.isNumeric($0) }
        var out = "| " + table.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map { cell($0.plain()) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
