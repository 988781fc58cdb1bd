import Foundation
import Testing

/// `backup create` and `backup verify`: a verified owner-only copy with its manifest, taken
/// while others write, and damage found and named.
struct BackupCreateTests: BackupTesting {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
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

}
