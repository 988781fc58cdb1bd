import Foundation
import Registry
import Testing

/// `registry report agenda`: what needs attention now, each item naming the record and why.
struct AgendaTests {
    /// The date `days` from today, in the machine's time zone, as YYYY-MM-DD.
    func day(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    /// The sample register with an activity in 5 days and one in 20, both without participants
    /// or a location, a selected town without a partner, and a completed partnership with one
    /// of its three answers, and an expense claimed in a period without a document.
    func register() throws -> TemporaryFolder {
        let folder = try SampleRegister.create()
        for (title, start) in [("Soon visit", day(5)), ("Later visit", day(20))] {
            let added = try CommandRunner.registry(
                folder, ["activity", "add", "--partnership", "lodz/bergen", "--kind", "workshop", "--title", title, "--start", start])
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try CommandRunner.registry(folder, ["activity", "edit", "7", "--location", "Łódź"]).status == 0)
        // Claimed in a period, without a document: a spending rule broken.
        #expect(try CommandRunner.registry(folder, ["expense", "edit", "1", "--period", "2024-1"]).status == 0)
        #expect(try CommandRunner.registry(folder, ["city", "add", "Nysa", "--voivodeship", "opolskie", "--status", "selected"]).status == 0)
        let completed = try CommandRunner.registry(
            folder, ["partnership", "edit", "gdansk/bergen", "--status", "completed", "--end", "2024-06-30", "--improved-knowledge", "yes"])
        #expect(completed.status == 0, "\(completed.stderr)")
        return folder
    }

    func agenda(_ folder: TemporaryFolder, _ arguments: [String] = []) throws -> [[String: Any]] {
        let result = try CommandRunner.registry(folder, ["report", "agenda", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func items(_ rows: [[String: Any]], _ item: String) -> [String] {
        rows.filter { $0["item"] as? String == item }.map { "\($0["record"] as? String ?? ""): \($0["why"] as? String ?? "")" }
    }

    @Test func eachItemNamesTheRecordAndWhy() throws {
        let folder = try register()
        let rows = try agenda(folder)
        #expect(rows.first.map { Set($0.keys) } == ["item", "record", "why", "date"])
        #expect(
            items(rows, "activity to prepare") == [
                "activity #6 'Soon visit' (Łódź/Bergen kommune): starts \(day(5)) without participants or a location"
            ])
        #expect(items(rows, "answers missing") == ["partnership #3 Gdańsk/Bergen kommune: completed 2024-06-30, without continues, lasting_effects"])
        #expect(items(rows, "town without partner") == ["city #3 Nysa: selected, no partnership in talks"])
        #expect(
            items(rows, "claims to verify").contains("partnership #1 Łódź/Bergen kommune: 3 claimed expenses, 1250.00 EUR, the oldest of 2024-01-10"))
        #expect(items(rows, "spending rule claim_without_document").contains { $0.hasPrefix("expense #1: ") })
        // Lodz/tromso was proposed today: not stalled yet.
        #expect(items(rows, "partnership stalled").isEmpty)
        // In the order a meeting takes them.
        let order = ["activity to prepare", "answers missing", "town without partner", "spending rule claim_without_document", "claims to verify"]
        let seen = rows.compactMap { $0["item"] as? String }.filter(order.contains)
        #expect(seen == seen.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
    }

    @Test func daysLooksFurtherAheadAndFromMovesTheAgendasDay() throws {
        let folder = try register()
        let month = try agenda(folder, ["--days", "30"])
        #expect(items(month, "activity to prepare").count == 2)
        #expect(items(month, "activity to prepare").last == "activity #7 'Later visit' (Łódź/Bergen kommune): starts \(day(20)) without participants")
        // Seen from 61 days on, the talks begun today have stalled, and both visits are past.
        let later = try agenda(folder, ["--from", day(61)])
        #expect(items(later, "partnership stalled") == ["partnership #2 Łódź/Tromsø kommune: proposed, no change since \(day(0)) (61 days)"])
        #expect(items(later, "activity to prepare").isEmpty)
    }

    @Test func badDaysAndFiltersOfOtherReportsAreRefused() throws {
        let folder = try register()
        let negative = try CommandRunner.registry(folder, ["report", "agenda", "--days", "400"])
        #expect(negative.status == 65 && negative.stderr.contains("days '400': is not a number of days from 0 to 366"), "\(negative.stderr)")
        let city = try CommandRunner.registry(folder, ["report", "agenda", "--city", "lodz"])
        #expect(city.status == 65 && city.stderr.contains("does not apply to the agenda report; its filters: --from, --days"), "\(city.stderr)")
        let days = try CommandRunner.registry(folder, ["report", "budget", "--days", "3"])
        #expect(days.status == 65 && days.stderr.contains("does not apply to the budget report"), "\(days.stderr)")
    }

    @Test func theHTMLPageIsADashboardWithTheOverviewsFigures() throws {
        let folder = try register()
        let page = try CommandRunner.registry(folder, ["report", "agenda", "--format", "html"])
        #expect(page.status == 0)
        #expect(page.stdout.contains("To attend to") && page.stdout.contains("Partnerships by status"))
        #expect(page.stdout.contains("Soon visit"))
    }

    @Test func theSQLItRunsGivesTheSameRowsInTheSqlite3Shell() throws {
        let folder = try register()
        let sql = try CommandRunner.registry(folder, ["report", "agenda", "--days", "30", "--sql"])
        #expect(sql.status == 0 && sql.stdout.contains("BETWEEN '\(day(0))' AND '\(day(30))'"), "\(sql.stdout.prefix(300))")
        let shell = try CommandRunner.process(["-json", folder.database], binary: URL(fileURLWithPath: "/usr/bin/sqlite3"), stdin: sql.stdout)
        let theirs = try JSONSerialization.jsonObject(with: Data(shell.stdout.utf8)) as? [[String: Any]]
        let ours = try agenda(folder, ["--days", "30"])
        #expect(theirs.map { $0.map { NSDictionary(dictionary: $0) } } == ours.map { NSDictionary(dictionary: $0) })
        #expect(ours.count > 5)
    }
}
