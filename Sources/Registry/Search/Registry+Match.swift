import GRDB

/// A Norwegian partner ranked for a town by `match`, with the parts of its score.
public struct MatchCandidate: Equatable, Sendable {
    public let partnerId: Int64
    public let name: String
    public let county: String?
    /// The town's wanted topics the partner offers (3 points each).
    public var topics: [String] = []
    /// The partner's other topics in a theme the town wants (1 point each).
    public var relatedTopics: [String] = []
    /// Words of the town's expectations found in the partner's expertise (1 point each).
    public var words: [String] = []
    /// The partner's active partnerships (minus 2 points each).
    public var activePartnerships = 0
    /// The status of the partner's partnership with this town, when it has one (`--all`).
    public var partnership: String?

    public var score: Int { 3 * topics.count + relatedTopics.count + words.count - 2 * activePartnerships }
}

extension Registry {
    /// Partners ranked for `city` by topics and words in common, less their current load (the
    /// README's "Finding partners" gives the rule). Partners already partnered with the town are
    /// left out unless `includePartnered`. Only partners with something in common are listed.
    public func match(city reference: String, limit: Int = 10, includePartnered: Bool = false) throws -> [MatchCandidate] {
        try read { db in
            let cityID = try RecordKind.city.resolve(reference, in: db)
            var found: [Int64: MatchCandidate] = [:]
            func candidate(_ id: Int64) -> MatchCandidate { found[id] ?? MatchCandidate(partnerId: id, name: "", county: nil) }

            let topicRows = try Row.fetchCursor(db, sql: Self.topicOverlapSQL, arguments: [cityID])
            while let row = try topicRows.next() {
                var partner = candidate(row["partner_id"])
                if row["wanted"] as Bool { partner.topics.append(row["code"]) } else { partner.relatedTopics.append(row["code"]) }
                found[partner.partnerId] = partner
            }
            for (word, partners) in try wordsInExpertise(of: cityID, db) {
                for id in partners {
                    var partner = candidate(id)
                    partner.words.append(word)
                    found[id] = partner
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT partner_id, count(*) AS n FROM partnership WHERE status = 'active' GROUP BY partner_id")
            where found[row["partner_id"]] != nil {
                found[row["partner_id"]]!.activePartnerships = row["n"]
            }
            for row in try Row.fetchAll(db, sql: "SELECT partner_id, status FROM partnership WHERE city_id = ?", arguments: [cityID]) {
                let id: Int64 = row["partner_id"]
                if includePartnered { found[id]?.partnership = row["status"] } else { found[id] = nil }
            }
            let ranked = found.values.sorted {
                ($0.score, $0.topics.count, -$0.partnerId) > ($1.score, $1.topics.count, -$1.partnerId)
            }.prefix(limit)
            return try ranked.map { partner in
                let row = try Row.fetchOne(db, sql: "SELECT name, county FROM partner WHERE id = ?", arguments: [partner.partnerId])
                var named = MatchCandidate(partnerId: partner.partnerId, name: row?["name"] ?? "", county: row?["county"])
                named.topics = partner.topics.sorted()
                named.relatedTopics = partner.relatedTopics.sorted()
                named.words = partner.words.sorted()
                named.activePartnerships = partner.activePartnerships
                named.partnership = partner.partnership
                return named
            }
        }
    }

    /// Every partner topic in a theme the town wants, with whether the town wants that topic.
    private static let topicOverlapSQL = """
        SELECT partner_topic.partner_id, topic.code, wanted.topic_id IS NOT NULL AS wanted
        FROM partner_topic JOIN topic ON topic.id = partner_topic.topic_id
        LEFT JOIN city_topic AS wanted ON wanted.city_id = ?1 AND wanted.topic_id = partner_topic.topic_id
        WHERE topic.theme_id IN (SELECT topic.theme_id FROM city_topic JOIN topic ON topic.id = city_topic.topic_id WHERE city_topic.city_id = ?1)
        """

    /// The words of the town's expectations, each with the partners whose expertise holds it,
    /// through the search index. Words in more than a quarter of all partners' expertise say
    /// little about any one of them and are left out, as are short and common words.
    private func wordsInExpertise(of cityID: Int64, _ db: Database) throws -> [(String, [Int64])] {
        let expectations = try String.fetchOne(db, sql: "SELECT expectations FROM city WHERE id = ?", arguments: [cityID]) ?? ""
        let words = Set(SearchText.words(expectations).map { $0.lowercased() }.filter { $0.count >= 4 && !MatchWords.common.contains($0) })
        let partners = try Int.fetchOne(db, sql: "SELECT count(*) FROM partner") ?? 0
        let telling = max(1, partners / 4)
        return try words.sorted().compactMap { word in
            let ids = try Int64.fetchAll(
                db, sql: "SELECT rowid / 8 FROM search_index WHERE search_index MATCH ? AND rowid % 8 = 2 LIMIT ?",
                arguments: ["text : \"\(word)\"", telling + 1])
            return ids.isEmpty || ids.count > telling ? nil : (word, ids)
        }
    }
}

/// Words too common in any of the register's languages to say what a town or partner is about.
enum MatchWords {
    static let common: Set<String> = [
        // English
        "about", "also", "and", "from", "have", "into", "more", "other", "that", "their", "them", "then", "there", "these", "this",
        "those", "which", "will", "with", "would", "your",
        // Polish
        "albo", "lub", "oraz", "przez", "przy", "także", "taki", "takie", "jest", "jako", "który", "która", "które", "których", "dla",
        "się", "nasz", "nasze", "naszej",
        // Norwegian
        "ikke", "eller", "også", "etter", "med", "som", "til", "fra", "våre", "vår", "deres", "denne", "dette", "disse", "kommune",
    ]
}
