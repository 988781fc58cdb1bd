import Foundation
import GRDB

/// A backup just made and checked.
public struct CreatedBackup: Sendable {
    public let path: String
    public let manifest: BackupManifest
    /// Seconds spent copying the snapshot, and checking the copy.
    public let copySeconds: Double
    public let checkSeconds: Double
}

extension Registry {
    /// The registry's version, written into backup manifests.
    public static let version = "0.1.0"

    /// Makes a backup in `folder`: SQLite's online backup of one snapshot (other processes keep
    /// writing) into a hidden file, flushed, checked like `backup verify` checks it (integrity,
    /// foreign keys, row counts against the snapshot's), then given its final name after its
    /// manifest. A failure anywhere leaves nothing under a final name. `progress` hears the
    /// bytes copied, then the start of the checks.
    public func createBackup(in folder: BackupFolder, progress: ProgressReporter? = nil) throws -> CreatedBackup {
        guard let source = path else { throw RegistryError.refused("An in-memory register has no file to back up.") }
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        let partial = WorkFiles.track(folder.file(BackupName.partial("backup")))
        let partialManifest = WorkFiles.track(folder.file(BackupName.partial("manifest")))
        defer {
            DurableFiles.remove(partial)
            DurableFiles.remove(partialManifest)
        }

        // Names have seconds: a backup in the same second as the last waits for the next one,
        // as it does for a manifest that a killed backup left without its file.
        while case let now = BackupName(date: Date()),
            try folder.contents().backups.last == now || FileManager.default.fileExists(atPath: folder.file(now.manifestName))
        {
            usleep(50_000)
        }
        let started = Date()
        let (name, contents) = try Self.translatingErrors(path: source) {
            try writer.read { db in
                let contents = try BackupContents.read(db)
                let name = BackupName(date: Date())
                try Self.copy(db, to: partial, progress: progress)
                return (name, contents)
            }
        }
        let copied = Date()
        progress?(WorkProgress(step: "checking the copy", done: 0, unit: .bytes))

        // The disk flush waits on the device; the checks meanwhile use the processors.
        let flushed = Concurrent { Result { try DurableFiles.sync(partial) } }
        let (hash, problems) = BackupVerification.examine(partial, expecting: contents)
        try flushed.value().get()
        let digest = try hash.get()
        guard problems.isEmpty else {
            throw RegistryError.refused("The backup failed its checks and was not kept: " + problems.joined(separator: "; ") + ".")
        }
        let manifest = BackupManifest(
            file: name.fileName, created: ISO8601DateFormatter().string(from: name.date), sha256: digest.sha256, bytes: digest.bytes,
            contents: contents, source: URL(fileURLWithPath: source).standardizedFileURL.path, sqliteVersion: Registry.sqliteVersion,
            toolVersion: "registry \(Registry.version)")
        try write(manifest.encoded(), to: partialManifest)

        // The manifest takes its final name first: a backup file under a final name always
        // has its manifest beside it.
        try DurableFiles.place(partialManifest, at: folder.file(name.manifestName))
        do {
            try DurableFiles.place(partial, at: folder.file(name.fileName))
        } catch {
            DurableFiles.remove(folder.file(name.manifestName))
            throw error
        }
        try DurableFiles.sync(folder.path)
        return CreatedBackup(
            path: folder.file(name.fileName), manifest: manifest,
            copySeconds: copied.timeIntervalSince(started), checkSeconds: Date().timeIntervalSince(copied))
    }

    /// Copies the snapshot `db` reads into a new single file (rollback journal, so it needs no
    /// `-wal` beside it and opens read-only anywhere). The caller flushes it to disk.
    static func copy(_ db: Database, to file: String, progress: ProgressReporter? = nil) throws {
        do {
            let destination = try DatabaseQueue(path: DatabaseFileName.plain(file))
            try destination.writeWithoutTransaction { copy in
                // A new file that gets its name only after an explicit flush: SQLite's own
                // syncs would only make the copy wait for the disk.
                try copy.execute(sql: "PRAGMA synchronous = OFF")
                // Watched, it copies in steps of 32 MB (of 4 KB pages); else in one step.
                let pageSize = Int64(try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
                try db.backup(
                    to: copy, pagesPerStep: progress == nil ? -1 : 8192,
                    progress: progress.map { report in
                        { step in
                            report(
                                WorkProgress(
                                    step: "copying", done: Int64(step.completedPageCount) * pageSize,
                                    total: Int64(step.totalPageCount) * pageSize, unit: .bytes))
                        }
                    })
                try copy.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
        } catch let error as DatabaseError {
            throw error.resultCode == .SQLITE_FULL
                ? RegistryError.file(path: file, reason: "could not be written: the disk is full")
                : RegistryError.file(path: file, reason: "could not be written (\(error.message ?? "\(error.resultCode)"))")
        }
    }

    private func write(_ data: Data, to file: String) throws {
        guard FileManager.default.createFile(atPath: file, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw RegistryError.file(path: file, reason: "could not be written")
        }
        try DurableFiles.sync(file)
    }
}
