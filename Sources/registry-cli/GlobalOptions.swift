import ArgumentParser
import Foundation
import Registry

/// `--db`, `--as` and `--quiet`, taken by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The database file. Default: $REGISTRY_DB, else $XDG_DATA_HOME/ks-registry/registry.sqlite (~/.local/share/... without XDG_DATA_HOME). Created and migrated on first use.",
            valueName: "path"), completion: .file())
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who makes the change, for the audit trail (default: $USER).", valueName: "name"))
    var actor: String?

    @OptionGroup var quiet: QuietOption

    var path: String { get throws { try db ?? Registry.defaultPath(environment: CommandContext.current.environment) } }

    /// Opens (creating and migrating) the registry these options name; read commands pass
    /// `.readOnly` so they never write to the file.
    func open(_ access: Registry.Access = .readWrite) throws -> Registry {
        try open(path, access)
    }

    private func open(_ path: String, _ access: Registry.Access) throws -> Registry {
        if let warning = NetworkFileSystems.warning(for: path) { Console.message(warning) }
        return try Registry.open(path: path, actor: actor ?? Registry.defaultActor(environment: CommandContext.current.environment), access: access)
    }

    /// Opens the registry read-only, refusing to create one: for commands (backups) that make
    /// no sense on an empty new database.
    func openExisting() throws -> Registry {
        let path = try path
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegistryError.refused("There is no database at \(path). Give --db the register's file.")
        }
        return try open(path, .readOnly)
    }
}

/// Topic codes typed as `CODE,CODE,...`.
func topicCodes(_ text: String?) -> [String]? {
    text.map([String].init(typedList:))
}

/// `--quiet`: for cron jobs and scripts that want to hear only of failures.
struct QuietOption: ParsableArguments {
    @Flag(
        name: [.customShort("q"), .long],
        help: "Print only errors and the data asked for: no progress, warnings, notes or summaries.")
    var quiet = false

    /// Parsing is where the choice is known; every message after it obeys.
    func validate() throws {
        if quiet { Console.quiet = true }
    }
}

/// The first required field `input` lacks (the library's rule), as a usage error: the option
/// is missing from the command line.
func refuseMissingOptions(_ input: some RecordInput) throws {
    guard let missing = input.missingFields.first else { return }
    throw ValidationError("Missing expected argument '--\(missing.field)'.")
}
