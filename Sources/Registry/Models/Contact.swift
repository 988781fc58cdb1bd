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
