import ArgumentParser
import Registry

struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Monthly exchange rates (units of a currency per 1 EUR) that convert expenses: add, list, remove, import, rule.",
        discussion: """
            Rates are the European Commission's monthly accounting rates (InforEuro) unless --source says otherwise. \
            An expense keeps the rate it was converted at: correcting or removing a rate later changes no expense \
            already recorded. Which month's rate applies is the register's rule (`registry rate rule`).
            """,
        subcommands: [Add.self, List.self, Remove.self, Import.self, Rule.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a currency's rate for a month, or correct the one already there.")
        @Argument(help: ArgumentHelp(listed(Currency.converted.map(\.rawValue)) + ".", valueName: "currency")) var currency: String
        @Argument(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @Argument(help: ArgumentHelp("Units of the currency per 1 EUR, up to six decimals, e.g. 11.6075.", valueName: "units-per-eur"))
        var rate: String
        @Option(help: "Where the rate comes from (default: InforEuro).") var source: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rate = try database.open().addRate(currency: currency, month: month, rate: rate, source: source)
            Console.output(output.renderer.render(RateCommand.table([rate])))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rates, by currency and month.")
        @Option(help: "Only this currency's.") var currency: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Console.output(output.renderer.render(RateCommand.table(try database.open(.readOnly).rates(currency: currency))))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a currency's rate for a month; expenses converted at it keep their figures.")
        @Argument(help: ArgumentHelp("The currency.", valueName: "currency")) var currency: String
        @Argument(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let rate = try database.open().removeRate(currency: currency, month: month)
            Console.message("Removed the \(rate.currency.rawValue) rate for \(rate.month) (\(rate.rate)).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add or correct rates from a CSV file with the columns currency, month, rate (and source), all or nothing.")
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"), completion: .file(extensions: ["csv"])) var file: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let count = try database.open().importRates(path: file)
            Console.message("Read \(count) \(count == 1 ? "rate" : "rates") from \(file).")
        }
    }

    struct Rule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule",
            abstract: "Show or set which month's rate converts an expense.",
            discussion: """
                incurred (the default): the month of the expense's date. recorded: the month the expense is entered \
                in the register. Expenses already recorded keep their rates.
                """)
        @Argument(help: ArgumentHelp(defaultedChoices(RateMonthRule.self) + "; leave out to show the rule.", valueName: "rule"))
        var rule: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            if let rule {
                let set = try database.open().setRateMonthRule(rule)
                Console.message("Expenses are now converted at the rate of the month they are \(set.rawValue).")
            } else {
                Console.output(try database.open(.readOnly).rateMonthRule().rawValue + "\n")
            }
        }
    }

    static func table(_ rates: [ExchangeRate]) -> TableData {
        TableData(
            columns: ["currency", "month", "units_per_eur", "source"],
            rows: rates.map { [Cell($0.currency), .text($0.month), .text($0.rate), .text($0.source)] })
    }
}
