import Foundation
import Registry
import Testing

/// `registry report` and `registry query`: every format, the same numbers as staff SQL, and
/// saved queries under the read-only rules.
struct ReportCommandTests {
    func demo() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "200"]).status == 0)
        return folder
    }

    @Test func listNamesEveryReport() throws {
        let result = try CommandRunner.run(["report", "list", "--format", "csv"])
        #expect(result.status == 0)
        #expect(
            result.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
                == ReportName.allCases.map { Substring($0.rawValue) })
        #expect(try CommandRunner.run(["report", "nonsense"]).status == 64)
    }

    @Test(arguments: ReportName.allCases)
    func everyReportInEveryFormatMatchesItsView(_ report: ReportName) throws {
        let folder = try demo()
        // Spending adds its view's rows up per period, category and currency; a statement is one
        // partnership's expenses, then a total per category and one for all.
        let (filter, counted): ([String], String) =
            switch report {
            case .spending: ([], "SELECT count(*) FROM (SELECT DISTINCT period, category, currency FROM report_spending)")
            case .statement:
                (["--partnership", "1"], "SELECT count(*) + count(DISTINCT category) + 1 FROM report_statement WHERE partnership_id = 1")
            // The agenda is no view: its own SQL, as `report agenda --sql` prints it.
            case .agenda:
                (
                    [],
                    "SELECT count(*) FROM (\(try CommandRunner.registry(folder, ["report", "agenda", "--sql"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).dropLast()))"
                )
            default: ([], "SELECT count(*) FROM report_\(report.rawValue)")
            }
        let rows = try CommandRunner.registry(folder, ["sql", counted]).stdout
        let count = Int(rows.split(separator: "\n").last!.trimmingCharacters(in: .whitespaces))!
        #expect(count > 1 || report == .unmatched || report == .overview, "\(report) has rows to show")
        let json = try CommandRunner.registry(folder, ["report", report.rawValue, "--format", "json"] + filter)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try jsonRows(json.stdout).count == count)
        for format in ["table", "csv", "tsv", "ndjson", "markdown"] {
            let result = try CommandRunner.registry(folder, ["report", report.rawValue, "--format", format] + filter)
            #expect(result.status == 0 && !result.stdout.isEmpty, "\(report) \(format): \(result.stderr)")
        }
        let html = try CommandRunner.registry(folder, ["report", report.rawValue, "--format", "html"] + filter)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<svg") && html.stdout.contains("<table"))
        #expect(!html.stdout.contains("<script") && !html.stdout.contains("http://") && !html.stdout.contains("https://"))
    }

    @Test func budgetNumbersAreTheViewsNumbersInEuros() throws {
        let folder = try demo()
        let view = try CommandRunner.registry(
            folder, ["sql", "SELECT city, printf('%.2f', committed_cents / 100.0) FROM report_budget WHERE city = 'Piła'", "--format", "csv"])
        let report = try CommandRunner.registry(folder, ["report", "budget", "--city", "Piła", "--format", "csv"])
        let committed = try #require(view.stdout.split(separator: "\r\n").last?.split(separator: ",").last)
        #expect(report.stdout.contains(",\(committed),"), "\(report.stdout) vs \(view.stdout)")
        let refused = try CommandRunner.registry(folder, ["report", "overview", "--city", "Piła"])
        #expect(refused.status == 65 && refused.stderr.contains("does not apply to the overview report"))
    }

    @Test func savedQueriesAreCheckedWhenSavedAndRunWithParameters() throws {
        let folder = try demo()
        let sql = "SELECT name FROM city WHERE voivodeship = :voivodeship ORDER BY name_key"
        let saved = try CommandRunner.registry(folder, ["query", "save", "towns-in", sql, "--description", "Towns of one voivodeship"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let run = try CommandRunner.registry(folder, ["query", "run", "towns-in", "--param", "voivodeship=opolskie", "--format", "csv"])
        #expect(run.status == 0 && run.stdout.hasPrefix("name\r\nKędzierzyn-Koźle\r\n"), "\(run.stdout)\(run.stderr)")
        let missing = try CommandRunner.registry(folder, ["query", "run", "towns-in"])
        #expect(missing.status == 65 && missing.stderr.contains("the query needs --param voivodeship=VALUE"))
        let list = try CommandRunner.registry(folder, ["query", "list", "--format", "csv"])
        #expect(list.stdout.contains("towns-in,Towns of one voivodeship,"))
        #expect(try CommandRunner.registry(folder, ["query", "save", "towns-in", "SELECT 1"]).status == 1)
        #expect(try CommandRunner.registry(folder, ["query", "save", "towns-in", "SELECT 2", "--replace"]).status == 0)
        let escape = try CommandRunner.registry(folder, ["query", "save", "wipe", "DELETE FROM city"])
        #expect(escape.status == 1 && escape.stderr.contains("deletes rows"))
        let badName = try CommandRunner.registry(folder, ["query", "save", "no spaces", "SELECT 1"])
        #expect(badName.status == 65)
        #expect(try CommandRunner.registry(folder, ["query", "remove", "towns-in"]).status == 0)
        #expect(try CommandRunner.registry(folder, ["query", "run", "towns-in"]).status == 1)
        #expect(try CommandRunner.registry(folder, ["query", "list", "--format", "csv"]).stdout == "name,description,sql,saved_by,saved_at\r\n")
    }
}
