import Foundation
import Registry

/// Where the command's words go: data on stdout, messages on stderr (of the
/// `CommandContext`).
enum Console {
    /// Whether `--quiet` was given: messages and summaries are dropped, errors and data kept.
    static var quiet: Bool {
        get { CommandContext.current.quiet }
        set { CommandContext.current.quiet = newValue }
    }

    /// Data the command was asked for.
    static func output(_ text: String) {
        CommandContext.current.standardOutput.write(Data(text.utf8))
    }

    /// What a command did, on stdout where scripts have always read it (import's counts).
    static func summary(_ text: String) {
        if !quiet { output(text) }
    }

    /// Notes and warnings.
    static func message(_ text: String) {
        if !quiet { error(text) }
    }

    /// Why a command failed: always shown.
    static func error(_ text: String) {
        CommandContext.current.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// What a removal took away: every record when there are a few, else the record asked
    /// for and the count of each kind that went with it.
    static func report(_ removal: Removal) {
        guard removal.removed.count > 20, let asked = removal.removed.last else {
            message("Removed " + removal.removed.map(\.description).joined(separator: "; ") + ".")
            return
        }
        var counts: [(kind: RecordKind, count: Int)] = []
        for record in removal.removed.dropLast() {
            if let index = counts.firstIndex(where: { $0.kind == record.kind }) { counts[index].count += 1 } else { counts.append((record.kind, 1)) }
        }
        message("Removed \(asked) with " + counts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ") + ".")
    }
}
