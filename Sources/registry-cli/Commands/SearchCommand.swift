import ArgumentParser
import Registry

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find towns, partners, contacts, partnerships and activities by any words in them.",
        discussion: """
            Searches names and titles, a town's expectations, a partner's expertise, a contact's role, \
            voivodeships, counties, locations and notes. Every word must match, as the start of a word \
            (bielsk finds Bielsko-Biała), ignoring case and Polish and Norwegian letters (lodz finds Łódź, \
            tromso Tromsø, baerum Bærum). Best matches first; a match in a name counts most. \
            Punctuation and quotes are not search syntax: they separate words. When more records match than \
            --limit shows, stderr says how many more.
            """)

    @Argument(help: ArgumentHelp("The words to look for.", valueName: "text")) var text: [String]
    @Option(name: .customLong("in"), help: "Only this kind of record: city, partner, contact, partnership or activity.")
    var kind: SearchKind?
    @Option(help: "Show at most N records.") var limit = 20
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit '\(limit)': give a number of records, 1 or more.") }
    }

    func run() throws {
        let registry = try database.open(.readOnly)
        let words = text.joined(separator: " ")
        let hits = try registry.search(words, in: kind, limit: limit)
        let rows = hits.map { [Cell.text($0.kind.rawValue), .integer($0.id), .text($0.name), .text($0.detail)] }
        Console.output(output.renderer.render(TableData(columns: ["kind", "id", "name", "detail"], rows: rows)))
        // Only a full page can hide more; the count goes to stderr, so scripts read the rows alone.
        if hits.count == limit {
            let more = try registry.searchTotal(words, in: kind) - hits.count
            if more > 0 { Console.message("\(more) more \(more == 1 ? "record matches" : "records match"); --limit \(limit + more) shows them all.") }
        }
    }
}

extension SearchKind: ExpressibleByArgument {}
