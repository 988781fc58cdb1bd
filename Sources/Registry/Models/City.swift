import GRDB

/// A Polish town in the programme.
public struct City: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    /// The folded name (see ``NameFolding``), unique among cities.
    public var nameKey: String
    /// One of the 16 voivodeships, with its Polish name (`łódzkie`).
    public var voivodeship: String
    public var population: Int64?
    public var status: CityStatus
    /// The partner budget the town set aside (its allocation), in euro cents.
    public var partnerBudgetCents: Int64?
    /// The programme's project code, e.g. `PL-LOCALDEV-0025`.
    public var projectCode: String?
    public var projectGrantCents: Int64?
    /// What the town expects of a partner: the profile it wants.
    public var expectations: String?
    public var website: String?
    /// The 7-digit TERYT code of the municipality.
    public var teryt: String?
    public var notes: String?

    public static let databaseTableName = "city"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension City {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let nameKey = Column("name_key")
        public static let voivodeship = Column("voivodeship")
        public static let population = Column("population")
        public static let status = Column("status")
        public static let partnerBudgetCents = Column("partner_budget_cents")
        public static let projectCode = Column("project_code")
        public static let projectGrantCents = Column("project_grant_cents")
        public static let expectations = Column("expectations")
        public static let website = Column("website")
        public static let teryt = Column("teryt")
        public static let notes = Column("notes")

        /// Every column, in the table's order.
        static let all = [
            id, name, nameKey, voivodeship, population, status, partnerBudgetCents, projectCode, projectGrantCents, expectations, website, teryt,
            notes,
        ]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        name = row[Columns.name]
        nameKey = row[Columns.nameKey]
        voivodeship = row[Columns.voivodeship]
        population = row[Columns.population]
        status = row[Columns.status]
        partnerBudgetCents = row[Columns.partnerBudgetCents]
        projectCode = row[Columns.projectCode]
        projectGrantCents = row[Columns.projectGrantCents]
        expectations = row[Columns.expectations]
        website = row[Columns.website]
        teryt = row[Columns.teryt]
        notes = row[Columns.notes]
    }
}

public enum CityStatus: String, DefaultedVocabulary {
    public static let initial = CityStatus.applicant

    case applicant, selected
    case notSelected = "not_selected"
    case withdrawn
}

/// Raw values for a city as a person typed them; nil leaves a field as it is, and an empty
/// text clears an optional field.
public struct CityInput: Sendable, Equatable {
    public var name: String?
    public var voivodeship: String?
    public var population: String?
    public var status: String?
    public var partnerBudget: String?
    public var projectCode: String?
    public var projectGrant: String?
    public var topics: [String]?
    public var expectations: String?
    public var website: String?
    public var teryt: String?
    public var notes: String?

    public init(
        name: String? = nil, voivodeship: String? = nil, population: String? = nil, status: String? = nil,
        partnerBudget: String? = nil, projectCode: String? = nil, projectGrant: String? = nil,
        topics: [String]? = nil, expectations: String? = nil, website: String? = nil, teryt: String? = nil,
        notes: String? = nil
    ) {
        self.name = name
        self.voivodeship = voivodeship
        self.population = population
        self.status = status
        self.partnerBudget = partnerBudget
        self.projectCode = projectCode
        self.projectGrant = projectGrant
        self.topics = topics
        self.expectations = expectations
        self.website = website
        self.teryt = teryt
        self.notes = notes
    }
}

/// A city with the codes of the topics it wants help with.
public struct CityListing: Equatable, Sendable {
    public var city: City
    public var topicCodes: [String]
}

/// Filters for listing cities; nil means any.
public struct CityFilter: Sendable, Equatable {
    public var status: CityStatus?
    public var voivodeship: String?
    public var topic: String?

    public init(status: CityStatus? = nil, voivodeship: String? = nil, topic: String? = nil) {
        self.status = status
        self.voivodeship = voivodeship
        self.topic = topic
    }
}
