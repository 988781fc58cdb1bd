import Foundation
import GRDB

/// How big and which demo database to build.
public struct DemoOptions: Sendable, Equatable {
    /// How many activities to generate across the partnerships.
    public var activities: Int
    /// How many partners in all; beyond the named ones, numbered illustrative partners are added.
    public var partners: Int?
    public var seed: UInt64

    public init(activities: Int = 240, partners: Int? = nil, seed: UInt64 = 2020) {
        self.activities = activities
        self.partners = partners
        self.seed = seed
    }
}

/// Rows per table, as a demo or a check reports them.
public struct TableCounts: Equatable, Sendable {
    public var counts: [(table: String, rows: Int)]

    public static func == (lhs: TableCounts, rhs: TableCounts) -> Bool {
        lhs.counts.map(\.table) == rhs.counts.map(\.table) && lhs.counts.map(\.rows) == rhs.counts.map(\.rows)
    }
}

extension Registry {
    static let illustrative = "Illustrative demo data, not programme records."

    /// Builds a demo database at `path`; refuses an existing file unless `force`, in which case
    /// the file and its `-wal` and `-shm` are replaced.
    /// `progress` hears the activities generated, of those asked for.
    public static func createDemo(at path: String, options: DemoOptions, force: Bool, progress: ProgressReporter? = nil) throws -> Registry {
        let files = [path, path + "-wal", path + "-shm"]
        if FileManager.default.fileExists(atPath: path) {
            guard force else {
                throw RegistryError.refused("\(path) already exists. Nothing was changed; use --force to replace it with a new demo.")
            }
            for file in files where FileManager.default.fileExists(atPath: file) {
                try FileManager.default.removeItem(atPath: file)
            }
        }
        do {
            let registry = try open(path: path, actor: "demo")
            try registry.fillDemo(options, progress: progress)
            return registry
        } catch {
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }

    /// Rows in each table of the register.
    public func counts() throws -> TableCounts {
        try read { db in
            TableCounts(
                counts: try RecordKind.allCases.map { kind in
                    (kind.rawValue, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0)
                })
        }
    }

    /// Fills an empty register with illustrative data, in one transaction, audited as one
    /// change set (a million activities logged row by row took five times as long).
    func fillDemo(_ options: DemoOptions, progress: ProgressReporter? = nil) throws {
        try write(bulk: true) { db in
            var random = SeededGenerator(seed: options.seed)
            var demo = DemoBuilder(db: db, topicIDs: try Int64.fetchAll(db, sql: "SELECT id FROM topic ORDER BY id"))
            try demo.addTowns(&random)
            try demo.addPartners(total: options.partners, &random)
            try demo.addPartnerships(&random)
            try demo.addActivities(options.activities, &random, progress: progress)
            try ChangeSet.log(try ChangeSet.allRows(of: AuditFilter.tables, in: db), source: "registry demo", in: db)
        }
    }
}
