import ArgumentParser
import Registry

/// A kind of record on the command line. Its `show`, `edit` and `remove` are the generic
/// commands below, speaking this noun's words and calling its library functions; `add` and
/// `list` stay the noun's own, because their options are.
protocol RecordNoun {
    /// `edit`'s options: the fields `add` takes, and how a record moves (a new name, town, ...).
    associatedtype Changes: ParsableArguments
    /// `remove`'s options: `--cascade` for records others depend on, else none.
    associatedtype Removing: RemovalOptions = NoDependents

    static var kind: RecordKind { get }
    /// The argument naming one record, for help: "The town's id or name."
    static var reference: String { get }
    /// The same for `show`, where it may say more.
    static var showReference: String { get }
    static var referenceCompletion: CompletionKind? { get }
    static var showAbstract: String { get }
    static var editAbstract: String { get }
    static var removeAbstract: String { get }

    /// Applies `changes` to the record `reference` names and gives its id (a stored record's,
    /// never nil).
    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64?
    /// The record as `show`, `add` and `edit` print it.
    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView
}

extension RecordNoun {
    static var showReference: String { reference }
    static var referenceCompletion: CompletionKind? { nil }
}

/// A town or a partner: known by name as well as by id, with contacts and partnerships that
/// depend on it. Their `add` and help say the same things in each one's words.
protocol NamedNoun: CascadingNoun where Changes == Renaming<Fields> {
    /// The options `add` and `edit` share.
    associatedtype Fields: ParsableArguments
    associatedtype Input: RecordInput

    /// "town", "partner".
    static var word: String { get }
    /// The letters a name may be typed without: "Polish", "Norwegian".
    static var letters: String { get }
    /// `add`'s argument, for help.
    static var nameHelp: String { get }

    static func input(_ fields: Fields, name: String?) -> Input
    /// Adds the record and gives its id.
    static func add(_ input: Input, in registry: Registry) throws -> Int64?
    /// Changes the record `reference` names and gives its id.
    static func change(_ reference: RecordReference, _ input: Input, in registry: Registry) throws -> Int64?
}

extension NamedNoun {
    static var reference: String { "The \(word)'s id or name." }
    static var showReference: String { "The \(word)'s id or name (case and \(letters) letters ignored; a unique beginning is enough)." }
    static var showAbstract: String { "Show one \(word) with its topics, budget figures, contacts and partnerships." }
    static var editAbstract: String { "Change a \(word): only the options given change; an empty value (--notes '') clears an optional field." }
    static var removeAbstract: String { "Remove a \(word); refused while it has contacts or partnerships unless --cascade." }
    static var cascadeHelp: String { "Also remove its contacts and partnerships, with their activities and expenses." }

    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64? {
        try change(reference, input(changes.fields, name: changes.name), in: registry)
    }
}

/// `add` for a record known by name: the name, then the noun's fields.
struct AddNamed<Noun: NamedNoun>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: "Add a \(Noun.word); prints its id.") }
    @Argument(help: ArgumentHelp(Noun.nameHelp)) var name: String
    @OptionGroup var fields: Noun.Fields
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try refuseMissingOptions(Noun.input(fields, name: name))
    }

    func run() throws {
        let registry = try database.open()
        try Noun.printAdded(try Noun.add(Noun.input(fields, name: name), in: registry), in: registry, as: output)
    }
}

/// What `remove` takes besides the record.
protocol RemovalOptions: ParsableArguments {
    var cascade: Bool { get }
}

/// Nothing depends on the record: no `--cascade`.
struct NoDependents: RemovalOptions {
    var cascade: Bool { false }
}

/// A record others depend on: `--cascade` removes them with it.
protocol CascadingNoun: RecordNoun where Removing == Cascade<Self> {
    /// What `--cascade` also removes, for help.
    static var cascadeHelp: String { get }
}

struct Cascade<Noun: CascadingNoun>: RemovalOptions {
    @Flag(help: ArgumentHelp(Noun.cascadeHelp)) var cascade = false
}

struct Show<Noun: RecordNoun>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: Noun.showAbstract) }
    @Argument(help: ArgumentHelp(Noun.showReference, valueName: Noun.kind.rawValue), completion: Noun.referenceCompletion) var record: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        Console.output(output.renderer.render(try Noun.shown(.typed(record), in: database.open(.readOnly))))
    }
}

struct Edit<Noun: RecordNoun>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit", abstract: Noun.editAbstract) }
    @Argument(help: ArgumentHelp(Noun.reference, valueName: Noun.kind.rawValue), completion: Noun.referenceCompletion) var record: String
    @OptionGroup var changes: Noun.Changes
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let registry = try database.open()
        let edited = try Noun.edit(.typed(record), changes, in: registry).map(RecordReference.id) ?? .typed(record)
        Console.output(output.renderer.render(try Noun.shown(edited, in: registry)))
    }
}

struct Remove<Noun: RecordNoun>: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: Noun.removeAbstract) }
    @Argument(help: ArgumentHelp(Noun.reference, valueName: Noun.kind.rawValue), completion: Noun.referenceCompletion) var record: String
    @OptionGroup var options: Noun.Removing
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        Console.report(try database.open().remove(Noun.kind, .typed(record), cascade: options.cascade))
    }
}

extension RecordNoun {
    /// Prints the record `add` added: its id, or the record in a data format.
    static func printAdded(_ id: Int64?, in registry: Registry, as output: OutputOptions) throws {
        guard let id else { return }
        Console.output(output.renderer.renderAdded(id: id, record: try shown(.id(id), in: registry)))
    }
}

/// `edit`'s options for a record people know by name: a new name, and the fields `add` takes.
struct Renaming<Fields: ParsableArguments>: ParsableArguments {
    @Option(help: "A new name.") var name: String?
    @OptionGroup var fields: Fields
}
