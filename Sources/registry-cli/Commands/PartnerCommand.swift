import ArgumentParser
import Registry

struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Partner organisations in Norway, Iceland and Liechtenstein: add, list, show, edit, remove.",
        subcommands: [AddNamed<PartnerCommand>.self, List.self, Show<PartnerCommand>.self, Edit<PartnerCommand>.self, Remove<PartnerCommand>.self])

    /// The fields of a partner shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp(choices(PartnerKind.self) + "."), completion: .values(PartnerKind.self))
        var kind: String?
        @Option(help: ArgumentHelp(defaultedChoices(Country.self) + "."), completion: .values(Country.self))
        var country: String?
        @Option(
            name: .customLong("org-number"),
            help: ArgumentHelp("Organisation number; Norwegian ones are 9 digits with a modulus-11 check digit.", valueName: "number"))
        var orgNumber: String?
        @Option(
            help: ArgumentHelp(
                "One of Norway's 15 counties (fylker) of 2024, with or without Norwegian letters (ostfold = Østfold).", valueName: "fylke"),
            completion: .counties)
        var county: String?
        @Option(
            help: ArgumentHelp("Topics the partner can offer, as codes separated by commas (see `registry theme list`).", valueName: "code,..."),
            completion: .topics)
        var topics: String?
        @Option(help: "What the partner knows and can offer.")
        var expertise: String?
        @Option(help: "Web address, starting with https:// or http://.")
        var website: String?
        @Option(help: "Free notes.")
        var notes: String?

        func input(name: String?) -> PartnerInput {
            PartnerInput(
                name: name, kind: kind, country: country, orgNumber: orgNumber, county: county, topics: topicCodes(topics),
                expertise: expertise, website: website, notes: notes)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List partners, by name.")
        @Option(help: "Only partners of this kind.") var kind: PartnerKind?
        @Option(help: "Only partners in this country.") var country: Country?
        @Option(help: ArgumentHelp("Only partners in this Norwegian county.", valueName: "fylke"), completion: .counties) var county: String?
        @Option(help: ArgumentHelp("Only partners that offer this topic.", valueName: "code"), completion: .topic) var topic: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let partners = try database.open(.readOnly).partners(PartnerFilter(kind: kind, country: country, county: county, topic: topic))
            Console.output(output.renderer.render(PartnerRows.list(partners)))
        }
    }
}

extension PartnerCommand: NamedNoun {
    typealias Changes = Renaming<Fields>

    static let kind = RecordKind.partner
    static let word = "partner"
    static let letters = "Norwegian"
    static let nameHelp = "The partner's name, e.g. 'Bergen kommune'."
    static let referenceCompletion: CompletionKind? = .partners

    static func input(_ fields: Fields, name: String?) -> PartnerInput { fields.input(name: name) }

    static func add(_ input: PartnerInput, in registry: Registry) throws -> Int64? { try registry.addPartner(input).id }

    static func change(_ reference: RecordReference, _ input: PartnerInput, in registry: Registry) throws -> Int64? {
        try registry.editPartner(reference, input).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        PartnerRows.record(try registry.partnerDetails(reference))
    }
}

extension PartnerKind: ExpressibleByArgument {}
extension Country: ExpressibleByArgument {}
