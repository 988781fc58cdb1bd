import Foundation
import Synchronization

/// Files a command has begun but not finished: hidden partial copies of a backup or a restore,
/// an export being written. A command interrupted by a signal removes them on its way out
/// (`removeAll`), so Ctrl-C leaves nothing half written behind; after SIGKILL, the next backup
/// or restore clears its own kind.
public enum WorkFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Notes `path` as unfinished and returns it.
    @discardableResult
    public static func track(_ path: String) -> String {
        paths.withLock { _ = $0.insert(path) }
        return path
    }

    /// `path` was renamed into place or removed.
    public static func finished(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// The files SQLite keeps beside a database it writes: a work file that is a database
    /// (a backup's copy) leaves them too when it is interrupted.
    static let sqliteSiblings = ["-journal", "-wal", "-shm"]

    /// Removes `path` and the files SQLite may have left beside it.
    static func unlinkWithSiblings(_ path: String) {
        unlink(path)
        for suffix in sqliteSiblings { unlink(path + suffix) }
    }

    /// Removes every unfinished file; for a signal handler on its way out.
    public static func removeAll() {
        paths.withLock { paths in
            for path in paths { unlinkWithSiblings(path) }
            paths.removeAll()
        }
    }
}
