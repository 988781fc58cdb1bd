import Foundation
import GRDB

/// The outcome of checking one backup.
public struct BackupCheck: Sendable {
    public let name: BackupName
    public let path: String
    public let manifest: BackupManifest?
    /// What is wrong, one sentence each; empty when the backup is good.
    public let problems: [String]

    public var isGood: Bool { problems.isEmpty }
}

/// The checks a backup must pass, the same when it is made and every time it is verified:
/// its bytes against the SHA-256 and size in the manifest, SQLite's `integrity_check`, the
/// foreign keys, and the row counts and migrations against the manifest.
enum BackupVerification {
    /// Checks the backup `name` in `folder` against its manifest.
    static func check(_ name: BackupName, in folder: String) -> BackupCheck {
        let path = folder + "/" + name.fileName
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.read(from: folder + "/" + name.manifestName)
        } catch {
            return BackupCheck(name: name, path: path, manifest: nil, problems: ["\(error)"])
        }
        var problems: [String] = []
        if manifest.file != name.fileName { problems.append("the manifest describes \(manifest.file), not this file") }
        let (hash, fileProblems) = examine(path, expecting: manifest.contents)
        switch hash {
        case .success(let digest):
            if digest.bytes != manifest.bytes {
                problems.append("the file has \(digest.bytes) bytes where the manifest says \(manifest.bytes): it was truncated or changed")
            } else if digest.sha256 != manifest.sha256 {
                problems.append("its SHA-256 differs from the manifest's: the file changed after it was made")
            }
        case .failure(let error):
            problems.append("\(error)")
        }
        return BackupCheck(name: name, path: path, manifest: manifest, problems: problems + fileProblems)
    }

    /// Checks the file on two cores: SQLite's integrity check on this thread; the SHA-256,
    /// foreign keys and contents on another. Returns the hash and the problems found.
    static func examine(_ path: String, expecting expected: BackupContents) -> (Result<FileDigest, Error>, [String]) {
        let other = Concurrent { () -> (Result<FileDigest, Error>, [String]) in
            (Result { try DurableFiles.digest(of: path) }, readingProblems(path) { db in try contentProblems(db, expected) })
        }
        let integrity = readingProblems(path, mapped: true, integrityProblems)
        let (digest, contents) = other.value()
        return (digest, integrity + contents)
    }

    /// SQLite's `integrity_check`: pages, b-trees, and every index against its table. CHECK
    /// constraints are not evaluated again (`ignore_check_constraints`): every write passed them,
    /// `registry check` tests them on the live database, and at a million rows re-evaluating the
    /// date rules would triple the time.
    private static func integrityProblems(_ db: Database) throws -> [String] {
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        return integrity.isEmpty ? [] : ["SQLite's integrity check fails: " + integrity.prefix(3).joined(separator: "; ")]
    }

    /// Foreign keys, row counts and migrations against what the backup should hold.
    private static func contentProblems(_ db: Database, _ expected: BackupContents) throws -> [String] {
        let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") ?? 0
        let problems = orphans > 0 ? ["\(orphans) rows point at records that do not exist (foreign keys)"] : []
        return problems + expected.differences(from: try BackupContents.read(db))
    }

    /// Runs `body` on a read-only connection to the file, turning a failure to read into a
    /// problem. `mapped` reads the file through memory mapping, a sixth faster for the integrity
    /// check, which visits every page.
    private static func readingProblems(_ path: String, mapped: Bool = false, _ body: (Database) throws -> [String]) -> [String] {
        do {
            var configuration = Registry.configuration(readOnly: true)
            if mapped { configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") } }
            let queue = try DatabaseQueue(path: DatabaseFileName.plain(path), configuration: configuration)
            defer { try? queue.close() }
            return try queue.read(body)
        } catch let error as DatabaseError {
            return ["SQLite cannot read it as a database (\(error.message ?? "\(error.resultCode)"))"]
        } catch {
            return ["\(error)"]
        }
    }
}

/// Work started on another thread, whose result is collected later.
final class Concurrent<T: Sendable>: @unchecked Sendable {
    private var outcome: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        Thread {
            self.outcome = work()
            self.done.signal()
        }.start()
    }

    /// Waits for the work; the semaphore orders the write of `outcome` before this read.
    func value() -> T {
        done.wait()
        return outcome!
    }
}
