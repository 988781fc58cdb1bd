import Foundation
import Registry
import Testing

@testable import registry_cli

/// The HTML report page: self-contained, escaped, and drawable whatever the numbers.
struct HTMLReportTests {
    let towns = ["Łódź", "Bielsko-Biała", "Kędzierzyn-Koźle", "Gdańsk"]

    var table: TableData {
        TableData(
            columns: ["id", "town", "allocation", "committed", "partner"],
            rows: [
                [.integer(1), .text("Łódź"), .money(150_000_000), .money(120_000_050), .text("Tromsø kommune")],
                [.integer(2), .text("Bielsko-Biała"), .money(90_000_000), .money(95_500_000), .text("Ålesund kommune")],
                [.integer(3), .text("Kędzierzyn-Koźle"), .money(40_000_000), .money(5), .text("Bærum kommune")],
                [.integer(4), .text("Gdańsk"), .money(0), .money(0), .null],
            ])
    }

    var chart: ReportChart {
        ReportChart(
            title: "Committed vs allocation", labels: towns, values: [1_200_000.5, 955_000, 0.05, 0],
            reference: [1_500_000, 900_000, 400_000, 0], unit: "EUR")
    }

    func page(charts: [ReportChart]? = nil, table: TableData? = nil) -> String {
        HTMLPage.render(
            title: "Budget by town", subtitle: "Generated 2026-11-29 22:00 UTC from registry.sqlite", charts: charts ?? [chart],
            table: table ?? self.table)
    }

    func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func escapesTheFiveMarkupCharacters() {
        #expect(HTMLPage.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func hostileTextNeverBecomesMarkup() {
        let hostile = "<script>alert(1)</script>"
        let html = HTMLPage.render(
            title: hostile, subtitle: hostile,
            charts: [ReportChart(title: hostile, labels: [hostile, "x\" onload=\"alert(1)"], values: [1, 2], unit: hostile)],
            table: TableData(columns: [hostile], rows: [[.text(hostile)], [.list([hostile])], [.json("{\"a\":\"</script>\"}")]]))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("</script"))
        #expect(!html.contains("\" onload"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    }

    @Test func bidiOverridesAndControlCharactersAreShownNotObeyed() {
        let spoof = "Łódź\u{202E}fdp.exe\u{202C}\u{200B}\u{0007}"
        let html = HTMLPage.render(
            title: spoof, subtitle: spoof, charts: [ReportChart(title: spoof, labels: [spoof], values: [1], unit: "EUR")],
            table: TableData(columns: [spoof], rows: [[.text(spoof)]]))
        for scalar in html.unicodeScalars {
            let category = scalar.properties.generalCategory
            #expect(category != .format, "U+\(String(scalar.value, radix: 16, uppercase: true)) left in the page")
            #expect(category != .control || scalar == "\n", "U+\(String(scalar.value, radix: 16, uppercase: true)) left in the page")
        }
        #expect(html.contains("Łódź\\u{202E}fdp.exe\\u{202C}\\u{200B}\\u{7}"))
    }

    @Test func pageIsSelfContainedWithoutScriptsOrNetwork() {
        for html in [page(), page(charts: []), page(table: TableData(columns: [], rows: []))] {
            let lower = html.lowercased()
            for forbidden in ["<script", "http://", "https://", "src=", "<link", "@import", "url(", "javascript:"] {
                #expect(!lower.contains(forbidden), "found \(forbidden)")
            }
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(occurrences(of: "<style>", in: html) == 1)
            #expect(html.contains("<meta charset=\"utf-8\">"))
            #expect(html.contains("@media print"))
        }
    }

    @Test func polishAndNorwegianLettersAppearAsThemselves() {
        let html = page()
        for word in ["Łódź", "Bielsko-Biała", "Kędzierzyn-Koźle", "Gdańsk", "Tromsø", "Ålesund", "Bærum"] {
            #expect(html.contains(word), "\(word) missing")
        }
        #expect(!html.contains("&#"), "letters must not be entity-encoded")
    }

