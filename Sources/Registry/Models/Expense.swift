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
