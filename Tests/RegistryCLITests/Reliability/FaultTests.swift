import Foundation
import Registry
import Testing

/// Faults real machines have: a full disk, places the command may not write, no HOME, a damaged
/// database. Each is a clear error, a non-zero exit, nothing half written, the database as it was.
@Suite struct FaultTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let demo = try CommandRunner.run(["demo", "--db", folder.database, "--activities", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    /// `registry ARGUMENTS` with files limited to `blocks` of 512 bytes, as on a full disk.
    func withFileLimit(_ blocks: Int, _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(
            ["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", CommandRunner.binary.path] + arguments + ["--db", folder.database],
            binary: URL(fileURLWithPath: "/bin/sh"), in: folder.url)
    }

    func files(in path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    @Test func aFullDiskStopsImportBackupAndExportWithNothingHalfWritten() throws {
        let before = try RegisterState(folder.database)
        let rows = (1...5000).map { "Miasto \($0),mazowieckie" }.joined(separator: "\n")
        let csv = folder.url.appendingPathComponent("cities.csv")
        try Data(("name,voivodeship\n" + rows + "\n").utf8).write(to: csv)

        let imported = try withFileLimit(200, ["import", "city", csv.path])
        #expect(imported.status == 1, "\(imported.stderr)")
        #expect(imported.stderr.hasPrefix("Error: Writing") && imported.stderr.contains("the disk may be full"), "\(imported.stderr)")
        #expect(imported.stderr.split(separator: "\n").count == 1, "one error, not one per row")

        let exported = try withFileLimit(100, ["export", "activity", "--output", "activities.csv"])
        #expect(exported.status == 1)
        #expect(exported.stderr.contains("activities.csv: could not be written (File too large)"), "\(exported.stderr)")

        let backup = try withFileLimit(300, ["backup", "create"])
        #expect(backup.status == 1)
        #expect(backup.stderr.hasPrefix("Error: ") && !backup.stderr.contains("Domain="), "\(backup.stderr)")

        // Nothing half written: no export, no backup under any name, the register as it was.
        let left = try files(in: folder.url.path)
        #expect(!left.contains { $0.contains("activities.csv") }, "\(left)")
        let backups = folder.url.appendingPathComponent("backups").path
        let backupFiles = FileManager.default.fileExists(atPath: backups) ? try files(in: backups) : []
        #expect(backupFiles.filter { !$0.hasSuffix(".lock") }.isEmpty, "\(backupFiles)")
        #expect(try CommandRunner.isClean(folder.database))
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func withoutHomeTheDefaultDatabaseIsNotGuessed() throws {
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let bare = try CommandRunner.run(["-u", "HOME", CommandRunner.binary.path, "city", "list"], binary: env, in: folder.url)
        #expect(bare.status == 1)
        #expect(bare.stderr.contains("HOME is not set") && bare.stderr.contains("--db"), "\(bare.stderr)")
        #expect(try files(in: folder.url.path) == ["registry.sqlite"], "nothing was created")
        let given = try CommandRunner.run(
            ["-u", "HOME", CommandRunner.binary.path, "city", "list", "--db", folder.database, "--format", "csv"], binary: env)
        #expect(given.status == 0 && given.stdout.contains("Nysa"), "\(given.stderr)")
    }

    @Test func aDatabaseWithADamagedSchemaFailsEveryCommandWithAdviceAndIsNeverWritten() throws {
        try checkpoint()
        // Page 1 holds the schema after its 100-byte header.
        try overwrite(offset: 100, count: 3900)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        let csv = folder.url.appendingPathComponent("c.csv")
        try Data("name,voivodeship\nOpole,opolskie\n".utf8).write(to: csv)
        let commands: [[String]] = [
            ["city", "list"], ["city", "show", "1"], ["city", "add", "Opole", "--voivodeship", "opolskie"], ["city", "remove", "1", "--cascade"],
            ["partner", "list"], ["partnership", "list"], ["activity", "list"], ["contact", "erase", "1"], ["contact", "export-personal", "1"],
            ["import", "city", csv.path], ["export", "city"], ["report", "budget"], ["sql", "SELECT 1"], ["search", "lodz"], ["match", "lodz"],
            ["log"], ["check"], ["backup", "create"], ["migrate"],
        ]
        try expectRefusalsWithAdvice(commands, leaving: damaged)
    }

    @Test func aDamagedTableFailsTheCommandsThatReadItAndCheckFindsIt() throws {
        try checkpoint()
        let root = try CommandRunner.scalar(folder.database, "SELECT rootpage FROM sqlite_master WHERE name = 'activity'")
        let pageSize = try CommandRunner.scalar(folder.database, "PRAGMA page_size")
        let (page, size) = (try #require(Int(root)), try #require(Int(pageSize)))
        try overwrite(offset: (page - 1) * size, count: size)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        try expectRefusalsWithAdvice(
            [
                ["activity", "list"], ["export", "activity"], ["check"],
                ["activity", "add", "--partnership", "1", "--kind", "workshop", "--title", "X"],
            ],
            leaving: damaged)
    }

    /// Each command fails with exit 1, points to `backup restore`, and leaves the file's bytes alone.
    func expectRefusalsWithAdvice(_ commands: [[String]], leaving damaged: Data) throws {
        for command in commands {
            let result = try CommandRunner.registry(folder, command)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("registry backup restore"), "\(command): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == damaged, "\(command) wrote to the damaged file")
        }
    }

    @Test func aReadOnlyDatabaseAndAnUnwritableBackupFolderAreRefusedClearly() throws {
        try checkpoint()
        // As root every file is writable: the commands run as an unprivileged user instead.
        let user = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func run(_ arguments: [String]) throws -> CommandResult {
            let command = user + [CommandRunner.binary.path] + arguments + ["--db", folder.database]
            return try CommandRunner.run(Array(command.dropFirst()), binary: URL(fileURLWithPath: command[0]), in: folder.url)
        }
        if getuid() == 0 {
            for path in [folder.url.path, folder.database] { #expect(chown(path, 65534, 65534) == 0) }
        }
        let readOnly = folder.url.appendingPathComponent("read-only").path
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
        if getuid() == 0 { #expect(chown(readOnly, 65534, 65534) == 0) }
        #expect(chmod(folder.database, 0o400) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.database))

        let add = try run(["city", "add", "Opole", "--voivodeship", "opolskie"])
        #expect(add.status == 1)
        #expect(add.stderr.contains("registry.sqlite") && add.stderr.contains("writ"), "\(add.stderr)")
        let list = try run(["city", "list", "--format", "csv"])
        #expect(list.status == 0 && list.stdout.contains("Nysa"), "reading a read-only register works: \(list.stderr)")

        let backup = try run(["backup", "create", "--dir", readOnly])
        #expect(backup.status == 1)
        #expect(backup.stderr.contains("read-only"), "\(backup.stderr)")
        #expect(try files(in: readOnly).isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == before)
        #expect(chmod(folder.database, 0o600) == 0)
    }

    /// Folds the write-ahead log into the database file, so its bytes are the whole register.
    func checkpoint() throws {
        #expect(try CommandRunner.sqlite(folder.database, "PRAGMA wal_checkpoint(TRUNCATE)").status == 0)
    }

    /// Overwrites `count` bytes of the database from `offset` with a repeating pattern.
    func overwrite(offset: Int, count: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: folder.database))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()
    }
}
