import ArgumentParser
import Registry

struct CityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Polish towns: add, list, show, edit, remove.",
        subcommands: [AddNamed<CityCommand>.self, List.self, Show<CityCommand>.self, Edit<CityCommand>.self, Remove<CityCommand>.self])

    /// The fields of a city shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "One of the 16 voivodeships, with or without Polish letters (slaskie = śląskie).", completion: .voivodeships)
        var voivodeship: String?
        @Option(help: "Number of inhabitants.")
        var population: String?
        @Option(help: ArgumentHelp(defaultedChoices(CityStatus.self) + "."), completion: .values(CityStatus.self))
        var status: String?
        @Option(
            name: .customLong("partner-budget"), parsing: .unconditional,
            help: ArgumentHelp("The partner budget the town set aside, in euros (150000 or 150000.50).", valueName: "eur"))
        var partnerBudget: String?
        @Option(name: .customLong("project-code"), help: ArgumentHelp("Programme project code, e.g. PL-LOCALDEV-0025.", valueName: "code"))
        var projectCode: String?
        @Option(name: .customLong("project-grant"), parsing: .unconditional, help: ArgumentHelp("The project's grant, in euros.", valueName: "eur"))
        var projectGrant: String?
        @Option(
            help: ArgumentHelp("Topics the town wants help with, as codes separated by commas (see `registry theme list`).", valueName: "code,..."),
            completion: .topics)
        var topics: String?
        @Option(help: "What the town expects of a partner: the profile it wants.")
        var expectations: String?
        @Option(help: "Web address, starting with https:// or http://.")
        var website: String?
        @Option(help: "TERYT municipality code, 7 digits.")
        var teryt: String?
        @Option(help: "Free notes.")
        var notes: String?

        func input(name: String?) -> CityInput {
            CityInput(
                name: name, voivodeship: voivodeship, population: population, status: status, partnerBudget: partnerBudget,
                projectCode: projectCode, projectGrant: projectGrant, topics: topicCodes(topics), expectations: expectations,
                website: website, teryt: teryt, notes: notes)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List towns, by name.")
        @Option(help: "Only towns with this status.") var status: CityStatus?
        @Option(help: "Only towns in this voivodeship.", completion: .voivodeships) var voivodeship: String?
        @Option(help: ArgumentHelp("Only towns that want help with this topic.", valueName: "code"), completion: .topic) var topic: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let cities = try database.open(.readOnly).cities(CityFilter(status: status, voivodeship: voivodeship, topic: topic))
            Console.output(output.renderer.render(CityRows.list(cities)))
        }
    }
}

extension CityCommand: NamedNoun {
    typealias Changes = Renaming<Fields>

    static let kind = RecordKind.city
    static let word = "town"
    static let letters = "Polish"
    static let nameHelp = "The town's name, with its Polish letters."
    static let referenceCompletion: CompletionKind? = .cities

    static func input(_ fields: Fields, name: String?) -> CityInput { fields.input(name: name) }

    static func add(_ input: CityInput, in registry: Registry) throws -> Int64? { try registry.addCity(input).id }

    static func change(_ reference: RecordReference, _ input: CityInput, in registry: Registry) throws -> Int64? {
        try registry.editCity(reference, input).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        CityRows.record(try registry.cityDetails(reference))
    }
}

extension CityStatus: ExpressibleByArgument {}
