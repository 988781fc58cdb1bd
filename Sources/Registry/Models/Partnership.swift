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

    public init(
        city: RecordReference? = nil, partner: RecordReference? = nil, status: String? = nil, budget: String? = nil,
        signed: String? = nil, start: String? = nil, end: String? = nil, topics: [String]? = nil,
        notes: String? = nil, improvedKnowledge: String? = nil, continues: String? = nil,
        lastingEffects: String? = nil
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
    }
}
