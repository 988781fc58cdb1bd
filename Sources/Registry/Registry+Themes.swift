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
}
