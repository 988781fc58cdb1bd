import Foundation
import Testing

/// Progress shows on a terminal only: under a pseudo-terminal (`script`) the long commands draw
/// their line on stderr; through pipes, as cron and scripts run them, and with --quiet, nothing.
struct ProgressTests {
    /// The line's redraw: back to the line's start, erased.
    static let redraw = "\r\u{1B}[K"

    func terminal(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandResult {
        try CommandRunner.onTerminal(arguments, in: folder)
    }

    /// A register of 3,000 activities and its activities exported as CSV.
    func register() throws -> (folder: TemporaryFolder, csv: String) {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "3000"]).status == 0)
        let csv = folder.url.appendingPathComponent("activities.csv").path
        #expect(try CommandRunner.run(["export", "activity", "--db", folder.database, "--output", csv]).status == 0)
        return (folder, csv)
    }

    /// Each long command, with the words its progress line begins with.
    func cases(_ folder: TemporaryFolder, _ csv: String) -> [(arguments: [String], shows: String)] {
        let other = folder.url.appendingPathComponent("other.sqlite").path
        let copy = folder.url.appendingPathComponent("activities-copy.csv").path
        return [
            (["demo", "--db", other, "--activities", "3000", "--force"], "generating activities: 0 of 3,000 rows (0%)"),
            (["export", "activity", "--db", folder.database, "--output", copy], "exporting: 1,000 of 3,000 rows (33%)"),
            (["import", "activity", csv, "--db", folder.database, "--update", "--dry-run"], "importing: "),
            (["backup", "create", "--db", folder.database], "copying: "),
            (["backup", "verify", "--all", "--db", folder.database], "verifying registry-"),
        ]
    }

    @Test func longCommandsShowProgressOnATerminalAndClearIt() throws {
        let (folder, csv) = try register()
        for (arguments, shows) in cases(folder, csv) {
            let screen = try terminal(arguments, in: folder)
            #expect(screen.status == 0, "\(arguments): \(screen.stdout)")
            #expect(screen.stdout.contains(Self.redraw + shows), "\(arguments): \(screen.stdout.suffix(400))")
            // The line is erased before anything else is printed: the last redraw is a bare erase.
            let afterLast = screen.stdout.components(separatedBy: Self.redraw).last ?? ""
            #expect(!afterLast.contains("ing: "), "\(arguments): \(afterLast)")
        }
        // Rows written to the terminal itself are not cut through by the line.
        let onScreen = try terminal(["export", "activity", "--db", folder.database], in: folder)
        #expect(onScreen.stdout.hasPrefix("id,city,partner,") && !onScreen.stdout.contains("exporting"), "\(onScreen.stdout.prefix(300))")
        let importing = try terminal(["import", "activity", csv, "--db", folder.database, "--update", "--dry-run"], in: folder)
        #expect(importing.stdout.contains(" MB (100%)"), "\(importing.stdout)")
    }

    @Test func nothingExtraWhenStderrIsNotATerminal() throws {
        let (folder, csv) = try register()
        for (arguments, _) in cases(folder, csv) {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("ing: "), "\(arguments): \(result.stderr)")
        }
    }

    @Test func quietKeepsOnlyErrorsAndTheDataAskedFor() throws {
        let (folder, csv) = try register()
        for (arguments, _) in cases(folder, csv) {
            let screen = try terminal(arguments + ["--quiet"], in: folder)
            #expect(screen.status == 0, "\(arguments): \(screen.stdout)")
            #expect(!screen.stdout.contains("\u{1B}"), "\(arguments): \(screen.stdout.prefix(300))")
        }
        // Summaries go: the demo's towns, an import's counts, backup and verify notes.
        #expect(try terminal(cases(folder, csv)[0].arguments + ["-q"], in: folder).stdout.isEmpty)
        #expect(try terminal(["import", "activity", csv, "--db", folder.database, "--update", "-q"], in: folder).stdout.isEmpty)
        // A dry run's list of changes is data: it stays (here empty: every row is unchanged), its counts go.
        let dry = try terminal(cases(folder, csv)[2].arguments + ["-q"], in: folder).stdout
        #expect(dry.hasPrefix("Kind  Id  Record  Field  Before  After") && !dry.contains("Dry run"), "\(dry)")
        let backup = try CommandRunner.run(["backup", "create", "--db", folder.database, "-q"])
        #expect(backup.stderr.isEmpty && backup.stdout.hasSuffix(".sqlite\n"), "\(backup)")
        // The data asked for stays, and errors are still told.
        let export = try terminal(["export", "city", "--db", folder.database, "-q"], in: folder)
        #expect(export.stdout.hasPrefix("id,name,"), "\(export.stdout.prefix(200))")
        let bad = folder.url.appendingPathComponent("bad.csv").path
        try "name,voivodeship\nGdańsk,nowhere\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["import", "city", bad, "--db", folder.database, "--quiet"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("nowhere") && refused.stdout.isEmpty, "\(refused)")
    }
}
