import Foundation
import Registry
import Testing

/// `registry demo`: an illustrative database, deterministic for a seed, never overwriting by accident.
struct DemoCommandTests {
    @Test func demoWritesTheFileMarksItsDataAsIllustrativeAndSummarises() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["demo"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Its data is illustrative"))
        #expect(result.stdout.contains("Piła"))
        let registry = try Registry.open(path: folder.url.appendingPathComponent("registry-demo.sqlite").path)
        let cities = try registry.cities()
        #expect(cities.filter { $0.city.status == .selected }.count == 29)
        #expect(cities.allSatisfy { $0.city.notes?.contains("Illustrative") == true })
        #expect(try registry.partners().allSatisfy { $0.partner.notes?.contains("Illustrative") == true })
        #expect(try registry.partnership("Opoczno/Sunnfjord").signedDate == "2022-10-04")
        #expect(try registry.partner("akureyrarbaer").partner.country == .iceland)
    }

    @Test func demoRefusesToOverwriteWithoutForce() throws {
        let folder = try TemporaryFolder()
        try Data("precious".utf8).write(to: URL(fileURLWithPath: folder.database))
        let refused = try CommandRunner.run(["demo", "--db", folder.database])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: folder.database, encoding: .utf8) == "precious")
        let forced = try CommandRunner.run(["demo", "--db", folder.database, "--force"])
        #expect(forced.status == 0)
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        let folder = try TemporaryFolder()
        let arguments = ["--activities", "300", "--partners", "60", "--seed", "7"]
        var outputs: [String] = []
        var activities: [String] = []
        for name in ["a.sqlite", "b.sqlite"] {
            let path = folder.url.appendingPathComponent(name).path
            #expect(try CommandRunner.run(["demo", "--db", path] + arguments).status == 0)
            let registry = try Registry.open(path: path)
            outputs.append("\(try registry.cities()) \(try registry.partners()) \(try registry.expenses())")
            activities.append("\(try registry.activities())")
            #expect(try registry.activities().count == 300)
            #expect(try registry.partners().count == 60)
        }
        #expect(outputs[0] == outputs[1])
        #expect(activities[0] == activities[1])
        let other = folder.url.appendingPathComponent("c.sqlite").path
        #expect(try CommandRunner.run(["demo", "--db", other, "--activities", "300", "--partners", "60", "--seed", "8"]).status == 0)
        #expect("\(try Registry.open(path: other).activities())" != activities[0])
    }

    @Test func theDemoIsAuditedAsOneChangeSetNamingEveryRow() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "500"]).status == 0)
        let entries = try CommandRunner.sqlite(
            folder.database,
            "SELECT table_name, json_extract(new_values, '$.rows'), actor, action FROM audit_log ORDER BY id"
        ).stdout
        let rows = entries.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        #expect(rows.map { $0[0] } == AuditFilter.tables)
        #expect(rows.allSatisfy { $0[2] == "demo" && $0[3] == "import" })
        for row in rows {
            let count = try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM \(row[0])").stdout
            #expect(count == row[1] + "\n", "\(row[0])")
        }
    }
}
