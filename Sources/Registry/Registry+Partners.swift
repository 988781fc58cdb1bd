import GRDB

extension Registry {
    /// Adds a partner; `name` and `kind` are required, `country` defaults to `NO`.
    public func addPartner(_ input: PartnerInput) throws -> Partner {
        try add(input, as: Partner.self)
    }

    /// Changes the fields given in `input` of the partner `reference` names.
    public func editPartner(_ reference: RecordReference, _ input: PartnerInput) throws -> Partner {
        try edit(input, as: Partner.self) { try RecordKind.partner.resolve(reference, in: $0) }
    }

    /// Partners matching `filter`, by name, with their topics.
    public func partners(_ filter: PartnerFilter = PartnerFilter()) throws -> [PartnerListing] {
        try read { db in
            var conditions = QueryConditions()
            if let kind = filter.kind { conditions.add("kind = ?", kind) }
            if let country = filter.country { conditions.add("country = ?", country) }
            if let county = filter.county {
                var checker = InputChecker()
                let name = checker.reference("county", county, in: try ReferenceData(db).counties, describedAs: "counties")
                try checker.throwIfInvalid()
                conditions.add("county = ?", name)
            }
            if let topic = filter.topic {
                conditions.add("id IN (SELECT partner_id FROM partner_topic WHERE topic_id = ?)", try Self.topicID(topic, in: db))
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT *, \(TopicLink.partner.codesExpression(owner: "partner.id")) AS topic_codes
                    FROM partner \(conditions.sql) ORDER BY name_key
                    """,
                arguments: conditions.arguments)
            return try Array(
                rows.map { try PartnerListing(partner: Partner(row: $0), topicCodes: [String](commaSeparated: $0["topic_codes"])) })
        }
    }

    /// The partner `reference` names, with its topics.
    public func partner(_ reference: RecordReference) throws -> PartnerListing {
        try read { db in
            let id = try RecordKind.partner.resolve(reference, in: db)
            return PartnerListing(partner: try Partner.fetchOne(db, key: id)!, topicCodes: try TopicLink.partner.codes(owner: id, in: db))
        }
    }
}

extension Registry {
    /// The partner `reference` names with its topics, budget figures, contacts and partnerships.
    public func partnerDetails(_ reference: RecordReference) throws -> PartnerDetails {
        try read { db in
            let id = try RecordKind.partner.resolve(reference, in: db)
            var contacts = QueryConditions()
            contacts.add("contact.partner_id = ?", id)
            var partnerships = QueryConditions()
            partnerships.add("partnership.partner_id = ?", id)
            return PartnerDetails(
                listing: PartnerListing(partner: try Partner.fetchOne(db, key: id)!, topicCodes: try TopicLink.partner.codes(owner: id, in: db)),
                budget: try Listing.partnerBudget(id, in: db), contacts: try Listing.contacts(contacts, in: db),
                partnerships: try Listing.partnerships(partnerships, in: db))
        }
    }
}

extension Partner: InputRecord {
    static let blank = Partner(
        id: nil, name: "", nameKey: "", country: .initial, kind: .other, orgNumber: nil, county: nil, expertise: nil,
        website: nil, notes: nil)

    static let topicLink: TopicLink? = .partner

    static func missingFields(in input: PartnerInput) -> [FieldProblem] {
        return [
            required("name", input.name),
            required("kind", input.kind, accepted: "; one of: " + PartnerKind.allCases.map(\.rawValue).joined(separator: ", ")),
        ].compactMap { $0 }
    }

    static func topicCodes(in input: PartnerInput) -> [String]? { input.topics }

    static func applying(_ input: PartnerInput, to base: Partner, in context: InputContext, checker: inout InputChecker) throws -> Partner {
        let reference = context.reference
        var partner = base
        if let raw = input.name {
            partner.name = checker.name("name", raw)
            partner.nameKey = NameFolding.key(partner.name)
        }
        if let raw = input.kind { partner.kind = checker.choice("kind", raw, as: PartnerKind.self) ?? partner.kind }
        if let raw = input.country {
            partner.country = checker.choice("country", raw, as: Country.self) ?? partner.country
        }
        if let raw = input.county {
            partner.county = checker.reference("county", raw, in: reference.counties, describedAs: "Norwegian counties (fylker) of 2024")
        }
        if let raw = input.orgNumber { partner.orgNumber = checker.freeText("org-number", raw) }
        if let number = partner.orgNumber, input.orgNumber != nil || input.country != nil {
            partner.orgNumber = checker.organisationNumber("org-number", number, country: partner.country)
        }
        if partner.country != .norway, let county = partner.county {
            checker.report("county", county, "applies to Norwegian partners only; this partner's country is \(partner.country.rawValue)")
        }
        if let raw = input.expertise { partner.expertise = checker.freeText("expertise", raw) }
        if let raw = input.website { partner.website = checker.url("website", raw) }
        if let raw = input.notes { partner.notes = checker.freeText("notes", raw) }
        return partner
    }

    /// Refuses a second partner with the same folded name or organisation number.
    func checkUnique(in db: Database) throws {
        if let other = try Partner.fetchFirst(where: "name_key = ? AND id != ?", [nameKey, id ?? 0], in: db) {
            throw RegistryError.duplicate(
                "A partner named '\(other.name)' already exists (id \(other.id!)); names are compared ignoring case and Norwegian letters.")
        }
        if let orgNumber, let other = try Partner.fetchFirst(where: "org_number = ? AND id != ?", [orgNumber, id ?? 0], in: db) {
            throw RegistryError.duplicate("Organisation number \(orgNumber) already belongs to \(other.name) (id \(other.id!)).")
        }
    }
}

extension InputChecker {
    /// An organisation number: Norwegian ones are checked digit by digit; for Iceland and
    /// Liechtenstein, letters, digits and dashes up to 20 characters.
    mutating func organisationNumber(_ field: String, _ raw: String, country: Country) -> String? {
        if country == .norway {
            do {
                return try OrganisationNumber.validated(raw, field: field)
            } catch {
                report(error)
                return nil
            }
        }
        return pattern(field, raw, accepted: "is not an organisation number of up to 20 letters, digits and dashes") {
            $0.count <= 20 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
