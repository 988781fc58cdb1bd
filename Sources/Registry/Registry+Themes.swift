import GRDB

extension Registry {
    /// The programme's themes with their topics, in the programme's order.
    public func themes() throws -> [ThemeWithTopics] {
        try read { db in
            let topics = try Topic.order(Column("id")).fetchAll(db)
            return try Theme.order(Column("id")).fetchAll(db).map { theme in
                ThemeWithTopics(theme: theme, topics: topics.filter { $0.themeId == theme.id })
            }
        }
    }

    /// The 16 voivodeships and 15 counties, as stored.
    public func referenceNames() throws -> (voivodeships: [String], counties: [String]) {
        try read { db in
            let reference = try ReferenceData(db)
            return (reference.voivodeships, reference.counties)
        }
    }

    /// The English and Norwegian names of the programme's themes and topics by code, as the
    /// schema seeds them (`0002_seed_reference.sql`): for reports and lists put in words. Read
    /// from the migrations in memory, so any command can name them without its register.
    public static let themeAndTopicNames: [String: (en: String, nb: String)] = {
        guard let queue = try? DatabaseQueue(), (try? migrator.migrate(queue, upTo: "0002_seed_reference")) != nil,
            let rows = try? queue.read({
                try Row.fetchAll($0, sql: "SELECT code, name_en, name_nb FROM theme UNION ALL SELECT code, name_en, name_nb FROM topic")
            })
        else { return [:] }
        return Dictionary(rows.map { (row: Row) in (row["code"] as String, (row["name_en"] as String, row["name_nb"] as String)) }) { first, _ in
            first
        }
    }()
}
