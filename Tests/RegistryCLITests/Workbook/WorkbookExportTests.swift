import Foundation
import Registry
import Testing

/// `export --format xlsx`: typed cells as openpyxl reads them, the whole register as one workbook,
/// and every entity imported back unchanged.
struct WorkbookExportTests: ImportTesting {
    func export(_ arguments: [String], from folder: TemporaryFolder, to name: String) throws -> String {
        let file = folder.url.appendingPathComponent(name).path
        let result = try CommandRunner.run(["export"] + arguments + ["--format", "xlsx", "--output", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        return file
    }

    func openpyxl(_ script: String, _ file: String) throws -> String {
        let result = try CommandRunner.process(["-c", script, file], binary: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func everyEntityImportsBackUnchangedAndExportsTheSameWorkbookAgain() throws {
        let from = try source()
        let to = try TemporaryFolder()
        for entity in ImportRoundTripTests.entities {
            let file = try export([entity], from: from, to: "\(entity).xlsx")
            let imported = try CommandRunner.run(["import", entity, file, "--db", to.database])
            #expect(imported.status == 0, "\(entity): \(imported.stderr)")
            let csv = try CommandRunner.run(["export", entity, "--db", from.database]).stdout
            #expect(try CommandRunner.run(["export", entity, "--db", to.database]).stdout == csv, "\(entity) differs after the round trip")
            let again = try export([entity], from: to, to: "\(entity)-again.xlsx")
            #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: file), "\(entity): not the same bytes")
        }
    }

    @Test func cellsAreTypedForASpreadsheetAsOpenpyxlReadsThem() throws {
        let folder = try source()
        let file = try export(["city"], from: folder, to: "city.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["city"]
            head = [c.value for c in ws[1]]
            row = next(r for r in ws.iter_rows(min_row=2) if r[head.index("name")].value == "Łódź")
            cell = lambda name: row[head.index(name)]
            print(ws.freeze_panes, ws.auto_filter.ref, ws["A1"].font.b, ws.max_row)
            for name in ("id", "name", "partner_budget", "teryt", "notes"):
                c = cell(name); print(name, type(c.value).__name__, repr(c.value), c.number_format)
            """
        let lines = try openpyxl(script, file).split(separator: "\n").map(String.init)
        let cities = try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM city").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(lines.first == "A2 A1:M\(Int(cities)! + 1) True \(Int(cities)! + 1)")
        #expect(lines.contains { $0.hasPrefix("id int ") && $0.hasSuffix(" General") })
        #expect(lines.contains("name str 'Łódź' @"))
        #expect(lines.contains("partner_budget float 150000.5 #,##0.00"))
        #expect(lines.contains("teryt str '1061011' @"))
        #expect(lines.contains("notes str '=HYPERLINK(\"x\")\\nsecond line; with \"quotes\", commas' @"))
    }

    @Test func datesAreDatesAndTheWholeRegisterIsOneWorkbookWithASheetPerEntity() throws {
        let folder = try source()
        let file = try export(["all"], from: folder, to: "register.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            print(",".join(wb.sheetnames))
            ws = wb["activity"]; head = [c.value for c in ws[1]]
            c = ws.cell(row=2, column=head.index("start_date") + 1)
            print(type(c.value).__name__, c.number_format, ws.max_row - 1)
            """
        let lines = try openpyxl(script, file).split(separator: "\n").map(String.init)
        #expect(lines.first == "city,partner,contact,partnership,activity,expense,topic")
        let activities = try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM activity").stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(lines.last == "datetime yyyy\\-mm\\-dd \(activities)")
        let csv = try CommandRunner.run(["export", "all", "--db", folder.database])
        #expect(csv.status == 64 && csv.stderr.contains("all is one workbook with a sheet per entity: give --format xlsx --output FILE"))
    }

    @Test func aReportIsAWorkbookWithItsMoneyAsNumbers() throws {
        let folder = try source()
        let file = folder.url.appendingPathComponent("budget.xlsx").path
        let result = try CommandRunner.run(["report", "budget", "--format", "xlsx", "--output", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        let script = """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1])["budget"]; head = [c.value for c in ws[1]]
            row = next(r for r in ws.iter_rows(min_row=2) if r[head.index("city")].value == "Łódź")
            print(repr(row[head.index("allocation")].value), row[head.index("allocation")].number_format)
            """
        #expect(try openpyxl(script, file) == "150000.5 #,##0.00\n")
    }

    /// A workbook on a terminal would only scramble the screen: refused, with what to do instead.
    @Test func aWorkbookIsNeverWrittenToATerminal() throws {
        let folder = try source()
        for arguments in [["export", "city"], ["report", "budget"]] {
            let screen = try CommandRunner.onTerminal(arguments + ["--format", "xlsx", "--db", folder.database], in: folder)
            #expect(screen.status == 64, "\(arguments)")
            #expect(screen.stdout.contains("An .xlsx workbook is not for a terminal: give --output FILE"), "\(arguments)")
            #expect(!screen.stdout.contains("PK"), "\(arguments)")
        }
    }
}
