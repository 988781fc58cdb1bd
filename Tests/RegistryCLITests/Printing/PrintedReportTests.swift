import Foundation
import Registry
import Testing

@testable import registry_cli

/// HTML reports printed by a real browser: A4 at 100 %, landscape where the table is wide, the table's headings
/// on every page. Needs chromium and poppler-utils (.ci/run installs them).
@Suite(.serialized) struct PrintedReportTests {
    let folder: TemporaryFolder
    let database: String

    init() throws {
        folder = try TemporaryFolder()
        database = folder.url.appendingPathComponent("demo.sqlite").path
        let demo = try CommandRunner.run(["demo", "--db", database, "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    func report(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(["report"] + arguments + ["--format", "html", "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// A one-row page with the same stylesheet: it certainly fits, so its heading and cell text are the sizes
    /// an unshrunk page prints at.
    func reference() throws -> PrintedPage {
        let page = HTMLPage.render(
            title: "KS partnership registry — reference", subtitle: "", charts: [],
            table: TableData(columns: ["line"], rows: [[.text("expense")]]))
        return try PrintedPage.print(page, named: "reference", in: folder.url)
    }

    @Test func theCostStatementPrintsOnA4LandscapeAtFullSizeWithItsHeadingsOnEveryPage() throws {
        let html = try report(["statement", "--partnership", "Cieszyn/Bergen kommune"])
        let printed = try PrintedPage.print(html, named: "statement", in: folder.url)
        let unshrunk = try reference()
        #expect(printed.isA4 && printed.isLandscape, "page size \(printed.pageSize)")
        #expect(printed.pages.count >= 2, "the demo's statement for Cieszyn/Bergen kommune runs over pages")
        let title = try #require(printed.height(of: "KS")), expected = try #require(unshrunk.height(of: "KS"))
        #expect(abs(title - expected) < 0.05, "printed at \(title / expected * 100) %")
        let cell = try #require(printed.height(of: "expense")), expectedCell = try #require(unshrunk.height(of: "expense"))
        #expect(abs(cell - expectedCell) < 0.05, "table text at \(cell / expectedCell * 100) % of 8.5 pt")
        for (number, page) in printed.pages.enumerated() {
            #expect(page.contains { $0.text == "Currency" }, "page \(number + 1) repeats the table's headings")
        }
    }

    /// A narrow report stays portrait, the widest (a column per activity field) turns landscape, and
    /// neither is shrunk to fit.
    @Test(arguments: [("overview", false), ("activities", true)])
    func reportsPrintAtFullSizeInTheOrientationTheirTableNeeds(name: String, landscape: Bool) throws {
        let printed = try PrintedPage.print(try report([name]), named: name, in: folder.url)
        let unshrunk = try reference()
        #expect(printed.isA4 && printed.isLandscape == landscape, "page size \(printed.pageSize)")
        let title = try #require(printed.height(of: "KS")), expected = try #require(unshrunk.height(of: "KS"))
        #expect(abs(title - expected) < 0.05, "printed at \(title / expected * 100) %")
    }

    /// Every report's page fits a 1280-pixel window, in English and in Norwegian: no scrollbar for
    /// the page, none inside its table.
    @Test(arguments: ReportName.allCases.flatMap { report in ["en", "nb"].map { (report, $0) } })
    func everyReportFitsA1280PixelWindow(report: ReportName, language: String) throws {
        let partnership = report == .statement ? ["--partnership", "Cieszyn/Bergen kommune"] : []
        let html = try self.report([report.rawValue, "--lang", language] + partnership)
        let (page, table, visible) = try PrintedPage.widths(html, named: "\(report.rawValue)-\(language)", in: folder.url, window: 1280)
        #expect(page <= 1280, "\(report) (\(language)): the page is \(page) px wide")
        #expect(table <= visible, "\(report) (\(language)): its table needs \(table) px of \(visible)")
    }

    /// Every report prints on A4 at full size, whichever orientation its table takes.
    @Test(arguments: ReportName.allCases)
    func everyReportPrintsOnA4AtFullSize(report: ReportName) throws {
        let partnership = report == .statement ? ["--partnership", "Cieszyn/Bergen kommune"] : []
        let printed = try PrintedPage.print(try self.report([report.rawValue] + partnership), named: "all-\(report.rawValue)", in: folder.url)
        let unshrunk = try reference()
        #expect(printed.isA4, "\(report): page size \(printed.pageSize)")
        let title = try #require(printed.height(of: "KS")), expected = try #require(unshrunk.height(of: "KS"))
        #expect(abs(title - expected) < 0.05, "\(report) printed at \(title / expected * 100) %")
    }
}
