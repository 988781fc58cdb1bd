import Foundation
import Registry
import Testing

/// contact, partnership, activity and expense through the real binary: the whole chain, the
/// ways of naming a partnership, and every error with its exit code, changing nothing.
struct RecordCommandTests {
    @Test func theWholeChainWorksFromTheCommandLine() throws {
        let folder = try TemporaryFolder()
        let steps: [([String], String)] = [
            (["city", "add", "Łódź", "--voivodeship", "lodzkie", "--partner-budget", "150000"], "1\n"),
            (["partner", "add", "Bergen kommune", "--kind", "municipality"], "1\n"),
            (["partnership", "add", "--city", "lodz", "--partner", "bergen", "--status", "agreed", "--budget", "100000"], "1\n"),
            (
                [
                    "activity", "add", "--partnership", "lodz/bergen", "--kind", "study_visit", "--direction", "to_norway", "--title",
                    "Study visit to Bergen",
                    "--start", "2024-05-06", "--end", "2024-05-09", "--planned-cost", "18000",
                ], "1\n"
            ),
            (["expense", "add", "--activity", "1", "--amount", "4210.50", "--category", "travel", "--date", "2024-05-09"], "1\n"),
            (["contact", "add", "Anna Nowak", "--city", "lodz", "--email", "anna.nowak@example.org"], "1\n"),
        ]
        for (arguments, output) in steps {
            let result = try CommandRunner.registry(folder, arguments + ["--as", "anna"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout == output, "\(arguments)")
        }
        let city = try #require(try jsonRows(CommandRunner.registry(folder, ["city", "show", "lodz", "--format", "json"]).stdout).first)
        #expect(["committed", "planned", "spent", "remaining"].map { number(city[$0]) } == [100000, 18000, 4210.5, 50000])
        #expect((city["partnerships"] as? [[String: Any]])?.first?["partner"] as? String == "Bergen kommune")
        #expect((city["contacts"] as? [[String: Any]])?.first?["name"] as? String == "Anna Nowak")
        let log = try jsonRows(CommandRunner.registry(folder, ["log", "--format", "json"]).stdout)
        #expect(
            log.map { "\($0["table"] ?? "") \($0["action"] ?? "")" } == [
                "city insert", "partner insert", "partnership insert", "activity insert", "expense insert", "contact insert",
            ])
        #expect(log.allSatisfy { $0["actor"] as? String == "anna" })
        #expect((log[3]["new_values"] as? [String: Any])?["title"] as? String == "Study visit to Bergen")
    }

