import Foundation
import Testing

/// What the backup command tests share: a register in a folder of its own, its backups beside it.
protocol BackupTesting {
    var folder: TemporaryFolder { get }
}

extension BackupTesting {
    var backups: URL { folder.url.appendingPathComponent("backups") }

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

}
