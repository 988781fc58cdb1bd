import ArgumentParser
import Foundation
import Registry

@main
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract:
            "The KS partnership registry: Polish towns, Norwegian partners and their cooperation in the EEA Grants \"Local Development\" programme.",
        discussion: """
            Exit codes: 0 success; 1 the command failed (not found, conflict, refused, database error); \
            64 the command line is wrong; 65 input data is invalid. A failed command changes nothing.
            Data goes to stdout, messages to stderr. When stderr is a terminal, import, export, backup and demo \
            show their progress there (amount done, rate, time left); -q/--quiet keeps only errors and data.
            Shell completion: `registry --generate-completion-script bash|zsh|fish` (make install installs it).
            """,
        version: RegistryVersion.description,
        subcommands: [
            CityCommand.self, PartnerCommand.self, ContactCommand.self, PartnershipCommand.self, ActivityCommand.self,
            ExpenseCommand.self, ThemeCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, SQLCommand.self, QueryCommand.self,
            SearchCommand.self, MatchCommand.self, BackupCommand.self, LogCommand.self, CheckCommand.self,
            MigrateCommand.self,
            DemoCommand.self,
        ]
    )

    /// Runs the command; invalid input data exits with 65 after listing every problem.
    static func main() {
        ProcessSignals.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RegistryError where error.isInvalidInput {
            Console.error("Error: " + error.description.replacingOccurrences(of: "\n", with: "\nError: "))
            exit(withError: ExitCode(65))
        } catch {
            exit(withError: error)
        }
    }
}

/// The tool's version and the SQLite it runs on.
enum RegistryVersion {
    static var number: String { Registry.version }
    static var description: String { "registry \(number) (SQLite \(Registry.sqliteVersion))" }
}
