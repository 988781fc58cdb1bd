import ArgumentParser
import Registry

struct PartnershipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership",
        abstract: "A town and a partner working together: add, list, show, edit, remove. Named by id or CITY/PARTNER.",
        subcommands: [
            Add.self, List.self, Show<PartnershipCommand>.self, Edit<PartnershipCommand>.self, BudgetLines.self, Remove<PartnershipCommand>.self,
        ])

    struct BudgetLines: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "budget-lines",
            abstract: "Show, set or remove a partnership's budget lines by cost category, each against its spending.",
            discussion: """
                Lines are optional: where a partnership has them, `registry check` holds the spending in each category \
                (claimed and verified expenses) against its line, and the lines against the partnership's budget.
                """)
        @Argument(help: ArgumentHelp(PartnershipCommand.reference, valueName: "partnership"), completion: .partnerships)
        var partnership: String
        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("A line as CATEGORY=EUR, e.g. travel=20000; repeat for more lines.", valueName: "category=eur"))
        var set: [String] = []
        @Option(
            help: ArgumentHelp("Remove the line of this category; repeat for more.", valueName: "category"), completion: .values(ExpenseCategory.self)
        )
        var remove: [String] = []
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let changing = !set.isEmpty || !remove.isEmpty
            let registry = try database.open(changing ? .readWrite : .readOnly)
            let lines =
                changing
                ? try registry.setBudgetLines(.typed(partnership), set: set, remove: remove) : try registry.budgetLines(.typed(partnership))
            let table = TableData(
                columns: ["category", "budget", "spent", "left", "over"],
                rows: lines.map { line in
                    [
                        Cell(line.category), .money(line.budgetCents), .money(line.spentCents), .money(line.budgetCents - line.spentCents),
                        .text(line.isOverspent ? "yes" : "no"),
                    ]
                })
            Console.output(output.renderer.render(table))
        }
    }

    /// The fields of a partnership shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp(defaultedChoices(PartnershipStatus.self) + "."), completion: .values(PartnershipStatus.self))
        var status: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("The budget committed to it, in euros.", valueName: "eur"))
        var budget: String?
        @Option(help: ArgumentHelp("The date the partnership agreement was signed.", valueName: "date"))
        var signed: String?
        @Option(help: ArgumentHelp("Start date, YYYY-MM-DD.", valueName: "date"))
        var start: String?
        @Option(help: ArgumentHelp("End date, not before the start.", valueName: "date"))
        var end: String?
        @Option(help: ArgumentHelp("Topics, as codes separated by commas.", valueName: "code,..."), completion: .topics)
        var topics: String?
        @Option(help: "Free notes.")
        var notes: String?
        @Option(
            name: .customLong("improved-knowledge"),
            help: ArgumentHelp(
                "Did it improve knowledge and mutual understanding?", valueName: Answer.allCases.map(\.rawValue).joined(separator: "|")),
            completion: .values(Answer.self))
        var improvedKnowledge: String?
        @Option(
            help: ArgumentHelp("Is cooperation likely to continue?", valueName: Answer.allCases.map(\.rawValue).joined(separator: "|")),
            completion: .values(Answer.self))
        var continues: String?
        @Option(
            name: .customLong("lasting-effects"),
            help: ArgumentHelp("Did it have lasting positive effects?", valueName: Answer.allCases.map(\.rawValue).joined(separator: "|")),
            completion: .values(Answer.self))
        var lastingEffects: String?

        func input(city: String?, partner: String?) -> PartnershipInput {
            PartnershipInput(
                city: .typed(city), partner: .typed(partner), status: status, budget: budget, signed: signed, start: start, end: end,
                topics: topicCodes(topics), notes: notes, improvedKnowledge: improvedKnowledge, continues: continues,
                lastingEffects: lastingEffects)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a partnership; prints its id. One per town and partner.")
        @Option(help: "The town (id or name).", completion: .cities) var city: String
        @Option(help: "The partner (id or name).", completion: .partners) var partner: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let registry = try database.open()
            try PartnershipCommand.printAdded(try registry.addPartnership(fields.input(city: city, partner: partner)).id, in: registry, as: output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List partnerships, by town and partner.")
        @Option(help: "Only this town's partnerships.", completion: .cities) var city: String?
        @Option(help: "Only this partner's partnerships.", completion: .partners) var partner: String?
        @Option(help: "Only partnerships with this status.") var status: PartnershipStatus?
        @Option(help: ArgumentHelp("Only partnerships on this topic.", valueName: "code"), completion: .topic) var topic: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let filter = PartnershipFilter(city: city, partner: partner, status: status, topic: topic)
            Console.output(output.renderer.render(PartnershipRows.list(try database.open(.readOnly).partnerships(filter))))
        }
    }
}

extension PartnershipCommand: CascadingNoun {
    /// `edit`: a new town or partner, and the fields `add` takes.
    struct Changes: ParsableArguments {
        @Option(help: "Move it to another town.", completion: .cities) var city: String?
        @Option(help: "Move it to another partner.", completion: .partners) var partner: String?
        @OptionGroup var fields: Fields
    }

    static let kind = RecordKind.partnership
    static let reference = "The partnership's id or CITY/PARTNER."
    static let showReference = "The partnership's id or CITY/PARTNER, e.g. lodz/bergen."
    static let referenceCompletion: CompletionKind? = .partnerships
    static let showAbstract = "Show one partnership with its activities and budget figures."
    static let editAbstract = "Change a partnership: only the options given change; '' clears an optional field."
    static let removeAbstract = "Remove a partnership; refused while it has activities unless --cascade."
    static let cascadeHelp = "Also remove its activities and their expenses."

    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64? {
        try registry.editPartnership(reference, changes.fields.input(city: changes.city, partner: changes.partner)).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        PartnershipRows.record(try registry.partnershipDetails(reference))
    }
}

extension PartnershipStatus: ExpressibleByArgument {}
