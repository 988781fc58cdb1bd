import ArgumentParser
import Registry

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "What partnerships do (study visits, workshops, advice, ...): add, list, show, edit, remove.",
        subcommands: [Add.self, List.self, Show<ActivityCommand>.self, Edit<ActivityCommand>.self, Remove<ActivityCommand>.self])

    /// The fields of an activity shared by `add` and `edit`.
    struct Fields: ParsableArguments {
        @Option(
            help: ArgumentHelp(choices(ActivityKind.self) + "."),
            completion: .values(ActivityKind.self))
        var kind: String?
        @Option(help: "What it is called.")
        var title: String?
        @Option(help: ArgumentHelp("For study visits and internships: \(choices(Direction.self))."), completion: .values(Direction.self))
        var direction: String?
        @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date"))
        var start: String?
        @Option(help: ArgumentHelp("Last day, not before the first.", valueName: "date"))
        var end: String?
        @Option(help: "Where it takes place.")
        var location: String?
        @Option(help: "How many people take part.")
        var participants: String?
        @Option(name: .customLong("planned-cost"), parsing: .unconditional, help: ArgumentHelp("Planned cost in euros.", valueName: "eur"))
        var plannedCost: String?
        @Option(help: ArgumentHelp(defaultedChoices(ActivityStatus.self) + "."), completion: .values(ActivityStatus.self))
        var status: String?
        @Option(help: ArgumentHelp("Its topic, as a code.", valueName: "code"), completion: .topic)
        var topic: String?
        @Option(help: "Free notes.")
        var notes: String?

        func input(partnership: String?) -> ActivityInput {
            ActivityInput(
                partnership: .typed(partnership), kind: kind, title: title, direction: direction, start: start, end: end, location: location,
                participants: participants, plannedCost: plannedCost, status: status, topic: topic, notes: notes)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an activity to a partnership; prints its id.")
        @Option(help: "The partnership: its id or CITY/PARTNER.", completion: .partnerships) var partnership: String
        @OptionGroup var fields: Fields
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try refuseMissingOptions(fields.input(partnership: partnership))
        }

        func run() throws {
            let registry = try database.open()
            try ActivityCommand.printAdded(try registry.addActivity(fields.input(partnership: partnership)).id, in: registry, as: output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List activities by date; --from and --to keep those that overlap the period.")
        @Option(help: "Only this partnership's (id or CITY/PARTNER).", completion: .partnerships) var partnership: String?
        @Option(help: "Only this town's.", completion: .cities) var city: String?
        @Option(help: "Only this partner's.", completion: .partners) var partner: String?
        @Option(help: "Only this kind.") var kind: ActivityKind?
        @Option(help: "Only this status.") var status: ActivityStatus?
        @Option(help: ArgumentHelp("Only activities on or after this date.", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Only activities on or before this date.", valueName: "date")) var to: String?
        @Option(help: ArgumentHelp("Only activities on this topic.", valueName: "code"), completion: .topic) var topic: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOptions<ActivityListFormats>

        func run() throws {
            let filter = ActivityFilter(
                partnership: partnership, city: city, partner: partner, kind: kind, status: status, from: from, to: to, topic: topic)
            let registry = try database.open(.readOnly)
            if output.format?.format == .ics {
                return try ActivityCalendar.write(filter, of: registry, to: CommandContext.current.standardOutput)
            }
            Console.output(output.renderer.render(ActivityRows.list(try registry.activities(filter))))
        }
    }
}

extension ActivityCommand: CascadingNoun {
    /// `edit`: a new partnership, and the fields `add` takes.
    struct Changes: ParsableArguments {
        @Option(help: "Move it to another partnership (id or CITY/PARTNER).", completion: .partnerships) var partnership: String?
        @OptionGroup var fields: Fields
    }

    static let kind = RecordKind.activity
    static let reference = "The activity's id."
    static let showAbstract = "Show one activity with its expenses."
    static let editAbstract = "Change an activity: only the options given change; '' clears an optional field."
    static let removeAbstract = "Remove an activity; refused while it has expenses unless --cascade."
    static let cascadeHelp = "Also remove its expenses."

    static func edit(_ reference: RecordReference, _ changes: Changes, in registry: Registry) throws -> Int64? {
        try registry.editActivity(reference, changes.fields.input(partnership: changes.partnership)).id
    }

    static func shown(_ reference: RecordReference, in registry: Registry) throws -> RecordView {
        ActivityRows.record(try registry.activityDetails(reference))
    }
}

extension ActivityKind: ExpressibleByArgument {}
extension ActivityStatus: ExpressibleByArgument {}
