import GRDB

/// A person at exactly one city or one partner. Personal data: exportable and erasable.
public struct Contact: RegistryRecord, Equatable, Sendable {
    public var id: Int64?
    public var name: String
    public var cityId: Int64?
    public var partnerId: Int64?
    public var role: String?
    public var email: String?
    public var phone: String?
    /// ISO 639-1 codes separated by commas, e.g. `nb,pl,en`.
    public var languages: String?
    public var notes: String?

    public static let databaseTableName = "contact"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Contact {
    /// The table's columns, as the migrations name them: the one place a column's name is
    /// written in Swift (rows are decoded, and listed records encoded, through these).
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let cityId = Column("city_id")
        public static let partnerId = Column("partner_id")
        public static let role = Column("role")
        public static let email = Column("email")
        public static let phone = Column("phone")
        public static let languages = Column("languages")
        public static let notes = Column("notes")

        /// Every column, in the table's order.
        static let all = [id, name, cityId, partnerId, role, email, phone, languages, notes]
    }

    /// Decodes a row by column name: faster than Codable's decoder, which lists pay for per row,
    /// and tolerant of the extra columns (names, figures) that list queries join in.
    public init(row: Row) throws {
        id = row[Columns.id]
        name = row[Columns.name]
        cityId = row[Columns.cityId]
        partnerId = row[Columns.partnerId]
        role = row[Columns.role]
        email = row[Columns.email]
        phone = row[Columns.phone]
        languages = row[Columns.languages]
        notes = row[Columns.notes]
    }
}

/// Raw values for a contact; `city` and `partner` are references (id or name), exactly one of
/// them set on add.
public struct ContactInput: Sendable, Equatable {
    public var name: String?
    public var city: RecordReference?
    public var partner: RecordReference?
    public var role: String?
    public var email: String?
    public var phone: String?
    public var languages: String?
    public var notes: String?

    public init(
        name: String? = nil, city: RecordReference? = nil, partner: RecordReference? = nil, role: String? = nil,
        email: String? = nil, phone: String? = nil, languages: String? = nil, notes: String? = nil
    ) {
        self.name = name
        self.city = city
        self.partner = partner
        self.role = role
        self.email = email
        self.phone = phone
        self.languages = languages
        self.notes = notes
    }
}
