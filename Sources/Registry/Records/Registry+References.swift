import GRDB

/// Finding records the way people name them: by id, or for cities and partners by name,
/// ignoring case and Polish and Norwegian letters. An exact name wins; otherwise a unique
/// beginning of a name is enough; an ambiguous name lists the candidates.
enum NamedTable: String {
    case city, partner

    var entity: String { rawValue }

    /// The id of the record `reference` names.
    func resolve(_ reference: String, in db: Database) throws -> Int64 {
        let text = reference.trimmed()
        if let id = Int64(text), text.allSatisfy({ $0.isASCIIDigit }) {
            guard try Registry.exists(id, in: rawValue, db) else { throw RegistryError.notFound(entity: entity, reference: reference) }
            return id
        }
        let key = NameFolding.key(text)
        guard !key.isEmpty else { throw RegistryError.notFound(entity: entity, reference: reference) }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(rawValue) WHERE name_key = ?", arguments: [key]) {
            return id
        }
        // Keys starting with `key`: the range [key, key + U+10FFFF) uses the unique index.
        let matches = try Row.fetchAll(
            db,
            sql: "SELECT id, name FROM \(rawValue) WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 11",
            arguments: [key, key + "\u{10FFFF}"])
        switch matches.count {
        case 0: throw RegistryError.notFound(entity: entity, reference: reference)
        case 1: return matches[0]["id"]
        default:
            let names = matches.prefix(10).map { "\($0["name"] as String) (\($0["id"] as Int64))" }
            throw RegistryError.ambiguous(
                entity: entity, reference: reference, candidates: names + (matches.count > 10 ? ["…"] : []))
        }
    }
}

extension Registry {
    /// The id of the record with numeric id `reference` in `table`, or notFound.
    static func resolveID(_ reference: String, table: String, entity: String, in db: Database) throws -> Int64 {
        guard let id = numericID(reference), try exists(id, in: table, db)
        else { throw RegistryError.notFound(entity: entity, reference: reference) }
        return id
    }

    /// The id a reference spells with digits alone (spaces around ignored), else nil.
    static func numericID(_ reference: String) -> Int64? {
        let text = reference.trimmed()
        return text.allSatisfy({ $0.isASCIIDigit }) ? Int64(text) : nil
    }

    /// Whether `table` has record `id`, through a cached statement: an import asks once per row.
    static func exists(_ id: Int64, in table: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [id]) == true
    }

    /// The id of the partnership named by its id or as `CITY/PARTNER`.
    static func resolvePartnership(_ reference: String, in db: Database) throws -> Int64 {
        let parts = reference.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return try resolveID(reference, table: "partnership", entity: "partnership", in: db)
        }
        let cityID = try NamedTable.city.resolve(String(parts[0]), in: db)
        let partnerID = try NamedTable.partner.resolve(String(parts[1]), in: db)
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM partnership WHERE city_id = ? AND partner_id = ?", arguments: [cityID, partnerID])
        else { throw RegistryError.notFound(entity: "partnership", reference: reference) }
        return id
    }
}
