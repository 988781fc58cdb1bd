import Foundation

/// How backups are named: `registry-YYYYMMDDTHHMMSSZ.sqlite`, the UTC time of the snapshot, with
/// its manifest beside it as `registry-YYYYMMDDTHHMMSSZ.json`. Work in progress is hidden
/// (`.registry-…partial`) and never carries a final name.
public struct BackupName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The moment of the snapshot, to the second.
    public let date: Date

    public init(date: Date) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// The name's date part, for example `20261130T020000Z`.
    public var stamp: String { Self.stampFormat.string(from: date) }
    public var fileName: String { "registry-\(stamp).sqlite" }
    public var manifestName: String { "registry-\(stamp).json" }
    public var description: String { fileName }

    /// Reads a backup's or a manifest's file name; nil for any other file.
    public init?(fileName: String) {
        let stem: Substring
        if fileName.hasSuffix(".sqlite") {
            stem = fileName.dropLast(".sqlite".count)
        } else if fileName.hasSuffix(".json") {
            stem = fileName.dropLast(".json".count)
        } else {
            return nil
        }
        let stamp = String(stem.dropFirst("registry-".count))
        // The formatter is lenient; only a name it writes back the same way is a backup's.
        guard stem.hasPrefix("registry-"), let date = Self.stampFormat.date(from: stamp), Self.stampFormat.string(from: date) == stamp else {
            return nil
        }
        self.init(date: date)
    }

    public static func < (lhs: BackupName, rhs: BackupName) -> Bool { lhs.date < rhs.date }

    /// A hidden name for work in progress in the same folder, unique to this process.
    static func partial(_ kind: String) -> String {
        ".registry-\(kind)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).partial"
    }

    static let partialSuffix = ".partial"

    /// Whether `fileName` is a work file of a backup command (`.registry-…partial`), or a
    /// journal SQLite left beside one.
    static func isPartial(_ fileName: String, prefix: String = ".registry-") -> Bool {
        fileName.hasPrefix(prefix) && ([""] + WorkFiles.sqliteSiblings).contains { fileName.hasSuffix(partialSuffix + $0) }
    }

    /// `20261130T020000Z`, always in UTC.
    static let stampFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }()
}
