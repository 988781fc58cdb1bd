import GRDB

/// What a removal took away, one line per record, dependents first.
public struct Removal: Equatable, Sendable {
    public var removed: [String]
}

/// The register's tables and the records that depend on each, for removals that lose nothing
/// by accident.
enum RecordTable: String, CaseIterable {
    case city, partner, contact, partnership, activity, expense

    /// Tables whose rows point at this one, with the pointing column.
    var dependents: [(table: RecordTable, column: String)] {
        switch self {
        case .city: [(.contact, "city_id"), (.partnership, "city_id")]
        case .partner: [(.contact, "partner_id"), (.partnership, "partner_id")]
        case .partnership: [(.activity, "partnership_id")]
        case .activity: [(.expense, "activity_id")]
        case .contact, .expense: []
        }
    }

    /// Topic links owned by the record, removed with it.
    var topicLink: TopicLink? {
        switch self {
        case .city: .city
        case .partner: .partner
        case .partnership: .partnership
        default: nil
        }
    }

    /// An SQL expression naming a row of this table for people.
    var labelExpression: String {
        switch self {
        case .city, .partner, .contact: "name"
        case .partnership:
            "(SELECT city.name FROM city WHERE city.id = city_id) || '/' || (SELECT partner.name FROM partner WHERE partner.id = partner_id)"
        case .activity: "kind || ' ''' || title || ''''"
        case .expense: "category || ' ' || printf('%d.%02d', amount_cents / 100, amount_cents % 100) || ' EUR'"
        }
    }

    func plural(_ count: Int) -> String {
        count == 1 ? rawValue : (self == .activity ? "activities" : rawValue + "s")
    }

    func label(_ id: Int64, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT \(labelExpression) FROM \(rawValue) WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }

    /// Removes row `id`; with dependents, refuses naming them unless `cascade` is set, in which
    /// case they go first. Runs inside the caller's transaction.
    func remove(_ id: Int64, cascade: Bool, in db: Database, removed: inout [String]) throws {
        var direct: [(RecordTable, [(Int64, String)])] = []
        for (table, column) in dependents {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, \(table.labelExpression) AS label FROM \(table.rawValue) WHERE \(column) = ? ORDER BY id",
                arguments: [id])
            if !rows.isEmpty { direct.append((table, rows.map { ($0["id"], $0["label"] ?? "") })) }
        }
        if !direct.isEmpty && !cascade {
            let listed = direct.map { table, rows in
                let shown = rows.prefix(5).map { "#\($0.0) \($0.1)" }.joined(separator: ", ")
                return "\(rows.count) \(table.plural(rows.count)) (\(shown)\(rows.count > 5 ? ", …" : ""))"
            }
            throw RegistryError.refused(
                "\(try label(id, in: db)) has \(listed.joined(separator: " and ")). "
                    + "Nothing was removed; use --cascade to remove them too.")
        }
        for (table, rows) in direct {
            for (childID, _) in rows { try table.remove(childID, cascade: true, in: db, removed: &removed) }
        }
        let name = try label(id, in: db)
        try topicLink?.replace(owner: id, with: [], in: db)
        try db.execute(sql: "DELETE FROM \(rawValue) WHERE id = ?", arguments: [id])
        removed.append("\(rawValue) #\(id) \(name)")
    }
}

extension Registry {
    func remove(_ table: RecordTable, id resolve: @escaping (Database) throws -> Int64, cascade: Bool) throws -> Removal {
        try write { db in
            var removed: [String] = []
            try table.remove(try resolve(db), cascade: cascade, in: db, removed: &removed)
            return Removal(removed: removed)
        }
    }

    /// Removes a city; refused while it has contacts or partnerships unless `cascade`.
    public func removeCity(_ reference: String, cascade: Bool = false) throws -> Removal {
        try remove(.city, id: { try NamedTable.city.resolve(reference, in: $0) }, cascade: cascade)
    }

    /// Removes a partner; refused while it has contacts or partnerships unless `cascade`.
    public func removePartner(_ reference: String, cascade: Bool = false) throws -> Removal {
        try remove(.partner, id: { try NamedTable.partner.resolve(reference, in: $0) }, cascade: cascade)
    }

    /// Removes a contact.
    public func removeContact(_ reference: String) throws -> Removal {
        try remove(.contact, id: { try Self.resolveID(reference, table: "contact", entity: "contact", in: $0) }, cascade: false)
    }

    /// Removes a partnership; refused while it has activities unless `cascade`.
    public func removePartnership(_ reference: String, cascade: Bool = false) throws -> Removal {
        try remove(.partnership, id: { try Self.resolvePartnership(reference, in: $0) }, cascade: cascade)
    }

    /// Removes an activity; refused while it has expenses unless `cascade`.
    public func removeActivity(_ reference: String, cascade: Bool = false) throws -> Removal {
        try remove(.activity, id: { try Self.resolveID(reference, table: "activity", entity: "activity", in: $0) }, cascade: cascade)
    }

    /// Removes an expense.
    public func removeExpense(_ reference: String) throws -> Removal {
        try remove(.expense, id: { try Self.resolveID(reference, table: "expense", entity: "expense", in: $0) }, cascade: false)
    }
}
