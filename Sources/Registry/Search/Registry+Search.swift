import GRDB

/// The kinds of record the search index holds; the raw value is the code in its rowids.
public enum SearchKind: String, CaseIterable, Sendable {
    case city, partner, contact, partnership, activity

    var code: Int {
        switch self {
        case .city: 1
        case .partner: 2
        case .contact: 3
        case .partnership: 4
        case .activity: 5
        }
    }

    init?(code: Int) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}

/// One record that matched a search.
public struct SearchHit: Equatable, Sendable {
    public let kind: SearchKind
    public let id: Int64
    public let name: String
    /// A few words that place the record: a town's voivodeship, a contact's organisation, ...
    public let detail: String
}

extension Registry {
    /// Records whose names, texts, places or notes hold every word of `text` (each as the start
    /// of a word, ignoring case and Polish and Norwegian letters), at most `limit`. Records with
    /// every word in their name come first, shortest name first (`tromso` puts Tromsø kommune
    /// before the activities named after it); then the rest by bm25 (a name counts ten times a
    /// note). bm25 alone would not do: it weighs the whole record's length, so a partner with
    /// a long expertise text would rank below an activity that only mentions it.
    public func search(_ text: String, in kind: SearchKind? = nil, limit: Int = 20) throws -> [SearchHit] {
        guard let query = SearchText.prefixQuery(text) else {
            throw RegistryError.invalid([FieldProblem(field: "TEXT", value: text, reason: "give at least one word to search for")])
        }
        return try read { db in
            let arguments: StatementArguments = ["query": query, "inName": "name : (\(query))", "kind": kind?.code, "limit": limit]
            return try Row.fetchAll(db, sql: Self.searchSQL, arguments: arguments).compactMap { row in
                guard let kind = SearchKind(code: row["kind"]) else { return nil }
                return SearchHit(kind: kind, id: row["id"], name: row["name"] ?? "", detail: row["detail"] ?? "")
            }
        }
    }

    /// How many records hold every word of `text` (`search` shows at most its limit of them).
    public func searchTotal(_ text: String, in kind: SearchKind? = nil) throws -> Int {
        guard let query = SearchText.prefixQuery(text) else { return 0 }
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM search_index WHERE search_index MATCH :query AND (:kind IS NULL OR rowid % 8 = :kind)",
                arguments: ["query": query, "kind": kind?.code]) ?? 0
        }
    }

    private static let searchSQL = """
        SELECT hit.rowid % 8 AS kind, hit.rowid / 8 AS id,
            CASE hit.rowid % 8
                WHEN 1 THEN (SELECT name FROM city WHERE id = hit.rowid / 8)
                WHEN 2 THEN (SELECT name FROM partner WHERE id = hit.rowid / 8)
                WHEN 3 THEN (SELECT name FROM contact WHERE id = hit.rowid / 8)
                WHEN 4 THEN (SELECT city.name || ' / ' || partner.name FROM partnership
                    JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
                    WHERE partnership.id = hit.rowid / 8)
                WHEN 5 THEN (SELECT title FROM activity WHERE id = hit.rowid / 8)
            END AS name,
            CASE hit.rowid % 8
                WHEN 1 THEN (SELECT voivodeship || ', ' || status FROM city WHERE id = hit.rowid / 8)
                WHEN 2 THEN (SELECT kind || coalesce(', ' || county, '') FROM partner WHERE id = hit.rowid / 8)
                WHEN 3 THEN (SELECT coalesce(role || ' at ', 'at ')
                    || coalesce((SELECT name FROM city WHERE id = contact.city_id), (SELECT name FROM partner WHERE id = contact.partner_id))
                    FROM contact WHERE id = hit.rowid / 8)
                WHEN 4 THEN (SELECT status FROM partnership WHERE id = hit.rowid / 8)
                WHEN 5 THEN (SELECT activity.kind || coalesce(', ' || activity.start_date, '') || ', ' || city.name || ' / ' || partner.name
                    FROM activity JOIN partnership ON partnership.id = activity.partnership_id
                    JOIN city ON city.id = partnership.city_id JOIN partner ON partner.id = partnership.partner_id
                    WHERE activity.id = hit.rowid / 8)
            END AS detail
        FROM (SELECT rowid, rank, rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH :inName) AS inName,
                length(name) AS nameLength
            FROM search_index WHERE search_index MATCH :query AND (:kind IS NULL OR rowid % 8 = :kind)
            ORDER BY inName DESC, CASE WHEN inName THEN nameLength END, rank LIMIT :limit) AS hit
        ORDER BY hit.inName DESC, CASE WHEN hit.inName THEN hit.nameLength END, hit.rank
        """
}
