import GRDB

extension Registry {
    /// Adds a city; `name` and `voivodeship` are required.
    public func addCity(_ input: CityInput) throws -> City {
        try add(input, as: City.self)
    }

    /// Changes the fields given in `input` of the city `reference` names.
    public func editCity(_ reference: RecordReference, _ input: CityInput) throws -> City {
        try edit(input, as: City.self) { try RecordKind.city.resolve(reference, in: $0) }
    }

    /// Cities matching `filter`, by name, with their topics.
    public func cities(_ filter: CityFilter = CityFilter()) throws -> [CityListing] {
        try read { db in
            var conditions = QueryConditions()
            if let status = filter.status { conditions.add("status = ?", status) }
            if let voivodeship = filter.voivodeship {
                var checker = InputChecker()
                let names = try ReferenceData(db).voivodeships
                let name = checker.reference("voivodeship", voivodeship, in: names, describedAs: "voivodeships")
                try checker.throwIfInvalid()
                conditions.add("voivodeship = ?", name)
            }
            if let topic = filter.topic {
                conditions.add("id IN (SELECT city_id FROM city_topic WHERE topic_id = ?)", try Self.topicID(topic, in: db))
            }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT *, \(TopicLink.city.codesExpression(owner: "city.id")) AS topic_codes
                    FROM city \(conditions.sql) ORDER BY name_key
                    """,
                arguments: conditions.arguments)
            return try Array(rows.map { try CityListing(city: City(row: $0), topicCodes: [String](commaSeparated: $0["topic_codes"])) })
        }
    }

    /// The city `reference` names, with its topics.
    public func city(_ reference: RecordReference) throws -> CityListing {
        try read { db in
            let id = try RecordKind.city.resolve(reference, in: db)
            return CityListing(city: try City.fetchOne(db, key: id)!, topicCodes: try TopicLink.city.codes(owner: id, in: db))
        }
    }

    /// The city `reference` names with its topics, budget figures, contacts and partnerships.
    public func cityDetails(_ reference: RecordReference) throws -> CityDetails {
        try read { db in
            let id = try RecordKind.city.resolve(reference, in: db)
            var contacts = QueryConditions()
            contacts.add("contact.city_id = ?", id)
            var partnerships = QueryConditions()
            partnerships.add("partnership.city_id = ?", id)
            return CityDetails(
                listing: CityListing(city: try City.fetchOne(db, key: id)!, topicCodes: try TopicLink.city.codes(owner: id, in: db)),
                budget: try Listing.cityBudget(id, in: db), contacts: try Listing.contacts(contacts, in: db),
                partnerships: try Listing.partnerships(partnerships, in: db))
        }
    }

    /// The id of a topic code typed by a person, or an error listing the codes.
    static func topicID(_ code: String, in db: Database) throws -> Int64 {
        var checker = InputChecker()
        let id = try ReferenceData(db).topic("topic", code, checker: &checker)
        try checker.throwIfInvalid()
        return id!
    }
}

extension City: InputRecord {
    static let blank = City(
        id: nil, name: "", nameKey: "", voivodeship: "", population: nil, status: .initial, partnerBudgetCents: nil,
        projectCode: nil, projectGrantCents: nil, expectations: nil, website: nil, teryt: nil, notes: nil)

    static let topicLink: TopicLink? = .city

    static func missingFields(in input: CityInput) -> [FieldProblem] {
        [required("name", input.name), required("voivodeship", input.voivodeship)].compactMap { $0 }
    }

    static func topicCodes(in input: CityInput) -> [String]? { input.topics }

    static func applying(_ input: CityInput, to base: City, in context: InputContext, checker: inout InputChecker) throws -> City {
        var city = base
        if let raw = input.name {
            city.name = checker.name("name", raw)
            city.nameKey = NameFolding.key(city.name)
        }
        if let raw = input.voivodeship {
            if checker.text(raw) == nil { checker.report("voivodeship", raw, "is required") }
            city.voivodeship =
                checker.reference("voivodeship", raw, in: context.reference.voivodeships, describedAs: "voivodeships") ?? ""
        }
        if let raw = input.population { city.population = checker.integer("population", raw, in: 1...100_000_000) }
        if let raw = input.status { city.status = checker.choice("status", raw, as: CityStatus.self) ?? city.status }
        if let raw = input.partnerBudget { city.partnerBudgetCents = checker.money("partner-budget", raw) }
        if let raw = input.projectCode {
            city.projectCode = checker.pattern(
                "project-code", raw, accepted: "is not a programme project code of the form PL-LOCALDEV-0025"
            ) { code in code.count == 16 && code.uppercased().hasPrefix("PL-LOCALDEV-") && code.suffix(4).allSatisfy({ $0.isASCIIDigit }) }?
            .uppercased()
        }
        if let raw = input.projectGrant { city.projectGrantCents = checker.money("project-grant", raw) }
        if let raw = input.expectations { city.expectations = checker.freeText("expectations", raw) }
        if let raw = input.website { city.website = checker.url("website", raw) }
        if let raw = input.teryt {
            city.teryt = checker.pattern(
                "teryt", Teryt.restored(raw.trimmed(), voivodeship: city.voivodeship),
                accepted: "is not a TERYT municipality code of 7 digits, e.g. 1061011"
            ) {
                $0.count == 7 && $0.allSatisfy({ $0.isASCIIDigit })
            }
        }
        // Checked whenever either changes: a town moved to another voivodeship keeps a code that must agree.
        if input.teryt != nil || input.voivodeship != nil, let code = city.teryt, let problem = Teryt.mismatch(code, voivodeship: city.voivodeship) {
            checker.report("teryt", code, problem)
        }
        if let raw = input.notes { city.notes = checker.freeText("notes", raw) }
        return city
    }

    /// Refuses a second city with the same folded name or project code.
    func checkUnique(in db: Database) throws {
        if let other = try City.fetchFirst(where: "name_key = ? AND id != ?", [nameKey, id ?? 0], in: db) {
            throw RegistryError.duplicate(
                "A city named '\(other.name)' already exists (id \(other.id!)); names are compared ignoring case and Polish letters.")
        }
        if let projectCode, let other = try City.fetchFirst(where: "project_code = ? AND id != ?", [projectCode, id ?? 0], in: db) {
            throw RegistryError.duplicate("Project code \(projectCode) already belongs to \(other.name) (id \(other.id!)).")
        }
    }
}
