import Foundation
import Registry
import Testing

/// `list` commands and their filters through the real binary, on the sample register (see
/// `SampleRegister`), where each answer can be worked out by hand.
struct ListFilterCommandTests {
    /// The `column` of each row `arguments --format ndjson` lists.
    func listed(_ arguments: [String], _ column: String) throws -> [String] {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, arguments + ["--format", "ndjson"])
        #expect(result.status == 0, "\(result.stderr)")
        return try ndjsonRows(result.stdout).map { row in
            let value = row[column]
            return (value as? String) ?? (value as? NSNumber).map { "\($0.int64Value)" } ?? "?"
        }
    }

    @Test(arguments: [
        ([], ["3", "1", "2"]),
        (["--city", "lodz"], ["1", "2"]),
        (["--city", "ŁÓDŹ"], ["1", "2"]),
        (["--partner", "bergen"], ["3", "1"]),
        (["--partner", "Tromsø kommune"], ["2"]),
        (["--status", "active"], ["3", "1"]),
        (["--status", "completed"], []),
        (["--topic", "cycling"], ["3", "2"]),
        (["--topic", "air_quality", "--city", "gdansk"], ["3"]),
        (["--city", "lodz", "--partner", "tromso", "--status", "proposed", "--topic", "cycling"], ["2"]),
    ])
    func partnershipListFiltersByCityPartnerStatusAndTopic(_ filters: [String], _ ids: [String]) throws {
        #expect(try listed(["partnership", "list"] + filters, "id") == ids)
    }

    @Test(arguments: [
        ([], ["Advice", "Winter school", "Visit Bergen", "Air workshop", "Port conference"]),
        (["--from", "2024-01-20"], ["Visit Bergen", "Air workshop", "Port conference"]),
        (["--to", "2024-01-10"], ["Winter school", "Visit Bergen"]),
        (["--from", "2024-01-21", "--to", "2024-01-31"], []),
        (["--from", "2024-02-10", "--to", "2024-02-12"], ["Port conference"]),
        (["--from", "2024-01-05", "--to", "2024-01-05"], ["Winter school"]),
        (["--from", "2024-01-20", "--to", "2024-01-20"], ["Visit Bergen", "Air workshop"]),
        (["--kind", "workshop"], ["Winter school", "Air workshop"]),
        (["--kind", "study_visit", "--from", "2024-01-21"], []),
        (["--status", "planned"], ["Winter school", "Visit Bergen", "Port conference"]),
        (["--status", "cancelled"], ["Advice"]),
        (["--city", "gdansk"], ["Winter school", "Port conference"]),
        (["--city", "Łódź", "--kind", "workshop", "--status", "completed"], ["Air workshop"]),
        (["--partnership", "lodz/bergen"], ["Visit Bergen", "Air workshop"]),
    ])
    func activityListKeepsWhatOverlapsThePeriodAndFiltersByKindStatusAndCity(_ filters: [String], _ titles: [String]) throws {
        #expect(try listed(["activity", "list"] + filters, "title") == titles)
    }

    @Test(arguments: [
        ([], ["4", "1", "2", "3"]),
        (["--category", "travel"], ["1", "3"]),
        (["--category", "equipment"], []),
        (["--from", "2024-01-20"], ["2", "3"]),
        (["--to", "2024-01-10"], ["1"]),
        (["--from", "2024-01-11", "--to", "2024-02-14"], ["2"]),
        (["--from", "2024-01-10", "--to", "2024-02-15"], ["1", "2", "3"]),
        (["--category", "travel", "--from", "2024-02-01"], ["3"]),
        (["--city", "gdansk"], ["3"]),
    ])
    func expenseListFiltersByCategoryAndDate(_ filters: [String], _ ids: [String]) throws {
        #expect(try listed(["expense", "list"] + filters, "id") == ids)
    }

    @Test(arguments: [
        ([], ["Anna", "Kari", "Ola", "Piotr"]), (["--city", "lodz"], ["Anna"]), (["--city", "gdansk"], ["Piotr"]),
        (["--partner", "bergen"], ["Ola"]), (["--partner", "tromso"], ["Kari"]),
    ])
    func contactListFiltersByCityOrPartner(_ filters: [String], _ names: [String]) throws {
        #expect(try listed(["contact", "list"] + filters, "name") == names)
    }

    @Test func listsNameTheRecordsTheyReferTo() throws {
        let folder = try SampleRegister.create()
        let expense = try #require(
            try jsonRows(CommandRunner.registry(folder, ["expense", "list", "--category", "staff", "--format", "json"]).stdout).first)
        #expect(expense["activity"] as? String == "Air workshop")
        #expect(expense["city"] as? String == "Łódź" && expense["partner"] as? String == "Bergen kommune")
        #expect(number(expense["amount"]) == 50)
        let activity = try #require(try jsonRows(CommandRunner.registry(folder, ["activity", "list", "--format", "json"]).stdout).last)
        #expect(activity["city"] as? String == "Gdańsk" && number(activity["spent"]) == 300)
        let contact = try #require(
            try jsonRows(CommandRunner.registry(folder, ["contact", "list", "--partner", "tromso", "--format", "json"]).stdout).first)
        #expect(contact["partner"] as? String == "Tromsø kommune" && contact["city"] is NSNull)
    }

    @Test(
        arguments: [
            (["partnership", "list", "--city", "krakow"], 1, "No city 'krakow'"),
            (["contact", "list", "--partner", "oslo"], 1, "No partner 'oslo'"),
            (["activity", "list", "--partnership", "gdansk/tromso"], 1, "No partnership 'gdansk/tromso'"),
            (["activity", "list", "--from", "2024-02-01", "--to", "2024-01-31"], 65, "to '2024-01-31'"),
            (["expense", "list", "--from", "2024-02-30"], 65, "from '2024-02-30'"),
            (["partnership", "list", "--topic", "potholes"], 65, "topic 'potholes'"),
            (["partnership", "list", "--status", "signed"], 64, "signed"),
            (["activity", "list", "--kind", "party"], 64, "party"),
            (["expense", "list", "--category", "food"], 64, "food"),
        ] as [([String], Int32, String)])
    func aBadFilterIsRefusedWithItsExitCode(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, arguments)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
