import Foundation

/// What a backup holds, written beside it as JSON when it is made, and what `backup verify`
/// checks it against. The SHA-256 is what proves the file unchanged: `integrity_check` alone
/// misses most flipped bits that change data.
public struct BackupManifest: Codable, Equatable, Sendable {
    /// The manifest's own layout, raised when fields change meaning.
    public var format = 1
    /// The backup's file name.
    public var file: String
    /// The moment of the snapshot, UTC ISO 8601.
    public var created: String
    public var sha256: String
    public var bytes: Int64
    public var contents: BackupContents
    /// The database the backup was made from.
    public var source: String
    public var sqliteVersion: String
    public var toolVersion: String

    static func read(from path: String) throws -> BackupManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegistryError.file(path: path, reason: "the manifest is missing or unreadable")
        }
        do {
            return try decoder.decode(BackupManifest.self, from: data)
        } catch {
            throw RegistryError.file(path: path, reason: "the manifest is not valid JSON of a registry backup")
        }
    }

    func encoded() throws -> Data {
        var data = try Self.encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}

/// What one snapshot of the register holds: row counts per table, the applied migrations and
/// the last entry of the audit log. Counted from the live database inside the snapshot, then
/// again from the backup file, and the two must agree.
public struct BackupContents: Codable, Equatable, Sendable {
    public var tables: [String: Int]
    public var migrations: [String]
    public var lastChange: Change?

    /// An entry of the audit log, by which restore tells whether the live database has
    /// changes the backup lacks.
    public struct Change: Codable, Equatable, Sendable {
        public var auditId: Int64
        public var at: String
    }

    public var totalRows: Int { tables.values.reduce(0, +) }
}
