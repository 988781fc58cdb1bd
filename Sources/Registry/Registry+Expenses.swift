import GRDB

extension Registry {
    /// Adds an expense to an activity; `activity`, `amount` and `category` are required.
    public func addExpense(_ input: ExpenseInput) throws -> Expense {
        try write { db in
            var checker = InputChecker()
            if input.activity == nil { checker.report("activity", "", "is required") }
            if input.amount == nil { checker.report("amount", "", "is required") }
            if input.category == nil { checker.report("category", "", "is required; one of: \(ExpenseCategory.allCases.map(\.rawValue).joined(separator: ", "))") }
            var expense = try Expense.applying(input, to: Expense(id: nil, activityId: 0, amountCents: 0, category: .other), in: db, checker: &checker)
            try checker.throwIfInvalid()
            try expense.insert(db)
            return expense
        }
    }

    /// Changes the fields given in `input` of expense `reference` (its id).
    public func editExpense(_ reference: String, _ input: ExpenseInput) throws -> Expense {
        try write { db in
            let id = try Self.resolveID(reference, table: "expense", entity: "expense", in: db)
            var checker = InputChecker()
            let expense = try Expense.applying(input, to: try Expense.fetchOne(db, key: id)!, in: db, checker: &checker)
            try checker.throwIfInvalid()
            try expense.update(db)
            return expense
        }
    }

    /// The expense with id `reference`.
    public func expense(_ reference: String) throws -> Expense {
        try read { db in try Expense.fetchOne(db, key: try Self.resolveID(reference, table: "expense", entity: "expense", in: db))! }
    }

    /// Expenses of one activity, or all, by date.
    public func expenses(activity: String? = nil) throws -> [Expense] {
        try read { db in
            var request = Expense.all()
            if let activity { request = request.filter(Column("activity_id") == (try Self.resolveID(activity, table: "activity", entity: "activity", in: db))) }
            return try request.order(Column("spent_date"), Column("id")).fetchAll(db)
        }
    }
}

extension Expense {
    init(id: Int64?, activityId: Int64, amountCents: Int64, category: ExpenseCategory) {
        self.init(id: id, activityId: activityId, amountCents: amountCents, category: category, spentDate: nil, note: nil)
    }

    static func applying(_ input: ExpenseInput, to base: Expense, in db: Database, checker: inout InputChecker) throws -> Expense {
        var expense = base
        if let reference = input.activity { expense.activityId = try Registry.resolveID(reference, table: "activity", entity: "activity", in: db) }
        if let raw = input.amount {
            if checker.text(raw) == nil { checker.report("amount", raw, "is required") }
            expense.amountCents = checker.money("amount", raw) ?? expense.amountCents
        }
        if let raw = input.category { expense.category = checker.choice("category", raw, as: ExpenseCategory.self) ?? expense.category }
        if let raw = input.date { expense.spentDate = checker.date("date", raw) }
        if let raw = input.note { expense.note = checker.text(raw) }
        return expense
    }
}
