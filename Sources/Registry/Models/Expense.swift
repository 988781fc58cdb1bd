import GRDB

/// Money actually spent on an activity.
public struct Expense: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var activityId: Int64
    /// The amount in euro cents: as paid for a euro cost, else converted (``Conversion``).
    public var amountCents: Int64
    public var category: ExpenseCategory
    public var spentDate: String?
    public var note: String?
    /// The amount as paid, in `currency`'s minor unit (for a euro cost written by other tools
    /// without it, the euro amount).
    public var paidMinor: Int64
    /// The rate that converted it: units of `currency` per 1 EUR, in millionths.
    public var rateMicros: Int64
    /// The month whose rate was used, `YYYY-MM`; nil for euros.
    public var rateMonth: String?
    /// Where the rate came from; nil for euros.
    public var rateSource: String?
    /// True when the euro amount was given by hand and the rate worked out from it.
    public var rateDerived: Bool
    public var currency: Currency
    public var paidBy: ExpensePayer?
    /// The invoice or receipt number.
    public var document: String?
    /// The reporting period it is claimed in, `YYYY-N`.
    public var period: String?
    public var status: ClaimStatus
    public var rejectionReason: String?

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
        public static let paidMinor = Column("paid_minor")
        public static let rateMicros = Column("rate_micros")
        public static let rateMonth = Column("rate_month")
        public static let rateSource = Column("rate_source")
        public static let rateDerived = Column("rate_derived")
        public static let currency = Column("currency")
        public static let paidBy = Column("paid_by")
        public static let document = Column("document")
        public static let period = Column("period")
        public static let status = Column("status")
        public static let rejectionReason = Column("rejection_reason")

        /// Every column, in the table's order.
        static let all = [
            id, activityId, amountCents, category, spentDate, note, paidMinor, rateMicros, rateMonth, rateSource, rateDerived, currency, paidBy,
            document, period, status, rejectionReason,
        ]
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
        paidMinor = row[Columns.paidMinor] ?? amountCents
        rateMicros = row[Columns.rateMicros]
        rateMonth = row[Columns.rateMonth]
        rateSource = row[Columns.rateSource]
        rateDerived = row[Columns.rateDerived]
        currency = row[Columns.currency]
        paidBy = row[Columns.paidBy]
        document = row[Columns.document]
        period = row[Columns.period]
        status = row[Columns.status]
        rejectionReason = row[Columns.rejectionReason]
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

/// Who bore a cost: the town's side or the partner's.
public enum ExpensePayer: String, Vocabulary {
    case city, partner
}

/// Where a claimed cost stands: claimed (the default), verified, or rejected with a reason.
public enum ClaimStatus: String, DefaultedVocabulary {
    public static let initial = ClaimStatus.claimed

    case claimed, verified, rejected
}

/// Raw values for an expense; `activity` is the activity's id.
public struct ExpenseInput: Sendable, Equatable {
    public var activity: RecordReference?
    /// The amount as paid, in `currency` (EUR when not given).
    public var amount: String?
    public var currency: String?
    /// The amount in euros given by hand, instead of converting at the month's rate.
    public var eur: String?
    public var category: String?
    public var date: String?
    public var paidBy: String?
    public var document: String?
    public var period: String?
    public var status: String?
    /// Why a claim is rejected: required when `status` is `rejected`.
    public var reason: String?
    public var note: String?
    /// A rate already applied elsewhere (a file `registry export` wrote): units per EUR, with its
    /// month and source, used instead of the register's rates. With `eur`, the two must agree.
    public var rate: String?
    public var rateMonth: String?
    public var rateSource: String?

    public init(
        activity: RecordReference? = nil, amount: String? = nil, currency: String? = nil, eur: String? = nil, category: String? = nil,
        date: String? = nil, paidBy: String? = nil, document: String? = nil, period: String? = nil, status: String? = nil,
        reason: String? = nil, note: String? = nil, rate: String? = nil, rateMonth: String? = nil, rateSource: String? = nil
    ) {
        self.activity = activity
        self.amount = amount
        self.currency = currency
        self.eur = eur
        self.category = category
        self.date = date
        self.paidBy = paidBy
        self.document = document
        self.period = period
        self.status = status
        self.reason = reason
        self.note = note
        self.rate = rate
        self.rateMonth = rateMonth
        self.rateSource = rateSource
    }
}
