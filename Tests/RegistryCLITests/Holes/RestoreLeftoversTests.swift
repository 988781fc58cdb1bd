import Foundation
import Testing

/// A restore brings back the backup and only the backup: no other database's journal rolled
/// into the copy, and no saved query silently dropped.
struct RestoreLeftoversTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let demo = try registry(["demo", "--activities", "200"])
        try #require(demo.status == 0, "\(demo.stderr)")
    }

    func registry(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--db", folder.database], in: folder.url)
    }

    func createBackup() throws -> String {
        let created = try registry(["backup", "create"])
        try #require(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func aStaleJournalBesideTheTargetIsMovedAsideNotRolledIn() throws {
        let backup = try createBackup()
        // A hot journal of another database: a writer killed with its changes spilled to disk.
        let other = folder.url.appendingPathComponent("other.sqlite").path
        let python = try CommandRunner.run(
            [
                "-c",
                """
                import os, sqlite3, sys
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                db.execute('PRAGMA journal_mode = DELETE')
                db.execute('CREATE TABLE t (x BLOB)')
                db.execute('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO t SELECT randomblob(3000) FROM n')
                db.execute('PRAGMA cache_size = 2')
                db.execute('BEGIN')
                db.execute('UPDATE t SET x = randomblob(3000)')
                os._exit(0)
                """,
                other,
            ], binary: URL(fileURLWithPath: "/usr/bin/python3"))
        try #require(python.status == 0, "\(python.stderr)")
        let target = folder.url.appendingPathComponent("drill/restored.sqlite").path
        try FileManager.default.createDirectory(atPath: folder.url.appendingPathComponent("drill").path, withIntermediateDirectories: true)
        let journal = try Data(contentsOf: URL(fileURLWithPath: other + "-journal"))
        try #require(journal.count > 4096)
        try journal.write(to: URL(fileURLWithPath: target + "-journal"))

        let restored = try registry(["backup", "restore", backup, "--to", target])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try CommandRunner.sqlite(target, "PRAGMA integrity_check").stdout == "ok\n")
        #expect(try CommandRunner.sqlite(target, "SELECT count(*) FROM activity").stdout == "200\n")
        #expect(!FileManager.default.fileExists(atPath: target + "-journal"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("drill").path)
        #expect(aside.contains { $0.hasPrefix("restored-before-restore-") && $0.hasSuffix(".sqlite-journal") }, "\(aside)")
    }

    @Test func aQuerySavedAfterTheBackupCountsAsANewerChange() throws {
        let backup = try createBackup()
        #expect(try registry(["query", "save", "big-towns", "SELECT name FROM city WHERE population > 100000"]).status == 0)
        let refused = try registry(["backup", "restore", backup])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("1 change newer than the backup"), "\(refused.stderr)")
        #expect(try registry(["query", "list", "--format", "csv"]).stdout.contains("big-towns"))
        let log = try registry(["log", "--table", "saved_query", "--format", "csv"])
        #expect(log.stdout.contains("big-towns"), "\(log.stdout)")
        // A removal is a change too.
        let second = try createBackup()
        #expect(try registry(["query", "remove", "big-towns"]).status == 0)
        #expect(try registry(["backup", "restore", second]).status == 1)
    }
}
