import Foundation
import Registry
import Testing

/// Table, Markdown and HTML speak to people (headings in words, values as words, names beside
/// codes, yes/no, grouped money), in English or with --lang nb in Norwegian; CSV, TSV, JSON and
/// NDJSON keep the column names and raw values that scripts read.
struct HumanFormatTests {
    func lines(_ folder: TemporaryFolder, _ arguments: [String]) throws -> [String] {
        let result = try CommandRunner.registry(folder, arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The words of a table line, split where the columns are (two spaces or more).
    func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func aReportTableHasWordsForHeadingsAndValuesAndGroupedMoney() throws {
        let folder = try SampleRegister.create()
        #expect(try CommandRunner.registry(folder, ["city", "add", "Nysa", "--voivodeship", "opolskie", "--status", "not_selected"]).status == 0)
        let table = try lines(folder, ["report", "budget"])
        #expect(
            cells(table[0]) == [
                "Town id", "Town", "Voivodeship", "Status", "Allocation (EUR)", "Committed (EUR)", "Planned (EUR)", "Spent (EUR)", "Remaining (EUR)",
                "Share used (%)", "Over allocation",
            ])
        let lodz = try #require(table.first { $0.contains("Łódź") })
        #expect(cells(lodz).prefix(5) == ["1", "Łódź", "łódzkie", "selected", "150,000.00"])
        #expect(cells(lodz).last == "no")
        #expect(table.contains { $0.contains("Nysa") && $0.contains("not selected") })
        // The same report for a script: names and raw values.
        let csv = try CommandRunner.registry(folder, ["report", "budget", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("city_id,city,voivodeship,status,allocation,committed,planned,spent,remaining,share_used,over_allocation\r\n"))
        #expect(csv.contains(",not_selected,") && csv.contains("1,Łódź,łódzkie,selected,150000.00,"))
    }

    @Test func norwegianHeadingsValuesAndThemeNames() throws {
        let folder = try SampleRegister.create()
        let table = try lines(folder, ["report", "budget", "--lang", "nb"])
        #expect(cells(table[0]).prefix(5) == ["By-id", "By", "Voivodskap", "Status", "Tildeling (EUR)"])
        #expect(cells(table.first { $0.contains("Łódź") } ?? "").prefix(5) == ["1", "Łódź", "łódzkie", "valgt", "150\u{A0}000,00"])
        let cities = try lines(folder, ["city", "list", "--lang", "nb"])
        #expect(cells(cities[0]).first == "Id" && cities[0].contains("Emner"))
        #expect(cities.contains { $0.contains("Luftkvalitet") }, "the topics' Norwegian names: \(cities)")
        let activities = try lines(folder, ["activity", "list", "--lang", "nb"])
        #expect(activities.contains { $0.contains("studiebesøk") && $0.contains("til Norge") }, "\(activities)")
    }

    @Test func listsNameTopicsAndKindsInWordsAndMarkdownAndHTMLToo() throws {
        let folder = try SampleRegister.create()
        let cities = try lines(folder, ["city", "list"])
        #expect(cities.contains { $0.contains("Łódź") && $0.contains("Air quality") && !$0.contains("air_quality") }, "\(cities)")
        let activities = try lines(folder, ["activity", "list"])
        #expect(activities.contains { $0.contains("Visit Bergen") && $0.contains("study visit") && $0.contains("to Norway") }, "\(activities)")
        #expect(try CommandRunner.registry(folder, ["activity", "edit", "1", "--topic", "air_quality"]).status == 0)
        let markdown = try CommandRunner.registry(folder, ["report", "activities", "--format", "markdown"]).stdout
        #expect(markdown.hasPrefix("| Activity id | Start | End | Kind |"), "\(markdown.prefix(200))")
        #expect(markdown.contains("| study visit |") && markdown.contains("Air quality (air_quality)"))
        let html = try CommandRunner.registry(folder, ["report", "budget", "--format", "html"]).stdout
        #expect(html.contains(">Allocation (EUR)</th>") && html.contains(">150,000.00</td>"))
        // JSON keeps names and raw values.
        let json = try CommandRunner.registry(folder, ["activity", "list", "--format", "json"]).stdout
        #expect(json.contains(#""kind": "study_visit""#) && json.contains(#""direction": "to_norway""#))
    }

    @Test func theUsersOwnSQLKeepsItsColumnNames() throws {
        let folder = try SampleRegister.create()
        let table = try lines(folder, ["sql", "SELECT name AS town_name, status FROM city ORDER BY id"])
        #expect(cells(table[0]) == ["town_name", "status"])
        #expect(cells(table[2]) == ["Łódź", "selected"])
    }

    @Test func theBudgetChartShowsSpentBesideCommittedAndAllocation() throws {
        let folder = try SampleRegister.create()
        let page = try CommandRunner.registry(folder, ["report", "budget", "--format", "html"]).stdout
        #expect(page.contains("Spent and committed against allocation, per town"))
        #expect(page.contains("<span class=\"key key-part\"></span>spent"))
        // Łódź: 1,250 spent (the claims on activity 1) of 100,000 committed, against 150,000.
        #expect(page.contains("<title>Łódź: 100\u{202F}000 EUR of 150\u{202F}000 EUR; spent 1\u{202F}250 EUR</title>"), "\(page.prefix(3000))")
        #expect(page.components(separatedBy: "<rect class=\"part\"").count - 1 == 2, "one spent bar per town")
    }
}
