import Foundation

/// Files and folders the registry creates are readable by their owner only.
enum OwnerOnlyFiles {
    /// Sets the process umask to 077, whatever the caller's was, so every file SQLite or the
    /// registry creates from now on (database, `-wal`, `-shm`, backups, exports) is owner-only.
    static func setUmask() {
        umask(0o077)
    }

    /// Creates the folder that will hold `file`, owner-only, when it does not exist yet.
    static func prepareFolder(forFile file: String) throws {
        setUmask()
        let folder = (file as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RegistryError.file(path: folder, reason: "the folder could not be created (\(error.localizedDescription))")
        }
    }

    /// Makes the database and its `-wal` and `-shm` files owner-only, in case they were created
    /// earlier by another tool with a wider umask. Only the group's and others' bits are taken
    /// away: a file its owner made read-only (0400) stays read-only.
    static func restrict(databaseAt path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var status = stat()
            guard stat(file, &status) == 0 else { continue }
            let mode = status.st_mode & 0o7777
            guard mode & 0o077 != 0 else { continue }
            if chmod(file, mode & ~0o077) != 0 && file == path {
                throw RegistryError.file(path: file, reason: "its permissions could not be set to owner-only")
            }
        }
    }
}
