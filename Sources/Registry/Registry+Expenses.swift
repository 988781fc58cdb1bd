import GRDB

extension Registry {
    /// Adds an expense to an activity; `activity`, `amount` and `category` are required.
    public func addExpense(_ input: ExpenseInput) throws -> Expense {
        try add(input, as: Expense.self)
    }

    /// Changes the fields given in `input` of expense `reference` (its id).
    public func editExpense(_ reference: RecordReference, _ input: ExpenseInput) throws -> Expense {
        try edit(input, as: Expense.self) { try RecordKind.expense.resolve(reference, in: $0) }
    }

    /// The expense with id `reference`.
    public func expense(_ reference: RecordReference) throws -> Expense {
        try read { db in try Expense.fetchOne(db, key: try RecordKind.expense.resolve(reference, in: db))! }
    }

    /// The expense `reference` names (its id), with its activity and partnership.
    public func expenseDetails(_ reference: RecordReference) throws -> ExpenseListing {
        try read { db in
            var conditions = QueryConditions()
            conditions.add("expense.id = ?", try RecordKind.expense.resolve(reference, in: db))
            return try Listing.expenses(conditions, in: db)[0]
        }
    }

    /// Expenses matching `filter`, by date.
    public func expenses(_ filter: ExpenseFilter = ExpenseFilter()) throws -> [ExpenseListing] {
        try read { db in
            var conditions = QueryConditions()
            if let activity = filter.activity {
                conditions.add("expense.activity_id = ?", try RecordKind.activity.resolve(activity, in: db))
            }
            if let reference = filter.partnership {
                conditions.add("activity.partnership_id = ?", try RecordKind.partnership.resolve(reference, in: db))
            }
            if let city = filter.city { conditions.add("partnership.city_id = ?", try RecordKind.city.resolve(city, in: db)) }
            if let partner = filter.partner { conditions.add("partnership.partner_id = ?", try RecordKind.partner.resolve(partner, in: db)) }
            if let category = filter.category { conditions.add("expense.category = ?", category) }
            let (from, to) = try Self.period(from: filter.from, to: filter.to)
            if let from { conditions.add("expense.spent_date >= ?", from) }
            if let to { conditions.add("expense.spent_date <= ?", to) }
            return try Listing.expenses(conditions, in: db)
        }
    }
}

extension Expense: InputRecord {
    static let blank = Expense(id: nil, activityId: 0, amountCents: 0, category: .other, spentDate: nil, note: nil)

    static func missingFields(in input: ExpenseInput) -> [FieldProblem] {
        return [
            required("activity", input.activity), required("amount", input.amount),
            required("category", input.category, accepted: "; one of: " + ExpenseCategory.allCases.map(\.rawValue).joined(separator: ", ")),
        ]
        .compactMap { $0 }
    }

    static func applying(_ input: ExpenseInput, to base: Expense, in context: InputContext, checker: inout InputChecker) throws -> Expense {
        let db = context.db
        var expense = base
        if let reference = input.activity { expense.activityId = try RecordKind.activity.resolve(reference, in: db) }
        if let raw = input.amount {
            if checker.text(raw) == nil { checker.report("amount", raw, "is required") }
            expense.amountCents = checker.money("amount", raw) ?? expense.amountCents
        }
        if let raw = input.category { expense.category = checker.choice("category", raw, as: ExpenseCategory.self) ?? expense.category }
        if let raw = input.date { expense.spentDate = checker.date("date", raw) }
        if let raw = input.note { expense.note = checker.freeText("note", raw) }
        return expense
    }
}
