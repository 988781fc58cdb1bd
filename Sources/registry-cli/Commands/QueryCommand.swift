import ArgumentParser
import Foundation
import Registry

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Save your own SQL under a name and run it again later.",
        discussion: """
            Saved queries live in the database, so everyone using it shares them. They follow the rules of \
            `registry sql`: checked when saved and when run, read-only, one statement, named parameters (:city) \
            given with --param when run.
            """,
        subcommands: [Save.self, Run.self, List.self, Remove.self])

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "save", abstract: "Check and save a query under a name.")

        @Argument(help: "The query's name: letters a-z, digits, '_' and '-'.") var name: String
        @Argument(help: ArgumentHelp("The SQL statement.", valueName: "sql")) var sql: String
        @Option(help: "What the query answers, shown by `query list`.") var description: String?
        @Flag(help: "Overwrite a saved query of the same name.") var replace = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let query = try database.open().saveQuery(name, sql: sql, description: description, replace: replace)
            Console.message("Saved query '\(query.name)'.")
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a saved query.")

        @Argument(help: "The saved query's name.") var name: String
        @OptionGroup var query: QueryOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try query.run(try database.open(.readOnly).savedQuery(name).sql, database: database, output: output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The saved queries.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rows = try database.open(.readOnly).savedQueries().map { query in
                [Cell.text(query.name), query.description.map(Cell.text) ?? .null, .text(query.sql), .text(query.savedBy), .text(query.savedAt)]
            }
            Console.output(output.renderer.render(TableData(columns: ["name", "description", "sql", "saved_by", "saved_at"], rows: rows)))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved query.")

        @Argument(help: "The saved query's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().removeQuery(name)
            Console.message("Removed query '\(name)'.")
        }
    }
}
