import ArgumentParser
import Registry

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "The programme's themes and their topics.",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the themes with their topics; the topic codes are what --topics and --topic take.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let themes = try database.open(.readOnly).themes()
            let rows: [[Cell]] = themes.flatMap { entry in
                entry.topics.map { topic in
                    [
                        .text(entry.theme.code), .text(entry.theme.nameEn), .text(entry.theme.nameNb), .text(topic.code),
                        .text(topic.nameEn), .text(topic.nameNb),
                    ]
                }
            }
            let table = TableData(columns: ["theme", "theme_en", "theme_nb", "topic", "topic_en", "topic_nb"], rows: rows)
            Console.output(output.renderer.render(table))
        }
    }
}
