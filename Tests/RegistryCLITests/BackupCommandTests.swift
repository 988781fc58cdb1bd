import Foundation
import Testing

/// `registry backup` with real processes: backups made while others write, damage detected,
/// restores drilled, pruning on made-up dates, and a backup killed half way.
struct BackupCommandTests {
    let folder: TemporaryFolder
    var backups: URL { folder.url.appendingPathComponent("backups") }

    init() throws {
        folder = try TemporaryFolder()
    }

    /// `registry ARGUMENTS --db` the folder's register, with HOME the folder; with a umask, as a
    /// process started under it.
    func registry(_ arguments: [String], umask: String? = nil) throws -> CommandResult {
        guard let umask else { return try CommandRunner.run(arguments + ["--db", folder.database], environment: ["HOME": folder.url.path]) }
        return try CommandRunner.run(arguments + ["--db", folder.database], in: folder.url, umask: umask)
    }

    /// The demo register, small unless told otherwise.
    func makeRegister(activities: Int? = nil) throws {
        let scale = activities.map { ["--activities", "\($0)"] } ?? []
        let demo = try registry(["demo"] + scale)
        try #require(demo.status == 0, "\(demo.stderr)")
    }

    func createBackup() throws -> String {
        let created = try registry(["backup", "create"])
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .newlines)
    }

    func backupFiles() throws -> [String] {
        guard FileManager.default.fileExists(atPath: backups.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { $0.hasSuffix(".sqlite") }.sorted()
    }

    func count(_ table: String, in database: String) throws -> String {
        try CommandRunner.sqlite(database, "SELECT count(*) FROM \(table)").stdout.trimmingCharacters(in: .newlines)
    }

    func manifest(of backup: String) throws -> [String: Any] {
        let path = backup.replacingOccurrences(of: ".sqlite", with: ".json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// Changes `count` bytes in the middle of a file.
    func flipBytes(in path: String, count: Int = 16) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let middle = bytes.count / 2
        for index in middle..<(middle + count) { bytes[index] ^= 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// A copy of a real backup under a made-up date, its manifest naming the new file.
    func copyBackup(_ backup: String, as stamp: String) throws {
        let name = "registry-\(stamp).sqlite"
        try FileManager.default.copyItem(atPath: backup, toPath: backups.appendingPathComponent(name).path)
        var manifest = try manifest(of: backup)
        manifest["file"] = name
        try JSONSerialization.data(withJSONObject: manifest).write(to: backups.appendingPathComponent("registry-\(stamp).json"))
    }

    @Test func aBackupIsAVerifiedOwnerOnlyCopyWithAManifest() throws {
        try makeRegister()
        let created = try registry(["backup", "create"], umask: "022")
        #expect(created.status == 0, "\(created.stderr)")
        let backup = created.stdout.trimmingCharacters(in: .newlines)
        let name = (backup as NSString).lastPathComponent
        #expect(name.range(of: #"^registry-\d{8}T\d{6}Z\.sqlite$"#, options: .regularExpression) != nil, "\(name)")
        #expect(backup == backups.path + "/" + name)
        #expect(created.stderr.contains("verified"))

        let manifest = try manifest(of: backup)
        let sha256 = try CommandRunner.run([backup], binary: URL(fileURLWithPath: "/usr/bin/sha256sum")).stdout
        #expect(sha256.hasPrefix(try #require(manifest["sha256"] as? String)))
        let tables = try #require((manifest["contents"] as? [String: Any])?["tables"] as? [String: Int])
        for table in ["city", "partner", "activity", "expense", "audit_log"] {
            #expect("\(tables[table] ?? -1)" == (try count(table, in: folder.database)), "\(table)")
            #expect("\(tables[table] ?? -1)" == (try count(table, in: backup)), "\(table)")
        }
        #expect(manifest["file"] as? String == name)
        #expect((manifest["sqlite_version"] as? String)?.hasPrefix("3.") == true)
        #expect((manifest["tool_version"] as? String)?.hasPrefix("registry ") == true)
        #expect(((manifest["contents"] as? [String: Any])?["migrations"] as? [String])?.first == "0001_create_schema")

        for file in [backup, backup.replacingOccurrences(of: ".sqlite", with: ".json")] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: backups.path)[.posixPermissions] as? Int == 0o700)
        // One file, without a -wal beside it, that the sqlite3 shell opens read-only.
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { !$0.hasPrefix(".") }.count == 2)
        #expect(try CommandRunner.sqlite(backup, "PRAGMA journal_mode").stdout == "delete\n")

        let listed = try registry(["backup", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["backup"] as? String } == [name])
        #expect(rows.first?["bytes"] as? Int == manifest["bytes"] as? Int)
        let verified = try registry(["backup", "verify"])
        #expect(verified.status == 0 && verified.stdout.contains("ok"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func aBackupTakenWhileEightProcessesWriteVerifiesAndLosesNoWrite() throws {
        try makeRegister()
        let before = Int(try count("city", in: folder.database))!
        let writers = ConcurrentWriterTests()
        var made: [String] = []
        let results = try writers.runAtOnce(in: folder) { process, change in
            ["city", "add", "Nowe \(process)-\(change)", "--voivodeship", "opolskie", "--db", folder.database, "--as", "staff\(process)"]
        } meanwhile: { writing in
            while writing() { made.append(try createBackup()) }
        }
        #expect(results.map(\.0) == Array(repeating: 0, count: ConcurrentWriterTests.processes), "\(results.map(\.1))")
        let written = ConcurrentWriterTests.processes * ConcurrentWriterTests.changesEach
        #expect(try count("city", in: folder.database) == "\(before + written)")
        #expect(!made.isEmpty)
        var cityCounts: [Int] = []
        for backup in made {
            let verified = try registry(["backup", "verify", (backup as NSString).lastPathComponent])
            #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
            cityCounts.append(Int(try count("city", in: backup))!)
        }
        #expect(cityCounts.allSatisfy { (before...(before + written)).contains($0) }, "\(cityCounts)")
        #expect(cityCounts.contains { $0 > before && $0 < before + written }, "no backup was taken in the middle of the writes: \(cityCounts)")
    }

    @Test func flippedBytesInABackupAreFoundAndNamed() throws {
        try makeRegister()
        let good = try createBackup()
        let bad = try createBackup()
        try flipBytes(in: bad)
        let one = try registry(["backup", "verify", (bad as NSString).lastPathComponent])
        #expect(one.status == 1)
        #expect(one.stderr.contains((bad as NSString).lastPathComponent) && one.stderr.contains("SHA-256 differs"), "\(one.stderr)")
        let all = try registry(["backup", "verify", "--all"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("FAILED") && all.stdout.contains("ok"), "\(all.stdout)")
        #expect(!all.stderr.contains((good as NSString).lastPathComponent), "\(all.stderr)")
    }

    @Test func aTruncatedBackupOrAMissingManifestFailsVerification() throws {
        try makeRegister()
        let backup = try createBackup()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: backup)[.size] as? Int)
        #expect(truncate(backup, off_t(size / 2)) == 0)
        let truncated = try registry(["backup", "verify"])
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("truncated"), "\(truncated.stderr)")
        try FileManager.default.removeItem(atPath: backup.replacingOccurrences(of: ".sqlite", with: ".json"))
        let unlisted = try registry(["backup", "verify"])
        #expect(unlisted.status == 1)
        #expect(unlisted.stderr.contains("manifest is missing"), "\(unlisted.stderr)")
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

    @Test func pruneKeepsByRuleAndAlwaysTheNewestBackupThatVerifies() throws {
        try makeRegister()
        let real = try createBackup()
        let stamps = (21...30).map { "202611\($0)T020000Z" }
        for stamp in stamps { try copyBackup(real, as: stamp) }
        try FileManager.default.removeItem(atPath: real)
        try FileManager.default.removeItem(atPath: real.replacingOccurrences(of: ".sqlite", with: ".json"))

        let keepThree = ["--keep-daily", "3", "--keep-weekly", "0", "--keep-monthly", "0"]
        let dryRun = try registry(["backup", "prune", "--dry-run", "--format", "json"] + keepThree)
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stderr.contains("in UTC"))
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [[String: String]])
        #expect(plan.map { $0["action"] } == ["keep", "keep", "keep"] + Array(repeating: "would remove", count: 7))
        #expect(plan.first?["reasons"] == "daily 2026-11-30, newest that verifies")
        #expect(try backupFiles().count == 10)

        // The two newest are damaged: the newest is still kept by the daily rule, and the
        // newest that verifies is kept although no rule asks for it.
        for stamp in stamps.suffix(2) { try flipBytes(in: backups.appendingPathComponent("registry-\(stamp).sqlite").path) }
        let pruned = try registry(["backup", "prune", "--keep-daily", "1", "--keep-weekly", "0", "--keep-monthly", "0"])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(try backupFiles() == ["registry-20261128T020000Z.sqlite", "registry-20261130T020000Z.sqlite"])
        #expect(pruned.stdout.contains("fails verification"))
        #expect(pruned.stderr.contains("2 newer backups fail verification"), "\(pruned.stderr)")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { $0.hasSuffix(".json") }
        #expect(manifests.count == 2)

        // When no backup verifies, nothing is removed.
        try flipBytes(in: backups.appendingPathComponent("registry-20261128T020000Z.sqlite").path)
        let refused = try registry(["backup", "prune", "--keep-daily", "0", "--keep-weekly", "0", "--keep-monthly", "0"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("No backup") && refused.stderr.contains("nothing was removed"), "\(refused.stderr)")
        #expect(try backupFiles().count == 2)
    }

    @Test func nightlyIsQuietButForOneLineAndPrunes() throws {
        try makeRegister()
        let real = try createBackup()
        for day in 1...9 { try copyBackup(real, as: "2026010\(day)T020000Z") }
        let nightly = try CommandRunner.run(["backup", "nightly", "--db", folder.database], in: folder.url, umask: "022")
        #expect(nightly.status == 0, "\(nightly.stderr)")
        #expect(nightly.stdout.isEmpty)
        let lines = nightly.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("backup ok: registry-"), "\(nightly.stderr)")
        // The demo's contacts have e-mail addresses and phone numbers; the summary names none.
        #expect(try CommandRunner.scalar(folder.database, "SELECT count(*) FROM contact WHERE email LIKE '%@%'") != "0")
        #expect(!nightly.stderr.contains("@") && !nightly.stderr.contains("+47"), "\(nightly.stderr)")
        // Seven days that have backups: today's newest (the nightly one; the older one of today
        // goes) and 9 back to 4 January. Their weeks and months are kept already; 1 to 3
        // January share week 1 with the 4th and January with the 9th, so they go.
        let files = try backupFiles()
        #expect(files.count == 7, "\(files)")
        #expect(files.prefix(6) == ArraySlice((4...9).map { "registry-2026010\($0)T020000Z.sqlite" }))
        #expect(!files.contains((real as NSString).lastPathComponent))
        #expect(try registry(["backup", "verify", "--all"]).status == 0)
    }

    @Test func aBackupKilledHalfWayLeavesNothingUnderAFinalName() throws {
        try makeRegister(activities: 20_000)
        let activities = try count("activity", in: folder.database)
        // Kills land at fractions of the time a whole backup takes on this machine now, and go
        // on at random fractions until one has landed in the middle of a backup.
        let started = Date()
        _ = try createBackup()
        let whole = Date().timeIntervalSince(started)
        var fractions = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]
        var interrupted = 0
        var kills = 0
        while let fraction = fractions.popLast() ?? (interrupted == 0 && kills < 30 ? Double.random(in: 0.1...0.9) : nil) {
            kills += 1
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["backup", "create", "--db", folder.database]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(whole * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try CommandRunner.sqlite(folder.database, "PRAGMA integrity_check").stdout == "ok\n")
            #expect(try count("activity", in: folder.database) == activities)
            interrupted += try FileManager.default.contentsOfDirectory(atPath: backups.path).contains { $0.hasSuffix(".partial") } ? 1 : 0
            // Whatever carries a final name is a whole backup with its manifest.
            let verified = try registry(["backup", "verify", "--all"])
            #expect(verified.status == 0, "killed at \(fraction) of \(whole) s: \(verified.stdout)\(verified.stderr)")
        }
        #expect(interrupted > 0, "none of \(kills) kills landed in the middle of a backup of \(whole) s")
        // The next backup works and clears what the killed ones left.
        _ = try createBackup()
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { $0.hasSuffix(".partial") }.isEmpty)
        #expect(try registry(["backup", "verify", "--all"]).status == 0)
    }

    @Test func whatKilledBackupsLeaveIsClearedAndALoneManifestIsNotOverwritten() throws {
        try makeRegister()
        _ = try createBackup()
        // A SIGKILL leaves the copy's own journal files beside the hidden work files, and can
        // leave a manifest placed without its backup; here one for each of the next seconds.
        let leftovers = [
            ".registry-backup-7-1.partial", ".registry-backup-7-1.partial-journal", ".registry-backup-8-2.partial-wal",
            ".registry-backup-8-2.partial-shm", ".registry-manifest-9-3.partial",
        ]
        for name in leftovers { try Data("x".utf8).write(to: backups.appendingPathComponent(name)) }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let lone = (0...2).map { "registry-" + formatter.string(from: Date().addingTimeInterval(Double($0))) + ".json" }
        for name in lone { try Data("{}".utf8).write(to: backups.appendingPathComponent(name)) }
        let created = try createBackup()
        #expect(!lone.contains(((created as NSString).lastPathComponent as NSString).deletingPathExtension + ".json"), "\(created)")
        let files = try FileManager.default.contentsOfDirectory(atPath: backups.path)
        #expect(files.filter { $0.contains(".partial") }.isEmpty, "\(files.sorted())")
        let verified = try registry(["backup", "verify", "--all"])
        #expect(verified.status == 1, "the lone manifests are named as failures: \(files.sorted()) \(verified.stdout)\(verified.stderr)")
        #expect(try registry(["backup", "prune"]).status == 0)
        #expect(try registry(["backup", "verify", "--all"]).status == 0, "prune removed the manifests without a backup")
    }

    @Test func backupCommandsRefuseClearly() throws {
        let missing = try registry(["backup", "create"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.database))
        try makeRegister()
        let file = folder.url.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notAFolder = try registry(["backup", "create", "--dir", file])
        #expect(notAFolder.status == 1)
        #expect(notAFolder.stderr.contains("a-file"), "\(notAFolder.stderr)")
        let none = try registry(["backup", "verify"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no backups") || none.stderr.contains("cannot be read"), "\(none.stderr)")
        let notABackup = try registry(["backup", "restore", "registry.sqlite"])
        #expect(notABackup.status == 1)
        #expect(notABackup.stderr.contains("not a backup's name"), "\(notABackup.stderr)")
        let negative = try registry(["backup", "prune", "--keep-daily", "-1"])
        #expect(negative.status == 64)
    }
}
