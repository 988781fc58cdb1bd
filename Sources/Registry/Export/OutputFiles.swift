import Foundation

extension Registry {
    /// Refuses an output file that is the database or one of SQLite's files beside it (`-wal`,
    /// `-shm`, `-journal`): an export renamed over it would destroy the register, and a file
    /// under the `-wal` name would be read by SQLite as the database's log.
    public func refuseOutput(_ output: String) throws {
        guard let database = path else { return }
        for (file, what) in [
            (database, "database"), (database + "-wal", "write-ahead log"), (database + "-shm", "shared memory"),
            (database + "-journal", "journal"),
        ] where Self.sameFile(file, output) {
            throw RegistryError.refused(
                "--output \(output) is the register's \(what) file (\(file)); writing there would destroy the register. "
                    + "Nothing was written; give another file.")
        }
    }

    /// Whether two paths name one file: the same device and inode when both exist, else the
    /// same absolute path with symbolic links resolved.
    static func sameFile(_ one: String, _ other: String) -> Bool {
        var first = stat()
        var second = stat()
        if stat(one, &first) == 0, stat(other, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(one) == resolved(other)
    }
}
