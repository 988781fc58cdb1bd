import ArgumentParser
import Foundation
import Registry

/// What the shells complete option values and arguments to (`registry --generate-completion-script`).
///
/// Closed sets come from where they are defined: the library's vocabularies, and the schema's
/// reference tables (voivodeships, counties, themes and topics). Names come from the database the command
/// line names (its `--db`, else the default), read-only and quietly.
extension CompletionKind {
    /// The values of one of the library's vocabularies.
    static func values<V: Vocabulary>(_: V.Type) -> CompletionKind {
        .list(V.allCases.map(\.rawValue))
    }

    static let voivodeships = registry(.voivodeship)
    static let counties = registry(.county)
    static let theme = registry(.theme)
    static let topic = registry(.topic)
    static let cities = registry(.city)
    static let partners = registry(.partner)
    static let partnerships = registry(.partnership)

    /// Topic codes separated by commas: the word's last code completes, after the ones typed.
    static let topics = CompletionKind.custom { words, _, prefix in
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        let last = String(prefix.dropFirst(head.count))
        return Registry.completions(.topic, prefix: last, databaseAt: CompletionWords.database(in: words)).map { head + $0 }
    }

    /// Backups in the folder the line names (its `--dir`, else the default beside its database),
    /// newest first: the one a restore usually wants.
    static let backups = CompletionKind.custom { words, _, prefix in
        guard let folder = CompletionWords.backupFolder(in: words), let contents = try? BackupFolder(path: folder).contents() else { return [] }
        return contents.backups.reversed().map(\.fileName).filter { $0.hasPrefix(prefix) }
    }

    private static func registry(_ set: CompletionSet) -> CompletionKind {
        .custom { words, _, prefix in Registry.completions(set, prefix: prefix, databaseAt: CompletionWords.database(in: words)) }
    }
}

/// The command line a shell hands over while completing.
enum CompletionWords {
    /// The database the command line names: its `--db PATH` or `--db=PATH` (a leading `~/` as
    /// the shell would expand it), else the default. Nil when there is none to find.
    static func database(in words: [String], environment: [String: String] = CommandContext.current.environment) -> String? {
        value(of: "--db", in: words, environment: environment) ?? (try? Registry.defaultPath(environment: environment))
    }

    /// The backup folder the command line names: its `--dir`, else the default for its database.
    static func backupFolder(in words: [String], environment: [String: String] = CommandContext.current.environment) -> String? {
        if let given = value(of: "--dir", in: words, environment: environment) { return given }
        return database(in: words, environment: environment).map { BackupFolder.defaultPath(forDatabase: $0, environment: environment) }
    }

    /// The last value given to `option` (`--db PATH` or `--db=PATH`), with a leading `~/` as the
    /// shell would expand it.
    private static func value(of option: String, in words: [String], environment: [String: String]) -> String? {
        var given: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count {
                given = words[index + 1]
            } else if word.hasPrefix(option + "=") {
                given = String(word.dropFirst(option.count + 1))
            }
        }
        guard let given, !given.isEmpty else { return nil }
        if given.hasPrefix("~/"), let home = environment["HOME"] { return home + given.dropFirst() }
        return given
    }
}

/// A closed set as help lists it, from the library's own enum: `a, b or c`.
func choices<V: Vocabulary>(_: V.Type) -> String {
    listed(V.allCases.map(\.rawValue))
}

/// The same, the value a new record takes marked: `a (default), b or c`.
func defaultedChoices<V: DefaultedVocabulary>(_: V.Type) -> String {
    listed(V.allCases.map { $0 == V.initial ? $0.rawValue + " (default)" : $0.rawValue })
}

/// `a, b or c`.
func listed(_ values: [String]) -> String {
    values.count < 2 ? values.joined() : values.dropLast().joined(separator: ", ") + " or " + values[values.count - 1]
}

/// The completion scripts argument-parser writes, changed so that the registry's own completions
/// (names, voivodeships, counties) are offered as the registry matched them: ignoring case and
/// Polish and Norwegian letters (`sl` completes to `śląskie`, `ost` to `Østfold`). Bash and zsh
/// would otherwise keep only the values that start with the typed letters as they are.
enum CompletionScripts {
    static func folding(_ message: String, arguments: [String]) -> String {
        guard let first = arguments.first, first.hasPrefix("--generate-completion-script") else { return message }
        let shell = first.contains("=") ? String(first.split(separator: "=", maxSplits: 1)[1]) : arguments.dropFirst().first ?? ""
        switch shell {
        case "bash":
            // compgen -W filters by the typed prefix; the registry's answers are taken as they come.
            return message.replacingOccurrences(
                of: "__registry_add_completions -W \"$(__registry_custom_complete", with: "__registry_add_folded \"$(__registry_custom_complete"
            ).replacingOccurrences(
                of: "__registry_custom_complete() {",
                with: """
                    __registry_add_folded() {
                        local completion
                        while IFS='' read -r completion; do
                            [[ -n "${completion}" ]] && COMPREPLY+=("${completion}")
                        done <<< "${1}"
                    }

                    __registry_custom_complete() {
                    """)
        case "zsh":
            // _describe matches by prefix; compadd -U keeps every answer.
            return message.replacingOccurrences(
                of: "        __registry_complete \"${completions[@]:0:-1}\"", with: "        compadd -U -- \"${completions[@]:0:-1}\"")
        default:
            return message
        }
    }
}
