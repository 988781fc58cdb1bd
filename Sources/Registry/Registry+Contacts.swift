import GRDB

extension Registry {
    /// Adds a contact at exactly one city or partner.
    public func addContact(_ input: ContactInput) throws -> Contact {
        try add(input, as: Contact.self)
    }

    /// Changes the fields given in `input` of contact `reference` (its id); giving a city moves
    /// the contact there (and off its partner), and the other way round.
    public func editContact(_ reference: RecordReference, _ input: ContactInput) throws -> Contact {
        try edit(input, as: Contact.self) { try RecordKind.contact.resolve(reference, in: $0) }
    }

    /// The contact with numeric id `reference`.
    public func contact(_ reference: RecordReference) throws -> Contact {
        try read { db in try Contact.fetchOne(db, key: try RecordKind.contact.resolve(reference, in: db))! }
    }

    /// The contact `reference` names (its id), with the name of its city or partner.
    public func contactDetails(_ reference: RecordReference) throws -> ContactListing {
        try read { db in
            var conditions = QueryConditions()
            conditions.add("contact.id = ?", try RecordKind.contact.resolve(reference, in: db))
            return try Listing.contacts(conditions, in: db)[0]
        }
    }

    /// Contacts, optionally only those of one city or partner, by name.
    public func contacts(_ filter: ContactFilter = ContactFilter()) throws -> [ContactListing] {
        try read { db in
            var conditions = QueryConditions()
            if let city = filter.city { conditions.add("contact.city_id = ?", try RecordKind.city.resolve(city, in: db)) }
            if let partner = filter.partner { conditions.add("contact.partner_id = ?", try RecordKind.partner.resolve(partner, in: db)) }
            return try Listing.contacts(conditions, in: db)
        }
    }
}

extension Contact: InputRecord {
    static let blank = Contact(
        id: nil, name: "", cityId: nil, partnerId: nil, role: nil, email: nil, phone: nil, languages: nil, notes: nil)

    static func missingFields(in input: ContactInput) -> [FieldProblem] {
        // Given both, the problem is the value given, reported where it is checked.
        let owner =
            input.city == nil && input.partner == nil
            ? input.ownerProblem(adding: true).map { FieldProblem(field: "city", value: "", reason: $0) } : nil
        return [required("name", input.name), owner].compactMap { $0 }
    }

    static func applying(_ input: ContactInput, to base: Contact, in context: InputContext, checker: inout InputChecker) throws -> Contact {
        let db = context.db
        var contact = base
        if let problem = input.ownerProblem(adding: false), let partner = input.partner {
            checker.report("partner", partner.description, problem)
        }
        if let raw = input.name { contact.name = checker.name("name", raw) }
        if let city = input.city {
            contact.cityId = try RecordKind.city.resolve(city, in: db)
            contact.partnerId = nil
        }
        if let partner = input.partner, input.city == nil {
            contact.partnerId = try RecordKind.partner.resolve(partner, in: db)
            contact.cityId = nil
        }
        if let raw = input.role { contact.role = checker.freeText("role", raw) }
        if let raw = input.email { contact.email = checker.email("email", raw) }
        if let raw = input.phone {
            contact.phone = checker.pattern("phone", raw, accepted: "is not a phone number (digits, spaces, +, -, parentheses), e.g. +47 22 00 00 00")
            {
                $0.count <= 30 && $0.contains(where: { $0.isASCIIDigit }) && $0.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
            }
        }
        if let raw = input.languages {
            let codes = raw.lowercased().split(separator: ",").map { $0.trimmed() }.filter { !$0.isEmpty }
            if let bad = codes.first(where: { !(2...3).contains($0.count) || !$0.allSatisfy { $0.isASCII && $0.isLetter } }) {
                checker.report("languages", raw, "'\(bad)' is not a language code; give ISO 639 codes separated by commas, e.g. nb,pl,en")
            }
            contact.languages = codes.isEmpty ? nil : codes.joined(separator: ",")
        }
        if let raw = input.notes { contact.notes = checker.freeText("notes", raw) }
        if let twin = try Self.namesake(of: contact, in: db) {
            checker.report(
                "name", contact.name,
                "is already a contact at the same town or partner (id \(twin)); a contact is known by its name there, ignoring case and "
                    + "letters: edit that one, or tell the two people apart in the name")
        }
        return contact
    }

    /// Contacts of `contact`'s name (folded, as names are compared) at its town or partner.
    static func namesakes(of contact: Contact, in db: Database) throws -> [Int64] {
        guard !contact.name.isEmpty, contact.cityId != nil || contact.partnerId != nil else { return [] }
        let key = NameFolding.key(contact.name)
        return try Row.fetchAll(
            db, sql: "SELECT id, name FROM contact WHERE city_id IS ? AND partner_id IS ? ORDER BY id",
            arguments: [contact.cityId, contact.partnerId]
        ).compactMap { row in NameFolding.key(row["name"]) == key ? row["id"] as Int64 : nil }
    }

    /// Another contact that `contact` would share its name and place with.
    private static func namesake(of contact: Contact, in db: Database) throws -> Int64? {
        try namesakes(of: contact, in: db).first { $0 != contact.id }
    }
}

extension ContactInput {
    /// Why the contact's owner is wrong, if it is: a contact belongs to a city or a partner,
    /// one of them, given when it is added (an edit may leave it as it is).
    public func ownerProblem(adding: Bool) -> String? {
        if city != nil && partner != nil { return "a contact belongs to a city or a partner, not both: give --city or --partner" }
        if adding && city == nil && partner == nil { return "a contact belongs to a city or a partner: give --city or --partner" }
        return nil
    }
}
