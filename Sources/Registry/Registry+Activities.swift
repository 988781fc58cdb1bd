import GRDB

extension Registry {
    /// Adds an activity to a partnership; `partnership`, `kind` and `title` are required.
    public func addActivity(_ input: ActivityInput) throws -> Activity {
        try add(input, as: Activity.self)
    }

    /// Changes the fields given in `input` of activity `reference` (its id).
    public func editActivity(_ reference: RecordReference, _ input: ActivityInput) throws -> Activity {
        try edit(input, as: Activity.self) { try RecordKind.activity.resolve(reference, in: $0) }
    }

    /// The activity with id `reference`.
    public func activity(_ reference: RecordReference) throws -> Activity {
        try read { db in try Activity.fetchOne(db, key: try RecordKind.activity.resolve(reference, in: db))! }
    }

    /// Activities matching `filter`, by start date.
    public func activities(_ filter: ActivityFilter = ActivityFilter()) throws -> [ActivityListing] {
        try read { db in try Listing.activities(try Self.conditions(filter, in: db), in: db) }
    }

    /// The activities matching `filter` that have a start date, as calendar events by start date,
    /// one at a time (memory stays flat); returns how many matching activities have no start
    /// date, and so no place in a calendar.
    @discardableResult
    public func activityEvents(_ filter: ActivityFilter = ActivityFilter(), event: (ICalendar.Event) throws -> Void) throws -> Int {
        try Self.translatingErrors(path: path) {
            try writer.read { db in
                let conditions = try Self.conditions(filter, in: db)
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT activity.id, activity.title, activity.kind, activity.direction, activity.start_date, activity.end_date,
                            activity.location, activity.participants, activity.status, topic.name_en AS topic, activity.notes,
                            city.name AS city, partner.name AS partner, coalesce(changes.updates, 0) AS updates, changes.last AS last
                        FROM activity
                        JOIN partnership ON partnership.id = activity.partnership_id
                        JOIN city ON city.id = partnership.city_id
                        JOIN partner ON partner.id = partnership.partner_id
                        LEFT JOIN topic ON topic.id = activity.topic_id
                        LEFT JOIN (
                            SELECT row_id, sum(action = 'update') AS updates, max(changed_at) AS last
                            FROM audit_log WHERE table_name = 'activity' AND row_id IS NOT NULL GROUP BY row_id
                        ) AS changes ON changes.row_id = activity.id
                        \(conditions.sql.isEmpty ? "WHERE" : conditions.sql + " AND") activity.start_date IS NOT NULL
                        ORDER BY activity.start_date, activity.id
                        """,
                    arguments: conditions.arguments)
                while let row = try rows.next() {
                    try event(
                        ICalendar.Event(
                            id: row["id"], title: row["title"], kind: row["kind"], direction: row["direction"], start: row["start_date"],
                            end: row["end_date"], location: row["location"], participants: row["participants"], status: row["status"],
                            topic: row["topic"], notes: row["notes"], city: row["city"], partner: row["partner"], changes: row["updates"],
                            lastChanged: row["last"]))
                }
                return try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM activity JOIN partnership ON partnership.id = activity.partnership_id
                        \(conditions.sql.isEmpty ? "WHERE" : conditions.sql + " AND") activity.start_date IS NULL
                        """, arguments: conditions.arguments) ?? 0
            }
        }
    }

    /// The conditions of an activity filter, its references resolved and its period checked.
    private static func conditions(_ filter: ActivityFilter, in db: Database) throws -> QueryConditions {
        var conditions = QueryConditions()
        if let reference = filter.partnership {
            conditions.add("activity.partnership_id = ?", try RecordKind.partnership.resolve(reference, in: db))
        }
        if let city = filter.city { conditions.add("partnership.city_id = ?", try RecordKind.city.resolve(city, in: db)) }
        if let partner = filter.partner { conditions.add("partnership.partner_id = ?", try RecordKind.partner.resolve(partner, in: db)) }
        if let kind = filter.kind { conditions.add("activity.kind = ?", kind) }
        if let status = filter.status { conditions.add("activity.status = ?", status) }
        if let topic = filter.topic { conditions.add("activity.topic_id = ?", try Self.topicID(topic, in: db)) }
        let (from, to) = try Self.period(from: filter.from, to: filter.to)
        if let from { conditions.add("coalesce(activity.end_date, activity.start_date) >= ?", from) }
        if let to { conditions.add("activity.start_date <= ?", to) }
        return conditions
    }

    /// The activity `reference` names (its id), with its expenses.
    public func activityDetails(_ reference: RecordReference) throws -> ActivityDetails {
        try read { db in
            let id = try RecordKind.activity.resolve(reference, in: db)
            var conditions = QueryConditions()
            conditions.add("activity.id = ?", id)
            var expenses = QueryConditions()
            expenses.add("expense.activity_id = ?", id)
            return ActivityDetails(listing: try Listing.activities(conditions, in: db)[0], expenses: try Listing.expenses(expenses, in: db))
        }
    }

    /// A period typed by a person, checked: real dates, `to` not before `from`.
    static func period(from: String?, to: String?) throws -> (String?, String?) {
        var checker = InputChecker()
        let start = from.flatMap { checker.date("from", $0) }
        let end = to.flatMap { checker.date("to", $0) }
        checker.dateOrder(start: start, end: end, startField: "from", endField: "to")
        try checker.throwIfInvalid()
        return (start, end)
    }
}

extension Activity: InputRecord {
    static let blank = Activity(
        id: nil, partnershipId: 0, kind: .workshop, title: "", direction: nil, startDate: nil, endDate: nil, location: nil,
        participants: nil, plannedCostCents: nil, status: .initial, topicId: nil, notes: nil)

    static func missingFields(in input: ActivityInput) -> [FieldProblem] {
        [
            required("partnership", input.partnership),
            required("kind", input.kind, accepted: "; one of: " + ActivityKind.allCases.map(\.rawValue).joined(separator: ", ")),
            required("title", input.title),
        ].compactMap { $0 }
    }

    static func applying(_ input: ActivityInput, to base: Activity, in context: InputContext, checker: inout InputChecker) throws -> Activity {
        let db = context.db
        var activity = base
        if let reference = input.partnership { activity.partnershipId = try RecordKind.partnership.resolve(reference, in: db) }
        if let raw = input.kind { activity.kind = checker.choice("kind", raw, as: ActivityKind.self) ?? activity.kind }
        if let raw = input.title { activity.title = checker.name("title", raw) }
        if let raw = input.direction {
            activity.direction = checker.text(raw).flatMap { checker.choice("direction", $0, as: Direction.self) }
        }
        if let direction = activity.direction, !activity.kind.travels {
            checker.report("direction", direction.rawValue, "applies to study visits and internships only, not to \(activity.kind.rawValue)")
        }
        if let raw = input.start { activity.startDate = checker.date("start", raw) }
        if let raw = input.end { activity.endDate = checker.date("end", raw) }
        checker.dateOrder(start: activity.startDate, end: activity.endDate)
        if let raw = input.location { activity.location = checker.freeText("location", raw) }
        if let raw = input.participants { activity.participants = checker.integer("participants", raw, in: 0...1_000_000) }
        if let raw = input.plannedCost { activity.plannedCostCents = checker.money("planned-cost", raw) }
        if let raw = input.status { activity.status = checker.choice("status", raw, as: ActivityStatus.self) ?? activity.status }
        if let raw = input.topic { activity.topicId = checker.text(raw) == nil ? nil : context.reference.topic("topic", raw, checker: &checker) }
        if let raw = input.notes { activity.notes = checker.freeText("notes", raw) }
        return activity
    }
}
