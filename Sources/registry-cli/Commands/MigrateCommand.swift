import ArgumentParser
import Registry

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to date (every command also does this on opening).",
        discussion: "A database migrated by a newer build of registry is refused, never changed.")

    @Flag(help: "List the migrations this build knows and whether each is applied.") var list = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let path = try database.path
        if list {
            let migrations = try Registry.migrations(path: path)
            let rows = migrations.map { [Cell.text($0.identifier), .text($0.applied ? "applied" : "pending")] }
            Console.output(output.renderer.render(TableData(columns: ["migration", "state"], rows: rows)))
        } else {
            _ = try database.open()
            let migrations = try Registry.migrations(path: path)
            Console.message("\(path) is up to date: \(migrations.count) migrations applied.")
        }
    }
}
