import Crypto
import Foundation
import GRDB
import Testing

@testable import Registry

/// Backups through the library: what a backup and its manifest hold, what verification finds
/// wrong, and what a restore puts back or refuses.
struct BackupTests {
    let folder: URL
    let backups: BackupFolder

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("backup-tests-\(UUID().uuidString)")
        backups = BackupFolder(path: folder.appendingPathComponent("backups").path)
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", partnerBudget: "150000"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality"))
    }

    /// The live register, opened for each use as each command opens it (a restore waits for
    /// every open connection to close).
    var registry: Registry { get throws { try Registry.open(path: live, actor: "anna") } }
    var live: String { folder.appendingPathComponent("registry.sqlite").path }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func sha256(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }

    @Test func aBackupHoldsTheRegisterAndItsManifestDescribesIt() throws {
        defer { remove() }
        let created = try registry.createBackup(in: backups)
        #expect(created.manifest.sha256 == (try sha256(created.path)))
        #expect(created.manifest.bytes == (try FileManager.default.attributesOfItem(atPath: created.path)[.size] as? NSNumber)?.int64Value)
        #expect(created.manifest.contents.tables["city"] == 1 && created.manifest.contents.tables["partner"] == 1)
        #expect(created.manifest.contents.migrations == (try Registry.migrations(path: live).map(\.identifier)))
        #expect(created.manifest.contents.lastChange?.auditId == (try registry.auditLog().map(\.id).max()))
        let copy = try DatabaseQueue(path: created.path, configuration: Registry.configuration(readOnly: true))
        #expect(try copy.read { try String.fetchAll($0, sql: "SELECT name FROM city") } == ["Łódź"])
        #expect(try backups.listing().map(\.name.fileName) == [created.manifest.file])
        #expect(backups.verify(try #require(BackupName(fileName: created.manifest.file))).isGood)
    }

    @Test func aBackupWithOneByteChangedFailsVerification() throws {
        defer { remove() }
        let created = try registry.createBackup(in: backups)
        let handle = try #require(FileHandle(forUpdatingAtPath: created.path))
        try handle.seek(toOffset: 5000)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 5000)
        try handle.write(contentsOf: Data([byte ^ 0xFF]))
        try handle.close()
        let check = backups.verify(try #require(BackupName(fileName: created.manifest.file)))
        #expect(!check.isGood)
        #expect(check.problems.contains { $0.contains("SHA-256") }, "\(check.problems)")
    }

    @Test func aRestoreToANewPathHoldsTheBackupsRecords() throws {
        defer { remove() }
        let created = try registry.createBackup(in: backups)
        let target = folder.appendingPathComponent("restored.sqlite").path
        let outcome = try Registry.restore(backup: created.path, to: target, force: false)
        #expect(outcome.keptAside == nil)
        let restored = try Registry.open(path: target, access: .readOnly)
        #expect(try restored.cities().map(\.city.name) == ["Łódź"])
        #expect(try restored.auditLog() == (try registry.auditLog()))
    }

    @Test func aRestoreOverChangesTheBackupLacksIsRefusedUnlessForced() throws {
        defer { remove() }
        let created = try registry.createBackup(in: backups)
        _ = try registry.addCity(CityInput(name: "Kutno", voivodeship: "łódzkie"))
        #expect(throws: RegistryError.self) { try Registry.restore(backup: created.path, to: live, force: false) }
        #expect(try registry.cities().map(\.city.name) == ["Kutno", "Łódź"], "nothing changed")
        let outcome = try Registry.restore(backup: created.path, to: live, force: true)
        let aside = try #require(outcome.keptAside)
        #expect(try Registry.open(path: aside, access: .readOnly).cities().count == 2, "the database before is kept")
        #expect(try Registry.open(path: live, access: .readOnly).cities().map(\.city.name) == ["Łódź"])
    }

    @Test func aBackupThatFailsVerificationIsNeverRestored() throws {
        defer { remove() }
        let created = try registry.createBackup(in: backups)
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: created.path))
        let target = folder.appendingPathComponent("restored.sqlite").path
        #expect(throws: RegistryError.self) { try Registry.restore(backup: created.path, to: target, force: true) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
