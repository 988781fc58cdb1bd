import Foundation
import GRDB

/// A set of values a shell can complete a command-line word to.
public enum CompletionSet: Sendable, CaseIterable {
    case voivodeship, county, theme, topic, city, partner, partnership

    /// The sets the schema fixes (migrations seed them): they complete even without a database.
    var isReference: Bool { self == .voivodeship || self == .county || self == .theme || self == .topic }

    /// Town and partner names are matched by the register itself, on the index of `name_key`;
    /// the other sets are small and matched as they are read.
    var isMatchedByKey: Bool { self == .city || self == .partner }

    var sql: String {
        switch self {
        case .voivodeship: ReferenceData.Query.voivodeships
        case .county: ReferenceData.Query.counties
        case .theme: ReferenceData.Query.themeCodes
        case .topic: ReferenceData.Query.topicCodes
        // Names are matched as lookup matches a beginning: a large register costs no more than
        // a small one.
        case .city: RecordKind.city.namesBeginningSQL
        case .partner: RecordKind.partner.namesBeginningSQL
        case .partnership:
            """
            SELECT city.name || '/' || partner.name FROM partnership
            JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
            ORDER BY city.name_key, partner.name_key
            """
        }
    }
}

extension Registry {
    /// The values of `set` that begin with `prefix` (case and Polish or Norwegian letters
    /// ignored, as names are looked up), for a shell completing a word.
    ///
    /// A shell calls this on every Tab, so it never creates, migrates, waits for or writes the
    /// database, and it fails quietly: any problem (no file, another application's database,
    /// a lock held too long) gives no values rather than an error on the user's prompt. The
    /// reference sets come from a schema built in memory when there is no database file.
    /// Letters typed without their diacritics find every value they fold to (`ost` Østfold, `lu`
    /// Lubin and Łuków); letters typed with them mean what they say (`Ø` is Østfold, not Oslo).
    public static func completions(_ set: CompletionSet, prefix: String, databaseAt path: String?) -> [String] {
        let folded = NameFolding.key(prefix)
        let values =
            set.isMatchedByKey
            ? (try? completionValues(set, path: path, arguments: [folded])) ?? []
            : ((try? completionValues(set, path: path)) ?? []).filter { NameFolding.key($0).hasPrefix(folded) }
        guard !prefix.unicodeScalars.allSatisfy(\.isASCII) else { return values }
        let typed = values.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        return typed.isEmpty ? values : typed
    }

    private static func completionValues(_ set: CompletionSet, path: String?, arguments: StatementArguments = []) throws -> [String] {
        if let path, FileManager.default.fileExists(atPath: path) {
            var config = configuration(readOnly: true)
            config.busyMode = .timeout(0.2)
            let queue = try DatabaseQueue(path: DatabaseFileName.plain(path), configuration: config)
            if let values = try? queue.read({ try String.fetchAll($0, sql: set.sql, arguments: arguments) }) { return values }
        }
        guard set.isReference else { return [] }
        let queue = try DatabaseQueue()
        try migrator.migrate(queue, upTo: "0002_seed_reference")
        return try queue.read { try String.fetchAll($0, sql: set.sql) }
    }
}
