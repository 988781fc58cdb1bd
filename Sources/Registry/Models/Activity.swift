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

extension Activity {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let partnershipId = Column("partnership_id")
        public static let kind = Column("kind")
        public static let title = Column("title")
        public static let direction = Column("direction")
        public static let startDate = Column("start_date")
        public static let endDate = Column("end_date")
        public static let location = Column("location")
        public static let participants = Column("participants")
        public static let plannedCostCents = Column("planned_cost_cents")
        public static let status = Column("status")
        public static let topicId = Column("topic_id")
        public static let notes = Column("notes")

        /// Every column, in the table's order.
        static let all = [
            id, partnershipId, kind, title, direction, startDate, endDate, location, participants, plannedCostCents, status, topicId, notes,
        ]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        partnershipId = row[Columns.partnershipId]
        kind = row[Columns.kind]
        title = row[Columns.title]
        direction = row[Columns.direction]
        startDate = row[Columns.startDate]
        endDate = row[Columns.endDate]
        location = row[Columns.location]
        participants = row[Columns.participants]
        plannedCostCents = row[Columns.plannedCostCents]
        status = row[Columns.status]
        topicId = row[Columns.topicId]
        notes = row[Columns.notes]
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
