import ArgumentParser
import Registry

struct CityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "city",
        abstract: "Polish towns: add, list, show, edit, remove.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self])

    /// The fields of a city shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: "One of the 16 voivodeships, with or without Polish letters (slaskie = śląskie).", completion: .voivodeships)
        var voivodeship: String?
        @Option(help: "Number of inhabitants.")
        var population: String?
        @Option(help: "applicant, selected, not_selected or withdrawn (default: applicant).", completion: .values(CityStatus.self))
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a town; prints its id.")
        @Argument(help: "The town's name, with its Polish letters.") var name: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if fields.voivodeship == nil { throw ValidationError("Missing expected argument '--voivodeship <voivodeship>'.") }
        }

        func run() throws {
            let registry = try database.open()
            let city = try registry.addCity(fields.input(name: name))
            Console.output(output.renderer.renderAdded(id: city.id!, record: CityRows.record(try registry.cityDetails(String(city.id!)))))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List towns, by name.")
        @Option(help: "Only towns with this status: applicant, selected, not_selected, withdrawn.") var status: CityStatus?
        @Option(help: "Only towns in this voivodeship.", completion: .voivodeships) var voivodeship: String?
        @Option(help: ArgumentHelp("Only towns that want help with this topic.", valueName: "code"), completion: .topic) var topic: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let cities = try database.open(.readOnly).cities(CityFilter(status: status, voivodeship: voivodeship, topic: topic))
            Console.output(output.renderer.render(CityRows.list(cities)))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one town with its topics, budget figures, contacts and partnerships.")
        @Argument(help: "The town's id or name (case and Polish letters ignored; a unique beginning is enough).", completion: .cities) var city:
            String
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            Console.output(output.renderer.render(CityRows.record(try database.open(.readOnly).cityDetails(city))))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a town: only the options given change; an empty value (--notes '') clears an optional field.")
        @Argument(help: "The town's id or name.", completion: .cities) var city: String
        @Option(help: "A new name.") var name: String?
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let registry = try database.open()
            let city = try registry.editCity(city, fields.input(name: name))
            Console.output(output.renderer.render(CityRows.record(try registry.cityDetails(String(city.id!)))))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a town; refused while it has contacts or partnerships unless --cascade.")
        @Argument(help: "The town's id or name.", completion: .cities) var city: String
        @Flag(help: "Also remove its contacts and partnerships, with their activities and expenses.") var cascade = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            Console.report(try database.open().remove(.city, city, cascade: cascade))
        }
    }
}

extension CityStatus: ExpressibleByArgument {}
