import GRDB

/// The reference sets that input is checked against, read from the database once per
/// transaction so the schema's tables stay the one definition of them.
struct ReferenceData {
    let voivodeships: [String]
    let counties: [String]
    /// Topic ids by code.
    let topicIDs: [String: Int64]
    /// Topic codes in the programme's order.
    let topicCodes: [String]

    /// How each reference set is read, in the order people see it; validation, reports and
    /// shell completion all read them so.
    enum Query {
        static let voivodeships = "SELECT name FROM voivodeship ORDER BY name"
        static let counties = "SELECT name FROM county ORDER BY name"
        static let themeCodes = "SELECT code FROM theme ORDER BY id"
        static let topicCodes = "SELECT code FROM topic ORDER BY id"
    }

    init(_ db: Database) throws {
        voivodeships = try String.fetchAll(db, sql: Query.voivodeships)
        counties = try String.fetchAll(db, sql: Query.counties)
        let topics = try Row.fetchAll(db, sql: "SELECT id, code FROM topic ORDER BY id")
        topicCodes = topics.map { $0["code"] }
        topicIDs = Dictionary(uniqueKeysWithValues: topics.map { ($0["code"], $0["id"]) })
    }

    /// Topic ids for codes typed by a person (any case, spaces ignored), reporting unknown codes.
    func topics(_ field: String, _ codes: [String], checker: inout InputChecker) -> [Int64] {
        var ids: [Int64] = []
        for raw in codes {
            let code = raw.trimmed().lowercased()
            if code.isEmpty { continue }
            if let id = topicIDs[code] {
                if !ids.contains(id) { ids.append(id) }
            } else {
                checker.report(field, raw, "is not a topic code; `registry theme list` shows them: \(topicCodes.joined(separator: ", "))")
            }
        }
        return ids
    }

    /// A single optional topic code.
    func topic(_ field: String, _ raw: String, checker: inout InputChecker) -> Int64? {
        topics(field, [raw], checker: &checker).first
    }
}
