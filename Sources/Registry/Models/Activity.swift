import GRDB

/// Something a partnership does: a study visit, a workshop, advisory work, ...
public struct Activity: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var partnershipId: Int64
    public var kind: ActivityKind
    public var title: String
    /// For study visits and internships only.
    public var direction: Direction?
    public var startDate: String?
    public var endDate: String?
    public var location: String?
    public var participants: Int64?
    public var plannedCostCents: Int64?
    public var status: ActivityStatus
    public var topicId: Int64?
    public var notes: String?

    public static let databaseTableName = "activity"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

public enum ActivityKind: String, Vocabulary {
    case jointDevelopment = "joint_development"
    case advisory
    case knowledgeExchange = "knowledge_exchange"
    case studyVisit = "study_visit"
    case workshop, conference, internship

    /// Kinds that travel, and so have a direction.
    public var travels: Bool { self == .studyVisit || self == .internship }
}

public enum Direction: String, Vocabulary {
    case toNorway = "to_norway"
    case toPoland = "to_poland"
}

public enum ActivityStatus: String, DefaultedVocabulary {
    public static let initial = ActivityStatus.planned

    case planned, completed, cancelled
}

/// Raw values for an activity; `partnership` is a reference (id or `CITY/PARTNER`).
public struct ActivityInput: Sendable, Equatable {
    public var partnership: RecordReference?
    public var kind: String?
    public var title: String?
    public var direction: String?
    public var start: String?
    public var end: String?
    public var location: String?
    public var participants: String?
    public var plannedCost: String?
    public var status: String?
    public var topic: String?
    public var notes: String?

    public init(
        partnership: RecordReference? = nil, kind: String? = nil, title: String? = nil, direction: String? = nil,
        start: String? = nil, end: String? = nil, location: String? = nil, participants: String? = nil,
        plannedCost: String? = nil, status: String? = nil, topic: String? = nil, notes: String? = nil
    ) {
        self.partnership = partnership
        self.kind = kind
        self.title = title
        self.direction = direction
        self.start = start
        self.end = end
        self.location = location
        self.participants = participants
        self.plannedCost = plannedCost
        self.status = status
        self.topic = topic
        self.notes = notes
    }
}
