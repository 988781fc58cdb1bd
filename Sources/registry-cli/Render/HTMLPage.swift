import Foundation
import Registry

/// A self-contained HTML5 report page: no scripts, no network, one `<style>` element, charts as inline SVG.
enum HTMLPage {
    /// One complete HTML5 document: `<title>`, a heading, a subtitle line (e.g. "Generated 2026-11-29 22:00 UTC from registry.sqlite"),
    /// the chart(s) as inline `<svg>`, then the table.
    static func render(title: String, subtitle: String, charts: [ReportChart], table: TableData) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(text(title))</title>
            <style>\(stylesheet)\(PrintLayout(table: table).pageRule)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(text(title))</h1>
            <p class="subtitle">\(text(subtitle))</p>
            </header>

            """
        for (index, chart) in charts.enumerated() {
            html += figure(chart, id: "chart\(index + 1)")
        }
        html += tableHTML(table)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: Text

    /// Text made safe for HTML and SVG: markup characters escaped, line breaks shown as `⏎`, and control and
    /// formatting characters (bidi overrides, zero-width characters) shown as visible `\u{…}` escapes so they
    /// cannot reorder or hide the page's text.
    static func text(_ value: String) -> String { escape(value.replacingNewlines().visibleControls) }

    /// The five characters that matter to HTML, as entities.
    static func escape(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return value }  // & < > " '

        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// At most `limit` characters, the last one an ellipsis when shortened.
    static func truncated(_ value: String, to limit: Int) -> String {
        value.count <= limit ? value : String(value.prefix(max(0, limit - 1))) + "…"
    }

    // MARK: Table

    static func tableHTML(_ table: TableData) -> String {
        let numeric = table.columns.indices.map { table.isNumeric($0) }
        var html = "<section class=\"data\">\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>"
        for (column, name) in table.columns.enumerated() {
            html += numeric[column] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
            html += breakable(text(name)) + "</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        if table.rows.isEmpty {
            html += "<tr class=\"empty\"><td colspan=\"\(max(1, table.columns.count))\">No rows.</td></tr>\n"
        }
        for row in table.rows {
            html += "<tr>"
            for column in table.columns.indices {
                let cell = column < row.count ? row[column] : .null
                html += "<td\(numeric[column] && cell != .null ? " class=\"num\"" : cellClass(cell))>"
                html += cellText(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        html += "<p class=\"count\">\(table.rows.count) \(table.rows.count == 1 ? "row" : "rows")</p>\n</section>\n"
        return html
    }

    /// Numbers align right and dates stay on one line; both keep their place when a column narrows on paper.
    static func cellClass(_ cell: Cell) -> String {
        switch cell {
        case .integer, .money: " class=\"num\""
        case .null: " class=\"null\""
        case .text(let text) where isDate(text): " class=\"date\""
        default: ""
        }
    }

    /// `2024-05-31`: an ISO date, which must not break at its hyphens.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
    }

    /// A cell's plain text, escaped, its line breaks kept as `<br>`.
    static func cellText(_ cell: Cell) -> String {
        cell.plain().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { breakable(escape(String($0).visibleControls)) }.joined(separator: "<br>")
    }

    /// Escaped text that may break after its underscores (`experience_<wbr>exchange`), so a column of codes
    /// or a column name narrows to fit the page; copied text is unchanged.
    static func breakable(_ html: String) -> String {
        html.contains("_") ? html.replacingOccurrences(of: "_", with: "_<wbr>") : html
    }

    // MARK: Style

    static let stylesheet = """

        :root {
          --text: #1f2933; --muted: #616e7c; --rule: #d9dee4; --grid: #e6e9ed; --zebra: #f5f7f9;
          --bar: #5b7c99; --negative: #9fb1c2; --over: #c4665a; --ref: #27313b; --accent: #3e5c76;
        }
        * { box-sizing: border-box; }
        html { color: var(--text); background: #fff; }
        body {
          margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
            "Liberation Sans", sans-serif;
        }
        main { max-width: 1280px; margin: 0 auto; padding: 32px 20px 48px; box-sizing: border-box; }
        header { border-bottom: 2px solid var(--accent); margin-bottom: 24px; padding-bottom: 10px; }
        h1 { font-size: 1.65rem; font-weight: 650; margin: 0 0 4px; letter-spacing: -0.01em; }
        .subtitle { color: var(--muted); margin: 0; font-size: 0.9rem; }
        h1, .subtitle, figcaption, th, td { unicode-bidi: isolate; overflow-wrap: break-word; }
        figure.chart { margin: 0 0 28px; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; font-size: 1.05rem; margin-bottom: 8px; }
        svg.bars { display: block; max-width: 100%; height: auto; font-family: inherit; overflow: visible; }
        svg.bars text { font-size: 12.5px; fill: var(--text); }
        svg.bars .grid line { stroke: var(--grid); stroke-width: 1; }
        svg.bars .grid line.zero { stroke: #aab4be; }
        svg.bars .grid text, svg.bars .unit { fill: var(--muted); font-size: 11px; }
        svg.bars .bar { fill: var(--bar); }
        svg.bars .bar.negative { fill: var(--negative); }
        svg.bars .bar.over { fill: var(--over); }
        svg.bars .ref { stroke: var(--ref); stroke-width: 2.5; stroke-linecap: round; }
        svg.bars .part { fill: var(--ref); opacity: 0.75; }
        svg.bars .value { font-variant-numeric: tabular-nums; }
        svg.bars .of { fill: var(--muted); }
        svg.bars .nodata { fill: var(--muted); font-style: italic; }
        svg.bars .row:hover .bar { opacity: 0.85; }
        .legend { color: var(--muted); font-size: 0.82rem; margin: 6px 0 0; }
        .key { display: inline-block; width: 12px; height: 12px; margin: 0 5px -1px 14px; vertical-align: baseline; }
        .key:first-child { margin-left: 0; }
        .key-bar { border: 6px solid var(--bar); border-radius: 2px; }
        .key-over { border: 6px solid var(--over); border-radius: 2px; }
        .key-ref { width: 3px; border-left: 3px solid var(--ref); }
        .key-part { height: 4px; border-top: 4px solid var(--ref); opacity: 0.75; margin-bottom: 3px; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.82rem; }
        th, td { padding: 6px 5px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        thead th { border-bottom: 2px solid var(--accent); font-weight: 600; }
        tbody tr:nth-child(even) { background: var(--zebra); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.null { color: var(--muted); }
        tr.empty td { color: var(--muted); font-style: italic; text-align: center; padding: 16px; }
        .count { color: var(--muted); font-size: 0.82rem; margin: 8px 0 0; }
        @media print {
          html, body { background: none; }
          body { font-size: 10pt; }
          table { font-size: \(PrintLayout.tableTextPoints)pt; }
          th, td { padding: 3pt 3pt; }
          thead th { white-space: normal; }
          main { max-width: none; padding: 0; }
          svg.bars { width: 100%; max-width: 760px; height: auto; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .key { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .table-wrap { overflow: visible; }
          thead { display: table-header-group; }
          tr, td, th { break-inside: avoid; page-break-inside: avoid; }
          tbody tr:nth-child(even) { background: none; }
          h1, figcaption { break-after: avoid; page-break-after: avoid; }
        }

        """
}
