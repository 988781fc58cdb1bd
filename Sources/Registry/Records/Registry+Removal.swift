import GRDB

/// What a removal took away, dependents first, the record asked for last.
public struct Removal: Equatable, Sendable {
    /// One record removed: its kind, its id and the name people know it by.
    public struct Item: Equatable, Sendable, CustomStringConvertible {
        public let kind: RecordKind
        public let id: Int64
        public let label: String

        /// `city #1 Łódź`.
        public var description: String { "\(kind.rawValue) #\(id) \(label)" }
    }

    public var removed: [Item]
}

extension RecordKind {
    /// Removes row `id`; with dependents, refuses naming them unless `cascade` is set, in which
    /// case they go first. Runs inside the caller's transaction.
    func remove(_ id: Int64, cascade: Bool, in db: Database, removed: inout [Removal.Item]) throws {
        var direct: [(RecordKind, [(Int64, String)])] = []
        for (kind, column) in dependents {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, \(kind.labelExpression) AS label FROM \(kind.table) WHERE \(column) = ? ORDER BY id",
                arguments: [id])
            if !rows.isEmpty { direct.append((kind, rows.map { ($0["id"], $0["label"] ?? "") })) }
        }
        if !direct.isEmpty && !cascade {
            let listed = direct.map { kind, rows in
                let shown = rows.prefix(5).map { "#\($0.0) \($0.1)" }.joined(separator: ", ")
                return "\(kind.counted(rows.count)) (\(shown)\(rows.count > 5 ? ", …" : ""))"
            }
            throw RegistryError.refused(
                "\(try label(id, in: db)) has \(listed.joined(separator: " and ")). "
                    + "Nothing was removed; use --cascade to remove them too.")
        }
        for (kind, rows) in direct {
            for (childID, _) in rows { try kind.remove(childID, cascade: true, in: db, removed: &removed) }
        }
        let name = try label(id, in: db)
        try topicLink?.replace(owner: id, with: [], in: db)
        for owned in ownedRows { try db.execute(sql: "DELETE FROM \(owned.table) WHERE \(owned.column) = ?", arguments: [id]) }
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        removed.append(Removal.Item(kind: self, id: id, label: name))
    }
}

extension Registry {
    /// Removes the record of `kind` that `reference` names (see `RecordKind.resolve`). A record
    /// others depend on is refused, naming them, unless `cascade`; then they go with it.
    public func remove(_ kind: RecordKind, _ reference: RecordReference, cascade: Bool = false) throws -> Removal {
        try write { db in
            var removed: [Removal.Item] = []
            try kind.remove(try kind.resolve(reference, in: db), cascade: cascade, in: db, removed: &removed)
            return Removal(removed: removed)
        }
    }
}
