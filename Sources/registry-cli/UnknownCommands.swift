import ArgumentParser

/// A mistyped subcommand (`registry cty list`) would otherwise be reported by argument-parser as
/// an unknown option further along the line (`Unknown option '--db'`). Before parsing, the words
/// that choose subcommands are checked against the command tree, and a word that names none is
/// refused with the nearest name.
enum UnknownCommands {
    static func refuse(in arguments: [String]) throws {
        var command: ParsableCommand.Type = RegistryCommand.self
        var path = ["registry"]
        for argument in arguments.prefix(while: { $0 != "--" }) {
            let configuration = command.configuration
            guard !configuration.subcommands.isEmpty, configuration.defaultSubcommand == nil else { return }
            // An option before the subcommand (`--generate-completion-script bash`, the shells'
            // `---completion ...`) may take the next word as its value: the parser decides then.
            if argument.hasPrefix("-") { return }
            if argument == "help" { return }  // argument-parser's own: `registry help city`
            let known = configuration.subcommands.map { name(of: $0) }
            guard let index = configuration.subcommands.firstIndex(where: { names(of: $0).contains(argument) }) else {
                throw ValidationError(message(argument, path: path, names: known))
            }
            command = configuration.subcommands[index]
            path.append(argument)
        }
    }

    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? command._commandName
    }

    private static func names(of command: ParsableCommand.Type) -> [String] {
        [name(of: command)] + command.configuration.aliases
    }

    private static func message(_ argument: String, path: [String], names: [String]) -> String {
        var best: (name: String, distance: Int)?
        for name in names {
            let edits = distance(argument.lowercased(), name)
            if best == nil || edits < best!.distance { best = (name, edits) }
        }
        var hint = "."
        if let best, best.distance <= max(2, argument.count / 3) { hint = "; did you mean '\(best.name)'?" }
        return "'\(argument)' is not a command of \(path.joined(separator: " "))\(hint) Its commands: \(names.joined(separator: ", "))."
    }

    /// The edits (insertions, deletions, substitutions, swaps of neighbours) between two words.
    static func distance(_ one: String, _ other: String) -> Int {
        let a = Array(one), b = Array(other)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
