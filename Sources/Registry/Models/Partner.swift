import GRDB

/// An organisation in a donor state (almost always Norway) that partners with towns.
public struct Partner: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    /// The folded name (see ``NameFolding``), unique among partners.
    public var nameKey: String
    public var country: Country
    public var kind: PartnerKind
    /// For Norway, nine digits with a modulus-11 check digit.
    public var orgNumber: String?
    /// For Norway, one of the 15 fylker in force since 2024.
    public var county: String?
    public var expertise: String?
    public var website: String?
    public var notes: String?

    public static let databaseTableName = "partner"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Partner {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let nameKey = Column("name_key")
        public static let country = Column("country")
        public static let kind = Column("kind")
        public static let orgNumber = Column("org_number")
        public static let county = Column("county")
        public static let expertise = Column("expertise")
        public static let website = Column("website")
        public static let notes = Column("notes")

        /// Every column, in the table's order.
        static let all = [id, name, nameKey, country, kind, orgNumber, county, expertise, website, notes]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        name = row[Columns.name]
        nameKey = row[Columns.nameKey]
        country = row[Columns.country]
        kind = row[Columns.kind]
        orgNumber = row[Columns.orgNumber]
        county = row[Columns.county]
        expertise = row[Columns.expertise]
        website = row[Columns.website]
        notes = row[Columns.notes]
    }
}

/// The EEA donor states.
public enum Country: String, DefaultedVocabulary {
    public static let initial = Country.norway

    case norway = "NO"
    case iceland = "IS"
    case liechtenstein = "LI"
}

public enum PartnerKind: String, Vocabulary {
    case municipality, county, organisation, company, research, other
}

/// Raw values for a partner as a person typed them; nil leaves a field as it is, and an empty
/// text clears an optional field.
public struct PartnerInput: Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var country: String?
    public var orgNumber: String?
    public var county: String?
    public var topics: [String]?
    public var expertise: String?
    public var website: String?
    public var notes: String?

    public init(
        name: String? = nil, kind: String? = nil, country: String? = nil, orgNumber: String? = nil,
        county: String? = nil, topics: [String]? = nil, expertise: String? = nil, website: String? = nil,
        notes: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.country = country
        self.orgNumber = orgNumber
        self.county = county
        self.topics = topics
        self.expertise = expertise
        self.website = website
        self.notes = notes
    }
}

/// A partner with the codes of the topics it offers.
public struct PartnerListing: Equatable, Sendable {
    public var partner: Partner
    public var topicCodes: [String]
}

/// Filters for listing partners; nil means any.
public struct PartnerFilter: Sendable, Equatable {
    public var kind: PartnerKind?
    public var country: Country?
    public var county: String?
    public var topic: String?

    public init(kind: PartnerKind? = nil, country: Country? = nil, county: String? = nil, topic: String? = nil) {
        self.kind = kind
        self.country = country
        self.county = county
        self.topic = topic
    }
}
