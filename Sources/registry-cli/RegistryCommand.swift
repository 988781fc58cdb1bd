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
            ExpenseCommand.self, RateCommand.self, ThemeCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, SQLCommand.self,
            QueryCommand.self,
            SearchCommand.self, MatchCommand.self, BackupCommand.self, LogCommand.self, CheckCommand.self,
            MigrateCommand.self,
            DemoCommand.self,
        ]
    )

    static func main() {
        ProcessSignals.prepare()
        Foundation.exit(execute(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs one command line and returns its exit status, having said why it failed on stderr
    /// (help and version on stdout); invalid input data is 65 after listing every problem.
    static func execute(_ arguments: [String]) -> Int32 {
        do {
            try ShortFlagClusters.refuse(in: arguments)
            try UnknownCommands.refuse(in: arguments)
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitCode.success.rawValue
        } catch let error as RegistryError where error.isInvalidInput {
            Console.error("Error: " + error.description.replacingOccurrences(of: "\n", with: "\nError: "))
            return 65
        } catch {
            // What argument-parser's exit(withError:) prints, through the command's context.
            let code = exitCode(for: error)
            let message = CompletionScripts.folding(fullMessage(for: error), arguments: arguments)
            if !message.isEmpty {
                if code == .success { Console.output(message + "\n") } else { Console.error(message) }
            }
            return code.rawValue
        }
    }
}

/// The tool's version and the SQLite it runs on.
enum RegistryVersion {
    static var number: String { Registry.version }
    static var description: String { "registry \(number) (SQLite \(Registry.sqliteVersion))" }
}

/// A value typed where an option may stand, like the town name `-dash`, would be read by
/// argument-parser as the short flags `-d -a -s -h`, and its `-h` would print help and exit 0:
/// a script would see success for a town never added. The registry's short flags are `-q` and
/// `-h`; any other cluster of letters after one dash is refused as a usage error.
enum ShortFlagClusters {
    static let shortFlags: Set<Character> = ["q", "h"]

    static func refuse(in arguments: [String]) throws {
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.count > 2 && argument.hasPrefix("-") && !argument.hasPrefix("--") {
            let letters = argument.dropFirst()
            guard letters.contains(where: \.isLetter), !letters.allSatisfy({ shortFlags.contains($0) }) else { continue }
            throw ValidationError(
                "'\(argument)' is not an option of registry (its short options are -q and -h). A value that begins with a dash goes "
                    + "after `--`, as the last argument: `registry city add --voivodeship opolskie -- \(argument)`; an option's value "
                    + "can also be given as --notes=\(argument).")
        }
    }
}
