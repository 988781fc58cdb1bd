import ArgumentParser
import Registry

struct PartnershipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership",
        abstract: "A town and a partner working together: add, list, show, edit, remove. Named by id or CITY/PARTNER.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self])

    /// The fields of a partnership shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "proposed (default), contacted, agreed, active, completed, declined or cancelled.", completion: .values(PartnershipStatus.self))
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
            help: ArgumentHelp("Did it improve knowledge and mutual understanding?", valueName: "yes|no|not_yet"), completion: .values(Answer.self))
        var improvedKnowledge: String?
        @Option(help: ArgumentHelp("Is cooperation likely to continue?", valueName: "yes|no|not_yet"), completion: .values(Answer.self))
        var continues: String?
        @Option(
            name: .customLong("lasting-effects"), help: ArgumentHelp("Did it have lasting positive effects?", valueName: "yes|no|not_yet"),
            completion: .values(Answer.self))
        var lastingEffects: String?

        func input(city: String?, partner: String?) -> PartnershipInput {
            PartnershipInput(
                city: city, partner: partner, status: status, budget: budget, signed: signed, start: start, end: end,
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
            let partnership = try registry.addPartnership(fields.input(city: city, partner: partner))
            let details = try registry.partnershipDetails(String(partnership.id!))
            Console.output(output.renderer.renderAdded(id: partnership.id!, record: PartnershipRows.record(details)))
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

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one partnership with its activities and budget figures.")
        @Argument(help: "The partnership's id or CITY/PARTNER, e.g. lodz/bergen.", completion: .partnerships) var partnership: String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Console.output(output.renderer.render(PartnershipRows.record(try database.open(.readOnly).partnershipDetails(partnership))))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a partnership: only the options given change; '' clears an optional field.")
        @Argument(help: "The partnership's id or CITY/PARTNER.", completion: .partnerships) var partnership: String
        @Option(help: "Move it to another town.", completion: .cities) var city: String?
        @Option(help: "Move it to another partner.", completion: .partners) var partner: String?
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let registry = try database.open()
            let edited = try registry.editPartnership(partnership, fields.input(city: city, partner: partner))
            Console.output(output.renderer.render(PartnershipRows.record(try registry.partnershipDetails(String(edited.id!)))))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a partnership; refused while it has activities unless --cascade.")
        @Argument(help: "The partnership's id or CITY/PARTNER.", completion: .partnerships) var partnership: String
        @Flag(help: "Also remove its activities and their expenses.") var cascade = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            Console.report(try database.open().remove(.partnership, partnership, cascade: cascade))
        }
    }
}

extension PartnershipStatus: ExpressibleByArgument {}
