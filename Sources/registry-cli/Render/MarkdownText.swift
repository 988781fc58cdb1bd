import Foundation
import Registry

/// GitHub-flavoured Markdown tables, for notes and issues.
enum MarkdownText {
    static func render(_ table: TableData) -> String {
        func cell(_ text: String) -> String {
            // Markdown renders inline HTML: '<' is written as an entity.
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
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
