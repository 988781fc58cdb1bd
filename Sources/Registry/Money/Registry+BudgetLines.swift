import Foundation
import GRDB

/// One line of a partnership's budget: a cost category's share, against what is spent in it.
public struct BudgetLine: Equatable, Sendable {
    public var category: ExpenseCategory
    public var budgetCents: Int64
    /// Claimed and verified expenses of the partnership in the category.
    public var spentCents: Int64

    /// Above the line.
    public var isOverspent: Bool { spentCents > budgetCents }

    /// A line as a person types it, `travel=20000`; problems go to `checker` under `field`.
    static func parse(_ entry: String, field: String, checker: inout InputChecker) -> (ExpenseCategory, Int64)? {
        let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].trimmed().isEmpty else {
            checker.report(field, entry, "is not CATEGORY=EUR, e.g. travel=20000")
            return nil
        }
        let category = checker.choice(field, String(parts[0]), as: ExpenseCategory.self)
        let cents = checker.money(field, String(parts[1]))
        guard let category, let cents else { return nil }
        return (category, cents)
    }

    /// Sets `lines` of `partnership` (each category's budget), leaving its other lines; says
    /// whether any changed.
    static func store(_ lines: [(ExpenseCategory, Int64)], of partnership: Int64, in db: Database) throws -> Bool {
        var changed = false
        for (category, cents) in lines {
            try db.execute(
                sql: """
                    INSERT INTO partnership_budget_line (partnership_id, category, budget_cents) VALUES (?, ?, ?)
                    ON CONFLICT (partnership_id, category) DO UPDATE SET budget_cents = excluded.budget_cents
                    WHERE budget_cents IS NOT excluded.budget_cents
                    """, arguments: [partnership, category, cents])
            changed = changed || db.changesCount > 0
        }
        return changed
    }

    /// Makes `lines` the whole budget split of `partnership`: others are removed.
    static func replace(_ lines: [(ExpenseCategory, Int64)], of partnership: Int64, in db: Database) throws -> Bool {
        let kept = Set(lines.map(\.0.rawValue))
        let others = try String.fetchAll(db, sql: "SELECT category FROM partnership_budget_line WHERE partnership_id = ?", arguments: [partnership])
            .filter { !kept.contains($0) }
        for category in others {
            try db.execute(sql: "DELETE FROM partnership_budget_line WHERE partnership_id = ? AND category = ?", arguments: [partnership, category])
        }
        return try store(lines, of: partnership, in: db) || !others.isEmpty
    }
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
            let lines = set.compactMap { BudgetLine.parse($0, field: "set", checker: &checker) }
            let removed = remove.compactMap { checker.choice("remove", $0, as: ExpenseCategory.self) }
            if let both = Set(lines.map(\.0)).intersection(removed).first {
                checker.report("remove", both.rawValue, "is also set: give a category once")
            }
            try checker.throwIfInvalid()
            _ = try BudgetLine.store(lines, of: partnership, in: db)
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
