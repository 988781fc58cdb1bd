import ArgumentParser
import Registry

struct ExpenseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expense",
        abstract: "Money spent on activities, in the currency paid: add, list, show, edit, convert, verify, reject, remove.",
        subcommands: [
            Add.self, List.self, Show<ExpenseCommand>.self, Edit<ExpenseCommand>.self, Convert.self, Verify.self, Reject.self,
            Remove<ExpenseCommand>.self,
        ])

    /// The fields of an expense shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The amount as paid, in --currency, e.g. 1234.50 (whole krónur for ISK).", valueName: "amount"))
        var amount: String?
        @Option(
            help: ArgumentHelp(
                defaultedChoices(Currency.self) + "; other than EUR, converted at the rate of the expense's month (see `registry rate`)."),
            completion: .values(Currency.self))
        var currency: String?
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The amount in euros, given by hand instead of converting at the month's rate.", valueName: "eur"))
        var eur: String?
        @Option(help: ArgumentHelp(choices(ExpenseCategory.self) + "."), completion: .values(ExpenseCategory.self))
        var category: String?
        @Option(help: ArgumentHelp("When it was spent, YYYY-MM-DD.", valueName: "date"))
        var date: String?
        @Option(
            name: .customLong("paid-by"), help: ArgumentHelp("Who bore it: " + choices(ExpensePayer.self) + ".", valueName: "side"),
            completion: .values(ExpensePayer.self))
        var paidBy: String?
        @Option(help: ArgumentHelp("The invoice or receipt number.", valueName: "ref"))
        var document: String?
        @Option(help: ArgumentHelp("The reporting period it is claimed in: the year and the period's number, e.g. 2024-1.", valueName: "period"))
        var period: String?
        @Option(help: "A note.")
        var note: String?

        func input(activity: String?) -> ExpenseInput {
            ExpenseInput(
                activity: .typed(activity), amount: amount, currency: currency, eur: eur, category: category, date: date, paidBy: paidBy,
                document: document, period: period, note: note)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an expense to an activity; prints its id.")
        @Option(help: "The activity's id.") var activity: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try refuseMissingOptions(fields.input(activity: activity))
        }

        func run() throws {
            let registry = try database.open()
            try ExpenseCommand.printAdded(try registry.addExpense(fields.input(activity: activity)).id, in: registry, as: output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List expenses by date.")
        @Option(help: "Only this activity's (its id).") var activity: String?
        @Option(help: "Only this partnership's (id or CITY/PARTNER).", completion: .partnerships) var partnership: String?
        @Option(help: "Only this town's.", completion: .cities) var city: String?
        @Option(help: "Only this partner's.", completion: .partners) var partner: String?
        @Option(help: "Only this category.") var category: ExpenseCategory?
        @Option(help: ArgumentHelp("Only expenses on or after this date.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Only expenses on or before this date.", valueName: "date")) var to: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let filter = ExpenseFilter(
                activity: activity, partnership: partnership, city: city, partner: partner, category: category, from: from, to: to)
            Console.output(output.renderer.render(ActivityRows.expenses(try database.open(.readOnly).expenses(filter))))
        }
    }
}

extension ExpenseCommand {
    /// Makes `change` to an expense and prints the expense as it is then.
    static func change(_ database: DatabaseOptions, _ output: OutputOptions, _ change: (Registry) throws -> Expense) throws {
        let registry = try database.open()
        let id = try change(registry).id
        Console.output(output.renderer.render(try shown(.id(id!), in: registry)))
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert", abstract: "Convert an expense again at its month's rate as it is now.",
            discussion: """
                A rate corrected later never changes an expense already recorded; this does, on purpose, for one \
                expense: its amount as paid, converted at the current rate of its month (a euro amount given by hand \
                with --eur gives way to the rate). The audit trail records the change.
                """)
        @Argument(help: ArgumentHelp("The expense's id.", valueName: "expense")) var expense: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try ExpenseCommand.change(database, output) { try $0.convertExpenseAgain(.typed(expense)) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Mark a claimed expense verified; the audit trail records who and when.")
        @Argument(help: ArgumentHelp("The expense's id.", valueName: "expense")) var expense: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try ExpenseCommand.change(database, output) { try $0.editExpense(.typed(expense), ExpenseInput(status: ClaimStatus.verified.rawValue)) }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a claimed expense, saying why.")
        @Argument(help: ArgumentHelp("The expense's id.", valueName: "expense")) var expense: String
        @Option(help: "Why the claim is rejected.") var reason: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try ExpenseCommand.change(database, output) {
                try $0.editExpense(.typed(expense), ExpenseInput(status: ClaimStatus.rejected.rawValue, reason: reason))
            }
        }
    }
}

extension ExpenseCommand: RecordNoun {
    /// `edit`: a new activity, and the fields `add` takes.
    struct Changes: ParsableArguments {
        @Option(help: "Move it to another activity (its id).") var activity: String?
        @OptionGroup var fields: Fields
    }

    static let kind = RecordKind.expense
    static let reference = "The expense's id."
    static let showAbstract = "Show one expense."
    static let editAbstract = "Change an expense: only the options given change; '' clears an optional field."
    static let removeAbstract = "Remove an expense."

    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64? {
        try registry.editExpense(reference, changes.fields.input(activity: changes.activity)).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        RecordView(fields: ActivityRows.expenses([try registry.expenseDetails(reference)]))
    }
}

extension ExpenseCategory: ExpressibleByArgument {}
extension Currency: ExpressibleByArgument {}
extension ClaimStatus: ExpressibleByArgument {}
