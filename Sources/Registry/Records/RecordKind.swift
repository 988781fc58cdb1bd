import GRDB

/// The kinds of record staff create, and what the register knows of each: its table, the
/// records that depend on it, the topics it links, the record type it is read as, and how
/// people name one. Import, export, removal, lookup and completion all speak of records by it.
public enum RecordKind: String, CaseIterable, Sendable {
    case city, partner, contact, partnership, activity, expense

    /// The table with one row per record.
    public var table: String { rawValue }

    /// The word for `count` records of this kind: `1 city`, `2 activities`.
    public func counted(_ count: Int) -> String { "\(count) \(plural(count))" }

    func plural(_ count: Int) -> String {
        count == 1 ? rawValue : (self == .activity ? "activities" : rawValue + "s")
    }

    /// Kinds whose rows point at this one, with the pointing column.
    var dependents: [(kind: RecordKind, column: String)] {
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
        case .contact, .activity, .expense: nil
        }
    }

    /// Other rows owned by the record and removed with it, as (table, column naming the owner):
    /// a partnership's budget lines.
    var ownedRows: [(table: String, column: String)] {
        self == .partnership ? [("partnership_budget_line", "partnership_id")] : []
    }

    /// The record type a row of the table is read as, and an import row becomes.
    var recordType: any ImportableRecord.Type {
        switch self {
        case .city: City.self
        case .partner: Partner.self
        case .contact: Contact.self
        case .partnership: Partnership.self
        case .activity: Activity.self
        case .expense: Expense.self
        }
    }

    /// Whether people name a record by its name (towns and partners) as well as by its id.
    var isNamed: Bool { self == .city || self == .partner }

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

    func label(_ id: Int64, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT \(labelExpression) FROM \(table) WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }
}

// MARK: Finding a record the way people name it

extension RecordKind {
    /// The records of a named kind whose folded names begin with the folded prefix `?1`, in
    /// name order: every such key sorts between the prefix and the prefix followed by the last
    /// code point, so the unique index of `name_key` answers however large the register.
    var namesBeginningSQL: String {
        "SELECT name, id FROM \(table) WHERE name_key >= ?1 AND name_key < ?1 || char(1114111) ORDER BY name_key"
    }

    /// The id of the record `reference` names: its id (digits alone); for towns and partners
    /// also its name, ignoring case and Polish and Norwegian letters, an exact name winning
    /// over a unique beginning, an ambiguous one listing the candidates; for a partnership
    /// also `CITY/PARTNER`.
    public func resolve(_ reference: RecordReference, in db: Database) throws -> Int64 {
        switch reference {
        case .typed(let text): return try resolve(text, in: db)
        case .id(let id):
            guard try Self.exists(id, in: table, db) else { throw RegistryError.notFound(entity: rawValue, reference: String(id)) }
            return id
        case .found(let id): return id
        }
    }

    /// The id of the record the typed `reference` names.
    public func resolve(_ reference: String, in db: Database) throws -> Int64 {
        if let id = Self.numericID(reference) {
            guard try Self.exists(id, in: table, db) else { throw RegistryError.notFound(entity: rawValue, reference: reference) }
            return id
        }
        switch self {
        case .city, .partner: return try resolveName(reference, in: db)
        case .partnership: return try Self.resolvePair(reference, in: db)
        case .contact, .activity, .expense: throw RegistryError.notFound(entity: rawValue, reference: reference)
        }
    }

    private func resolveName(_ reference: String, in db: Database) throws -> Int64 {
        let key = NameFolding.key(reference.trimmed())
        guard !key.isEmpty else { throw RegistryError.notFound(entity: rawValue, reference: reference) }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(table) WHERE name_key = ?", arguments: [key]) {
            return id
        }
        let matches = try Row.fetchAll(db, sql: namesBeginningSQL + " LIMIT 11", arguments: [key])
        switch matches.count {
        case 0: throw RegistryError.notFound(entity: rawValue, reference: reference)
        case 1: return matches[0]["id"]
        default:
            let names = matches.prefix(10).map { "\($0["name"] as String) (\($0["id"] as Int64))" }
            throw RegistryError.ambiguous(entity: rawValue, reference: reference, candidates: names + (matches.count > 10 ? ["…"] : []))
        }
    }

    /// The partnership named `CITY/PARTNER`.
    private static func resolvePair(_ reference: String, in db: Database) throws -> Int64 {
        let parts = reference.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw RegistryError.notFound(entity: "partnership", reference: reference) }
        let cityID = try RecordKind.city.resolve(String(parts[0]), in: db)
        let partnerID = try RecordKind.partner.resolve(String(parts[1]), in: db)
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM partnership WHERE city_id = ? AND partner_id = ?", arguments: [cityID, partnerID])
        else { throw RegistryError.notFound(entity: "partnership", reference: reference) }
        return id
    }

    /// The id a reference spells with digits alone (spaces around ignored), else nil.
    static func numericID(_ reference: String) -> Int64? {
        let text = reference.trimmed()
        return !text.isEmpty && text.allSatisfy({ $0.isASCIIDigit }) ? Int64(text) : nil
    }

    /// Whether `table` has record `id`, through a cached statement: an import asks once per row.
    static func exists(_ id: Int64, in table: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) == true
    }
}
