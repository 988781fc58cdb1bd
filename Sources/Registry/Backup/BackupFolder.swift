import Foundation

/// The folder that holds the backups of one register.
public struct BackupFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$REGISTRY_BACKUP_DIR`, else `backups/` beside the database.
    public static func defaultPath(forDatabase database: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment["REGISTRY_BACKUP_DIR"], !folder.isEmpty { return folder }
        let parent = (database as NSString).deletingLastPathComponent
        return parent.isEmpty ? "backups" : parent + "/backups"
    }

    /// The backups in the folder, oldest first, and manifests whose backup is missing.
    public func contents() throws -> (backups: [BackupName], orphanManifests: [BackupName]) {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw RegistryError.file(path: path, reason: "the backup folder cannot be read (\((error as NSError).localizedDescription))")
        }
        let names = Set(files)
        let backups = files.compactMap { $0.hasSuffix(".sqlite") ? BackupName(fileName: $0) : nil }.sorted()
        let orphans = files.compactMap { file -> BackupName? in
            guard file.hasSuffix(".json"), let name = BackupName(fileName: file), !names.contains(name.fileName) else { return nil }
            return name
        }
        return (backups, orphans.sorted())
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Takes the folder's lock, so one backup command at a time works in it, waiting up to the
    /// registry's busy timeout for another to finish. Work left by a command that was killed
    /// (hidden `.partial` files) is removed: no command holding the lock can still need it.
    func lock() throws -> Lock {
        try OwnerOnlyFiles.prepareFolder(forFile: file("x"))
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RegistryError.file(path: path, reason: "is not a folder")
        }
        let lockFile = file(".registry-backup.lock")
        let fd = open(lockFile, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw RegistryError.file(path: path, reason: "the backup folder is not writable (\(String(cString: strerror(errno))))")
        }
        let deadline = Date().addingTimeInterval(Registry.busyTimeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(fd)
                throw RegistryError.refused(
                    "Another backup command has been working in \(path) for more than \(Int(Registry.busyTimeout)) seconds. "
                        + "Nothing was changed; try again when it has finished.")
            }
            usleep(100_000)
        }
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where BackupName.isPartial(leftover) {
            DurableFiles.remove(file(leftover))
        }
        return Lock(fd: fd)
    }

    /// Held while a backup command works in the folder; released when dropped or at exit.
    final class Lock {
        private let fd: Int32

        init(fd: Int32) {
            self.fd = fd
        }

        deinit {
            close(fd)
        }
    }
}
