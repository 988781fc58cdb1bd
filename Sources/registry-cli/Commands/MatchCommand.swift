import ArgumentParser
import Registry

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank Norwegian partners for a town, with the reasons.",
        discussion: """
            score = 3 for each topic the town wants that the partner offers (topics) \
            + 1 for each of the partner's other topics in a theme the town wants (related) \
            + 1 for each word of the town's expectations in the partner's expertise (words; words found in more \
            than a quarter of all partners, short words and common words do not count) \
            - 2 for each active partnership the partner has (active). \
            Partners already partnered with the town are left out unless --all (then 'partnership' shows the status). \
            Only partners with something in common are listed; ties go to more topics, then to the older record.
            """)

    @Argument(help: ArgumentHelp("The town: its id, or its name (lodz finds Łódź).", valueName: "city"), completion: .cities) var city: String
    @Option(help: "Show at most N partners.") var limit = 10
    @Flag(help: "Include partners the town already has a partnership with.") var all = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit '\(limit)': give a number of partners, 1 or more.") }
    }

    func run() throws {
        let registry = try database.open(.readOnly)
        let candidates = try registry.match(city: city, limit: limit, includePartnered: all)
        if candidates.isEmpty {
            // Nothing to match on is the usual reason for an empty list: say what to add.
            let town = try registry.city(.typed(city))
            if town.topicCodes.isEmpty {
                Console.message(
                    "\(town.city.name) has no topics\(town.city.expectations == nil ? " and no expectations" : ""), so no partner can match; "
                        + "give the topics it wants help with: registry city edit \(town.city.id!) --topics CODE,... "
                        + "(`registry theme list` shows the codes)\(town.city.expectations == nil ? ", and --expectations in words" : "").")
            }
        }
        let rows = candidates.map { partner -> [Cell] in
            [
                .integer(partner.partnerId), .text(partner.name), partner.county.map(Cell.text) ?? .null, .integer(Int64(partner.score)),
                .list(partner.topics), .list(partner.relatedTopics), .list(partner.words), .integer(Int64(partner.activePartnerships)),
                partner.partnership.map(Cell.text) ?? .null,
            ]
        }
        let columns = ["id", "partner", "county", "score", "topics", "related", "words", "active", "partnership"]
        Console.output(output.renderer.render(TableData(columns: columns, rows: rows)))
    }
}
