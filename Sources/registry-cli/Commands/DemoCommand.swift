import ArgumentParser
import Registry

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build an illustrative database to explore, then summarise it.",
        discussion: """
            The towns and partners are real names from the programme's public pages; everything else \
            (budgets, activities, expenses) is invented and marked as illustrative in its notes. \
            The same --seed gives the same database. --activities and --partners scale it for benchmarks.
            """)

    @Option(help: ArgumentHelp("Where to write the demo database.", valueName: "path"), completion: .file()) var db = "registry-demo.sqlite"
    @Flag(help: "Replace the file if it exists.") var force = false
    @Option(help: "How many activities to generate.") var activities = DemoOptions().activities
    @Option(help: "How many partners in all (default: the named ones); more are numbered illustrative partners.") var partners: Int?
    @Option(help: "Seed of the generator.") var seed = DemoOptions().seed
    @OptionGroup var quiet: QuietOption

    func validate() throws {
        if activities < 0 { throw ValidationError("--activities must be 0 or more, not \(activities).") }
        if let partners, partners < 0 { throw ValidationError("--partners must be 0 or more, not \(partners).") }
    }

    func run() throws {
        let options = DemoOptions(activities: activities, partners: partners, seed: seed)
        let registry = try ProgressDisplay.showing { try Registry.createDemo(at: db, options: options, force: force, progress: $0) }
        let counts = try registry.counts().counts.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
        Console.message("Wrote the demo register to \(db): \(counts). Its data is illustrative.")
        Console.summary(Renderer(format: .table).render(CityRows.list(try registry.cities(CityFilter(status: .selected)))))
    }
}
