import Foundation
import Registry
import Testing

/// Rules the command line and the library share, written once: what the command line refuses
/// is what the library refuses, and an import reads a list as an option does.
struct OnePlaceRulesTests {
    /// Each add without one of its required options is a usage error naming the option, and
    /// the option is the one the library requires.
    @Test(arguments: [
        (["city", "add", "Nysa"], "voivodeship"),
        (["partner", "add", "Alta kommune"], "kind"),
        (["activity", "add", "--partnership", "lodz/bergen", "--title", "Visit"], "kind"),
        (["activity", "add", "--partnership", "lodz/bergen", "--kind", "workshop"], "title"),
        (["expense", "add", "--activity", "1", "--category", "travel"], "amount"),
        (["expense", "add", "--activity", "1", "--amount", "10"], "category"),
    ])
    func aMissingRequiredOptionIsAUsageErrorNamingIt(_ arguments: [String], _ option: String) throws {
        let folder = try SampleRegister.create()
        let before = try RegisterState(folder.database)
        let result = try CommandRunner.registry(folder, arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("Missing expected argument '--\(option)'"), "\(result.stderr)")
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func theLibraryRequiresTheSameFields() {
        #expect(CityInput(name: "Nysa").missingFields.map(\.field) == ["voivodeship"])
        #expect(ExpenseInput(activity: "1").missingFields.map(\.field) == ["amount", "category"])
        #expect(ActivityInput(partnership: "1").missingFields.map(\.field) == ["kind", "title"])
    }

    @Test(arguments: [
        (["contact", "add", "Jan"], "not both", false), (["contact", "add", "Jan", "--city", "lodz", "--partner", "bergen"], "not both", true),
    ])
    func aContactsOwnerIsTheLibrarysRule(_ arguments: [String], _ both: String, _ givenBoth: Bool) throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, arguments)
        #expect(result.status == 64)
        let rule = try #require(ContactInput(city: givenBoth ? "lodz" : nil, partner: givenBoth ? "bergen" : nil).ownerProblem(adding: true))
        #expect(result.stderr.lowercased().contains(rule.lowercased()), "\(result.stderr)")
        #expect(rule.contains(both) == givenBoth)
    }

    /// `a, ,b` is the list a, b on the command line and in an import file alike.
    @Test func anOptionAndAnImportCellReadAListAlike() throws {
        let folder = try TemporaryFolder()
        let added = try CommandRunner.registry(folder, ["city", "add", "Nysa", "--voivodeship", "opolskie", "--topics", "air_quality, ,cycling"])
        #expect(added.status == 0, "\(added.stderr)")
        let file = folder.url.appendingPathComponent("cities.csv")
        try Data("name,voivodeship,topics\nBrzeg,opolskie,\"air_quality, ,cycling\"\n".utf8).write(to: file)
        let imported = try CommandRunner.registry(folder, ["import", "city", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rows = try jsonRows(CommandRunner.registry(folder, ["city", "list", "--format", "json"]).stdout)
        #expect(rows.count == 2)
        for row in rows { #expect(row["topics"] as? [String] == ["air_quality", "cycling"], "\(row)") }
    }

    /// Help lists each closed set from the library's enum, every value and the default.
    @Test(arguments: [
        (["city", "add"], CityStatus.allCases.map(\.rawValue), "applicant (default)"),
        (["partner", "add"], PartnerKind.allCases.map(\.rawValue) + Country.allCases.map(\.rawValue), "NO (default)"),
        (["partnership", "add"], PartnershipStatus.allCases.map(\.rawValue) + Answer.allCases.map(\.rawValue), "proposed (default)"),
        (["activity", "add"], ActivityKind.allCases.map(\.rawValue) + Direction.allCases.map(\.rawValue), "planned (default)"),
        (["expense", "add"], ExpenseCategory.allCases.map(\.rawValue), "staff"),
    ])
    func helpListsTheClosedSetsOfTheLibrary(_ command: [String], _ values: [String], _ marked: String) throws {
        let help = try CommandRunner.run(command + ["--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for value in values { #expect(text.contains(value), "\(value) in \(command)") }
        #expect(text.contains(marked), "\(text)")
    }
}
