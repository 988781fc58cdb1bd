import Registry

/// Which chart each report's HTML page draws, from the report's own table.
enum ReportCharts {
    static func charts(_ report: ReportName, _ table: TableData) -> [ReportChart] {
        switch report {
        case .overview:
            let statuses = rows(table, where: "section", is: "partnerships by status")
            return [chart("Partnerships by status", table, statuses, label: "item", value: "count", unit: "partnerships")]
        case .budget:
            var budget = chart("Committed against allocation, per town", table, table.rows, label: "city", value: "committed", unit: "EUR")
            budget.reference = table.rows.map { number($0, table, "allocation") }
            budget.part = table.rows.map { number($0, table, "spent") }
            (budget.valueName, budget.referenceName, budget.partName) = ("committed", "allocation", "spent")
            budget.title = "Spent and committed against allocation, per town"
            return [budget]
        case .themes:
            return [chart("Activities per topic", table, table.rows, label: "topic", value: "activities", unit: "activities")]
        case .activities:
            var perKind: [String: Double] = [:]
            let kind = table.columns.firstIndex(of: "kind")
            for row in table.rows { perKind[kind.map { row[$0].plain() } ?? "", default: 0] += 1 }
            let kinds = perKind.keys.sorted()
            return [ReportChart(title: "Activities by kind", labels: kinds, values: kinds.map { perKind[$0]! }, unit: "activities")]
        case .partners:
            return [chart("Committed budget per partner", table, table.rows, label: "partner", value: "committed", unit: "EUR")]
        case .unmatched:
            return [chart("Allocation of towns without a partner", table, table.rows, label: "city", value: "allocation", unit: "EUR")]
        case .spending:
            var perCategory: [String: Double] = [:]
            let category = table.columns.firstIndex(of: "category")
            for row in table.rows { perCategory[category.map { row[$0].plain() } ?? "", default: 0] += number(row, table, "spent") }
            let categories = perCategory.keys.sorted()
            return [ReportChart(title: "Spent per category", labels: categories, values: categories.map { perCategory[$0]! }, unit: "EUR")]
        case .statement:
            let totals = rows(table, where: "line", is: "total").filter { $0[table.columns.firstIndex(of: "category")!].plain() != "all categories" }
            return [chart("Claimed and verified per category", table, totals, label: "category", value: "amount", unit: "EUR")]
        case .agenda:
            var perItem: [(item: String, count: Double)] = []
            let item = table.columns.firstIndex(of: "item")
            for row in table.rows {
                let name = item.map { row[$0].plain() } ?? ""
                if let index = perItem.firstIndex(where: { $0.item == name }) { perItem[index].count += 1 } else { perItem.append((name, 1)) }
            }
            return [ReportChart(title: "To attend to", labels: perItem.map(\.item), values: perItem.map(\.count), unit: "items")]
        }
    }

    private static func rows(_ table: TableData, where column: String, is value: String) -> [[Cell]] {
        guard let index = table.columns.firstIndex(of: column) else { return [] }
        return table.rows.filter { $0[index].plain() == value }
    }

    private static func chart(_ title: String, _ table: TableData, _ rows: [[Cell]], label: String, value: String, unit: String) -> ReportChart {
        let labels = table.columns.firstIndex(of: label).map { index in rows.map { $0[index].plain() } } ?? []
        return ReportChart(title: title, labels: labels, values: rows.map { number($0, table, value) }, unit: unit)
    }

    /// The cell of `column` as a number: money in euros, counts as they are.
    private static func number(_ row: [Cell], _ table: TableData, _ column: String) -> Double {
        guard let index = table.columns.firstIndex(of: column) else { return 0 }
        switch row[index] {
        case .money(let cents): return Double(cents) / 100
        case .integer(let number): return Double(number)
        case .text(let text): return Double(text) ?? 0
        default: return 0
        }
    }
}
