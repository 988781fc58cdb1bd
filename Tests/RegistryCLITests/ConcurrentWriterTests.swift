import Foundation
import Registry
import Testing

/// Several staff at once: real processes writing to one database file all succeed, lose no
/// write, and each change is logged once with its own actor.
struct ConcurrentWriterTests {
    static let processes = 8
    static let changesEach = 25

    /// Starts `processes` shell loops, holds them at a gate until every one has started, lets
    /// them all go at once, runs `meanwhile` (told whether any is still writing), and returns
    /// each one's exit status and error output.
    func runAtOnce(
        in folder: TemporaryFolder, _ command: (_ process: Int, _ change: Int) -> [String],
        meanwhile: (_ writing: () -> Bool) throws -> Void = { _ in }
    ) throws -> [(Int32, String)] {
        let gate = folder.url.appendingPathComponent("go").path
        let quote = { (word: String) in "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let started = try (0..<Self.processes).map { process in
            let loop = (1...Self.changesEach).map { change in
                ([CommandRunner.binary.path] + command(process, change)).map(quote).joined(separator: " ")
            }
            let script =
                "touch \(quote(folder.url.appendingPathComponent("ready-\(process)").path)); "
                + "until [ -e \(quote(gate)) ]; do sleep 0.01; done; set -e; " + loop.joined(separator: "; ")
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", script]
            shell.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.url.path, "USER": "tester"]
            shell.standardOutput = FileHandle.nullDevice
            let errors = folder.url.appendingPathComponent("stderr-\(process)")
            try Data().write(to: errors)
            shell.standardError = try FileHandle(forWritingTo: errors)
            try shell.run()
            return (shell, errors)
        }
        var waited = 0
        while waited < 6000,
            (0..<Self.processes).contains(where: { !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ready-\($0)").path) })
        {
            usleep(10_000)
            waited += 1
        }
        try Data().write(to: URL(fileURLWithPath: gate))
        try meanwhile { started.contains { $0.0.isRunning } }
        return try started.map { shell, errors in
            shell.waitUntilExit()
            return (shell.terminationStatus, try String(contentsOf: errors, encoding: .utf8))
        }
    }

    /// Expects one insert entry on `table` per row listed in `rows` (id → name), each made by
    /// the actor whose name the row's name carries, and nothing else in the trail since `after`.
    func expectOneInsertPerRow(_ registry: Registry, table: String, after: Int64, rows: [Int64: String], nameKey: String) throws {
        let entries = try registry.auditLog().filter { $0.id > after }
        #expect(entries.count == Self.processes * Self.changesEach)
        #expect(entries.allSatisfy { $0.tableName == table && $0.action == .insert })
        #expect(Set(entries.map(\.rowId)) == Set(rows.keys))
        for entry in entries {
            let values = try #require(try JSONSerialization.jsonObject(with: Data((entry.newValues ?? "").utf8)) as? [String: Any])
            let rowID = try #require(entry.rowId)
            let name = try #require(rows[rowID])
            #expect(values[nameKey] as? String == name)
            #expect(name.hasPrefix(entry.actor.replacingOccurrences(of: "staff", with: "Change ") + "-"), "\(name) logged as \(entry.actor)")
        }
        for process in 0..<Self.processes {
            #expect(entries.filter { $0.actor == "staff\(process)" }.count == Self.changesEach)
        }
        #expect(try CommandRunner.sqlite(try #require(registry.path), "SELECT count(*) FROM audit_session").stdout == "0\n")
    }

    @Test func eightProcessesAddingDozensOfActivitiesEachLoseNoWrite() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database, actor: "setup")
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen"))
        let setup = try #require(try registry.auditLog().last).id
        let results = try runAtOnce(in: folder) { process, change in
            [
                "activity", "add", "--partnership", "lodz/bergen", "--kind", "workshop", "--title", "Change \(process)-\(change)", "--db",
                folder.database,
                "--as", "staff\(process)",
            ]
        }
        #expect(results.map(\.0) == Array(repeating: 0, count: Self.processes), "\(results.map(\.1))")
        let activities = try registry.activities()
        #expect(activities.count == Self.processes * Self.changesEach)
        let expected = Set((0..<Self.processes).flatMap { process in (1...Self.changesEach).map { "Change \(process)-\($0)" } })
        #expect(Set(activities.map(\.activity.title)) == expected)
        let rows = Dictionary(uniqueKeysWithValues: activities.map { ($0.activity.id!, $0.activity.title) })
        try expectOneInsertPerRow(registry, table: "activity", after: setup, rows: rows, nameKey: "title")
    }

    @Test func eightProcessesStartingOnABrandNewFileAllSucceed() throws {
        let folder = try TemporaryFolder()
        let results = try runAtOnce(in: folder) { process, change in
            ["city", "add", "Change \(process)-\(change)", "--voivodeship", "opolskie", "--db", folder.database, "--as", "staff\(process)"]
        }
        #expect(results.map(\.0) == Array(repeating: 0, count: Self.processes), "\(results.map(\.1))")
        let registry = try Registry.open(path: folder.database)
        let cities = try registry.cities()
        #expect(cities.count == Self.processes * Self.changesEach)
        let rows = Dictionary(uniqueKeysWithValues: cities.map { ($0.city.id!, $0.city.name) })
        try expectOneInsertPerRow(registry, table: "city", after: 0, rows: rows, nameKey: "name")
        #expect(try Registry.migrations(path: folder.database).allSatisfy(\.applied))
        let counts = try CommandRunner.sqlite(
            folder.database, "SELECT (SELECT count(*) FROM grdb_migrations), (SELECT count(*) FROM voivodeship), (SELECT count(*) FROM topic)")
        #expect(counts.stdout == "\(try Registry.migrations(path: folder.database).count)|16|26\n")
    }
}
