import Foundation
import GRDB

/// What a restore did.
public struct RestoreOutcome: Sendable {
    /// The database that now holds the backup's contents.
    public let target: String
    /// Where the database that was there before is kept, when there was one.
    public let keptAside: String?
    public let manifest: BackupManifest
}

extension Registry {
    /// Puts the backup at `backup` in place at `target` (the live database, or another path).
    ///
    /// The backup is verified first. A database already at `target` is locked exclusively (other
    /// commands wait), copied aside as `NAME-before-restore-STAMP.sqlite`, and overwritten in one
    /// transaction through SQLite's backup API, so a crash leaves it old or restored, never in
    /// between, and no stale `-wal` can bring old pages back. It is refused without `force` when
    /// its audit log has changes the backup lacks, or when it cannot be read at all.
    public static func restore(backup: String, to target: String, force: Bool) throws -> RestoreOutcome {
        let check = try verifiedBackup(backup)
        let manifest = check.manifest!
        try OwnerOnlyFiles.prepareFolder(forFile: target)
        guard (check.path as NSString).standardizingPath != (target as NSString).standardizingPath else {
            throw RegistryError.refused("The backup and the database to restore into are the same file (\(target)).")
        }
        let aside = asideName(for: target)
        var keptAside: String?
        if DurableFiles.exists(target) {
            do {
                try overwrite(target, from: check, keepingAside: aside, force: force)
                keptAside = aside
            } catch DamagedTarget.unreadable(let reason) {
                guard force else {
                    throw RegistryError.refused(
                        "\(target) cannot be read as a registry database (\(reason)). Nothing was changed. "
                            + "Run again with --force to replace it; the damaged file will be kept as \(aside).")
                }
                try moveAside(target, to: aside)
                keptAside = aside
            }
        }
        if !DurableFiles.exists(target) {
            // A -wal or -journal left beside the path belongs to another database: opened with
            // the copy, SQLite would roll it into it.
            if WorkFiles.sqliteSiblings.contains(where: { DurableFiles.exists(target + $0) }) { try moveAside(target, to: aside) }
            try place(check, at: target)
        }
        try checkPlaced(target, against: manifest)
        _ = try open(path: target)
        return RestoreOutcome(target: target, keptAside: keptAside, manifest: manifest)
    }

