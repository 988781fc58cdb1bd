/// Filters for lists; nil means any. References are ids or names as everywhere else; dates
/// are `YYYY-MM-DD`.

public struct ContactFilter: Sendable, Equatable {
    public var city: String?
    public var partner: String?

    public init(city: String? = nil, partner: String? = nil) {
        self.city = city
        self.partner = partner
    }
}

public struct PartnershipFilter: Sendable, Equatable {
    public var city: String?
    public var partner: String?
    public var status: PartnershipStatus?
    public var topic: String?

    public init(city: String? = nil, partner: String? = nil, status: PartnershipStatus? = nil, topic: String? = nil) {
        self.city = city
        self.partner = partner
        self.status = status
        self.topic = topic
    }
}

/// `from` and `to` keep activities whose dates overlap the period (an activity without an end
/// date lasts its start day; one without dates is left out when a period is given).
public struct ActivityFilter: Sendable, Equatable {
    public var partnership: String?
    public var city: String?
    public var partner: String?
    public var kind: ActivityKind?
    public var status: ActivityStatus?
    public var from: String?
    public var to: String?
    public var topic: String?

    public init(
        partnership: String? = nil, city: String? = nil, partner: String? = nil, kind: ActivityKind? = nil,
        status: ActivityStatus? = nil, from: String? = nil, to: String? = nil, topic: String? = nil
    ) {
        self.partnership = partnership
        self.city = city
        self.partner = partner
        self.kind = kind
        self.status = status
        self.from = from
        self.to = to
        self.topic = topic
    }
}

public struct ExpenseFilter: Sendable, Equatable {
    public var activity: String?
    public var partnership: String?
    public var city: String?
    public var partner: String?
    public var category: ExpenseCategory?
    public var from: String?
    public var to: String?

    public init(
        activity: String? = nil, partnership: String? = nil, city: String? = nil, partner: String? = nil,
        category: ExpenseCategory? = nil, from: String? = nil, to: String? = nil
    ) {
        self.activity = activity
        self.partnership = partnership
        self.city = city
        self.partner = partner
        self.category = category
        self.from = from
        self.to = to
    }
}
