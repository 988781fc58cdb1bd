import Foundation
import GRDB
import Registry
import Testing

/// One entry the audit trail should hold: the row, the action, and the values before and after
/// that matter to the case (a JSON object of some of the row's columns).
struct ExpectedEntry: Sendable, CustomStringConvertible {
    let table: String
    let rowId: Int64
    let action: AuditAction
    let old: String?
    let new: String?

    static func insert(_ table: String, _ rowId: Int64, _ new: String) -> Self {
        Self(table: table, rowId: rowId, action: .insert, old: nil, new: new)
    }

    static func update(_ table: String, _ rowId: Int64, old: String, new: String) -> Self {
        Self(table: table, rowId: rowId, action: .update, old: old, new: new)
    }

    static func delete(_ table: String, _ rowId: Int64, _ old: String) -> Self {
        Self(table: table, rowId: rowId, action: .delete, old: old, new: nil)
    }

    var description: String { "\(action.rawValue) \(table) #\(rowId)" }
}

/// A change to the linked sample (see `Sample.linked`) and the entries it must log, nothing more.
struct AuditCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Made by another actor before the change, and not part of what the change logs.
    var prepare: @Sendable (Registry) throws -> Void = { _ in }
    let change: @Sendable (Registry) throws -> Void
    let expected: [ExpectedEntry]

    var testDescription: String { name }
}

/// The linked sample in a database file under `folder`, written by "setup".
func linkedRegisterFile(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("registry.sqlite").path
    _ = try Sample.linked(in: Registry.open(path: path, actor: "setup"))
    return path
}

/// The columns of each audited table, read from the schema itself.
func auditedColumns(_ path: String) throws -> [String: Set<String>] {
    var configuration = Configuration()
    configuration.readonly = true
    return try DatabaseQueue(path: path, configuration: configuration).read { db in
        var columns: [String: Set<String>] = [:]
        for table in AuditFilter.tables { columns[table] = Set(try db.columns(in: table).map(\.name)) }
        return columns
    }
}

/// The entries logged after entry `id`.
func auditEntries(after id: Int64, in registry: Registry) throws -> [AuditEntry] {
    try registry.auditLog().filter { $0.id > id }
}

/// Expects `entries` to be exactly `expected`, in order, made by `actor`: insert entries carry
/// only new values, delete entries only old ones, both name every column of the row, hold the
/// expected values, and an update's old and new values differ in exactly the columns the case
/// changes.
func expectEntries(
    _ entries: [AuditEntry], _ expected: [ExpectedEntry], actor: String, columns: [String: Set<String>],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let logged = entries.map { "\($0.action.rawValue) \($0.tableName) #\($0.rowId.map(String.init) ?? "")" }
    #expect(logged == expected.map(\.description), sourceLocation: sourceLocation)
    guard logged == expected.map(\.description) else { return }
    for (entry, expected) in zip(entries, expected) {
        #expect(entry.actor == actor, "\(expected)", sourceLocation: sourceLocation)
        #expect((entry.oldValues == nil) == (expected.action == .insert), "\(expected): old values", sourceLocation: sourceLocation)
        #expect((entry.newValues == nil) == (expected.action == .delete), "\(expected): new values", sourceLocation: sourceLocation)
        #expect(entry.changedAt.count == 20 && entry.changedAt.hasSuffix("Z"), "\(entry.changedAt)", sourceLocation: sourceLocation)
        let old = try entry.oldValues.map { try jsonObject($0, sourceLocation: sourceLocation) }
        let new = try entry.newValues.map { try jsonObject($0, sourceLocation: sourceLocation) }
        for values in [old, new].compactMap({ $0 }) {
            #expect(Set(values.keys) == columns[entry.tableName], "\(expected) names every column", sourceLocation: sourceLocation)
        }
        try expectValues(old, expected.old, "\(expected), before", sourceLocation: sourceLocation)
        try expectValues(new, expected.new, "\(expected), after", sourceLocation: sourceLocation)
        if let old, let new, let expectedOld = try expected.old.map({ try jsonObject($0) }),
            let expectedNew = try expected.new.map({ try jsonObject($0) })
        {
            let changed = try differingKeys(old, new)
            let meant = try differingKeys(expectedOld, expectedNew)
            #expect(changed == meant, "\(expected): the columns that changed", sourceLocation: sourceLocation)
        }
    }
}

/// Expects every member of the JSON object `expected` in `values`.
func expectValues(_ values: [String: Any]?, _ expected: String?, _ what: String, sourceLocation: SourceLocation) throws {
    guard let expected else { return }
    let values = try #require(values, "\(what): no values", sourceLocation: sourceLocation)
    for (key, value) in try jsonObject(expected) {
        let actual = try values[key].map(canonicalJSON) ?? "(missing)"
        #expect(actual == (try canonicalJSON(value)), "\(what): \(key)", sourceLocation: sourceLocation)
    }
}

/// The keys whose values differ between two JSON objects.
func differingKeys(_ left: [String: Any], _ right: [String: Any]) throws -> Set<String> {
    var keys: Set<String> = []
    for key in Set(left.keys).union(right.keys) {
        if try canonicalJSON(left[key] ?? NSNull()) != canonicalJSON(right[key] ?? NSNull()) { keys.insert(key) }
    }
    return keys
}
