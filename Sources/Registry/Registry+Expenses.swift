import Foundation
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

    /// Converts expense `reference` again at the rate its month has now (after a rate is corrected), the
    /// amount and currency as recorded; a euro amount once given by hand gives way to the month's rate.
    /// The new euro amount and rate are an edit like any other, in the audit trail.
    public func convertExpenseAgain(_ reference: RecordReference) throws -> Expense {
        try editExpense(reference, ExpenseInput(currency: try expense(reference).currency.rawValue))
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
    static let blank = Expense(
        id: nil, activityId: 0, amountCents: 0, category: .other, spentDate: nil, note: nil, paidMinor: 0, rateMicros: 1_000_000,
        rateMonth: nil, rateSource: nil, rateDerived: false, currency: .eur, paidBy: nil, document: nil, period: nil, status: .initial,
        rejectionReason: nil)

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
        if let raw = input.currency {
            expense.currency = checker.choice("currency", raw, as: Currency.self) ?? expense.currency
            if input.amount == nil, expense.currency != base.currency {
                checker.report("currency", raw, "changes the amount's meaning: give the amount in \(expense.currency.rawValue) with it (--amount)")
            }
        }
        if let raw = input.amount {
            if checker.text(raw) == nil { checker.report("amount", raw, "is required") }
            expense.paidMinor = checker.amount("amount", raw, in: expense.currency) ?? expense.paidMinor
        }
        if let raw = input.category { expense.category = checker.choice("category", raw, as: ExpenseCategory.self) ?? expense.category }
        if let raw = input.date { expense.spentDate = checker.date("date", raw) }
        if input.amount != nil || input.currency != nil || input.eur != nil || input.date != nil || input.rate != nil {
            try convert(&expense, input, in: context, checker: &checker)
        }
        if let raw = input.paidBy { expense.paidBy = checker.text(raw) == nil ? nil : checker.choice("paid-by", raw, as: ExpensePayer.self) }
        if let raw = input.document { expense.document = checker.freeText("document", raw) }
        if let raw = input.period { expense.period = checker.text(raw).flatMap { checker.period("period", $0) } }
        if let raw = input.status { expense.status = checker.choice("status", raw, as: ClaimStatus.self) ?? expense.status }
        if let raw = input.reason {
            if expense.status == .rejected {
                expense.rejectionReason = checker.freeText("reason", raw)
            } else {
                checker.report("reason", raw, "is only for a rejected claim (expense reject ID --reason TEXT)")
            }
        }
        if expense.status != .rejected { expense.rejectionReason = nil }
        if expense.status == .rejected, expense.rejectionReason == nil { checker.report("reason", "", "is required to reject a claim: say why") }
        if let raw = input.note { expense.note = checker.freeText("note", raw) }
        return expense
    }

    /// Gives the expense its euro value: its own for euros, the amount given by hand (`eur`, the
    /// rate then worked out and marked derived), at a rate given with it (an export imported
    /// back), or the amount at its month's rate.
    static func convert(_ expense: inout Expense, _ input: ExpenseInput, in context: InputContext, checker: inout InputChecker) throws {
        let db = context.db
        let currency = expense.currency
        let eur = input.eur
        if currency != .eur, let raw = input.rate, input.rateSource != Rate.derivedSource {
            guard let micros = checker.rate("rate", raw) else { return }
            let month = input.rateMonth.flatMap { checker.text($0) }.flatMap { checker.month("rate-month", $0) }
            guard let cents = Conversion.euroCents(expense.paidMinor, in: currency, atMicros: micros) else { return }
            if let given = input.eur, let euros = checker.money("eur", given), euros != cents {
                checker.report(
                    "eur", given,
                    "is not \(Money.format(expense.paidMinor, in: currency)) \(currency.rawValue) at \(raw): that is \(Money.format(cents))")
            }
            let source = input.rateSource.flatMap { checker.text($0) }.flatMap { checker.freeText("rate-source", $0) } ?? Rate.defaultSource
            (expense.amountCents, expense.rateMicros, expense.rateMonth, expense.rateSource, expense.rateDerived) = (
                cents, micros, month, source, false
            )
            if month == nil { checker.report("rate-month", input.rateMonth ?? "", "is required with a rate: the month it is for, YYYY-MM") }
            return
        }
        guard currency != .eur else {
            if let eur { checker.report("eur", eur, "is only for an amount paid in another currency; a euro amount is its own euro value") }
            (expense.amountCents, expense.rateMicros, expense.rateMonth, expense.rateSource, expense.rateDerived) =
                (expense.paidMinor, 1_000_000, nil, nil, false)
            return
        }
        let month: String?
        switch try context.rateMonthRule ?? Registry.rateMonthRule(in: db) {
        case .incurred: month = expense.spentDate.map { String($0.prefix(7)) }
        case .recorded: month = String(ISODate.string(daysSince1970: Int(Date().timeIntervalSince1970) / 86_400).prefix(7))
        }
        if let eur {
            guard let cents = checker.money("eur", eur) else { return }
            guard let micros = Conversion.derivedMicros(expense.paidMinor, in: currency, euroCents: cents), micros > 0 else {
                checker.report(
                    "eur", eur, "cannot give a rate for \(Money.format(expense.paidMinor, in: currency)) \(currency.rawValue): both must be above 0")
                return
            }
            (expense.amountCents, expense.rateMicros, expense.rateMonth, expense.rateSource, expense.rateDerived) =
                (cents, micros, month, Rate.derivedSource, true)
            return
        }
        guard let month else {
            checker.report(
                "date", "", "is required for an amount in \(currency.rawValue): its month's rate converts it (or give the euro amount with --eur)")
            return
        }
        guard let rate = try Registry.rate(currency, month: month, in: db) else {
            checker.report(
                "currency", currency.rawValue,
                "has no rate for \(month); add it with `registry rate add \(currency.rawValue) \(month) RATE`, or give the euro amount with --eur")
            return
        }
        guard let cents = Conversion.euroCents(expense.paidMinor, in: currency, atMicros: rate.unitsPerEurMicros),
            cents <= Money.maximumEuros * 100
        else {
            checker.report("amount", Money.format(expense.paidMinor, in: currency), "is more than \(Money.maximumEuros) euros at \(rate.rate)")
            return
        }
        (expense.amountCents, expense.rateMicros, expense.rateMonth, expense.rateSource, expense.rateDerived) =
            (cents, rate.unitsPerEurMicros, month, rate.source, false)
    }
}
