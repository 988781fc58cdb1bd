import Foundation
import Testing

/// `backup restore`: the drill, and what it refuses or keeps aside.
struct BackupRestoreTests: BackupTesting {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func restoreDrill() throws {
        try makeRegister()
        let exported = try registry(["export", "city"]).stdout
        let backup = try createBackup()
        #expect(try registry(["city", "add", "Zmieniono", "--voivodeship", "mazowieckie"]).status == 0)
        let changed = try registry(["export", "city"]).stdout

        let refused = try registry(["backup", "restore", backup])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("1 change newer than the backup") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try registry(["export", "city"]).stdout == changed)

        // What a restore killed while copying aside left beside this database goes; another
        // database's is left alone.
        let leftover = folder.url.appendingPathComponent(".registry-restore-registry.sqlite-1-2.partial")
        let others = folder.url.appendingPathComponent(".registry-restore-other.sqlite-1-2.partial")
        for file in [leftover, others] { try Data("half".utf8).write(to: file) }
        let restored = try registry(["backup", "restore", backup, "--force"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: others.path))
        #expect(try registry(["export", "city"]).stdout == exported)
        #expect(try CommandRunner.sqlite(folder.database, "PRAGMA integrity_check").stdout == "ok\n")
        let aside = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasPrefix("registry-before-restore-") })
        #expect(restored.stderr.contains(aside))
        #expect(try CommandRunner.run(["export", "city", "--db", folder.url.appendingPathComponent(aside).path]).stdout == changed)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent(aside).path)[.posixPermissions] as? Int == 0o600)

        // Now the database is the backup: restoring it again needs no --force.
        #expect(try registry(["backup", "restore", backup]).status == 0)
        // The restored database takes new changes, and logs them.
        #expect(try registry(["city", "add", "Po przywróceniu", "--voivodeship", "mazowieckie"]).status == 0)
        #expect(try registry(["log", "--table", "city", "--format", "csv"]).stdout.contains("Po przywróceniu"))
    }

    @Test func restoreRefusesABackupThatFailsVerificationAndChangesNothing() throws {
        try makeRegister()
        let backup = try createBackup()
        try flipBytes(in: backup)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        let refused = try registry(["backup", "restore", backup, "--force"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("fails verification"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == before)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.url.path).contains { $0.contains("before-restore") })
    }

    @Test func aDatabaseThatCannotBeReadIsReplacedOnlyWithForce() throws {
        try makeRegister()
        let exported = try registry(["export", "partner"]).stdout
        let backup = try createBackup()
        let garbage = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: folder.database))
        try? FileManager.default.removeItem(atPath: folder.database + "-wal")
        let refused = try registry(["backup", "restore", backup])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot be read") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == garbage)

        let forced = try registry(["backup", "restore", backup, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try registry(["export", "partner"]).stdout == exported)
        let aside = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first {
                $0.hasPrefix("registry-before-restore-") && $0.hasSuffix(".sqlite")
            })
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(aside)) == garbage)
    }

    @Test func restoreToAnotherPathLeavesTheDatabaseAlone() throws {
        try makeRegister()
        let backup = try createBackup()
        #expect(try registry(["city", "add", "Zmieniono", "--voivodeship", "mazowieckie"]).status == 0)
        let target = folder.url.appendingPathComponent("drill/restored.sqlite").path
        let restored = try registry(["backup", "restore", backup, "--to", target])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try count("city", in: target) == "\(Int(try count("city", in: folder.database))! - 1)")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        // Another register's file is not overwritten by this one's backup without --force.
        let other = folder.url.appendingPathComponent("other.sqlite").path
        #expect(try CommandRunner.run(["city", "add", "Inne", "--voivodeship", "opolskie", "--db", other], in: folder.url).status == 0)
        let refused = try registry(["backup", "restore", backup, "--to", other])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("differs from the backup's"), "\(refused.stderr)")
    }

}
