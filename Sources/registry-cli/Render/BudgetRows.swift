import Registry

/// Budget figures as fields of a record (DESIGN.md §3's vocabulary).
enum BudgetRows {
    static func columns(_ budget: BudgetFigures) -> [String] {
        (budget.allocationCents == nil ? [] : ["allocation"]) + ["committed", "planned", "spent"]
            + (budget.remainingCents == nil ? [] : ["remaining", "over_committed"])
    }

    static func cells(_ budget: BudgetFigures) -> [Cell] {
        (budget.allocationCents.map { [Cell.money($0)] } ?? []) + [
            .money(budget.committedCents), .money(budget.plannedCents), .money(budget.spentCents),
        ]
            + (budget.remainingCents.map { [Cell.money($0), .flag(budget.overCommitted)] } ?? [])
    }

    /// Appends the figures to a one-record table.
    static func appending(_ budget: BudgetFigures, to fields: TableData) -> TableData {
        TableData(columns: fields.columns + columns(budget), rows: fields.rows.map { $0 + cells(budget) })
    }
}
