import GRDB

/// Money actually spent on an activity.
public struct Expense: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var activityId: Int64
    public var amountCents: Int64
    public var category: ExpenseCategory
    public var spentDate: String?
    public var note: String?

    public static let databaseTableName = "expense"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Expense {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let activityId = Column("activity_id")
        public static let amountCents = Column("amount_cents")
        public static let category = Column("category")
        public static let spentDate = Column("spent_date")
        public static let note = Column("note")

        /// Every column, in the table's order.
        static let all = [id, activityId, amountCents, category, spentDate, note]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        activityId = row[Columns.activityId]
        amountCents = row[Columns.amountCents]
        category = row[Columns.category]
        spentDate = row[Columns.spentDate]
        note = row[Columns.note]
    }
}

/// The programme's eligible-cost headings.
public enum ExpenseCategory: String, Vocabulary {
    /// Staff time.
    case staff
    /// Travel and subsistence.
    case travel
    case venue, equipment, consumables
    /// Subcontracting, translation, publicity.
    case services
    case indirect, other
}

/// Raw values for an expense; `activity` is the activity's id.
public struct ExpenseInput: Sendable, Equatable {
    public var activity: RecordReference?
    public var amount: String?
    public var category: String?
    public var date: String?
    public var note: String?

    public init(activity: RecordReference? = nil, amount: String? = nil, category: String? = nil, date: String? = nil, note: String? = nil) {
        self.activity = activity
        self.amount = amount
        self.category = category
        self.date = date
        self.note = note
    }
}
