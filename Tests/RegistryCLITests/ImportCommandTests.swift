import Foundation
import Registry
import Testing

/// `registry import`: round trips, files as Excel saves them, encodings, every kind of bad row
/// (all or nothing), dry runs, updates, stdin and the audit change set.
struct ImportCommandTests {
    static let entities = ["city", "partner", "contact", "partnership", "activity", "expense"]

    /// A demo register with awkward values: Polish and Norwegian letters, a formula-like note,
    /// a leading-zero TERYT code and phone number, a note with a line break and quotes.
    func source() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "300"]).status == 0)
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(
            CityInput(
                name: "Łódź", voivodeship: "łódzkie", partnerBudget: "150000.5", teryt: "0201011",
                notes: "=HYPERLINK(\"x\")\nsecond line; with \"quotes\", commas"))
        _ = try registry.addPartner(PartnerInput(name: "Våler kommune", kind: "municipality", county: "ostfold", notes: "'quoted"))
        _ = try registry.addContact(ContactInput(name: "Ærlig Øst", partner: "Våler kommune", phone: "0047 123", notes: "-minus"))
        return folder
    }

    func write(_ text: String, to name: String, in folder: TemporaryFolder) throws -> String {
        try write(Data(text.utf8), to: name, in: folder)
    }

    func write(_ data: Data, to name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func count(_ table: String, in database: String) throws -> String {
        try CommandRunner.sqlite(database, "SELECT count(*) FROM \(table)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Exports every entity of `from`, imports them in order into an empty register, and
    /// expects the second export to be identical, byte for byte.
    func roundTrip(_ exportArguments: [String], _ importArguments: [String]) throws {
        let from = try source()
        let to = try TemporaryFolder()
        for entity in Self.entities {
            let exported = try CommandRunner.run(["export", entity, "--db", from.database] + exportArguments)
            let file = try write(exported.stdout, to: "\(entity).data", in: to)
            let imported = try CommandRunner.run(["import", entity, file, "--db", to.database] + importArguments)
            #expect(imported.status == 0, "\(entity) \(exportArguments): \(imported.stderr)")
            let again = try CommandRunner.run(["export", entity, "--db", to.database] + exportArguments)
            #expect(again.stdout == exported.stdout, "\(entity) \(exportArguments) differs after the round trip")
            #expect(!exported.stdout.isEmpty)
        }
    }

    @Test func csvExportImportsBackUnchanged() throws {
        try roundTrip([], [])
    }

    @Test func jsonExportImportsBackUnchanged() throws {
        try roundTrip(["--format", "json"], ["--format", "json"])
    }

    @Test func ndjsonExportImportsBackUnchanged() throws {
        try roundTrip(["--format", "ndjson"], ["--format", "json"])
    }

    @Test func excelExportImportsBackUnchangedWithExcel() throws {
        try roundTrip(["--excel"], ["--excel"])
    }

    @Test func polishAndNorwegianLettersArePreservedByteForByte() throws {
        let folder = try TemporaryFolder()
        let names = ["Łódź", "Świętochłowice", "Żółć Ęą", "Kędzierzyn-Koźle"]
        let file = try write("name,voivodeship\n" + names.map { "\($0),łódzkie" }.joined(separator: "\n"), to: "c.csv", in: folder)
        #expect(try CommandRunner.run(["import", "city", file, "--db", folder.database]).status == 0)
        let stored = try CommandRunner.sqlite(folder.database, "SELECT hex(name) FROM city ORDER BY id").stdout
        #expect(stored == names.map { Data($0.utf8).map { String(format: "%02X", $0) }.joined() + "\n" }.joined())
        let partners = try write(
            "name,kind,county\nTromsø kommune,municipality,Troms\nBærum kommune,municipality,Akershus\n", to: "p.csv", in: folder)
        #expect(try CommandRunner.run(["import", "partner", partners, "--db", folder.database]).status == 0)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name FROM partner ORDER BY id").stdout == "Tromsø kommune\nBærum kommune\n")
    }

    @Test func filesSavedByExcelWorkAsTheyAre() throws {
        let folder = try TemporaryFolder()
        // Byte-order mark, ';' separators, CRLF, a header in odd case and spacing, a quoted
        // field with a line break, leading zeros, decimal comma under --excel.
        let text =
            "\u{FEFF} Name ;VOIVODESHIP; teryt ;notes;partner_budget\r\n"
            + "Łódź;łódzkie;0201011;\"first line\r\nsecond; line\";1234,50\r\n"
            + "Żary;lubuskie;0811011;;\r\n\r\n"
        let file = try write(text, to: "excel.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--excel", "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported city from \(file): 2 inserted, 0 updated, 0 unchanged.\n")
        let rows = try CommandRunner.sqlite(folder.database, "SELECT name, teryt, notes, partner_budget_cents FROM city ORDER BY id").stdout
        #expect(rows == "Łódź|0201011|first line\r\nsecond; line|123450\nŻary|0811011||\n")
    }

    @Test func commaSeparatedFilesWithQuotesAndCRLineEndsWork() throws {
        let folder = try TemporaryFolder()
        let file = try write(
            "name,voivodeship,notes\r\"Bielsko-Biała\",śląskie,\"says \"\"hello\"\", twice\"\rNysa,opolskie,\n", to: "c.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT name, notes FROM city ORDER BY id").stdout
                == "Bielsko-Biała|says \"hello\", twice\nNysa|\n")
    }

    @Test func windowsEncodingsAreReadWithEncodingAndRefusedWithout() throws {
        let folder = try TemporaryFolder()
        // "Łódź,łódzkie" in Windows-1250 and "Tromsø kommune" in Windows-1252.
        let polish = Data("name,voivodeship\n".utf8) + Data([0xA3, 0xF3, 0x64, 0x9F, 0x2C, 0xB3, 0xF3, 0x64, 0x7A, 0x6B, 0x69, 0x65, 0x0A])
        let file = try write(polish, to: "pl.csv", in: folder)
        let refused = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 2") && refused.stderr.contains("--encoding windows-1250"))
        #expect(try count("city", in: folder.database) == "0")
        let read = try CommandRunner.run(["import", "city", file, "--encoding", "windows-1250", "--db", folder.database])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name, voivodeship FROM city").stdout == "Łódź|łódzkie\n")

        let norwegian =
            Data("name,kind\nTroms".utf8) + Data([0xF8]) + Data(" kommune,municipality\nB".utf8) + Data([0xE6]) + Data("rum,company\n".utf8)
        let partners = try write(norwegian, to: "no.csv", in: folder)
        #expect(try CommandRunner.run(["import", "partner", partners, "--encoding", "windows-1252", "--db", folder.database]).status == 0)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name FROM partner ORDER BY id").stdout == "Tromsø kommune\nBærum\n")

        // ISO-8859-2 puts Ł and ś elsewhere than Windows-1250.
        let latin2 = Data("name,voivodeship\n".utf8) + Data([0xA3, 0x61, 0x73, 0x6B, 0x2C, 0xB6, 0x6C, 0xB1, 0x73, 0x6B, 0x69, 0x65, 0x0A])
        let latin2File = try write(latin2, to: "latin2.csv", in: folder)
        #expect(try CommandRunner.run(["import", "city", latin2File, "--encoding", "iso-8859-2", "--db", folder.database]).status == 0)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name, voivodeship FROM city WHERE id = 2").stdout == "Łask|śląskie\n")
    }

    @Test func everyBadRowIsReportedWithLineColumnValueAndReasonAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "0"]).status == 0)
        let before = try CommandRunner.sqlite(folder.database, "SELECT (SELECT count(*) FROM city), (SELECT count(*) FROM audit_log)").stdout
        let text = """
            id,name,voivodeship,population,status,partner_budget,teryt,website,topics
            ,Good Town,mazowieckie,1000,selected,10.00,,,
            ,Bad Number,mazowieckie,many,,,,,
            ,Nowhere,atlantis,,,,,,
            ,,mazowieckie,,,,,,
            ,Short Row,mazowieckie
            ,"Broken "quote,mazowieckie,,,,,,
            ,Bad Money,mazowieckie,,,12.345,,,
            ,Bad Status,mazowieckie,,famous,,,,
            ,Bad Teryt,mazowieckie,,,,12,,
            ,Bad Site,mazowieckie,,,,,ftp://x,
            ,Bad Topic,mazowieckie,,,,,,no_such_topic
            x,Bad Id,mazowieckie,,,,,,
            ,Good Town,mazowieckie,,,,,,
            ,Piła,wielkopolskie,,,,,,

            """
        let file = try write(text, to: "bad.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 65)
        let expectations = [
            "line 3, population 'many'", "line 4, voivodeship 'atlantis'", "line 5, name", "line 6: has 3 fields where the header has 9",
            "line 7: field 2 has text after its closing quote", "line 8, partner_budget '12.345'", "line 9, status 'famous'",
            "line 10, teryt '12'", "line 11, website 'ftp://x'", "line 12, topics 'no_such_topic'", "line 13, id 'x'",
            "line 14, name 'Good Town'", "line 15, name 'Piła': the city is already in the register",
        ]
        for expected in expectations { #expect(result.stderr.contains(expected), "\(expected) missing from:\n\(result.stderr)") }
        #expect(!result.stderr.contains("line 2"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try CommandRunner.sqlite(folder.database, "SELECT (SELECT count(*) FROM city), (SELECT count(*) FROM audit_log)").stdout == before)
    }

    @Test func oneBadRowAtTheEndOfThousandsWritesNothing() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "0"]).status == 0)
        var text = "city,partner,kind,title,start_date,planned_cost\n"
        for number in 1...5000 { text += "Piła,Lørenskog kommune,workshop,Workshop \(number),2025-03-01,100.00\n" }
        text += "Piła,Lørenskog kommune,workshop,The last one,2025-02-30,100.00\n"
        let file = try write(text, to: "many.csv", in: folder)
        let result = try CommandRunner.run(["import", "activity", file, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 5002, start_date '2025-02-30'"))
        #expect(try count("activity", in: folder.database) == "0")
        let fixed = try write(text.replacingOccurrences(of: "2025-02-30", with: "2025-02-28"), to: "fixed.csv", in: folder)
        let imported = try CommandRunner.run(["import", "activity", fixed, "--db", folder.database, "--as", "ola"])
        #expect(imported.stdout.contains("5001 inserted"), "\(imported.stderr)")
        #expect(try count("activity", in: folder.database) == "5001")
    }

    @Test func unknownAndRepeatedColumnsAreRefused() throws {
        let folder = try TemporaryFolder()
        let file = try write("name,voivodeship,mayor,Name\nŁódź,łódzkie,Hanna,Łódź\n", to: "c.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 1, column 3 'mayor': is not a column of city; the columns are id, name, voivodeship"))
        #expect(result.stderr.contains("line 1, column 4 'Name': is given twice"))
        #expect(try count("city", in: folder.database) == "0")
    }

    @Test func dryRunReportsCountsAndWritesNothing() throws {
        let folder = try source()
        let export = try CommandRunner.run(["export", "city", "--db", folder.database])
        let edited = export.stdout.replacingOccurrences(of: "Łódź,łódzkie,,applicant", with: "Łódź,łódzkie,,selected")
        let file = try write(edited + "99,Nowy Targ,małopolskie,,,,,,,,,,\r\n", to: "c.csv", in: folder)
        let before = try CommandRunner.sqlite(
            folder.database, "SELECT count(*), (SELECT count(*) FROM audit_log), (SELECT status FROM city WHERE name = 'Łódź') FROM city"
        ).stdout
        let dry = try CommandRunner.run(["import", "city", file, "--update", "--dry-run", "--db", folder.database])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == "Dry run, nothing written: would be 1 inserted, 1 updated, 41 unchanged.\n")
        #expect(
            try CommandRunner.sqlite(
                folder.database, "SELECT count(*), (SELECT count(*) FROM audit_log), (SELECT status FROM city WHERE name = 'Łódź') FROM city"
            ).stdout == before)
        let bad = try write("name,voivodeship\nX,nowhere\n", to: "bad.csv", in: folder)
        #expect(try CommandRunner.run(["import", "city", bad, "--dry-run", "--db", folder.database]).status == 65)
    }

    @Test func updateChangesExistingRecordsCountsThemAndLogsOneChangeSet() throws {
        let folder = try source()
        let file = try write(
            "name,voivodeship,status,topics\n"
                + "Łódź,łódzkie,selected,renewable_energy\n"
                + "Piła,wielkopolskie,selected,\n"  // Piła's topics cleared
                + "Nowy Targ,małopolskie,applicant,youth\n",
            to: "c.csv", in: folder)
        let refused = try CommandRunner.run(["import", "city", file, "--db", folder.database])
        #expect(refused.status == 65 && refused.stderr.contains("use --update"))
        let logBefore = Int(try count("audit_log", in: folder.database))!
        let result = try CommandRunner.run(["import", "city", file, "--update", "--db", folder.database, "--as", "kari"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("1 inserted, 2 updated, 0 unchanged.\n"))
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT status FROM city WHERE name IN ('Łódź', 'Nowy Targ') ORDER BY id").stdout
                == "selected\napplicant\n")
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM city_topic JOIN city ON city.id = city_id WHERE name = 'Piła'").stdout
                == "0\n")
        let entries = try CommandRunner.sqlite(
            folder.database, "SELECT actor, table_name, action, coalesce(row_id, '') FROM audit_log WHERE id > \(logBefore) ORDER BY id"
        ).stdout
        // Updates and removed links row by row; the new city and the added links as one entry per table.
        #expect(entries.contains("kari|city|update|"))
        #expect(entries.contains("kari|city_topic|delete|"))
        #expect(entries.contains("kari|city|import|\n"))
        #expect(entries.contains("kari|city_topic|import|\n"))
        #expect(!entries.contains("|insert|"))
        let summary = try CommandRunner.sqlite(
            folder.database, "SELECT new_values FROM audit_log WHERE action = 'import' AND table_name = 'city' ORDER BY id DESC LIMIT 1"
        )
        .stdout
        #expect(summary == "{\"ids\":\"43\",\"rows\":1,\"source\":\"\(file)\"}\n")
        let again = try CommandRunner.run(["import", "city", file, "--update", "--db", folder.database])
        #expect(again.stdout.hasSuffix("0 inserted, 0 updated, 3 unchanged.\n"))
    }

    @Test func idsAreKeptWhenFreeAndMustAgreeWithTheRecordTheRowNames() throws {
        let folder = try source()
        let file = try write("id,name,voivodeship\n500,Nowy Targ,małopolskie\n3,Łódź,łódzkie\n1,Gniezno,wielkopolskie\n", to: "c.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--update", "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 3, id '3': this city is id 42 in the register"))
        #expect(result.stderr.contains("line 4, id '1': belongs to another city"))
        let good = try write("id,name,voivodeship\n500,Nowy Targ,małopolskie\n", to: "good.csv", in: folder)
        #expect(try CommandRunner.run(["import", "city", good, "--db", folder.database]).status == 0)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT id FROM city WHERE name = 'Nowy Targ'").stdout == "500\n")
    }

    @Test func activitiesAreMatchedByIdAndTheirExportUpdatesThem() throws {
        let folder = try source()
        let export = try CommandRunner.run(["export", "activity", "--db", folder.database])
        let lines = export.stdout.components(separatedBy: "\r\n")
        let id = try #require(lines[1].split(separator: ",").first)
        let title = try #require(lines[1].split(separator: ",").dropFirst(4).first)
        let edited = ([lines[0], lines[1].replacingOccurrences(of: ",\(title),", with: ",Renamed visit,")] + lines.dropFirst(2))
            .joined(separator: "\r\n")
        let file = try write(edited, to: "a.csv", in: folder)
        let refused = try CommandRunner.run(["import", "activity", file, "--db", folder.database])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 2, id '\(id)': belongs to another activity; use --update"))
        let updated = try CommandRunner.run(["import", "activity", file, "--update", "--db", folder.database])
        #expect(updated.stdout.hasSuffix("0 inserted, 1 updated, 299 unchanged.\n"), "\(updated.stdout)\(updated.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT title FROM activity WHERE id = \(id)").stdout == "Renamed visit\n")
    }

    @Test func referencesAreFullNamesAndUnknownOnesAreReported() throws {
        let folder = try source()
        let file = try write(
            "name,city,partner,email\nAnna Nowak,Łódź,,anna@example.pl\nJan,Łód,,\nOla,,Nowhere kommune,\nPer,,våler kommune,\n", to: "c.csv",
            in: folder)
        let result = try CommandRunner.run(["import", "contact", file, "--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("line 3, city 'Łód': no city of that name in the register"))
        #expect(result.stderr.contains("line 4, partner 'Nowhere kommune'"))
        #expect(!result.stderr.contains("line 2") && !result.stderr.contains("line 5"))
    }

    @Test func expensesFindTheirActivityByIdOrByTitleInThePartnership() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "0"]).status == 0)
        let activities = try write("city,partner,kind,title\nPiła,Lørenskog kommune,workshop,Waste day\n", to: "a.csv", in: folder)
        #expect(try CommandRunner.run(["import", "activity", activities, "--db", folder.database]).status == 0)
        let id = try CommandRunner.sqlite(folder.database, "SELECT id FROM activity").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let expenses = try write(
            "activity_id,activity,city,partner,amount,category\n\(id),,,,10.00,venue\n,Waste day,Piła,Lørenskog kommune,5.5,travel\n,No such,Piła,Lørenskog kommune,1,travel\n",
            to: "e.csv", in: folder)
        let result = try CommandRunner.run(["import", "expense", expenses, "--db", folder.database])
        #expect(result.status == 65 && result.stderr.contains("line 4, activity_id 'No such'"), "\(result.stderr)")
        let fixed = try write(
            "activity_id,activity,city,partner,amount,category\n\(id),,,,10.00,venue\n,Waste day,Piła,Lørenskog kommune,5.5,travel\n", to: "f.csv",
            in: folder)
        #expect(try CommandRunner.run(["import", "expense", fixed, "--db", folder.database]).status == 0)
        #expect(
            try CommandRunner.sqlite(folder.database, "SELECT activity_id, amount_cents FROM expense ORDER BY id").stdout == "\(id)|1000\n\(id)|550\n"
        )
    }

    @Test func stdinIsReadWithADash() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["import", "city", "-", "--db", folder.database], stdin: "name;voivodeship\nŁódź;łódzkie\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported city from -: 1 inserted, 0 updated, 0 unchanged.\n")
        let json = try CommandRunner.run(
            ["import", "partner", "-", "--format", "json", "--db", folder.database],
            stdin: #"[{"name": "Bodø kommune", "kind": "municipality", "topics": ["youth"]}]"#)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(
            try CommandRunner.sqlite(
                folder.database, "SELECT source FROM (SELECT json_extract(new_values, '$.source') AS source FROM audit_log WHERE action = 'import')"
            ).stdout == "stdin\nstdin\nstdin\n")
    }

    @Test func badJSONIsRefusedClearly() throws {
        let folder = try TemporaryFolder()
        let cases: [(String, String)] = [
            (#"[{"name": "A", "voivodeship": "łódzkie"} {"name": "B"}]"#, "separated by commas"),
            (#"[{"name": {"nested": {"deeper": 1}}}]"#, "line 1: values nest deeper"),
            (#"[{"name": "A", "voivodeship": "łódzkie", "mayor": "X"}]"#, "line 1, mayor: is not a column of city"),
            (#"[{"name": "A", "voivodeship": "łódzkie"}"#, "never closed with ]"),
            (#"["A"]"#, "must be a JSON object"),
            (#"{"name": "A", "voivodeship": "łódzkie", "population": true}"#, "population"),
            ("", "the file is empty"),
        ]
        for (text, expected) in cases {
            let file = try write(text, to: "bad.json", in: folder)
            let result = try CommandRunner.run(["import", "city", file, "--db", folder.database])
            #expect(result.status == 65, "\(text)")
            #expect(result.stderr.contains(expected), "\(text): \(result.stderr)")
        }
        #expect(try count("city", in: folder.database) == "0")
    }

    @Test func unusableFilesAndOptionsAreRefused() throws {
        let folder = try TemporaryFolder()
        let folderResult = try CommandRunner.run(["import", "city", folder.url.path, "--db", folder.database])
        #expect(folderResult.status == 1 && folderResult.stderr.contains("is a folder"))
        let missing = try CommandRunner.run(["import", "city", "nope.csv", "--db", folder.database])
        #expect(missing.status == 1 && missing.stderr.contains("nope.csv"))
        let empty = try CommandRunner.run(["import", "city", try write("", to: "empty.csv", in: folder), "--db", folder.database])
        #expect(empty.status == 65 && empty.stderr.contains("the file is empty"))
        let unclosed = try CommandRunner.run(["import", "city", try write("name\n\"Łódź\n", to: "u.csv", in: folder), "--db", folder.database])
        #expect(unclosed.status == 65 && unclosed.stderr.contains("line 2: a quoted field is never closed"))
        #expect(try CommandRunner.run(["import", "topic", "x.csv", "--db", folder.database]).status == 64)
        #expect(try CommandRunner.run(["import", "city", "x.json", "--excel", "--db", folder.database]).status == 64)
    }
}
