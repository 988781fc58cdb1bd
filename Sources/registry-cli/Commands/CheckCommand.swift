import ArgumentParser
import Registry

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity and foreign keys, and warn about data that breaks the register's rules.",
        discussion: """
            Warnings (exit 0): commitments above a town's allocation, activities outside their partnership's dates, \
            spending above plan, study visits and internships without a direction, selected towns with no allocation, \
            contacts whose organisation's partnerships all ended more than --contact-years (5) years ago. \
            A damaged database (integrity or foreign keys) exits with 1.
            """)

    @Option(help: ArgumentHelp("Warn about contacts whose organisation's partnerships all ended more than N years ago.", valueName: "n"))
    var contactYears = 5
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard contactYears >= 0 else { throw ValidationError("--contact-years '\(contactYears)': give a number of years, 0 or more.") }
    }

    func run() throws {
        let report = try database.open(.readOnly).check(contactYears: contactYears)
        let rows = report.warnings.map { [Cell.text($0.rule), .text($0.record), .text($0.detail)] }
        Console.output(output.renderer.render(TableData(columns: ["rule", "record", "detail"], rows: rows)))
        if report.isDamaged {
            let problems = report.integrityProblems + report.foreignKeyProblems
            throw CheckFailure(problems: problems)
        }
        Console.message(
            report.warnings.isEmpty ? "The database is sound and no rule is broken." : "The database is sound; \(report.warnings.count) warnings.")
    }

    struct CheckFailure: Error, CustomStringConvertible {
        let problems: [String]

        /// SQLite reports integrity problems as lines; the first three say enough.
        var description: String {
            let lines = problems.flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("***") }
            let shown = lines.prefix(3).joined(separator: "; ")
            return
                "The database is damaged (\(lines.count == 1 ? "1 problem" : "\(lines.count) problems"): \(shown)). Restore it from a backup: `registry backup list`, then `registry backup restore FILE`."
        }
    }
}
