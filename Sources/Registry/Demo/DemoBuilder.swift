import GRDB

/// Writes the demo's records inside one transaction. Records are built directly (valid by
/// construction, checked again by the schema's constraints) so a million activities stay fast.
struct DemoBuilder {
    let db: Database
    let topicIDs: [Int64]
    var cityIDs: [String: Int64] = [:]
    var partnerIDs: [String: Int64] = [:]
    /// Partnerships that work together, with their dates and topics, for activities.
    var working: [(id: Int64, partner: String, start: Int, end: Int, topics: [Int64], budgetCents: Int64)] = []
    let note = Registry.illustrative

    mutating func addTowns(_ random: inout SeededGenerator) throws {
        let towns =
            DemoTowns.funded.map { ($0, CityStatus.selected) }
            + DemoTowns.others.enumerated().map { ($1, $0 % 4 == 3 ? CityStatus.withdrawn : ($0 % 3 == 0 ? .applicant : .notSelected)) }
        for (index, (town, status)) in towns.enumerated() {
            let selected = status == .selected
            let topics = Array(topicIDs.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random))).sorted()
            let names = try String.fetchAll(db, sql: "SELECT name_en FROM topic WHERE id IN (\(topics.map(String.init).joined(separator: ",")))")
            var city = City(
                id: nil, name: town.name, nameKey: NameFolding.key(town.name), voivodeship: town.voivodeship,
                population: Int64.random(in: 9_000...180_000, using: &random), status: status,
                partnerBudgetCents: selected ? Int64.random(in: 1_300...1_600, using: &random) * 10_000 : nil,
                projectCode: selected ? "PL-LOCALDEV-" + String(format4: index + 1) : nil,
                projectGrantCents: selected ? Int64.random(in: 3_300...3_500, using: &random) * 1_000 * 100 : nil,
                expectations: "A Norwegian partner with experience in " + names.map { $0.lowercased() }.joined(separator: ", ")
                    + ", for study visits and advice. (Illustrative.)",
                website: nil, teryt: nil, notes: note)
            try city.insert(db)
            try TopicLink.city.replace(owner: city.id!, with: topics, in: db)
            cityIDs[town.name] = city.id!
            if selected {
                try addContact(
                    random.pick(DemoPeople.polishFirst) + " " + random.pick(DemoPeople.polishLast),
                    role: "Project coordinator", languages: "pl,en", city: city.id!)
            }
        }
    }

    mutating func addPartners(total: Int?, _ random: inout SeededGenerator) throws {
        var named: [(String, Country, PartnerKind, String?)] = DemoTowns.knownPartnerships.map { ($0.partner, $0.country, $0.kind, $0.county) }
        named += DemoTowns.otherPartners.map { ($0.name, .norway, $0.kind, $0.county) }
        let count = total ?? named.count
        let counties = DemoTowns.otherPartners.map(\.county)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO partner (name, name_key, country, kind, org_number, county, expertise, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let linkTopic = try db.makeStatement(sql: "INSERT INTO partner_topic (partner_id, topic_id) VALUES (?, ?)")
        let topicNames = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name_en FROM topic").map {
                ($0["id"] as Int64, ($0["name_en"] as String).lowercased())
            })
        for index in 0..<count {
            let (name, country, kind, county) =
                index < named.count
                ? named[index]
                : (
                    "Demo partner \(String(format4: index + 1))", Country.norway,
                    random.pick([PartnerKind.organisation, .company, .research, .municipality]), random.pick(counties)
                )
            let topics = Array(topicIDs.shuffled(using: &random).prefix(Int.random(in: 2...5, using: &random))).sorted()
            let orgNumber = country == .norway ? Self.organisationNumber(index) : nil
            try insert.execute(arguments: [
                name, NameFolding.key(name), country.rawValue, kind.rawValue, orgNumber, county,
                "Experience in " + topics.map { topicNames[$0] ?? "" }.joined(separator: ", ") + ". (Illustrative.)", note,
            ])
            let id = db.lastInsertedRowID
            for topic in topics { try linkTopic.execute(arguments: [id, topic]) }
            if index < named.count {
                partnerIDs[name] = id
                try addContact(
                    random.pick(DemoPeople.norwegianFirst) + " " + random.pick(DemoPeople.norwegianLast),
                    role: "International adviser", languages: "nb,en", partner: id)
            }
        }
    }

    func addContact(_ name: String, role: String, languages: String, city: Int64? = nil, partner: Int64? = nil) throws {
        var contact = Contact(
            id: nil, name: name, cityId: city, partnerId: partner, role: role, email: DemoPeople.email(name),
            phone: nil, languages: languages, notes: note)
        try contact.insert(db)
    }

    /// A valid organisation number, unique to `index`: nine digits with the modulus-11 check
    /// digit, the first eight taken from the block of 11 numbers that belongs to `index`.
    static func organisationNumber(_ index: Int) -> String {
        for offset in 0..<11 {
            let prefix = 80_000_000 + index * 11 + offset
            if let check = OrganisationNumber.checkDigit(String(prefix).map { $0.wholeNumberValue! }) {
                return String(prefix) + String(check)
            }
        }
        preconditionFailure("every 11 consecutive numbers include one with a check digit")
    }

    mutating func addPartnerships(_ random: inout SeededGenerator) throws {
        let start = ISODate.daysSince1970("2022-06-01")
        let end = ISODate.daysSince1970("2024-05-31")
        var pairs = DemoTowns.knownPartnerships.map { ($0.town, $0.partner, $0.signed) }
        let unpaired = DemoTowns.funded.map(\.name).filter { town in !pairs.contains { $0.0 == town } }
        let spare = DemoTowns.otherPartners.map(\.name).filter { partnerIDs[$0] != nil }
        for (index, town) in unpaired.enumerated() where index < spare.count {
            pairs.append((town, spare[index], nil))
        }
        for (index, (town, partner, signed)) in pairs.enumerated() {
            // 17 of the 29 towns signed; the rest were still talking when the programme closed.
            let status: PartnershipStatus = index < 17 ? (index % 5 == 4 ? .active : .completed) : random.pick([.proposed, .contacted, .declined])
            let signing = status == .completed || status == .active
            let cityTopics = try Int64.fetchAll(db, sql: "SELECT topic_id FROM city_topic WHERE city_id = ?", arguments: [cityIDs[town]!])
            var partnership = Partnership(
                id: nil, cityId: cityIDs[town]!, partnerId: partnerIDs[partner]!, status: status,
                // Below every allocation (130,000 EUR or more), so the demo passes `registry check`.
                budgetCents: signing ? Int64.random(in: 100...130, using: &random) * 100_000 : nil,
                signedDate: signing ? (signed ?? ISODate.string(daysSince1970: start - Int.random(in: 30...200, using: &random))) : nil,
                startDate: signing ? ISODate.string(daysSince1970: start) : nil,
                endDate: signing ? ISODate.string(daysSince1970: end) : nil,
                improvedKnowledge: status == .completed ? (random.chance(0.9) ? .yes : .no) : nil,
                continues: status == .completed ? (random.chance(0.7) ? .yes : .notYet) : nil,
                lastingEffects: status == .completed ? (random.chance(0.8) ? .yes : .no) : nil,
                notes: note)
            try partnership.insert(db)
            try TopicLink.partnership.replace(owner: partnership.id!, with: cityTopics, in: db)
            if signing { working.append((partnership.id!, partner, start, end, cityTopics, partnership.budgetCents ?? 0)) }
        }
    }

    func addActivities(_ count: Int, _ random: inout SeededGenerator, progress: ProgressReporter? = nil) throws {
        guard !working.isEmpty else { return }
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO activity (partnership_id, kind, title, direction, start_date, end_date, location,
                    participants, planned_cost_cents, status, topic_id, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let money = try DemoMoney.write(in: db)
        let spend = try db.makeStatement(
            sql: """
                INSERT INTO expense (activity_id, category, spent_date, note, amount_cents, paid_minor, currency, rate_micros, rate_month,
                    rate_source, paid_by, document, period, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var spent = 0
        let today = ISODate.daysSince1970("2024-03-01")
        let report = { (done: Int) in progress?(WorkProgress(step: "generating activities", done: Int64(done), total: Int64(count), unit: .rows)) }
        let activitiesPerPartnership = max(1, (count + working.count - 1) / working.count)
        for index in 0..<count {
            if index % 1000 == 0 { report(index) }
            let partnership = working[index % working.count]
            let kind = random.pick(ActivityKind.allCases)
            let direction: Direction? = kind.travels ? random.pick(Direction.allCases) : nil
            let first = Int.random(in: partnership.start...(partnership.end - 5), using: &random)
            let length =
                kind == .jointDevelopment || kind == .advisory
                ? Int.random(in: 10...90, using: &random) : Int.random(in: 0...4, using: &random)
            let last = min(first + length, partnership.end)
            let status: ActivityStatus = first < today ? (random.chance(0.95) ? .completed : .cancelled) : .planned
            // A partnership's activities plan about 85 % of its budget between them, so its
            // spending (a share of each plan) stays within the budget.
            let share = partnership.budgetCents * 85 / 100 / Int64(activitiesPerPartnership)
            let planned = max(100, share * Int64.random(in: 50...150, using: &random) / 100 / 100 * 100)
            let place = direction == .toPoland || kind == .workshop ? "Poland" : random.pick(DemoTowns.locationsInNorway)
            try insert.execute(arguments: [
                partnership.id, kind.rawValue, Self.title(kind, direction, partnership.partner, index), direction?.rawValue,
                ISODate.string(daysSince1970: first), ISODate.string(daysSince1970: last), place,
                Int.random(in: 3...40, using: &random), planned, status.rawValue,
                partnership.topics.isEmpty ? nil : random.pick(partnership.topics), Registry.illustrative,
            ])
            guard status == .completed else { continue }
            let activityID = db.lastInsertedRowID
            let expenses = Int64.random(in: 1...2, using: &random)
            // A few deliberate problems for `registry check` to find: about one activity in 60
            // spends more than its plan (spent_above_plan).
            let overspent = index % 60 == 7
            for _ in 0..<expenses {
                // Each a share of the plan, so spending stays within it.
                let euros = planned / expenses * Int64.random(in: overspent ? 105...120 : 60...100, using: &random) / 100
                let category = random.pick(ExpenseCategory.allCases).rawValue
                spent += 1
                let (values, day) = money.expense(spent, euroCents: euros, day: last, partnershipEnd: partnership.end)
                try spend.execute(arguments: StatementArguments([activityID, category, ISODate.string(daysSince1970: day), "Illustrative"] + values))
            }
        }
        try DemoMoney.addBudgetLines(in: db)
        report(count)
    }

    static func title(_ kind: ActivityKind, _ direction: Direction?, _ partner: String, _ index: Int) -> String {
        switch kind {
        case .studyVisit: direction == .toNorway ? "Study visit to \(partner)" : "Study visit from \(partner)"
        case .internship: direction == .toNorway ? "Internship at \(partner)" : "Internship hosted for \(partner)"
        case .workshop: "Workshop \(index + 1) with \(partner)"
        case .conference: "Conference \(index + 1)"
        case .advisory: "Advice from \(partner)"
        case .knowledgeExchange: "Knowledge exchange with \(partner)"
        case .jointDevelopment: "Joint development \(index + 1) with \(partner)"
        }
    }
}

extension String {
    /// A number with at least four digits: 25 → `0025`.
    init(format4 number: Int) {
        let digits = String(number)
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
