import Foundation
import Registry

/// A chart of one report: labelled bars (horizontal), optionally a second series drawn as a marker/line per bar (e.g. allocation vs committed).
struct ReportChart: Equatable {
    var title: String
    /// One bar per label; a missing or non-finite value is drawn as zero.
    var labels: [String]
    /// The bars.
    var values: [Double]
    /// An optional second value per bar (e.g. allocation), drawn as a thin marker line; a bar above its reference is highlighted.
    var reference: [Double]? = nil
    /// e.g. "EUR", "activities", "%".
    var unit: String
    /// What the bars and the reference markers are, for the legend (e.g. "committed", "allocation").
    var valueName = "value"
    var referenceName = "reference"
    /// An optional part of each bar (e.g. spent of committed), drawn as a narrower bar inside it.
    var part: [Double]? = nil
    var partName = "part"
}

/// The charts of a report page, drawn as inline SVG, and the numbers written on them.
extension HTMLPage {
    /// Chart geometry, in SVG user units.
    private enum Layout {
        static let width = 760.0
        static let labelRight = 196.0
        static let plotLeft = 206.0
        static let valueRight = 754.0
        /// The plot keeps at least this width however long the values are.
        static let minimumPlotWidth = 240.0
        static let gap = 16.0
        static let rowHeight = 26.0
        static let barHeight = 16.0
        static let top = 10.0
        static let axisHeight = 34.0
        static let labelCharacters = 28
    }

    static func figure(_ chart: ReportChart, id: String) -> String {
        var html = "<figure class=\"chart\" aria-labelledby=\"\(id)-caption\">\n"
        html += "<figcaption id=\"\(id)-caption\">\(text(chart.title))</figcaption>\n"
        html += svg(chart, id: id)
        if chart.reference != nil, !chart.labels.isEmpty {
            let over = bars(chart).contains { $0.isOver }
            html += "<p class=\"legend\"><span class=\"key key-bar\"></span>\(text(chart.valueName))"
            if chart.part != nil { html += "<span class=\"key key-part\"></span>\(text(chart.partName))" }
            html += "<span class=\"key key-ref\"></span>\(text(chart.referenceName))"
            if over { html += "<span class=\"key key-over\"></span>above \(text(chart.referenceName))" }
            html += "</p>\n"
        }
        html += "</figure>\n"
        return html
    }

    struct Bar {
        var label: String
        var value: Double
        var reference: Double?
        var part: Double? = nil
        var isOver: Bool { reference.map { value > $0 } ?? false }
    }

    /// One bar per label, non-finite numbers read as zero.
    static func bars(_ chart: ReportChart) -> [Bar] {
        func finite(_ value: Double?) -> Double? { value.map { $0.isFinite ? $0 : 0 } }
        return chart.labels.indices.map { index in
            Bar(
                label: chart.labels[index],
                value: finite(index < chart.values.count ? chart.values[index] : 0) ?? 0,
                reference: chart.reference.flatMap { index < $0.count ? finite($0[index]) : nil },
                part: chart.part.flatMap { index < $0.count ? finite($0[index]) : nil })
        }
    }

