import ArgumentParser
import Registry

struct ExpenseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expense",
        abstract: "Money spent on activities: add, list, show, edit, remove.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self])

    /// The fields of an expense shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(parsing: .unconditional, help: ArgumentHelp("The amount in euros, e.g. 1234.50.", valueName: "eur"))
        var amount: String?
        @Option(help: "staff, travel, venue, equipment, consumables, services, indirect or other.", completion: .values(ExpenseCategory.self))
        var category: String?
        @Option(help: ArgumentHelp("When it was spent, YYYY-MM-DD.", valueName: "date"))
        var date: String?
        @Option(help: "A note.")
        var note: String?

        func input(activity: String?) -> ExpenseInput {
            ExpenseInput(activity: activity, amount: amount, category: category, date: date, note: note)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an expense to an activity; prints its id.")
        @Option(help: "The activity's id.") var activity: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.amount == nil { throw ValidationError("Missing expected argument '--amount <eur>'.") }
            if fields.category == nil { throw ValidationError("Missing expected argument '--category <category>'.") }
        }

        func run() throws {
            let registry = try database.open()
            let expense = try registry.addExpense(fields.input(activity: activity))
            let shown = ActivityRows.expenses([try registry.expenseDetails(String(expense.id!))])
            Console.output(output.renderer.renderAdded(id: expense.id!, record: RecordView(fields: shown)))
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

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one expense.")
        @Argument(help: "The expense's id.") var expense: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let shown = ActivityRows.expenses([try database.open(.readOnly).expenseDetails(expense)])
            Console.output(output.renderer.render(RecordView(fields: shown)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an expense: only the options given change; '' clears an optional field.")
        @Argument(help: "The expense's id.") var expense: String
        @Option(help: "Move it to another activity (its id).") var activity: String?
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let registry = try database.open()
            let edited = try registry.editExpense(expense, fields.input(activity: activity))
            Console.output(output.renderer.render(RecordView(fields: ActivityRows.expenses([try registry.expenseDetails(String(edited.id!))]))))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an expense.")
        @Argument(help: "The expense's id.") var expense: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            Console.report(try database.open().remove(.expense, expense))
        }
    }
}

extension ExpenseCategory: ExpressibleByArgument {}
