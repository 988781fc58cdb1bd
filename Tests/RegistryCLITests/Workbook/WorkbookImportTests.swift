import Foundation
import Registry
import Testing

/// .xlsx workbooks imported as they arrive: written by openpyxl, or by hand as other programs write
/// SpreadsheetML, and hostile ones refused with nothing written. The workbooks come from
/// `scripts/test-workbooks.py` (openpyxl from PyPI; .ci/run installs it).
struct WorkbookImportTests: ImportTesting {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/test-workbooks.py").path

    /// A register with Łódź and Tromsø kommune, and the workbook `kind` written beside it.
    func workbook(_ kind: String) throws -> (folder: TemporaryFolder, file: String) {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("\(kind).xlsx").path
        let made = try CommandRunner.process([Self.script, kind, file], binary: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(made.status == 0, "test-workbooks.py \(kind): \(made.stderr)")
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", county: "Troms"))
        return (folder, file)
    }

    func cities(_ folder: TemporaryFolder) throws -> String {
        try CommandRunner.sqlite(folder.database, "SELECT name, voivodeship, population, partner_budget_cents, teryt, notes FROM city ORDER BY id")
            .stdout
    }

    @Test func aWorkbookFromOpenpyxlImportsItsChosenSheetWithNumbersAndLettersAsTheyShow() throws {
        let (folder, file) = try workbook("openpyxl")
        let result = try CommandRunner.run(["import", "city", file, "--sheet", "Towns", "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported city from \(file): 3 inserted, 0 updated, 0 unchanged.\n")
        // 58000.0 is 58000, 0.1 + 0.2 is 0.3 (Excel's 15 digits), text codes keep their zeros, the empty row is skipped.
        #expect(
            try cities(folder) == """
                Łódź|łódzkie||||
                Grudziądz|kujawsko-pomorskie|92552|12000050|0462011|Tromsø & Łódź <b>
                Kędzierzyn-Koźle|opolskie|58000|30||
                Żary|lubuskie||123456789|0811011|line one
                line two

                """)
        let bySheetNumber = try CommandRunner.run(["import", "city", file, "--sheet", "2", "--update", "--db", folder.database])
        #expect(bySheetNumber.stdout.contains("0 inserted, 0 updated, 3 unchanged"), "\(bySheetNumber.stderr)")
    }

    @Test func organisationNumbersGivenAsNumbersAreReadAsTheirDigits() throws {
        let (folder, file) = try workbook("openpyxl-partners")
        let result = try CommandRunner.run(["import", "partner", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT name, org_number FROM partner WHERE id > 1 ORDER BY id").stdout
                == "Bergen kommune|964338531\nBodø kommune|972418013\n")
        // A CSV keeps them as a spreadsheet showed them, grouped with no-break spaces.
        let csv = folder.url.appendingPathComponent("p.csv").path
        try "name,kind,org_number\nStavanger kommune,municipality,964\u{A0}965\u{A0}137\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let grouped = try CommandRunner.run(["import", "partner", csv, "--db", folder.database])
        #expect(grouped.status == 0, "\(grouped.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT org_number FROM partner WHERE name = 'Stavanger kommune'").stdout == "964965137\n")
    }

    @Test func theFirstSheetIsTheDefaultAndAnUnknownSheetNamesTheSheetsThereAre() throws {
        let (folder, file) = try workbook("openpyxl")
        let before = try RegisterState(folder.database)
        let first = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(first.status == 65)
        #expect(first.stderr.contains("Notes!A1 'not': is not a column of city"))
        let unknown = try CommandRunner.run(["import", "city", file, "--sheet", "Miasta", "--db", folder.database])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("sheet 'Miasta': is not a sheet of \(file); its sheets are 1 Notes, 2 Towns"))
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func datesInDateFormattedCellsImportAsDatesAndBooleansAsYesOrNo() throws {
        let (folder, file) = try workbook("openpyxl-dates")
        let result = try CommandRunner.run(["import", "partnership", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try CommandRunner.sqlite(
                folder.database, "SELECT status, budget_cents, signed_date, start_date, end_date, improved_knowledge, continues FROM partnership"
            ).stdout == "agreed|9500000|2024-03-01|2024-06-09||yes|no\n")
    }

    @Test func sharedRichInlineAndFormulaStringsAndThe1904DateSystemAreRead() throws {
        let (folder, file) = try workbook("by-hand")
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        // Serial 44927 in the 1904 system is 2027-01-02 (1904-01-01 plus 44927 days).
        #expect(
            try cities(folder) == """
                Łódź|łódzkie||||
                Bielsko-Biała|śląskie|171000|||Inline & Łódź
                Nysa|opolskie||||2027-01-02

                """)
    }

    @Test func aBadCellIsNamedAsExcelShowsItAndNothingIsWritten() throws {
        let (folder, file) = try workbook("openpyxl-dates")
        let other = folder.url.appendingPathComponent("bad.xlsx").path
        let python = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
            ws.title = "Umowy 2024"; ws["D2"] = "dużo"; ws["C2"] = "maybe"
            wb.save(sys.argv[2])
            """
        let edited = try CommandRunner.process(["-c", python, file, other], binary: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(edited.status == 0, "\(edited.stderr)")
        let before = try RegisterState(folder.database)
        let result = try CommandRunner.run(["import", "partnership", other, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'Umowy 2024'!C2 (status) 'maybe':"), "\(result.stderr)")
        #expect(result.stderr.contains("'Umowy 2024'!D2 (budget) 'dużo':"), "\(result.stderr)")
        #expect(try RegisterState(folder.database) == before)
    }

    /// A formula openpyxl wrote has no saved value: it is refused, never read as an empty cell.
    @Test func aFormulaWithoutASavedValueIsRefusedNotReadAsEmpty() throws {
        let (folder, file) = try workbook("openpyxl-dates")
        let other = folder.url.appendingPathComponent("formula.xlsx").path
        let python = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1]); wb.active['D2'] = '=90000+5000'; wb.save(sys.argv[2])"
        #expect(try CommandRunner.process(["-c", python, file, other], binary: URL(fileURLWithPath: "/usr/bin/python3")).status == 0)
        let result = try CommandRunner.run(["import", "partnership", other, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Sheet1!D2: is a formula with no saved value"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("bomb", "xl/worksheets/sheet1.xml inflates beyond its declared size (a zip bomb?); it is not read"),
        ("doctype", "is not well-formed XML: it has a document type declaration"),
        ("deep", "is not well-formed XML: elements are nested more than 64 deep"),
        ("bad-xml", "is not well-formed XML: it ends inside an element"),
        ("crc", "the zip entry xl/worksheets/sheet1.xml is damaged (its size or checksum is wrong)"),
        ("zip64-offset", "the zip entry xl/worksheets/sheet1.xml is cut short"),
        ("ods", "it is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8 and import that"),
    ])
    func hostileAndForeignWorkbooksAreRefusedWithNothingWritten(kind: String, message: String) throws {
        let (folder, file) = try workbook(kind)
        let before = try RegisterState(folder.database)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 65, "damaged or hostile content is invalid input data")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func filesThatAreNotCSVOrJSONSayWhatTheyAre() throws {
        let (folder, file) = try workbook("openpyxl")
        let asCSV = try CommandRunner.run(["import", "city", file, "--format", "csv", "--db", folder.database])
        #expect(asCSV.status == 65 && asCSV.stderr.contains("it is a zip file (an .xlsx workbook?), not csv; drop --format csv"))
        let xls = try write(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)), to: "old.xls", in: folder)
        #expect(try CommandRunner.run(["import", "city", xls, "--db", folder.database]).stderr.contains("an Excel 97–2003 workbook (.xls)"))
        let pdf = try write("%PDF-1.7\n", to: "towns.pdf", in: folder)
        #expect(try CommandRunner.run(["import", "city", pdf, "--db", folder.database]).stderr.contains("it is a PDF document"))
        let truncated = try write(Data("PK\u{3}\u{4}cut".utf8), to: "cut.xlsx", in: folder)
        #expect(try CommandRunner.run(["import", "city", truncated, "--db", folder.database]).stderr.contains("it has no zip directory"))
    }
}

/// Values a spreadsheet has touched, in a CSV file it saved: accepted where their meaning is
/// certain, refused with a hint where not, and nothing written then.
struct SpreadsheetValueTests: ImportTesting {
    func register() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", county: "Troms"))
        return folder
    }

    @Test func shortDatesAndDecimalCommasAreReadAsTheyWereMeant() throws {
        let folder = try register()
        let file = try write(
            "city;partner;status;budget;signed_date;start_date\nŁódź;Tromsø kommune;agreed;\"1 234 567,50\";9.6.2022;09.06.2022\n",
            to: "saved.csv", in: folder)
        let result = try CommandRunner.run(["import", "partnership", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT budget_cents, signed_date, start_date FROM partnership").stdout
                == "123456750|2022-06-09|2022-06-09\n")
    }

    @Test(arguments: [
        ("1.234.567,5", "123456750"), ("1234,5", "123450"), ("1\u{00A0}234,50", "123450"), ("1 234", "123400"), ("1234.50", "123450"),
        // As LibreOffice and English-language Excel show money in a CSV they save.
        ("3,461,000.00", "346100000"), ("153,700.5", "15370050"), ("1,234,567", "123456700"), ("999.99", "99999"),
    ])
    func moneyWithThousandsSeparatorsIsRead(typed: String, cents: String) throws {
        let folder = try register()
        let file = try write("name;voivodeship;partner_budget\nNysa;opolskie;\"\(typed)\"\n", to: "m.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 0, "\(typed): \(result.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT partner_budget_cents FROM city WHERE name = 'Nysa'").stdout == cents + "\n")
    }

    @Test(arguments: [
        ("partner_budget", "1,234", "line 2, partner_budget '1,234': is ambiguous: a thousands separator or a decimal comma?"),
        ("partner_budget", "1.234,5.0", "line 2, partner_budget '1.234,5.0'"),
        ("partner_budget", "12,34.50", "line 2, partner_budget '12,34.50'"), ("partner_budget", "1,234,56", "line 2, partner_budget '1,234,56'"),
    ])
    func moneyWhoseMeaningIsNotCertainIsRefused(column: String, typed: String, message: String) throws {
        let folder = try register()
        let before = try RegisterState(folder.database)
        let file = try write("name;voivodeship;\(column)\nNysa;opolskie;\(typed)\n", to: "m.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try RegisterState(folder.database) == before)
    }
}
