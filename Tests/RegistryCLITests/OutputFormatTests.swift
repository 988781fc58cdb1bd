import Foundation
import Registry
import Testing

@testable import registry_cli

/// Every read command speaks all six formats.
struct OutputFormatTests {
    static let readCommands: [[String]] = [
        ["city", "list"], ["city", "show", "lodz"], ["partner", "list"], ["partner", "show", "tromso"], ["theme", "list"],
        ["migrate", "--list"],
    ]

    func registry() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", partnerBudget: "150000.5", topics: ["air_quality", "cycling"]))
        _ = try registry.addCity(CityInput(name: "Żywiec", voivodeship: "śląskie", notes: "Line one\nline two, \"quoted\""))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", orgNumber: "964338531", county: "Troms"))
        return folder
    }

    @Test(arguments: readCommands)
    func jsonIsAnArrayOfObjectsKeyedByColumn(_ command: [String]) throws {
        let folder = try registry()
        let result = try CommandRunner.run(command + ["--format", "json", "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.isEmpty == false)
    }

    @Test(arguments: readCommands)
    func ndjsonIsOneObjectPerLine(_ command: [String]) throws {
        let folder = try registry()
        let result = try CommandRunner.run(command + ["--format", "ndjson", "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the last object ends its line")
        let objects = lines.dropLast()
        let json = try CommandRunner.run(command + ["--format", "json", "--db", folder.database])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(!objects.isEmpty && objects.count == array.count, "one line per object of --format json: \(result.stdout)")
        for line in objects {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line)")
        }
    }

    @Test(arguments: readCommands)
    func csvTsvMarkdownAndTableHaveAHeaderRowNamingTheColumns(_ command: [String]) throws {
        let folder = try registry()
        for format in ["csv", "tsv", "markdown", "table"] {
            let result = try CommandRunner.run(command + ["--format", format, "--db", folder.database])
            #expect(result.status == 0)
            let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
            let shownByField = command.contains("show") && format == "markdown"
            let key = command.first == "theme" ? "topic" : (command.first == "migrate" ? "migration" : (shownByField ? "field" : "id"))
            // Tables and Markdown are read by people: their headings are words (`Id`, `Topic`).
            let heading = format == "csv" || format == "tsv" ? key : HumanTable.heading(key, language: .en)
            #expect(first.contains(heading), "\(format): \(first)")
        }
    }

    @Test func cityJsonCarriesMoneyAsEurosAndTopicsAsAnArray() throws {
        let folder = try registry()
        let result = try CommandRunner.run(["city", "list", "--format", "json", "--db", folder.database])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let lodz = try #require(rows.first { $0["name"] as? String == "Łódź" })
        #expect((lodz["partner_budget"] as? NSNumber)?.doubleValue == 150000.5)
        #expect(lodz["topics"] as? [String] == ["air_quality", "cycling"])
        #expect(lodz["population"] is NSNull)
    }

    @Test func csvKeepsLineBreaksAndQuotesInsideOneField() throws {
        let folder = try registry()
        let result = try CommandRunner.run(["city", "show", "zywiec", "--format", "csv", "--db", folder.database])
        #expect(result.stdout.contains("\"Line one\nline two, \"\"quoted\"\"\""))
    }

    @Test func aFailedEditLeavesTheRecordAsItWas() throws {
        let folder = try registry()
        let before = try CommandRunner.run(["city", "show", "lodz", "--format", "json", "--db", folder.database]).stdout
        let failed = try CommandRunner.run(
            ["city", "edit", "lodz", "--name", "Lodz City", "--population=-3", "--db", folder.database])
        #expect(failed.status == 65)
        let after = try CommandRunner.run(["city", "show", "lodz", "--format", "json", "--db", folder.database]).stdout
        #expect(before == after)
    }

    @Test func editChangesOnlyTheGivenFieldsAndAnEmptyValueClears() throws {
        let folder = try registry()
        let edited = try CommandRunner.run(
            ["city", "edit", "zywiec", "--population", "31000", "--notes", "", "--format", "json", "--db", folder.database])
        #expect(edited.status == 0, "\(edited.stderr)")
        let city = try Registry.open(path: folder.database).city("Żywiec").city
        #expect(city.population == 31000 && city.notes == nil && city.voivodeship == "śląskie")
    }
}
