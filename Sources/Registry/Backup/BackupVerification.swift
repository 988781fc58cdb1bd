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

    /// Hashes the file while SQLite checks it (two cores, two reads of the same file), and
    /// returns the hash and the problems found against `expected`.
    static func examine(_ path: String, expecting expected: BackupContents) -> (Result<FileDigest, Error>, [String]) {
        let hashing = Concurrent { try DurableFiles.digest(of: path) }
        let problems = databaseProblems(path, expecting: expected)
        return (hashing.result(), problems)
    }

    /// Opens the file read-only and checks its structure and contents.
    static func databaseProblems(_ path: String, expecting expected: BackupContents) -> [String] {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                var problems: [String] = []
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                if !integrity.isEmpty {
                    problems.append("SQLite's integrity check fails: " + integrity.prefix(3).joined(separator: "; "))
                }
                let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") ?? 0
                if orphans > 0 { problems.append("\(orphans) rows point at records that do not exist (foreign keys)") }
                return problems + expected.differences(from: try BackupContents.read(db))
            }
        } catch let error as DatabaseError {
            return ["SQLite cannot read it as a database (\(error.message ?? "\(error.resultCode)"))"]
        } catch {
            return ["\(error)"]
        }
    }
}

/// Work started on another thread, whose result is collected later.
final class Concurrent<T: Sendable>: @unchecked Sendable {
    private var outcome: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread {
            self.outcome = Result { try work() }
            self.done.signal()
        }.start()
    }

    /// Waits for the work; the semaphore orders the write of `outcome` before this read.
    func result() -> Result<T, Error> {
        done.wait()
        return outcome!
    }
}