    @Test func oneBarPerRowWithAccessibleSVG() {
        let html = page()
        #expect(occurrences(of: "<rect class=\"bar", in: html) == table.rows.count)
        #expect(occurrences(of: "<line class=\"ref\"", in: html) == table.rows.count)
        #expect(occurrences(of: "<g class=\"row\">", in: html) == table.rows.count)
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("<title id=\"chart1-title\">Committed vs allocation</title>"))
        #expect(html.contains("<text class=\"label\""))
        // Bielsko-Biała committed more than its allocation.
        #expect(occurrences(of: "<rect class=\"bar over\"", in: html) == 1)
        #expect(html.contains("above reference"))
    }

    @Test func largestBarFillsThePlotAndOthersScale() {
        let html = page(charts: [ReportChart(title: "t", labels: ["a", "b"], values: [100, 50], unit: "activities")])
        let widths = html.components(separatedBy: "<rect class=\"bar\"").dropFirst().compactMap { rect in
            rect.components(separatedBy: "width=\"").dropFirst().first?.prefix { $0 != "\"" }
        }.compactMap { Double($0) }
        #expect(widths.count == 2)
        #expect(widths.first ?? 0 >= 240)
        #expect(abs((widths.first ?? 0) - 2 * (widths.last ?? 0)) <= 0.2)
    }

    @Test func longLabelsAreTruncatedInTheChartButKeptInTheTooltip() {
        let long = "Urząd Miasta Kędzierzyn-Koźle, Wydział Rozwoju i Funduszy Europejskich"
        let html = page(charts: [ReportChart(title: "t", labels: [long], values: [3], unit: "activities")])
        #expect(html.contains(">Urząd Miasta Kędzierzyn-Koź…</text>"))
        #expect(html.contains("<title>\(long): 3 activities</title>"))
    }

    @Test func emptyTableAndEmptyChartRenderGracefully() {
        let html = page(
            charts: [ReportChart(title: "Nothing yet", labels: [], values: [], unit: "EUR")],
            table: TableData(columns: ["town", "allocation"], rows: []))
        #expect(html.contains("No rows."))
        #expect(html.contains("No data"))
        #expect(html.contains("0 rows"))
        #expect(!html.contains("<rect"))
        #expect(!html.contains("NaN"))
    }

    @Test(arguments: [[0.0, 0, 0], [0.0], [-5, 10, -20], [-1, -2], [.nan, .infinity, 3], [42]])
    func anyValuesDrawWithoutNaN(_ values: [Double]) {
        let labels = values.indices.map { "Town \($0)" }
        let html = page(charts: [
            ReportChart(title: "t", labels: labels, values: values, unit: "EUR"),
            ReportChart(title: "u", labels: labels, values: values, reference: values.map { $0 / 2 }, unit: "%"),
        ])
        #expect(!html.contains("NaN"))
        #expect(!html.lowercased().contains("inf"))
        #expect(!html.contains("width=\"-"))
        #expect(occurrences(of: "<rect class=\"bar", in: html) == 2 * values.count)
    }

    @Test func moneyHasTwoDecimalsAndNumbersAreRightAligned() {
        let html = page()
        #expect(html.contains("<td class=\"num\">1200000.50</td>"))
        #expect(html.contains("<td class=\"num\">0.05</td>"))
        #expect(html.contains("<td class=\"num\">0.00</td>"))
        #expect(html.contains("<td class=\"num\">1</td>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">allocation</th>"))
        #expect(html.contains("<th scope=\"col\">town</th>"))
        #expect(html.contains("<td class=\"null\"></td>"))
        #expect(html.contains("4 rows"))
    }

    @Test func lineBreaksInCellsBecomeBreaks() {
        let html = page(table: TableData(columns: ["notes"], rows: [[.text("one\ntwo & three")]]))
        #expect(html.contains("<td>one<br>two &amp; three</td>"))
    }

    @Test func chartNumbersAreGroupedAndCompact() {
        #expect(HTMLPage.formatted(1_200_000.5, unit: "EUR") == "1\u{202F}200\u{202F}000.50 EUR")
        #expect(HTMLPage.formatted(-955, unit: nil) == "-955")
        #expect(HTMLPage.formatted(12.5, unit: "%") == "12.50%")
        #expect(HTMLPage.compact(1_500_000, unit: "EUR") == "1.5M")
        #expect(HTMLPage.compact(250_000, unit: "EUR") == "250k")
        #expect(HTMLPage.compact(40, unit: "%") == "40%")
        #expect(HTMLPage.ticks(low: 0, high: 1_500_000) == [0, 500_000, 1_000_000, 1_500_000].map(Double.init))
        #expect(HTMLPage.ticks(low: 0, high: 0) == [0])
    }
}
