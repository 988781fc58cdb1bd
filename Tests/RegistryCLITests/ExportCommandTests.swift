import Foundation
import Registry
import Testing

/// `registry export`: every entity in every format, streamed, with names beside ids.
struct ExportCommandTests {
    func demo() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "300"]).status == 0)
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", partnerBudget: "150000.5", notes: "=HYPERLINK(\"x\")"))
        _ = try registry.addPartner(PartnerInput(name: "Våler kommune", kind: "municipality", county: "ostfold"))
        return folder
    }

    static let entities = ["city", "partner", "contact", "partnership", "activity", "expense", "topic", "log"]

    @Test func anOutputThatIsTheDatabaseOrItsLogIsRefused() throws {
        let folder = try demo()
        let link = folder.url.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.database)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        let targets = [
            folder.database, folder.database + "-wal", folder.database + "-shm",
            folder.url.path + "/../" + folder.url.lastPathComponent + "/registry.sqlite",
            link,
        ]
        for target in targets {
            let result = try CommandRunner.run(["export", "city", "--db", folder.database, "--output", target])
            #expect(result.status == 1, "\(target)")
            #expect(result.stderr.contains("would destroy the register"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == before)
        #expect(try CommandRunner.sqlite(folder.database, "PRAGMA integrity_check").stdout == "ok\n")
    }

    @Test func outputPathsWithSpacesPolishLettersAndALeadingDashWork() throws {
        let folder = try demo()
        let subfolder = folder.url.appendingPathComponent("Łódź i okolice")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["export", "city", "--db", folder.database, "--output=-miasta łódzkie.csv"], in: subfolder)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: subfolder.appendingPathComponent("-miasta łódzkie.csv"), encoding: .utf8)
        #expect(written.contains("Łódź"))
    }

    @Test func everyEntityExportsTheSameRowsInEveryFormat() throws {
        let folder = try demo()
        let registry = try Registry.open(path: folder.database)
        let expected = [
            "city": try registry.cities().count, "partner": try registry.partners().count, "contact": try registry.contacts().count,
            "partnership": try registry.partnerships().count, "activity": try registry.activities().count,
            "expense": try registry.expenses().count, "topic": 26, "log": try registry.auditLog().count,
        ]
        for entity in Self.entities {
            let json = try CommandRunner.run(["export", entity, "--format", "json", "--db", folder.database])
            #expect(json.status == 0, "\(entity): \(json.stderr)")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(objects.count == expected[entity], "\(entity)")
            let ndjson = try CommandRunner.run(["export", entity, "--format", "ndjson", "--db", folder.database])
            #expect(ndjson.stdout.split(separator: "\n").count == expected[entity], "\(entity)")
            let csv = try CommandRunner.run(["export", entity, "--db", folder.database])
            let header = try #require(csv.stdout.split(separator: "\r\n").first)
            #expect(Set(header.split(separator: ",").map(String.init)) == Set(objects.first?.keys.map { $0 } ?? []), "\(entity)")
        }
    }

    @Test func referencesAreNamesMoneyIsEurosAndLettersArePreservedByteForByte() throws {
        let folder = try demo()
        let partnerships = try CommandRunner.run(["export", "partnership", "--format", "json", "--db", folder.database])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(partnerships.stdout.utf8)) as? [[String: Any]]).first
        #expect(first?["city"] as? String == "Piła" && first?["partner"] as? String == "Lørenskog kommune")
        let cities = try CommandRunner.run(["export", "city", "--db", folder.database])
        #expect(cities.stdout.contains("Łódź,łódzkie,,applicant,150000.50,"))
        #expect(Data(cities.stdout.utf8).range(of: Data("Łódź".utf8)) != nil)
        let partners = try CommandRunner.run(["export", "partner", "--format", "ndjson", "--db", folder.database])
        #expect(partners.stdout.contains(#""name": "Våler kommune""#) && partners.stdout.contains(#""county": "Østfold""#))
    }

    @Test func excelExportHasBOMSemicolonsDecimalCommasAndDefusedFormulas() throws {
        let folder = try demo()
        let result = try CommandRunner.run(["export", "city", "--excel", "--db", folder.database])
        #expect(result.stdout.hasPrefix("\u{FEFF}id;name;voivodeship;"))
        #expect(result.stdout.contains(";150000,50;"))
        #expect(result.stdout.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    }

    @Test func outputFileIsOwnerOnlyAndCompleteWithNoLeftovers() throws {
        let folder = try demo()
        let path = folder.url.appendingPathComponent("activities.csv").path
        let result = try CommandRunner.run(["export", "activity", "--output", path, "--db", folder.database], umask: "022")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let permissions = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
        #expect(permissions == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").count == 301)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".part") }.isEmpty)
    }

    @Test(arguments: [["export", "cities"], ["export", "city", "--format", "json", "--excel"], ["export", "city", "--format", "xml"]])
    func wrongCommandLinesExitWith64(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(arguments + ["--db", folder.database]).status == 64)
    }
}
