import GRDB

/// A city and a partner working together; one per city and partner.
public struct Partnership: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var cityId: Int64
    public var partnerId: Int64
    public var status: PartnershipStatus
    /// The budget committed to the partnership, in euro cents.
    public var budgetCents: Int64?
    public var signedDate: String?
    public var startDate: String?
    public var endDate: String?
    public var improvedKnowledge: Answer?
    public var continues: Answer?
    public var lastingEffects: Answer?
    public var notes: String?

    public static let databaseTableName = "partnership"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Partnership {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let cityId = Column("city_id")
        public static let partnerId = Column("partner_id")
        public static let status = Column("status")
        public static let budgetCents = Column("budget_cents")
        public static let signedDate = Column("signed_date")
        public static let startDate = Column("start_date")
        public static let endDate = Column("end_date")
        public static let improvedKnowledge = Column("improved_knowledge")
        public static let continues = Column("continues")
        public static let lastingEffects = Column("lasting_effects")
        public static let notes = Column("notes")

        /// Every column, in the table's order.
        static let all = [
            id, cityId, partnerId, status, budgetCents, signedDate, startDate, endDate, improvedKnowledge, continues, lastingEffects, notes,
        ]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        cityId = row[Columns.cityId]
        partnerId = row[Columns.partnerId]
        status = row[Columns.status]
        budgetCents = row[Columns.budgetCents]
        signedDate = row[Columns.signedDate]
        startDate = row[Columns.startDate]
        endDate = row[Columns.endDate]
        improvedKnowledge = row[Columns.improvedKnowledge]
        continues = row[Columns.continues]
        lastingEffects = row[Columns.lastingEffects]
        notes = row[Columns.notes]
    }
}

public enum PartnershipStatus: String, DefaultedVocabulary {
    public static let initial = PartnershipStatus.proposed

    case proposed, contacted, agreed, active, completed, declined, cancelled

    /// Statuses whose budget counts as committed.
    public static let committing: [PartnershipStatus] = [.agreed, .active, .completed]
}

/// An answer to one of the programme's end-of-project questions.
public enum Answer: String, Vocabulary {
    case yes, no
    case notYet = "not_yet"
}

/// Raw values for a partnership; `city` and `partner` are references (id or name).
public struct PartnershipInput: Sendable, Equatable {
    public var city: RecordReference?
    public var partner: RecordReference?
    public var status: String?
    public var budget: String?
    public var signed: String?
    public var start: String?
    public var end: String?
    public var topics: [String]?
    public var notes: String?
    public var improvedKnowledge: String?
    public var continues: String?
    public var lastingEffects: String?
    /// The budget split by cost category, `travel=20000` each: the whole split (others are
    /// removed); nil leaves the lines as they are.
    public var budgetLines: [String]?

    public init(
        city: RecordReference? = nil, partner: RecordReference? = nil, status: String? = nil, budget: String? = nil,
        signed: String? = nil, start: String? = nil, end: String? = nil, topics: [String]? = nil,
        notes: String? = nil, improvedKnowledge: String? = nil, continues: String? = nil,
        lastingEffects: String? = nil, budgetLines: [String]? = nil
    ) {
        self.city = city
        self.partner = partner
        self.status = status
        self.budget = budget
        self.signed = signed
        self.start = start
        self.end = end
        self.topics = topics
        self.notes = notes
        self.improvedKnowledge = improvedKnowledge
        self.continues = continues
        self.lastingEffects = lastingEffects
        self.budgetLines = budgetLines
    }
}
