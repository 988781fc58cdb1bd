import ArgumentParser
import Foundation
import Registry

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run your own SQL against the register; it can read but never write.",
        discussion: """
            One statement: SELECT (WITH and VALUES too) over the register's tables and report views, and pragmas \
            that only report (table_info, index_list, ...). Anything that would change the database or write a \
            file is refused with exit code 1 and changes nothing: INSERT, UPDATE, DELETE, CREATE (temporary tables \
            too), DROP, ATTACH, DETACH, VACUUM (and VACUUM INTO), transactions, pragmas that set something, and \
            extension loading. Parameters are named in the query (:city) and given with --param city=Łódź; a whole \
            number is bound as a number. A query running past --timeout (stepping, converting and writing its rows) is \
            interrupted, and a value larger than 16 MiB is refused. Columns of the same name are told apart in every \
            format: `SELECT 1 AS a, 2 AS a` gives the keys a and a_2.
            """)

    @Argument(help: ArgumentHelp("The SQL statement.", valueName: "sql")) var sql: String
    @OptionGroup var query: QueryOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try query.run(sql, database: database, output: output)
    }
}

/// `--param` and `--timeout`, and running the query: shared by `sql` and `query run`.
struct QueryOptions: ParsableArguments {
    @Option(
        name: .customLong("param"), parsing: .singleValue,
        help: ArgumentHelp("A named parameter of the query, NAME=VALUE (repeatable).", valueName: "name=value"))
    var parameters: [String] = []
    @Option(help: ArgumentHelp("Seconds the query may run (default \(Int(Registry.defaultQueryTimeout))).", valueName: "seconds"))
    var timeout: Double = Registry.defaultQueryTimeout

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a number of seconds above 0.") }
        _ = try values()
    }

    /// The `NAME=VALUE` options as a dictionary; a name given twice is refused.
    func values() throws -> [String: String] {
        var values: [String: String] = [:]
        for option in parameters {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("--param takes NAME=VALUE, e.g. --param city=Łódź; got '\(option)'.")
            }
            var name = String(option[..<equals])
            if let first = name.first, ":@$".contains(first) { name.removeFirst() }
            guard values.updateValue(String(option[option.index(after: equals)...]), forKey: name) == nil else {
                throw ValidationError("--param \(name) is given twice.")
            }
        }
        return values
    }

    /// Runs `sql` read-only and prints its rows in the chosen format.
    func run(_ sql: String, database: DatabaseOptions, output: OutputOptions) throws {
        let registry = try database.open(.readOnly)
        let parameters = try values()
        // The columns are the user's own: kept as they are written, in every format.
        var renderer = output.renderer
        renderer.inWords = false
        try renderer.output { columns, row in
            try registry.query(sql, parameters: parameters, timeout: timeout, columns: columns, row: row)
        }
    }
}
