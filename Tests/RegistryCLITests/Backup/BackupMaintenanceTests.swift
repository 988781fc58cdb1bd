import Foundation
import Testing

/// `backup prune` and `backup nightly`, what killed backups leave, and commands refused clearly.
struct BackupMaintenanceTests: BackupTesting {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
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