    static func svg(_ chart: ReportChart, id: String) -> String {
        let bars = bars(chart)
        let unit = chart.unit
        let plotHeight = Double(max(1, bars.count)) * Layout.rowHeight
        let height = Layout.top + plotHeight + Layout.axisHeight
        let summary = description(of: bars, unit: unit)
        var svg = "<svg class=\"bars\" role=\"img\" width=\"\(Int(Layout.width))\" height=\"\(n(height))\" "
        svg += "viewBox=\"0 0 \(Int(Layout.width)) \(n(height))\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">\(text(chart.title))</title>\n<desc id=\"\(id)-desc\">\(text(summary))</desc>\n"
        guard !bars.isEmpty else {
            svg += "<text class=\"nodata\" x=\"\(n(Layout.width / 2))\" y=\"\(n(Layout.top + plotHeight / 2))\" dy=\"0.35em\" "
            svg += "text-anchor=\"middle\">No data</text>\n</svg>\n"
            return svg
        }
        // The scale runs from the smallest value (or zero) to the largest (or zero), references included.
        let all = bars.flatMap { [$0.value] + ($0.reference.map { [$0] } ?? []) + ($0.part.map { [$0] } ?? []) }
        let low = min(0, all.min() ?? 0)
        let high = max(0, all.max() ?? 0)
        let span = high - low
        // The values column on the right is as wide as its longest text, so the bars get the rest.
        let valueTexts = bars.map { bar in
            (formatted(bar.value, unit: nil), bar.reference.map { " / " + formatted($0, unit: nil) } ?? "")
        }
        let valueWidth = valueTexts.map { estimatedWidth($0.0 + $0.1) }.max() ?? 0
        let plotRight = max(Layout.plotLeft + Layout.minimumPlotWidth, Layout.valueRight - max(40, valueWidth) - Layout.gap)
        func x(_ value: Double) -> Double {
            span > 0 ? Layout.plotLeft + (value - low) / span * (plotRight - Layout.plotLeft) : Layout.plotLeft
        }
        let plotBottom = Layout.top + plotHeight
        // Grid lines and axis labels at round steps.
        svg += "<g class=\"grid\">\n"
        for tick in ticks(low: low, high: high) {
            let position = n(x(tick))
            svg +=
                "<line x1=\"\(position)\" y1=\"\(n(Layout.top))\" x2=\"\(position)\" y2=\"\(n(plotBottom))\"\(tick == 0 ? " class=\"zero\"" : "")/>"
            svg += "<text x=\"\(position)\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">\(text(compact(tick, unit: unit)))</text>\n"
        }
        svg += "</g>\n"
        svg += "<text class=\"unit\" x=\"\(n(plotRight))\" y=\"\(n(plotBottom + 30))\" text-anchor=\"end\">\(text(unit))</text>\n"
        for (index, bar) in bars.enumerated() {
            let rowTop = Layout.top + Double(index) * Layout.rowHeight
            let barTop = rowTop + (Layout.rowHeight - Layout.barHeight) / 2
            let middle = rowTop + Layout.rowHeight / 2
            let start = min(x(0), x(bar.value))
            let width = abs(x(bar.value) - x(0))
            let kind = bar.isOver ? "bar over" : (bar.value < 0 ? "bar negative" : "bar")
            var tooltip = "\(bar.label): \(formatted(bar.value, unit: unit))"
            if let reference = bar.reference { tooltip += " of \(formatted(reference, unit: unit))" }
            if let part = bar.part { tooltip += "; \(chart.partName) \(formatted(part, unit: unit))" }
            svg += "<g class=\"row\">\n<title>\(text(tooltip))</title>\n"
            svg += "<text class=\"label\" x=\"\(n(Layout.labelRight))\" y=\"\(n(middle))\" dy=\"0.35em\" text-anchor=\"end\">"
            svg += escape(truncated(bar.label.replacingNewlines().visibleControls, to: Layout.labelCharacters)) + "</text>\n"
            svg += "<rect class=\"\(kind)\" x=\"\(n(start))\" y=\"\(n(barTop))\" width=\"\(n(width))\" height=\"\(n(Layout.barHeight))\" rx=\"2\"/>\n"
            if let part = bar.part {
                let partStart = min(x(0), x(part))
                svg += "<rect class=\"part\" x=\"\(n(partStart))\" y=\"\(n(barTop + Layout.barHeight / 3))\" "
                svg += "width=\"\(n(abs(x(part) - x(0))))\" height=\"\(n(Layout.barHeight / 3))\"/>\n"
            }
            if let reference = bar.reference {
                let position = n(x(reference))
                svg +=
                    "<line class=\"ref\" x1=\"\(position)\" y1=\"\(n(barTop - 3))\" x2=\"\(position)\" y2=\"\(n(barTop + Layout.barHeight + 3))\"/>\n"
            }
            svg += "<text class=\"value\" x=\"\(n(Layout.valueRight))\" y=\"\(n(middle))\" dy=\"0.35em\" text-anchor=\"end\">"
            svg += text(valueTexts[index].0)
            if !valueTexts[index].1.isEmpty { svg += "<tspan class=\"of\">\(text(valueTexts[index].1))</tspan>" }
            svg += "</text>\n</g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// Roughly how wide a value's text is drawn at 12.5px: digits are tabular, grouping spaces narrow.
    static func estimatedWidth(_ value: String) -> Double {
        value.reduce(0) { width, character in width + (character == "\u{202F}" || character == " " ? 3.5 : 7.2) }
    }

    /// What the chart shows, for screen readers.
    static func description(of bars: [Bar], unit: String) -> String {
        guard let largest = bars.max(by: { $0.value < $1.value }) else { return "No data." }
        var summary = "\(bars.count) \(bars.count == 1 ? "bar" : "bars"); largest: \(largest.label), \(formatted(largest.value, unit: unit))."
        let over = bars.filter(\.isOver)
        if !over.isEmpty {
            summary += " Above reference: " + over.map(\.label).joined(separator: ", ") + "."
        }
        return summary
    }

    /// Round grid values from `low` to `high`: steps of 1, 2, 2.5 or 5 times a power of ten, about five of them.
    static func ticks(low: Double, high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [0] }
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude
        var ticks: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high + step * 1e-9, ticks.count < 50 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    // MARK: Numbers

    /// An SVG coordinate: one decimal at most, never NaN.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    /// A value in full with grouped thousands: whole numbers without decimals, others with two.
    static func formatted(_ value: Double, unit: String?) -> String {
        let number = grouped(value, decimals: value == value.rounded() ? 0 : 2)
        guard let unit, !unit.isEmpty else { return number }
        return unit == "%" ? number + "%" : number + " " + unit
    }

    /// `1234567.5` → `1 234 567.50`, grouped with narrow no-break spaces.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value.isFinite ? String(value) : "0" }
        let scale = decimals == 0 ? 1.0 : pow(10, Double(decimals))
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = String(scaled / Int64(scale))
        var digits = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { digits += "\u{202F}" }
            digits.append(digit)
        }
        if decimals > 0 {
            let fraction = String(scaled % Int64(scale))
            digits += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// An axis label: `250k`, `1.5M`, `40%`.
    static func compact(_ value: Double, unit: String) -> String {
        let suffix = unit == "%" ? "%" : ""
        let magnitude = abs(value)
        let (divisor, letter) = magnitude >= 1e9 ? (1e9, "B") : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1, "")
        let scaled = value / divisor
        let rounded = (scaled * 100).rounded() / 100
        var number = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
        if letter.isEmpty, rounded == rounded.rounded() { number = grouped(rounded, decimals: 0) }
        return number + letter + suffix
    }

}
