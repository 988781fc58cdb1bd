import Foundation
import Registry
import Testing

/// `registry check`: 0 with warnings naming the record and the numbers, 1 for a damaged database.
struct CheckCommandTests {
    @Test func aCleanRegisterPassesWithAHeaderAndNoWarning() throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, ["check", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "rule,record,detail\r\n")
        #expect(result.stderr == "The database is sound and no rule is broken.\n")
    }

    @Test func everyBrokenRuleIsAWarningAndTheCommandStillSucceeds() throws {
        let folder = try SampleRegister.create()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.editPartnership("gdansk/bergen", PartnershipInput(budget: "50000.01"))
        _ = try registry.editActivity("2", ActivityInput(start: "2025-01-01"))
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "200.01", category: "venue"))
        _ = try registry.editActivity("1", ActivityInput(direction: ""))
        _ = try registry.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie", status: "selected"))
        let result = try CommandRunner.registry(folder, ["check", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "The database is sound; 5 warnings.\n")
        let warnings = try jsonRows(result.stdout).map { "\($0["rule"] ?? ""): \($0["record"] ?? ""): \($0["detail"] ?? "")" }
        #expect(
            warnings == [
                "over_committed: city #2 Gdańsk: commitments 50000.01 EUR exceed the allocation of 50000.00 EUR by 0.01 EUR",
                "activity_outside_partnership: activity #2 'Air workshop': runs 2025-01-01 to 2025-01-01, outside its partnership's 2024-01-01 to 2024-12-31",
                "spent_above_plan: activity #3 'Port conference': spent 500.01 EUR against a planned cost of 500.00 EUR",
                "travel_without_direction: activity #1 'Visit Bergen': a study visit without a direction (to_norway or to_poland)",
                "selected_without_allocation: city #3 Piła: selected, but no partner budget is recorded",
            ])
    }

    @Test(arguments: [
        ("INSERT INTO activity (partnership_id, kind, title) VALUES (42, 'workshop', 'Orphan')", ["activity row 6 points at a missing partnership"]),
        ("INSERT INTO contact (name, city_id) VALUES ('Ghost', 99)", ["contact row 5 points at a missing city"]),
        ("INSERT INTO expense (activity_id, amount_cents, category) VALUES (99, 1, 'other')", ["expense row 5 points at a missing activity"]),
        ("INSERT INTO partnership_topic (partnership_id, topic_id) VALUES (1, 999)", ["partnership_topic has a row that points at a missing topic"]),
        ("DELETE FROM city WHERE id = 2", ["contact row 3 points at a missing city", "partnership row 3 points at a missing city"]),
    ])
    func aForeignKeyViolationMadeOutsideTheRegistryExitsWithOneNamingIt(_ statement: String, _ problems: [String]) throws {
        let folder = try SampleRegister.create()
        let shell = try CommandRunner.sqlite(folder.database, "PRAGMA foreign_keys = OFF; " + statement)
        #expect(shell.status == 0, "\(shell.stderr)")
        let result = try CommandRunner.registry(folder, ["check"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: The database is damaged"), "\(result.stderr)")
        for problem in problems {
            #expect(result.stderr.contains(problem), "\(result.stderr)")
        }
    }

    @Test(arguments: [1.0 / 3, 1.0 / 2, 2.0 / 3])
    func aFileWithBytesOverwrittenInTheMiddleFailsTheCheck(_ position: Double) throws {
        let folder = try TemporaryFolder()
        let demo = try CommandRunner.run(["demo", "--db", folder.database, "--activities", "2000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.database + "-wal"), "the demo is all in the database file")
        let url = URL(fileURLWithPath: folder.database)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: folder.database)[.size] as? NSNumber).intValue
        let file = try FileHandle(forUpdating: url)
        // The start of a page, its header included: garbage in a page's free gap alone is not damage.
        try file.seek(toOffset: UInt64(Double(size) * position) / 4096 * 4096)
        try file.write(contentsOf: Data(repeating: 0xFF, count: 1024))
        try file.close()
        let damaged = try Data(contentsOf: url)
        let result = try CommandRunner.registry(folder, ["check"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("Error: The database is damaged") || result.stderr.contains("is not a usable registry database"),
            "\(result.stderr)")
        #expect(try Data(contentsOf: url) == damaged, "check never writes")
    }
}
