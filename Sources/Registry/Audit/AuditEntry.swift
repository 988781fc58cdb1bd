import GRDB

/// One change in the audit trail: when, by whom, which row, and its values before and after
/// as JSON objects of the row's columns.
public struct AuditEntry: Codable, FetchableRecord, TableRecord, Equatable, Sendable {
    public var id: Int64
    /// UTC, ISO 8601 with a `Z`.
    public var changedAt: String
    public var actor: String
    public var tableName: String
    /// Nil for an import's change-set entry, whose ids are in `newValues`.
    public var rowId: Int64?
    public var action: AuditAction
    public var oldValues: String?
    public var newValues: String?

    public static let databaseTableName = "audit_log"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

public enum AuditAction: String, Vocabulary {
    case insert, update, delete, `import`, erase
}

/// Filters for the audit trail; nil means any.
public struct AuditFilter: Sendable, Equatable {
    /// One of the register's tables.
    public var table: String?
    /// Changes on or after this date (`YYYY-MM-DD`) or time.
    public var since: String?
    public var actor: String?
    /// At most this many of the newest entries.
    public var limit: Int?

    public init(table: String? = nil, since: String? = nil, actor: String? = nil, limit: Int? = nil) {
        self.table = table
        self.since = since
        self.actor = actor
        self.limit = limit
    }

    /// The tables whose changes the trail records.
    public static let tables = [
        "city", "city_topic", "partner", "partner_topic", "contact", "partnership", "partnership_topic", "partnership_budget_line", "activity",
        "expense", "exchange_rate",
    ]

    /// The column an entry's `row_id` holds for `table`: the owner's id for a topic link or a
    /// budget line, else the row's id.
    static func rowKey(of table: String) -> String {
        TopicLink(rawValue: table)?.ownerColumn ?? (table == "partnership_budget_line" ? "partnership_id" : "id")
    }

    /// Every table the trail follows: the register's, its settings (`0012_expense_currencies.sql`),
    /// and staff's saved queries (`0010_saved_query_audit.sql`).
    public static let loggedTables = tables + ["setting", "saved_query"]
}
