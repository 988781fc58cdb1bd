import Foundation
import Registry
import Testing

/// Files as they arrive: as Excel saves them, quoted CSV with CR line ends, Windows encodings,
/// stdin, bad JSON, and files and options that cannot be used.
struct ImportFileTests: ImportTesting {
    @Test func filesSavedByExcelWorkAsTheyAre() throws {
        let folder = try TemporaryFolder()
        // Byte-order mark, ';' separators, CRLF, a header in odd case and spacing, a quoted
        // field with a line break, leading zeros, decimal comma under --excel.
        let text =
            "\u{FEFF} Name ;VOIVODESHIP; teryt ;notes;partner_budget\r\n"
            + "Łódź;łódzkie;1061011;\"first line\r\nsecond; line\";1234,50\r\n"
            + "Żary;lubuskie;0811011;;\r\n\r\n"
        let file = try write(text, to: "excel.csv", in: folder)
        let result = try CommandRunner.run(["import", "city", file, "--excel", "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported city from \(file): 2 inserted, 0 updated, 0 unchanged.\n")
        let rows = try CommandRunner.sqlite(folder.database, "SELECT name, teryt, notes, partner_budget_cents FROM city ORDER BY id").stdout
        #expect(rows == "Łódź|1061011|first line\r\nsecond; line|123450\nŻary|0811011||\n")
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

    @Test func aQuestionMarkForANorwegianLetterThatWindows1250CouldNotHoldIsRefused() throws {
        let folder = try TemporaryFolder()
        // As Polish Excel saves Norwegian names: ø and æ became '?'. Question marks of their own
        // (ending a sentence in the notes, in a web address) are kept.
        let text = """
            name,kind,county,website,notes
            Troms? kommune,municipality,Troms,,
            B?rum kommune,municipality,Akershus,,
            Bergen kommune,municipality,Vestland,https://www.bergen.kommune.no/?lang=en,Why not? Ask again.
            Tromsø test,municipality,Tr?ndelag,,
            Oslo kommune,municipality,Oslo,,bes?ker gjerne

            """
        let file = try write(text, to: "no.csv", in: folder)
        let refused = try CommandRunner.run(["import", "partner", file, "--encoding", "windows-1250", "--db", folder.database])
        #expect(refused.status == 65)
        let reason =
            "has '?' where a letter should be: windows-1250 cannot hold the Norwegian letters æ, ø and å, "
            + "so the program that saved the file wrote '?' for them; save it as CSV UTF-8 (or .xlsx) and import that"
        for place in [
            "line 2, name 'Troms? kommune'", "line 3, name 'B?rum kommune'", "line 5, county 'Tr?ndelag'", "line 6, notes 'bes?ker gjerne'",
        ] {
            #expect(refused.stderr.contains("\(place): \(reason)"), "\(place): \(refused.stderr)")
        }
        #expect(!refused.stderr.contains("line 4"), "\(refused.stderr)")
        #expect(try count("partner", in: folder.database) == "0")
        // A question mark ending a word is the text's own.
        let utf8 = try write("name,kind,notes\nBergen kommune,municipality,Why not? Ask again.\n", to: "ok.csv", in: folder)
        #expect(try CommandRunner.run(["import", "partner", utf8, "--encoding", "windows-1250", "--db", folder.database]).status == 0)
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
