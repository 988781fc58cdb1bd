import GRDB

/// The link tables between records and the topics they ask for or offer.
enum TopicLink: String {
    case city = "city_topic"
    case partner = "partner_topic"
    case partnership = "partnership_topic"

    /// The column naming the record in the link table.
    var ownerColumn: String {
        switch self {
        case .city: "city_id"
        case .partner: "partner_id"
        case .partnership: "partnership_id"
        }
    }

    /// Makes the record's topics `topicIDs`, touching only the links that change, so the audit
    /// trail records what really changed. Returns how many links were added and removed.
    @discardableResult
    func replace(owner id: Int64, with topicIDs: [Int64], in db: Database) throws -> (added: Int, removed: Int) {
        let current = Set(try Int64.fetchAll(db, sql: "SELECT topic_id FROM \(rawValue) WHERE \(ownerColumn) = ?", arguments: [id]))
        let removed = current.subtracting(topicIDs).sorted()
        for topicID in removed {
            try db.execute(sql: "DELETE FROM \(rawValue) WHERE \(ownerColumn) = ? AND topic_id = ?", arguments: [id, topicID])
        }
        var added = 0
        for topicID in topicIDs where !current.contains(topicID) {
            try db.execute(sql: "INSERT INTO \(rawValue) (\(ownerColumn), topic_id) VALUES (?, ?)", arguments: [id, topicID])
            added += 1
        }
        return (added, removed.count)
    }

    /// The record's topic codes in the programme's order.
    func codes(owner id: Int64, in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT topic.code FROM \(rawValue) JOIN topic ON topic.id = \(rawValue).topic_id
                WHERE \(rawValue).\(ownerColumn) = ? ORDER BY topic.id
                """,
            arguments: [id])
    }

    /// An SQL expression giving the comma-separated topic codes of the record whose id is
    /// `ownerExpression`, for lists that fetch many records in one query.
    func codesExpression(owner ownerExpression: String) -> String {
        """
        (SELECT group_concat(code, ',') FROM (SELECT topic.code FROM \(rawValue) \
        JOIN topic ON topic.id = \(rawValue).topic_id \
        WHERE \(rawValue).\(ownerColumn) = \(ownerExpression) ORDER BY topic.id))
        """
    }
}

extension Array where Element == String {
    /// Splits a comma-separated list of codes as stored by `group_concat`.
    init(commaSeparated text: String?) {
        self = text.map { $0.split(separator: ",").map(String.init) } ?? []
    }

    /// A list a person typed as `a,b,c` (an option, an import cell): each item trimmed, empty
    /// items (`a, ,b`) dropped; an empty text is the empty list.
    public init(typedList text: String) {
        self = text.split(separator: ",").map { $0.trimmed() }.filter { !$0.isEmpty }
    }
}
