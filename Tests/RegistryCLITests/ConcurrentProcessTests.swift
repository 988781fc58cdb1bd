import Foundation
import Registry
import Testing

/// Several staff at once: real processes writing to one database all succeed and lose nothing.
struct ConcurrentProcessTests {
    /// Starts `count` shell loops at once, each running `commands(process)` in sequence, and
    /// returns their exit statuses.
    func runAtOnce(_ count: Int, in folder: TemporaryFolder, _ commands: (Int) -> [String]) throws -> [Int32] {
        let processes = try (0..<count).map { index in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "set -e; " + commands(index).joined(separator: "; ")]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.url.path, "USER": "tester"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        return processes.map {
            $0.waitUntilExit(); return $0.terminationStatus
        }
    }

    @Test func eightProcessesAddingDozensOfRecordsEachLoseNoWrite() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "bergen"))
        let binary = CommandRunner.binary.path
        let statuses = try runAtOnce(8, in: folder) { process in
            (1...25).map { index in
                "'\(binary)' activity add --partnership lodz/bergen --kind workshop --title 'Workshop \(process)-\(index)' "
                    + "--db '\(folder.database)' --as staff\(process)"
            }
        }
        #expect(statuses == Array(repeating: 0, count: 8))
        let activities = try registry.activities()
        #expect(activities.count == 200)
        #expect(Set(activities.map(\.activity.title)).count == 200)
        let entries = try registry.auditLog(AuditFilter(table: "activity"))
        #expect(entries.count == 200)
        for process in 0..<8 {
            #expect(entries.filter { $0.actor == "staff\(process)" }.count == 25)
        }
    }

    @Test func eightProcessesOpeningANewDatabaseAtOnceAllSucceed() throws {
        let folder = try TemporaryFolder()
        let binary = CommandRunner.binary.path
        let statuses = try runAtOnce(8, in: folder) { process in
            ["'\(binary)' city add 'Town \(process)' --voivodeship opolskie --db '\(folder.database)'"]
        }
        #expect(statuses == Array(repeating: 0, count: 8))
        #expect(try Registry.open(path: folder.database).cities().count == 8)
        #expect(try Registry.migrations(path: folder.database).allSatisfy(\.applied))
    }
}
