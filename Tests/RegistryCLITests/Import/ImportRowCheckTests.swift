import Foundation
import Registry
import Testing

/// All or nothing: every bad row reported with its line, column, value and reason, unknown
/// and repeated columns, and dry runs, with nothing written.
struct ImportRowCheckTests: ImportTesting {
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
}
