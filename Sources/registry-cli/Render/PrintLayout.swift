import Registry

/// How an HTML page prints on A4: portrait, or landscape when the table is too wide to fit portrait at the
/// table's print text size. Without a page that fits, browsers shrink the whole page to the paper's width
/// (7-point text for a wide report); choosing the orientation keeps the text at its size.
struct PrintLayout {
    /// The table's text size on paper, in points.
    static let tableTextPoints = 8.5
    /// Characters of table text that fit across portrait A4 between 12 mm margins (186 mm) at that size: an
    /// average character of the sans-serif fonts is about 0.6 of its point size wide. Landscape (273 mm) holds
    /// about 150; text columns wrap to fit.
    static let portraitCharacters = 103.0
    /// Text wraps in a cell no narrower than this many characters (or its longest word).
    static let wrapCharacters = 24

    let landscape: Bool

    init(table: TableData) {
        landscape = Self.width(of: table) > Self.portraitCharacters
    }

    /// The `@page` rule for the page's stylesheet.
    var pageRule: String {
        "\n@page { size: A4 \(landscape ? "landscape" : "portrait"); margin: 12mm; }\n"
    }

    /// The table's estimated printed width in characters: each column as wide as its longest value (text
    /// columns wrap at `wrapCharacters`, never narrower than their longest word), plus a cell's padding
    /// (10 pt, two characters). Headings break at their spaces and after their underscores.
    static func width(of table: TableData) -> Double {
        let padding = 2.0
        return table.columns.indices.reduce(0.0) { total, column in
            var widest = table.columns[column].split(whereSeparator: { $0 == "_" || $0 == " " }).map(\.count).max() ?? 0
            for row in table.rows where column < row.count {
                let cell = row[column]
                let text = cell.plain()
                widest = max(widest, cell.isNumeric || table.isNumeric(column) ? text.count : min(text.count, max(wrapCharacters, longestWord(text))))
            }
            return total + Double(widest) + padding
        }
    }

    private static func longestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0.isNewline }).map(\.count).max() ?? 0
    }
}
