import Foundation
import Registry
import Testing

/// `import --dry-run`: every change listed field by field (record, field, before, after) in each
/// output format, with the counts, and nothing written.
struct ImportDryRunTests: ImportTesting {
    /// The source register with Łódź's status and topics edited and a new town, as an edited export.
    func editedCities() throws -> (folder: TemporaryFolder, file: String) {
        let folder = try source()
        let export = try CommandRunner.run(["export", "city", "--db", folder.database])
        let edited = export.stdout.replacingOccurrences(
            of: "Łódź,łódzkie,,applicant,150000.50,,,,", with: "Łódź,łódzkie,,selected,150000.50,,,\"youth,ict\",")
        #expect(edited != export.stdout)
        let file = try write(edited + "99,Nowy Targ,małopolskie,33000,,,,,,,,,\r\n", to: "c.csv", in: folder)
        return (folder, file)
    }

    @Test func theChangesAreListedFieldByFieldWithTheCountsAndNothingIsWritten() throws {
        let (folder, file) = try editedCities()
        let before = try RegisterState(folder.database)
        let dry = try CommandRunner.run(["import", "city", file, "--update", "--dry-run", "--output-format", "csv", "--db", folder.database])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout
                == """
                kind,id,record,field,before,after
                city,42,Łódź,status,applicant,selected
                city,42,Łódź,topics,,"youth,ict"
                city,99,Nowy Targ,name,,Nowy Targ
                city,99,Nowy Targ,voivodeship,,małopolskie
                city,99,Nowy Targ,population,,33000
                city,99,Nowy Targ,status,,applicant

                """.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(dry.stderr == "Dry run, nothing written: would be 1 inserted, 1 updated, 41 unchanged.\n")
        #expect(try RegisterState(folder.database) == before)
        // The import itself then does what the list said.
        let done = try CommandRunner.run(["import", "city", file, "--update", "--db", folder.database])
        #expect(done.stdout == "Imported city from \(file): 1 inserted, 1 updated, 41 unchanged.\n", "\(done.stderr)")
        #expect(
            try CommandRunner.sqlite(
                folder.database,
                "SELECT status, (SELECT group_concat(code) FROM (SELECT t.code FROM city_topic ct JOIN topic t ON t.id = ct.topic_id WHERE ct.city_id = city.id ORDER BY t.code)) FROM city WHERE id IN (42, 99) ORDER BY id"
            ).stdout == "selected|ict,youth\napplicant|\n")
    }

    @Test(arguments: ["table", "tsv", "json", "ndjson", "markdown", "html"])
    func everyOutputFormatListsTheSameChanges(_ format: String) throws {
        let (folder, file) = try editedCities()
        let dry = try CommandRunner.run(["import", "city", file, "--update", "--dry-run", "--output-format", format, "--db", folder.database])
        #expect(dry.status == 0, "\(dry.stderr)")
        for text in ["Łódź", "applicant", "selected", "youth,ict", "Nowy Targ", "małopolskie", "33000"] {
            #expect(dry.stdout.contains(text), "\(format) lacks \(text): \(dry.stdout)")
        }
        switch format {
        case "table":
            #expect(dry.stdout.hasSuffix("Dry run, nothing written: would be 1 inserted, 1 updated, 41 unchanged.\n"))
            #expect(
                dry.stdout.split(separator: "\n").contains {
                    $0.split(separator: " ", omittingEmptySubsequences: true) == ["city", "42", "Łódź", "status", "applicant", "selected"]
                })
        case "json":
            let rows = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [[String: Any]]
            #expect(rows?.count == 6)
            #expect(rows?.first?["field"] as? String == "status" && rows?.first?["before"] as? String == "applicant")
            #expect(rows?.last.map { $0["before"] is NSNull } == true, "a new record's fields have no before")
        case "ndjson":
            #expect(dry.stdout.split(separator: "\n").count == 6)
        default:
            #expect(dry.stderr.contains("would be 1 inserted, 1 updated, 41 unchanged"))
        }
    }

    @Test func aPartnershipIsNamedByItsTownAndPartnerAndReferencesByName() throws {
        let folder = try source()
        let export = try CommandRunner.run(["export", "partnership", "--db", folder.database, "--format", "json"])
        var rows = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        rows = [rows[0].merging(["budget": "1234.50", "notes": NSNull()]) { $1 }]
        let file = try write(try JSONSerialization.data(withJSONObject: rows), to: "p.json", in: folder)
        let dry = try CommandRunner.run(["import", "partnership", file, "--update", "--dry-run", "--output-format", "json", "--db", folder.database])
        #expect(dry.status == 0, "\(dry.stderr)")
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [[String: Any]])
        let label = "\(rows[0]["city"]!)/\(rows[0]["partner"]!)"
        #expect(changes.map { $0["field"] as? String } == ["budget", "notes"])
        #expect(changes.allSatisfy { $0["record"] as? String == label && $0["kind"] as? String == "partnership" })
        #expect(changes.first?["after"] as? String == "1234.50")
        #expect(changes.last.map { $0["after"] is NSNull } == true)
    }

    @Test func aBadFileListsNoChangesAndOutputFormatNeedsADryRun() throws {
        let (folder, _) = try editedCities()
        let bad = try write("name,voivodeship\nGood,mazowieckie\nX,nowhere\n", to: "bad.csv", in: folder)
        let refused = try CommandRunner.run(["import", "city", bad, "--dry-run", "--output-format", "csv", "--db", folder.database])
        #expect(refused.status == 65)
        #expect(refused.stdout == "", "no changes are listed for a file that would not import")
        let usage = try CommandRunner.run(["import", "city", bad, "--output-format", "csv", "--db", folder.database])
        #expect(usage.status == 64 && usage.stderr.contains("--output-format lists a dry run's changes; add --dry-run."))
    }
}