    @Test(
        arguments: [
            (["partnership", "show", "lodz/bergen"], 1), (["partnership", "show", "ŁÓDŹ/Bergen Kommune"], 1),
            (["partnership", "show", "Łódź/berg"], 1),
            (["partnership", "show", "lodz/tromso"], 2), (["partnership", "show", "3"], 3),
        ] as [([String], Int64)])
    func aPartnershipIsShownByCityAndPartner(_ arguments: [String], _ id: Int64) throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(number(try jsonRows(result.stdout).first?["id"]) == Double(id))
    }

    @Test func aPartnershipIsEditedAndRemovedByCityAndPartner() throws {
        let folder = try SampleRegister.create()
        let edited = try CommandRunner.registry(folder, ["partnership", "edit", "gdansk/bergen", "--status", "completed", "--continues", "yes"])
        #expect(edited.status == 0, "\(edited.stderr)")
        let partnership = try Registry.open(path: folder.database).partnership("3")
        #expect(partnership.status == .completed && partnership.continues == .yes)
        let refused = try CommandRunner.registry(folder, ["partnership", "remove", "lodz/tromso"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("1 activity (#4 advisory 'Advice')"), "\(refused.stderr)")
        let removed = try CommandRunner.registry(folder, ["partnership", "remove", "Łódź/Tromsø kommune", "--cascade"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try Registry.open(path: folder.database).partnerships().map(\.partnership.id) == [3, 1])
        #expect(try Registry.open(path: folder.database).activities().map(\.activity.title).contains("Advice") == false)
    }

    @Test func anActivityIsAddedToAPartnershipNamedByCityAndPartner() throws {
        let folder = try SampleRegister.create()
        let added = try CommandRunner.registry(folder, ["activity", "add", "--partnership", "Gdańsk/TROMSØ", "--kind", "advisory", "--title", "X"])
        #expect(added.status == 1)
        #expect(added.stderr.contains("No partnership 'Gdańsk/TROMSØ'"), "\(added.stderr)")
        let result = try CommandRunner.registry(
            folder, ["activity", "add", "--partnership", "lodz/bergen", "--kind", "advisory", "--title", "Heating advice"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "6\n")
        #expect(try Registry.open(path: folder.database).activity("6").partnershipId == 1)
    }

    static let failures: [([String], Int32, String)] = [
        (["partnership", "add", "--city", "gdansk", "--partner", "oslo"], 1, "No partner 'oslo'"),
        (["partnership", "add", "--city", "krakow", "--partner", "bergen"], 1, "No city 'krakow'"),
        (["activity", "add", "--partnership", "99", "--kind", "workshop", "--title", "X"], 1, "No partnership '99'"),
        (["activity", "add", "--partnership", "lodz/oslo", "--kind", "workshop", "--title", "X"], 1, "No partner 'oslo'"),
        (["partnership", "show", "lodz/oslo"], 1, "No partner 'oslo'"),
        (["partnership", "show", "gdansk/tromso"], 1, "No partnership 'gdansk/tromso'"),
        (["expense", "add", "--activity", "99", "--amount", "5", "--category", "travel"], 1, "No activity '99'"),
        (["contact", "add", "Jan", "--partner", "oslo"], 1, "No partner 'oslo'"),
        (["activity", "edit", "42", "--title", "X"], 1, "No activity '42'"),
        (["expense", "remove", "42"], 1, "No expense '42'"),
        (["contact", "show", "42"], 1, "No contact '42'"),
        (["partnership", "add", "--city", "LODZ", "--partner", "Bergen Kommune"], 1, "Łódź and Bergen kommune already have a partnership (id 1)"),
        (["partnership", "edit", "lodz/tromso", "--partner", "bergen"], 1, "Łódź and Bergen kommune already have a partnership (id 1)"),
        (["city", "add", "LÓDŹ", "--voivodeship", "lodzkie"], 1, "A city named 'Łódź' already exists"),
        (["city", "remove", "lodz"], 1, "Łódź has 1 contact (#1 Anna) and 2 partnerships"),
        (["partner", "remove", "bergen"], 1, "Bergen kommune has 1 contact (#2 Ola) and 2 partnerships"),
        (["activity", "remove", "1"], 1, "has 2 expenses"),
        (["partnership", "add", "--city", "gdansk", "--partner", "tromso", "--start", "2024-06-01", "--end", "2024-05-31"], 65, "end '2024-05-31'"),
        (
            ["activity", "add", "--partnership", "1", "--kind", "workshop", "--title", "X", "--start", "2024-03-02", "--end", "2024-03-01"], 65,
            "end '2024-03-01'"
        ),
        (["partnership", "edit", "lodz/bergen", "--end", "2023-12-31"], 65, "end '2023-12-31': is before the start date 2024-01-01"),
        (["activity", "edit", "1", "--end", "2024-01-09"], 65, "end '2024-01-09'"),
        (["partnership", "edit", "lodz/bergen", "--budget=-5"], 65, "budget '-5'"),
        (["partnership", "add", "--city", "gdansk", "--partner", "tromso", "--budget=-5"], 65, "budget '-5'"),
        (["expense", "add", "--activity", "1", "--amount", "-5", "--category", "travel"], 65, "amount '-5'"),
        (["expense", "edit", "1", "--amount", "-5"], 65, "amount '-5'"),
        (["activity", "add", "--partnership", "1", "--kind", "workshop", "--title", "X", "--planned-cost", "-5"], 65, "planned-cost '-5'"),
        (["city", "edit", "lodz", "--partner-budget=-5"], 65, "partner-budget '-5'"),
        (["activity", "add", "--partnership", "1", "--kind", "workshop", "--title", "X", "--direction", "to_poland"], 65, "direction 'to_poland'"),
        (["activity", "edit", "1", "--kind", "workshop"], 65, "direction 'to_norway'"),
        (["activity", "edit", "2", "--direction", "to_norway"], 65, "direction 'to_norway'"),
        (["contact", "add", "Jan", "--city", "lodz", "--partner", "bergen"], 64, "not both"),
        (["contact", "edit", "1", "--city", "lodz", "--partner", "bergen"], 64, "not both"),
        (["city", "add", "Kraków", "--voivodeship", "nowhere"], 65, "voivodeship 'nowhere'"),
    ]

    @Test(arguments: failures)
    func aFailedCommandExitsWithItsCodeNamesTheProblemAndChangesNothing(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let folder = try SampleRegister.create()
        let before = try RegisterState(folder.database)
        let result = try CommandRunner.registry(folder, arguments + ["--as", "anna"])
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try RegisterState(folder.database) == before, "a failed command must write nothing and log nothing")
    }
}

/// A cascade that takes many records away says how many of each kind, not every one.
@Test func aLargeCascadeIsSummarisedByKind() throws {
    let folder = try TemporaryFolder()
    #expect(try CommandRunner.registry(folder, ["demo", "--activities", "400"]).status == 0)
    let town = try CommandRunner.scalar(
        folder.database,
        "SELECT city_id FROM partnership JOIN activity ON activity.partnership_id = partnership.id GROUP BY city_id ORDER BY count(*) DESC LIMIT 1")
    let activities = try CommandRunner.scalar(
        folder.database, "SELECT count(*) FROM activity JOIN partnership ON partnership.id = partnership_id WHERE city_id = \(town)")
    let removed = try CommandRunner.registry(folder, ["city", "remove", town, "--cascade"])
    #expect(removed.status == 0, "\(removed.stderr)")
    let lines = removed.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("Removed city #\(town) "), "\(removed.stderr.prefix(300))")
    #expect(removed.stderr.contains(" \(activities) activity"), "\(removed.stderr)")
    #expect(removed.stderr.utf8.count < 300)
}
