import GRDB

extension Registry {
    /// Adds a partnership between a city and a partner; one per city and partner.
    public func addPartnership(_ input: PartnershipInput) throws -> Partnership {
        try add(input, as: Partnership.self)
    }

    /// Changes the fields given in `input` of the partnership `reference` names (id or `CITY/PARTNER`).
    public func editPartnership(_ reference: RecordReference, _ input: PartnershipInput) throws -> Partnership {
        try edit(input, as: Partnership.self) { try RecordKind.partnership.resolve(reference, in: $0) }
    }

    /// The partnership `reference` names (id or `CITY/PARTNER`).
    public func partnership(_ reference: RecordReference) throws -> Partnership {
        try read { db in try Partnership.fetchOne(db, key: try RecordKind.partnership.resolve(reference, in: db))! }
    }

    /// Partnerships matching `filter`, by city and partner name, with their budget figures.
    public func partnerships(_ filter: PartnershipFilter = PartnershipFilter()) throws -> [PartnershipListing] {
        try read { db in
            var conditions = QueryConditions()
            if let city = filter.city { conditions.add("partnership.city_id = ?", try RecordKind.city.resolve(city, in: db)) }
            if let partner = filter.partner { conditions.add("partnership.partner_id = ?", try RecordKind.partner.resolve(partner, in: db)) }
            if let status = filter.status { conditions.add("partnership.status = ?", status) }
            if let topic = filter.topic {
                conditions.add(
                    "partnership.id IN (SELECT partnership_id FROM partnership_topic WHERE topic_id = ?)", try Self.topicID(topic, in: db))
            }
            return try Listing.partnerships(conditions, in: db)
        }
    }

    /// The partnership `reference` names, with its activities and budget figures.
    public func partnershipDetails(_ reference: RecordReference) throws -> PartnershipDetails {
        try read { db in
            let id = try RecordKind.partnership.resolve(reference, in: db)
            var conditions = QueryConditions()
            conditions.add("partnership.id = ?", id)
            var activities = QueryConditions()
            activities.add("activity.partnership_id = ?", id)
            return PartnershipDetails(
                listing: try Listing.partnerships(conditions, in: db)[0], activities: try Listing.activities(activities, in: db))
        }
    }
}

extension Partnership: InputRecord {
    static let blank = Partnership(
        id: nil, cityId: 0, partnerId: 0, status: .initial, budgetCents: nil, signedDate: nil, startDate: nil, endDate: nil,
        improvedKnowledge: nil, continues: nil, lastingEffects: nil, notes: nil)

    static let topicLink: TopicLink? = .partnership

    static func missingFields(in input: PartnershipInput) -> [FieldProblem] {
        [required("city", input.city), required("partner", input.partner)].compactMap { $0 }
    }

    static func topicCodes(in input: PartnershipInput) -> [String]? { input.topics }

    static func ownedRows(in input: PartnershipInput, checker: inout InputChecker) -> ((Int64, Database) throws -> Bool)? {
        guard let entries = input.budgetLines else { return nil }
        let lines = entries.compactMap { BudgetLine.parse($0, field: "budget-lines", checker: &checker) }
        return { id, db in try BudgetLine.replace(lines, of: id, in: db) }
    }

    static func applying(
        _ input: PartnershipInput, to base: Partnership, in context: InputContext, checker: inout InputChecker
    ) throws -> Partnership {
        let db = context.db
        var partnership = base
        if let city = input.city { partnership.cityId = try RecordKind.city.resolve(city, in: db) }
        if let partner = input.partner { partnership.partnerId = try RecordKind.partner.resolve(partner, in: db) }
        if let raw = input.status { partnership.status = checker.choice("status", raw, as: PartnershipStatus.self) ?? partnership.status }
        if let raw = input.budget { partnership.budgetCents = checker.money("budget", raw) }
        if let raw = input.signed { partnership.signedDate = checker.date("signed", raw) }
        if let raw = input.start { partnership.startDate = checker.date("start", raw) }
        if let raw = input.end { partnership.endDate = checker.date("end", raw) }
        checker.dateOrder(start: partnership.startDate, end: partnership.endDate)
        if let raw = input.improvedKnowledge { partnership.improvedKnowledge = checker.answer("improved-knowledge", raw) }
        if let raw = input.continues { partnership.continues = checker.answer("continues", raw) }
        if let raw = input.lastingEffects { partnership.lastingEffects = checker.answer("lasting-effects", raw) }
        if let raw = input.notes { partnership.notes = checker.freeText("notes", raw) }
        return partnership
    }

    /// Refuses a second partnership of the same city and partner.
    func checkUnique(in db: Database) throws {
        if let other = try Partnership.fetchFirst(where: "city_id = ? AND partner_id = ? AND id != ?", [cityId, partnerId, id ?? 0], in: db) {
            let city = try String.fetchOne(db, sql: "SELECT name FROM city WHERE id = ?", arguments: [cityId]) ?? "the city"
            let partner = try String.fetchOne(db, sql: "SELECT name FROM partner WHERE id = ?", arguments: [partnerId]) ?? "the partner"
            throw RegistryError.duplicate("\(city) and \(partner) already have a partnership (id \(other.id!)); edit it instead.")
        }
    }
}

extension InputChecker {
    /// An optional answer: yes, no or not_yet (also typed as "not yet").
    mutating func answer(_ field: String, _ raw: String) -> Answer? {
        guard let text = text(raw) else { return nil }
        return choice(field, text.replacingOccurrences(of: " ", with: "_"), as: Answer.self)
    }
}
