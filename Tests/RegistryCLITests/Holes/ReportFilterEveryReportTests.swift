import Foundation
import Registry
import Testing

/// Every filter that a report's help lists works on that report, and SQLite's reason is never
/// hidden behind "SQL logic error".
struct ReportFilterEveryReportTests {
    static let cases: [(ReportName, ReportFilter.Field)] = ReportName.allCases.flatMap { report in report.filters.map { (report, $0) } }

    static func value(_ field: ReportFilter.Field, for report: ReportName) -> String {
        switch field {
        case .city: "gdansk"
        case .partnership: "lodz/bergen"
        case .theme: "environment"
        case .from: "2024-01-01"
        case .to: "2024-12-31"
        case .status: report == .budget ? "selected" : "planned"
        case .days: "30"
        }
    }

    @Test(arguments: cases)
    func eachListedFilterRuns(report: ReportName, field: ReportFilter.Field) throws {
        let folder = try SampleRegister.create()
        // A statement is always one partnership's.
        let partnership = report == .statement && field != .partnership ? ["--partnership", "1"] : []
        let result = try CommandRunner.run(
            ["report", report.rawValue, "--\(field.rawValue)", Self.value(field, for: report), "--format", "csv", "--db", folder.database]
                + partnership)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("SQL logic error"))
    }

    @Test func partnersForATownAreThoseWorkingWithIt() throws {
        let folder = try SampleRegister.create()
        let gdansk = try CommandRunner.run(["report", "partners", "--city", "gdansk", "--format", "csv", "--db", folder.database])
        #expect(gdansk.status == 0, "\(gdansk.stderr)")
        #expect(gdansk.stdout.contains("Bergen kommune") && !gdansk.stdout.contains("Tromsø"))
        let lodz = try CommandRunner.run(["report", "partners", "--city", "lodz", "--format", "csv", "--db", folder.database])
        #expect(lodz.stdout.contains("Bergen kommune") && lodz.stdout.contains("Tromsø"))
    }

    @Test func aReadOnlyFolderIsNamedWithWhatWorks() throws {
        let folder = try SampleRegister.create()
        #expect(chmod(folder.url.path, 0o755) == 0 && chmod(folder.database, 0o644) == 0)
        let result: CommandResult
        if getuid() == 0 {
            // root may write anywhere: run as nobody, who may read the file but not write the folder.
            result = try CommandRunner.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary.path, "city", "list", "--db", folder.database],
                binary: URL(fileURLWithPath: "/usr/bin/setpriv"))
        } else {
            #expect(chmod(folder.url.path, 0o555) == 0)
            result = try CommandRunner.run(["city", "list", "--db", folder.database])
            _ = chmod(folder.url.path, 0o755)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("is in a folder you may not write to"), "\(result.stderr)")
        #expect(result.stderr.contains("copy the register"))
    }
}
