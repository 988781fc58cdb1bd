import Foundation
import Registry
import Testing

/// Budget figures as `show` prints them, on the sample register (see `SampleRegister`): money
/// as euros, the same vocabulary as DESIGN.md §3.
struct BudgetFigureCommandTests {
    func shown(_ folder: TemporaryFolder, _ arguments: [String]) throws -> [String: Any] {
        let result = try CommandRunner.registry(folder, arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try jsonRows(result.stdout).first)
    }

    @Test(arguments: [
        ("lodz", [150000, 100000, 1500, 1250, 50000]),
        ("gdansk", [50000, 20000, 500, 300, 30000]),
    ])
    func cityShowGivesAllocationCommittedPlannedSpentAndRemaining(_ city: String, _ figures: [Double]) throws {
        let folder = try SampleRegister.create()
        let shown = try shown(folder, ["city", "show", city])
        let keys = ["allocation", "committed", "planned", "spent", "remaining"]
        #expect(keys.map { number(shown[$0]) } == figures)
        #expect(shown["over_committed"] as? String == "no")
    }

    @Test func aCityCommittedBeyondItsAllocationIsFlaggedWithANegativeRemainder() throws {
        let folder = try SampleRegister.create()
        _ = try Registry.open(path: folder.database).editPartnership("lodz/tromso", PartnershipInput(status: "agreed", budget: "50000.50"))
        let shown = try shown(folder, ["city", "show", "lodz"])
        #expect(number(shown["committed"]) == 150000.5)
        #expect(number(shown["remaining"]) == -0.5)
        #expect(shown["over_committed"] as? String == "yes")
        let table = try CommandRunner.registry(folder, ["city", "show", "lodz"]).stdout
        let lines = table.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Remaining (EUR) ") && $0.hasSuffix(" -0.50") }, "\(table)")
        #expect(lines.contains { $0.hasPrefix("Over committed ") && $0.hasSuffix(" yes") }, "\(table)")
    }

    @Test func partnerShowAddsUpItsPartnershipsWithoutAnAllocation() throws {
        let folder = try SampleRegister.create()
        let shown = try shown(folder, ["partner", "show", "bergen"])
        #expect(["committed", "planned", "spent"].map { number(shown[$0]) } == [120000, 2000, 1550])
        #expect(shown["allocation"] == nil && shown["remaining"] == nil && shown["over_committed"] == nil)
    }

    @Test func partnershipShowGivesItsOwnFigures() throws {
        let folder = try SampleRegister.create()
        let shown = try shown(folder, ["partnership", "show", "lodz/bergen"])
        #expect(["budget", "committed", "planned", "spent"].map { number(shown[$0]) } == [100000, 100000, 1500, 1250])
        let proposed = try self.shown(folder, ["partnership", "show", "lodz/tromso"])
        #expect(number(proposed["committed"]) == 0)
    }

    @Test func theCitysPartnershipsAreListedWithTheirFigures() throws {
        let folder = try SampleRegister.create()
        let partnerships = try #require(try shown(folder, ["city", "show", "lodz"])["partnerships"] as? [[String: Any]])
        #expect(partnerships.map { $0["partner"] as? String } == ["Bergen kommune", "Tromsø kommune"])
        #expect(partnerships.map { number($0["planned"]) } == [1500, 0])
        #expect(partnerships.map { number($0["spent"]) } == [1250, 0])
    }
}
