/// What a person browsing the database with another tool reads about one table or view: a
/// title, a description, and a short description of each column.
public struct TableDescription: Sendable {
    public let title: String
    public let description: String
    /// Each column's description, by column name.
    public let columns: [String: String]
    /// The column that names a row where other tables refer to it (a town's name beside a
    /// contact's city_id).
    public let labelColumn: String?
    /// The column whose highest values are shown first when browsing (the newest entries).
    public let newestFirst: String?

    init(
        _ title: String, _ description: String, labelColumn: String? = nil, newestFirst: String? = nil,
        columns: [String: String]
    ) {
        self.title = title
        self.description = description
        self.columns = columns
        self.labelColumn = labelColumn
        self.newestFirst = newestFirst
    }
}

/// The register's tables, views and columns in plain English: the one place they are written,
/// for `registry export datasette-metadata` and any other tool's view of the file.
///
/// The schema itself is defined only by `Migrations/`; a test checks that every table, view and
/// column a migrated database shows is described here, and that nothing here is missing there.
public enum SchemaDescriptions {
    public static let title = "KS partnership registry"

    public static let summary = """
        The register of the EEA Grants "Local Development" programme in Poland, kept by KS: Polish towns, \
        their Norwegian (and Icelandic) partners, partnerships, activities, expenses and budgets.
        """

    public static let conventions = """
        Money columns end in _cents and hold integer euro cents (150000.50 EUR is 15000050). Dates are ISO \
        text, YYYY-MM-DD. Values of closed sets are stored as the registry command writes them (not_selected, \
        study_visit). The file is changed only through the registry command, which validates every change \
        and records it in the audit trail; browse it read-only.
        """

    /// Tables the registry uses for its own work, which nobody needs to read: who is writing
    /// (audit_session), search indexing after bulk writes (search_catch_up), applied migrations.
    /// FTS5's shadow tables are hidden too; SQLite names them as such.
    public static let internalTables: Set<String> = ["audit_session", "search_catch_up", "grdb_migrations"]

    /// Every described table and view, by name.
    public static let tables: [String: TableDescription] = Dictionary(
        uniqueKeysWithValues: [records, links, reference, budgets, reports, trail].flatMap { $0.map { ($0.key, $0.value) } })

    /// Columns that mean the same wherever they appear.
    enum Shared {
        static let notes = "Free-text notes by staff."
        static let website = "Web address, starting with http:// or https://."
        static let nameKey = "The name folded for lookup and uniqueness (case, Polish and Norwegian letters), computed by the registry."
        static let startDate = "First day, YYYY-MM-DD."
        static let endDate = "Last day, YYYY-MM-DD; not before the start date."
        static let city = "The town's name."
        static let partner = "The partner's name."
        static let topic = "The topic; refers to topic.id."
        static let code = "Stable code for the command line and scripts: lowercase letters and underscores."
        static let nameEn = "Name in English."
        static let nameNb = "Name in Norwegian (bokmål)."
        static let committed =
            "Committed: the budgets of its partnerships that are agreed, active or completed, in euro cents."
        static let planned = "Planned: the planned cost of its activities that are not cancelled, in euro cents."
        static let spent = "Spent: the euro value of its claimed and verified expenses, in euro cents (rejected claims apart)."
        static let unspent = "Unspent: committed minus spent, in euro cents; negative when spending exceeds the budget."
        static let rejected = "The euro value of its rejected claims, in euro cents; not part of spent."
        static let allocation = "Allocation: the partner budget the town set aside (city.partner_budget_cents, 0 when unset), in euro cents."
        static let activityKind =
            "joint_development, advisory, knowledge_exchange, study_visit, workshop, conference or internship."
        static let direction = "to_norway or to_poland; only study visits and internships travel, other activities leave it empty."
    }
}
