import GRDB

/// A record `registry import` reads: how a row becomes the same input `add` and `edit` take
/// (so rows are checked by the same rules, with the same messages), and which record already
/// in the register the row names by its natural key.
protocol ImportableRecord: InputRecord {
    /// The row as input, with its references to other records resolved (by exact name).
    static func input(_ row: ImportRow, in context: ImportContext) throws -> Input

    /// The record the row names by its natural key, if the register has it.
    static func existing(_ input: Input, in context: ImportContext) throws -> Int64?

    /// The column holding the natural key, for messages; `id` for records without one
    /// (activities, expenses), which only their id names.
    static var keyColumn: String { get }
}

extension ImportableRecord {
    static func existing(_ input: Input, in context: ImportContext) throws -> Int64? { nil }

    /// False for records only their id names.
    static var hasNaturalKey: Bool { keyColumn != "id" }
}

/// What every row of one import shares: the checking context and the references already
/// resolved, so a million activities do not look up the same partnership a million times.
final class ImportContext {
    let input: InputContext
    var db: Database { input.db }
    private var names: [RecordKind: [String: Int64]] = [.city: [:], .partner: [:]]
    private var partnerships: [Pair: Int64] = [:]

    private struct Pair: Hashable {
        let city: Int64
        let partner: Int64
    }

    init(_ db: Database) throws {
        input = try InputContext(db)
    }

    /// The id of the city or partner named exactly `name` (ignoring case and Polish and
    /// Norwegian letters, but never a mere beginning: a file names records in full).
    func id(of table: RecordKind, named name: String) throws -> Int64 {
        if let id = names[table]?[name] { return id }
        let key = NameFolding.key(name)
        guard !key.isEmpty, let id = try Int64.fetchOne(db, sql: "SELECT id FROM \(table.rawValue) WHERE name_key = ?", arguments: [key])
        else { throw RegistryError.notFound(entity: table.rawValue, reference: name) }
        names[table]?[name] = id
        return id
    }

    /// The optional reference in `column`: nil when not given, the id of the name otherwise.
    func reference(_ table: RecordKind, _ row: ImportRow, _ column: String) throws -> RecordReference? {
        try row.given(column).map { .found(try id(of: table, named: $0)) }
    }

    /// The partnership of the city and partner a row names.
    func partnership(_ row: ImportRow) throws -> Int64? {
        guard let city = row.given("city"), let partner = row.given("partner") else { return nil }
        let pair = Pair(city: try id(of: .city, named: city), partner: try id(of: .partner, named: partner))
        if let id = partnerships[pair] { return id }
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM partnership WHERE city_id = ? AND partner_id = ?", arguments: [pair.city, pair.partner])
        else { throw RegistryError.notFound(entity: "partnership", reference: "\(city)/\(partner)") }
        partnerships[pair] = id
        return id
    }
}

extension City: ImportableRecord {
    static let keyColumn = "name"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> CityInput {
        CityInput(
            name: row.given("name"), voivodeship: row.given("voivodeship"), population: row["population"], status: row.given("status"),
            partnerBudget: row["partner_budget"], projectCode: row["project_code"], projectGrant: row["project_grant"],
            topics: row.list("topics"), expectations: row["expectations"], website: row["website"], teryt: row["teryt"], notes: row["notes"])
    }

    static func existing(_ input: CityInput, in context: ImportContext) throws -> Int64? {
        try input.name.flatMap { try Int64.fetchOne(context.db, sql: "SELECT id FROM city WHERE name_key = ?", arguments: [NameFolding.key($0)]) }
    }
}

extension Partner: ImportableRecord {
    static let keyColumn = "name"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> PartnerInput {
        PartnerInput(
            name: row.given("name"), kind: row.given("kind"), country: row.given("country"), orgNumber: row["org_number"],
            county: row["county"], topics: row.list("topics"), expertise: row["expertise"], website: row["website"], notes: row["notes"])
    }

    static func existing(_ input: PartnerInput, in context: ImportContext) throws -> Int64? {
        try input.name.flatMap {
            try Int64.fetchOne(context.db, sql: "SELECT id FROM partner WHERE name_key = ?", arguments: [NameFolding.key($0)])
        }
    }
}

