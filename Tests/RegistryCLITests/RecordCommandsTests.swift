import Foundation
import Registry
import Testing

/// contact, partnership, activity, expense, log and check through the real binary.
struct RecordCommandsTests {
    /// Łódź and Bergen kommune in an agreed partnership with one study visit.
    func registry() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database, actor: "setup")
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", status: "selected", partnerBudget: "150000"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality", county: "Vestland"))
        _ = try registry.addPartnership(
            PartnershipInput(city: "lodz", partner: "bergen", status: "agreed", budget: "100000", start: "2024-01-01", end: "2024-12-31"))
        return folder
    }

    func run(_ folder: TemporaryFolder, _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--db", folder.database])
    }

    @Test func theWholeChainWorksFromTheCommandLine() throws {
        let folder = try registry()
        let activity = try run(
            folder,
            [
                "activity", "add", "--partnership", "lodz/bergen", "--kind", "study_visit", "--direction", "to_norway", "--title",
                "Study visit to Bergen", "--start", "2024-05-06", "--end", "2024-05-09", "--planned-cost", "18000", "--as", "anna",
            ])
        #expect(activity.status == 0, "\(activity.stderr)")
        #expect(activity.stdout == "1\n")
        let expense = try run(folder, ["expense", "add", "--activity", "1", "--amount", "4210.50", "--category", "travel", "--date", "2024-05-09"])
        #expect(expense.stdout == "1\n")
        let contact = try run(folder, ["contact", "add", "Anna Nowak", "--city", "lodz", "--email", "anna.nowak@example.org"])
        #expect(contact.stdout == "1\n")
        let show = try run(folder, ["city", "show", "lodz", "--format", "json"])
        let city = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [[String: Any]]).first
        #expect((city?["committed"] as? NSNumber)?.doubleValue == 100000)
        #expect((city?["planned"] as? NSNumber)?.doubleValue == 18000)
        #expect((city?["spent"] as? NSNumber)?.doubleValue == 4210.5)
        #expect((city?["remaining"] as? NSNumber)?.doubleValue == 50000)
        #expect((city?["partnerships"] as? [[String: Any]])?.first?["partner"] as? String == "Bergen kommune")
        #expect((city?["contacts"] as? [[String: Any]])?.first?["name"] as? String == "Anna Nowak")
        let log = try run(folder, ["log", "--table", "activity", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["actor"] as? String == "anna")
        #expect((entries[0]["new_values"] as? [String: Any])?["title"] as? String == "Study visit to Bergen")
    }

    @Test(arguments: [
        (["activity", "list", "--from", "2024-05-09", "--to", "2024-05-31"], 1),
        (["activity", "list", "--from", "2024-05-10"], 0),
        (["activity", "list", "--kind", "workshop"], 0),
        (["activity", "list", "--city", "lodz", "--status", "planned"], 1),
        (["partnership", "list", "--status", "agreed", "--partner", "bergen"], 1),
        (["partnership", "list", "--status", "active"], 0),
        (["expense", "list", "--category", "travel"], 1),
        (["expense", "list", "--from", "2024-06-01"], 0),
    ])
    func listsFilter(_ arguments: [String], _ rows: Int) throws {
        let folder = try registry()
        _ = try Registry.open(path: folder.database).addActivity(
            ActivityInput(partnership: "lodz/bergen", kind: "study_visit", title: "Visit", start: "2024-05-06", end: "2024-05-09"))
        _ = try Registry.open(path: folder.database).addExpense(ExpenseInput(activity: "1", amount: "10", category: "travel", date: "2024-05-09"))
        let result = try run(folder, arguments + ["--format", "ndjson"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == rows)
    }

    @Test(arguments: [
        (["partnership", "add", "--city", "lodz", "--partner", "bergen"], 1, "already have a partnership"),
        (["partnership", "show", "lodz/oslo"], 1, "No partner 'oslo'"),
        (["activity", "add", "--partnership", "99", "--kind", "workshop", "--title", "X"], 1, "No partnership '99'"),
        (["partnership", "edit", "lodz/bergen", "--start", "2024-06-01", "--end", "2024-05-01"], 65, "end '2024-05-01'"),
        (["partnership", "edit", "lodz/bergen", "--budget", "-5"], 65, "budget '-5'"),
        (["activity", "add", "--partnership", "1", "--kind", "workshop", "--title", "X", "--direction", "to_poland"], 65, "direction"),
        (["contact", "add", "Anna", "--city", "lodz", "--partner", "bergen"], 64, "not both"),
        (["log", "--table", "secrets"], 65, "table 'secrets'"),
    ])
    func errorsExitWithTheirCodeAndChangeNothing(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try registry()
        let before = try Registry.open(path: folder.database).auditLog()
        let result = try run(folder, arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try Registry.open(path: folder.database).auditLog() == before)
    }

    @Test func checkExitsZeroWithWarningsAndOneWhenDamaged() throws {
        let folder = try registry()
        _ = try Registry.open(path: folder.database).editPartnership("lodz/bergen", PartnershipInput(budget: "200000"))
        let warned = try run(folder, ["check", "--format", "csv"])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("over_committed,city #1 Łódź,commitments 200000.00 EUR exceed"))
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            folder.database, "PRAGMA foreign_keys = OFF; INSERT INTO activity (partnership_id, kind, title) VALUES (42, 'workshop', 'Orphan')",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        let damaged = try run(folder, ["check"])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("activity row 1 points at a missing partnership"))
    }

    @Test func checkOnAFileWithBytesOverwrittenInTheMiddleExitsWithOne() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "3000"]).status == 0)
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: folder.database))
        let size = try file.seekToEnd()
        try file.seek(toOffset: size / 10 * 1)
        try file.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try file.close()
        let result = try run(folder, ["check"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("damaged") || result.stderr.contains("not a usable registry database"))
    }
}