    /// Checks a backup named by its path, refusing one that does not verify.
    static func verifiedBackup(_ path: String) throws -> BackupCheck {
        let fileName = (path as NSString).lastPathComponent
        guard let name = BackupName(fileName: fileName), fileName == name.fileName else {
            throw RegistryError.refused(
                "\(path) is not a backup's name (registry-YYYYMMDDTHHMMSSZ.sqlite). `registry backup list` shows the backups.")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let check = BackupVerification.check(name, in: folder.isEmpty ? "." : folder)
        guard check.isGood else {
            throw RegistryError.refused(
                "\(path) fails verification: \(check.problems.joined(separator: "; ")). Nothing was changed; "
                    + "`registry backup list` shows other backups.")
        }
        return check
    }

    private enum DamagedTarget: Error {
        case unreadable(String)
    }

    /// Restores over an existing database while holding its exclusive lock.
    private static func overwrite(_ target: String, from check: BackupCheck, keepingAside aside: String, force: Bool) throws {
        let live: DatabaseQueue
        do {
            live = try DatabaseQueue(path: DatabaseFileName.plain(target), configuration: configuration(readOnly: false))
            try live.writeWithoutTransaction { db in
                // Held until the connection closes: no other process reads or writes meanwhile.
                try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
                try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT")
            }
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw DamagedTarget.unreadable(error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError {
            throw translate(error, path: target)
        }
        defer { try? live.close() }
        try translatingErrors(path: target) {
            try live.writeWithoutTransaction { db in
                let current: BackupContents
                do {
                    current = try BackupContents.read(db)
                } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
                    throw DamagedTarget.unreadable(error.message ?? "\(error.resultCode)")
                }
                if !force, let newer = try changesMissing(from: check, comparedWith: current, in: db) {
                    throw RegistryError.refused(
                        "\(target) has \(newer); restoring \(check.name) would drop them. Nothing was changed. "
                            + "Use --force to restore anyway (the current database is kept aside either way).")
                }
                // Holding the lock, no other restore of this database can still need what a
                // killed one left beside it.
                removeLeftoverPartials(of: target)
                let partial = WorkFiles.track(sibling(of: target, named: restorePartial(for: target)))
                defer { DurableFiles.remove(partial) }
                try copy(db, to: partial)
                try DurableFiles.sync(partial)
                try DurableFiles.place(partial, at: aside)
                // A rollback journal for the overwrite: one transaction, and no -wal left behind.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                let source = try DatabaseQueue(path: DatabaseFileName.plain(check.path), configuration: configuration(readOnly: true))
                try source.read { backup in try backup.backup(to: db) }
                try source.close()
            }
        }
    }

    /// The audit-log changes the live database has and the backup lacks, in words; nil when
    /// the backup holds the live database's whole history.
    private static func changesMissing(from check: BackupCheck, comparedWith current: BackupContents, in db: Database) throws -> String? {
        guard let latest = current.lastChange else { return nil }
        let backupLast = check.manifest!.contents.lastChange
        if let backupLast, latest.auditId <= backupLast.auditId {
            // The live history must be the start of the backup's: the same entry at its end.
            let backup = try DatabaseQueue(path: DatabaseFileName.plain(check.path), configuration: configuration(readOnly: true))
            defer { try? backup.close() }
            let entry = "SELECT * FROM audit_log WHERE id = ?"
            let there = try backup.read { try Row.fetchOne($0, sql: entry, arguments: [latest.auditId]) }
            let here = try Row.fetchOne(db, sql: entry, arguments: [latest.auditId])
            return there == here ? nil : "a history that differs from the backup's (it is not a copy of the same register)"
        }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE id > ?", arguments: [backupLast?.auditId ?? 0]) ?? 0
        let actor = try String.fetchOne(db, sql: "SELECT actor FROM audit_log WHERE id = ?", arguments: [latest.auditId]) ?? "?"
        return "\(count) change\(count == 1 ? "" : "s") newer than the backup (the latest at \(latest.at) by \(actor))"
    }

    /// Copies a verified backup to a new file at `target`, checking the copy's SHA-256.
    private static func place(_ check: BackupCheck, at target: String) throws {
        let partial = WorkFiles.track(sibling(of: target, named: restorePartial(for: target)))
        defer { DurableFiles.remove(partial) }
        let sha256 = try DurableFiles.copy(check.path, to: partial)
        guard sha256 == check.manifest!.sha256 else {
            throw RegistryError.file(path: partial, reason: "the copy of \(check.name) differs from it; nothing was changed")
        }
        try DurableFiles.place(partial, at: target)
        let folder = (target as NSString).deletingLastPathComponent
        try DurableFiles.sync(folder.isEmpty ? "." : folder)
    }

    /// Reads the placed copy as SQLite sees it, with whatever lies beside it, and holds it
    /// against the backup's manifest before the restore is reported.
    private static func checkPlaced(_ target: String, against manifest: BackupManifest) throws {
        let problems: [String] = try translatingErrors(path: target) {
            let queue = try DatabaseQueue(path: DatabaseFileName.plain(target), configuration: configuration(readOnly: true))
            defer { try? queue.close() }
            return try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                return (integrity == ["ok"] ? [] : ["integrity check: " + integrity.prefix(3).joined(separator: "; ")])
                    + manifest.contents.differences(from: try BackupContents.read(db))
            }
        }
        guard problems.isEmpty else {
            throw RegistryError.database(
                "The restored copy at \(target) does not match the backup (\(problems.joined(separator: "; "))). "
                    + "Do not use it; restore again, or see `registry backup verify`.")
        }
    }

    /// Renames a database and its `-wal`, `-shm` and `-journal` files together.
    private static func moveAside(_ target: String, to aside: String) throws {
        for suffix in [""] + WorkFiles.sqliteSiblings where DurableFiles.exists(target + suffix) {
            try DurableFiles.place(target + suffix, at: aside + suffix)
        }
    }

    /// `FOLDER/NAME-before-restore-STAMP.sqlite` for `FOLDER/NAME.sqlite`, with `-2`, `-3`, ...
    /// after the stamp when restores follow each other within a second.
    static func asideName(for target: String) -> String {
        let stem = ((target as NSString).lastPathComponent as NSString).deletingPathExtension
        let base = "\(stem)-before-restore-\(BackupName(date: Date()).stamp)"
        var name = sibling(of: target, named: base + ".sqlite")
        var number = 1
        while DurableFiles.exists(name) {
            number += 1
            name = sibling(of: target, named: "\(base)-\(number).sqlite")
        }
        return name
    }

    /// A hidden work file beside `target`, named after it: `.registry-restore-NAME-PID-N.partial`.
    private static func restorePartial(for target: String) -> String {
        BackupName.partial("restore-" + (target as NSString).lastPathComponent)
    }

    private static func removeLeftoverPartials(of target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = ".registry-restore-\((target as NSString).lastPathComponent)-"
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        where BackupName.isPartial(file, prefix: prefix) {
            DurableFiles.remove(sibling(of: target, named: file))
        }
    }

    private static func sibling(of file: String, named name: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }
}
