import Foundation
import GRDB
import GRDBSQLite

/// The owner of one register database.
///
/// Opening a registry migrates it, so no caller ever sees an unmigrated database. Every public
/// write method is one immediate transaction: it writes everything or nothing.
public struct Registry: Sendable {
    let writer: any DatabaseWriter

    /// Who makes the changes (the command's `--as`, else `$USER`).
    public let actor: String

    /// The database file, or nil for an in-memory registry.
    public var path: String? { writer.path == ":memory:" || writer.path.isEmpty ? nil : writer.path }

    /// How long a command waits for another process's write before giving up.
    public static let busyTimeout: TimeInterval = 10

    init(writer: any DatabaseWriter, actor: String) {
        self.writer = writer
        self.actor = actor
    }

    /// How a command uses the database.
    public enum Access: Sendable {
        /// Reads and writes.
        case readWrite
        /// Reads only: opens read-only connections, so the command never writes, locks or
        /// checkpoints the file. A missing or outdated database is still created and migrated.
        case readOnly
    }

    /// Opens (creating the folder and file when needed) and migrates the database at `path`.
    ///
    /// The process umask is set to 077 first, so the folder, the database and its `-wal` and
    /// `-shm` files are readable by their owner only whatever the caller's umask was.
    public static func open(path: String, actor: String = Registry.defaultActor(), access: Access = .readWrite) throws -> Registry {
        try OwnerOnlyFiles.prepareFolder(forFile: path)
        // A -journal beside the file is a transaction a killed process left (a restore is one):
        // only a writing connection can roll it back, so a reading command opens as a writer.
        if access == .readOnly, FileManager.default.fileExists(atPath: path), !FileManager.default.fileExists(atPath: path + "-journal") {
            // One read-only connection is all a reading command needs.
            let queue = try translatingErrors(path: path) {
                try DatabaseQueue(path: DatabaseFileName.plain(path), configuration: configuration(readOnly: true))
            }
            if try translatingErrors(path: path, { try pendingMigrations(queue) }) == false {
                return Registry(writer: queue, actor: actor)
            }
        }
        let queue = try translatingErrors(path: path) {
            // One connection, not a pool: a pool's writer makes sure a -wal file exists by
            // creating and dropping a table, a write on every open, even of a damaged database
            // or for a command that then fails. The queue writes nothing until asked to.
            let queue = try DatabaseQueue(path: DatabaseFileName.plain(path), configuration: configuration(readOnly: false))
            try queue.writeWithoutTransaction { db in
                // Readers never wait for the writer, and the writer never for readers; a no-op
                // (no write) on a database already in WAL mode.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw RegistryError.database("\(path) could not be switched to write-ahead logging. Nothing was changed.")
                }
                // A command that reported success must survive a power cut.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // SQLite refuses the search index (an FTS5 table) in the triggers that keep it
                // current unless the schema is trusted. The writer runs only the registry's own
                // statements and migrations; readers and staff SQL keep trusted_schema off.
                try db.execute(sql: "PRAGMA trusted_schema = ON")
                // Freed space is zeroed, so an erased person's data does not linger in free
                // pages (DESIGN: personal data).
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            try migrateRacingOthers(queue)
            return queue
        }
        try OwnerOnlyFiles.restrict(databaseAt: path)
        return Registry(writer: queue, actor: actor)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
        }
        return config
    }

    /// A fresh, migrated registry in memory, for tests and previews.
    public static func inMemory(actor: String = "test") throws -> Registry {
        let queue = try DatabaseQueue(configuration: inMemoryConfiguration)
        try migratedInMemory.get().backup(to: queue)
        return Registry(writer: queue, actor: actor)
    }

    private static var inMemoryConfiguration: Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        return config
    }

    /// The schema migrated once per process: each in-memory registry starts as a page copy of
    /// it, which costs a fraction of running every migration again (a test suite makes
    /// thousands).
    private static let migratedInMemory = Result { () throws -> DatabaseQueue in
        let queue = try DatabaseQueue(configuration: inMemoryConfiguration)
        try migrator.migrate(queue)
        return queue
    }

    /// The default actor: `$USER`, else `unknown`.
    public static func defaultActor(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }

    /// The database path used without `--db`: `$REGISTRY_DB`, else
    /// `$XDG_DATA_HOME/ks-registry/registry.sqlite`, else `$HOME/.local/share/ks-registry/registry.sqlite`.
    /// Without any of them (a bare cron or service environment) there is no default: guessing one
    /// would quietly start a new, empty register somewhere unexpected.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let path = environment["REGISTRY_DB"], !path.isEmpty { return path }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ks-registry/registry.sqlite" }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw RegistryError.refused(
                "No database given, and HOME is not set, so the default ~/.local/share/ks-registry/registry.sqlite cannot be found. "
                    + "Give --db PATH or set REGISTRY_DB; nothing was changed.")
        }
        return home + "/.local/share/ks-registry/registry.sqlite"
    }

    /// Runs `body` in one immediate write transaction, translating SQLite errors into sentences.
    ///
    /// Every write goes through here: it names the actor for the audit triggers for the length of
    /// the transaction (see `Migrations/0003_audit_log.sql`). A `bulk` write (an import) keeps the
    /// insert triggers quiet and logs its own change-set entries (`0005_import_change_sets.sql`).
    /// The transaction commits when `commit` says so of the result, else it is rolled back.
    func write<T>(bulk: Bool = false, commit: @escaping (T) -> Bool = { _ in true }, _ body: @escaping (Database) throws -> T) throws -> T {
        try Self.translatingErrors(path: path) {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT OR REPLACE INTO audit_session (id, actor, bulk) VALUES (1, ?, ?)", arguments: [actor, bulk])
                    let value = try body(db)
                    result = value
                    try db.execute(sql: "DELETE FROM audit_session")
                    return commit(value) ? .commit : .rollback
                }
                return result!
            }
        }
    }

    /// Runs `body` on a consistent snapshot, translating SQLite errors into sentences.
    func read<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        try Self.translatingErrors(path: path) { try writer.read(body) }
    }
}

extension Registry {
    /// The version of the SQLite library the registry runs on.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