extension Contact: ImportableRecord {
    static let keyColumn = "name"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> ContactInput {
        ContactInput(
            name: row.given("name"), city: try context.reference(.city, row, "city"), partner: try context.reference(.partner, row, "partner"),
            role: row["role"], email: row["email"], phone: row["phone"], languages: row["languages"], notes: row["notes"])
    }

    /// The contact of the same name (ignoring case and letters) at the same city or partner.
    /// A register from before names were unique there may hold two: the row is then refused
    /// rather than one of them changed at random.
    static func existing(_ input: ContactInput, in context: ImportContext) throws -> Int64? {
        guard let name = input.name?.trimmed() else { return nil }
        var probe = Contact.blank
        probe.name = NameFolding.normalized(name)
        probe.cityId = input.city?.id
        probe.partnerId = input.partner?.id
        let matches = try Contact.namesakes(of: probe, in: context.db)
        guard matches.count <= 1 else {
            throw RegistryError.invalid([
                FieldProblem(
                    field: "name", value: name,
                    reason: "matches \(matches.count) contacts at the same place (ids \(matches.map(String.init).joined(separator: ", "))); "
                        + "give the id column to say which one to update")
            ])
        }
        return matches.first
    }
}

extension Partnership: ImportableRecord {
    static let keyColumn = "city"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> PartnershipInput {
        PartnershipInput(
            city: try context.reference(.city, row, "city"), partner: try context.reference(.partner, row, "partner"), status: row.given("status"),
            budget: row["budget"], signed: row["signed_date"], start: row["start_date"], end: row["end_date"], topics: row.list("topics"),
            notes: row["notes"], improvedKnowledge: row["improved_knowledge"], continues: row["continues"],
            lastingEffects: row["lasting_effects"], budgetLines: row.list("budget_lines"))
    }

    /// The partnership of the same city and partner.
    static func existing(_ input: PartnershipInput, in context: ImportContext) throws -> Int64? {
        guard let city = input.city?.id, let partner = input.partner?.id else { return nil }
        return try Int64.fetchOne(
            context.db, sql: "SELECT id FROM partnership WHERE city_id = ? AND partner_id = ?", arguments: [city, partner])
    }
}

extension Activity: ImportableRecord {
    static let keyColumn = "id"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> ActivityInput {
        ActivityInput(
            partnership: try context.partnership(row).map(RecordReference.found), kind: row.given("kind"), title: row.given("title"),
            direction: row["direction"], start: row["start_date"], end: row["end_date"], location: row["location"],
            participants: row["participants"], plannedCost: row["planned_cost"], status: row.given("status"), topic: row["topic"],
            notes: row["notes"])
    }
}

extension Expense: ImportableRecord {
    static let keyColumn = "id"

    static func input(_ row: ImportRow, in context: ImportContext) throws -> ExpenseInput {
        let activity: RecordReference? = try .typed(row.given("activity_id")) ?? activityID(row, in: context).map(RecordReference.found)
        var input = ExpenseInput(
            activity: activity, amount: row.given("amount"), currency: row.given("currency"), category: row.given("category"),
            date: row["spent_date"], paidBy: row["paid_by"], document: row["document"], period: row["period"], status: row.given("status"),
            reason: row.given("rejection_reason"), note: row["note"])
        // Paid in another currency: the amount as paid, and the euro amount with the rate it was
        // converted at (checked to agree), or derived from it as the file says.
        if let currency = input.currency, Currency(rawValue: currency.trimmed().uppercased()) != .eur {
            (input.amount, input.eur) = (row.given("paid"), row.given("amount"))
            (input.rate, input.rateMonth, input.rateSource) = (row.given("rate"), row["rate_month"], row.given("rate_source"))
        }
        return input
    }

    /// Without an activity id, the activity is the one of that title in the row's partnership.
    private static func activityID(_ row: ImportRow, in context: ImportContext) throws -> Int64? {
        guard let title = row.given("activity"), let partnership = try context.partnership(row) else { return nil }
        let ids = try Int64.fetchAll(
            context.db, sql: "SELECT id FROM activity WHERE partnership_id = ? AND title = ? LIMIT 2",
            arguments: [partnership, title.trimmed()])
        guard ids.count == 1 else {
            throw ids.isEmpty
                ? RegistryError.notFound(entity: "activity", reference: title)
                : RegistryError.ambiguous(entity: "activity", reference: title, candidates: ["give activity_id"])
        }
        return ids[0]
    }
}
