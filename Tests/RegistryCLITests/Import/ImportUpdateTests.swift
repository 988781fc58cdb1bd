import Foundation
import Registry
import Testing

/// `--update`, ids, and the references a row makes to other records.
struct ImportUpdateTests: ImportTesting {
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

}
