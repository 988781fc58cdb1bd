import GRDB

/// One line of a partnership's budget: a cost category's share, against what is spent in it.
public struct BudgetLine: Equatable, Sendable {
    public var category: ExpenseCategory
    public var budgetCents: Int64
    /// Claimed and verified expenses of the partnership in the category.
    public var spentCents: Int64

    /// Above the line.
    public var isOverspent: Bool { spentCents > budgetCents }
}

extension Registry {
    /// The budget lines of partnership `reference`, by category.
    public func budgetLines(_ reference: RecordReference) throws -> [BudgetLine] {
        try read { db in try Self.budgetLines(try RecordKind.partnership.resolve(reference, in: db), in: db) }
    }

    /// Sets lines (`travel=20000`) and removes others (`venue`) of partnership `reference`, in one
    /// transaction, and gives the lines now recorded. A refused value changes no line.
    public func setBudgetLines(_ reference: RecordReference, set: [String], remove: [String]) throws -> [BudgetLine] {
        try write { db in
            let partnership = try RecordKind.partnership.resolve(reference, in: db)
            var checker = InputChecker()
            var lines: [(ExpenseCategory, Int64)] = []
            for entry in set {
                let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    checker.report("set", entry, "is not CATEGORY=EUR, e.g. travel=20000")
                    continue
                }
                let category = checker.choice("set", String(parts[0]), as: ExpenseCategory.self)
                let cents = checker.money("set", String(parts[1]))
                if String(parts[1]).trimmed().isEmpty { checker.report("set", entry, "needs an amount in euros, e.g. travel=20000") }
                if let category, let cents { lines.append((category, cents)) }
            }
            let removed = remove.compactMap { checker.choice("remove", $0, as: ExpenseCategory.self) }
            if let both = Set(lines.map(\.0)).intersection(removed).first {
                checker.report("remove", both.rawValue, "is also set: give a category once")
            }
            try checker.throwIfInvalid()
            for (category, cents) in lines {
                try db.execute(
                    sql: """
                        INSERT INTO partnership_budget_line (partnership_id, category, budget_cents) VALUES (?, ?, ?)
                        ON CONFLICT (partnership_id, category) DO UPDATE SET budget_cents = excluded.budget_cents
                        """, arguments: [partnership, category, cents])
            }
            for category in removed {
                try db.execute(
                    sql: "DELETE FROM partnership_budget_line WHERE partnership_id = ? AND category = ?", arguments: [partnership, category])
            }
            return try Self.budgetLines(partnership, in: db)
        }
    }

    static func budgetLines(_ partnership: Int64, in db: Database) throws -> [BudgetLine] {
        try Row.fetchAll(
            db, sql: "SELECT category, budget_cents, spent_cents FROM partnership_budget_line_use WHERE partnership_id = ? ORDER BY category",
            arguments: [partnership]
        ).map { BudgetLine(category: $0["category"], budgetCents: $0["budget_cents"], spentCents: $0["spent_cents"]) }
    }
}
