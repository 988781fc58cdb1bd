import ArgumentParser
import Foundation
import Registry

/// `--db` and `--as`, taken by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The database file. Default: $REGISTRY_DB, else $XDG_DATA_HOME/ks-registry/registry.sqlite (~/.local/share/... without XDG_DATA_HOME). Created and migrated on first use.",
            valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who makes the change, for the audit trail (default: $USER).", valueName: "name"))
    var actor: String?

    var path: String { get throws { try db ?? Registry.defaultPath() } }

    /// Opens (creating and migrating) the registry these options name; read commands pass
    /// `.readOnly` so they never write to the file.
    func open(_ access: Registry.Access = .readWrite) throws -> Registry {
        let path = try path
        if let warning = NetworkFileSystems.warning(for: path) { Console.message(warning) }
        return try Registry.open(path: path, actor: actor ?? Registry.defaultActor(), access: access)
    }

    /// Opens the registry read-only, refusing to create one: for commands (backups) that make
    /// no sense on an empty new database.
    func openExisting() throws -> Registry {
        let path = try path
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegistryError.refused("There is no database at \(path). Give --db the register's file.")
        }
        return try open(.readOnly)
    }
}

/// Where the command's words go: data on stdout, messages on stderr.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func message(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// What a removal took away, as a message.
    /// What a removal took away: every record when there are a few, else the record asked
    /// for and the count of each kind that went with it.
    static func report(_ removal: Removal) {
        guard removal.removed.count > 20, let asked = removal.removed.last else {
            message("Removed " + removal.removed.joined(separator: "; ") + ".")
            return
        }
        var counts: [(kind: String, count: Int)] = []
        for record in removal.removed.dropLast() {
            let kind = String(record.prefix { $0 != " " })
            if let index = counts.firstIndex(where: { $0.kind == kind }) { counts[index].count += 1 } else { counts.append((kind, 1)) }
        }
        message("Removed \(asked) with " + counts.map { "\($0.count) \($0.kind)" }.joined(separator: ", ") + ".")
    }
}

/// Topic codes typed as `CODE,CODE,...`.
func topicCodes(_ text: String?) -> [String]? {
    text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
}
