/// Records as lists and `show` present them: with the names of the records they refer to and
/// their budget figures, so people read names rather than ids.

/// A contact with the name of its city or partner.
public struct ContactListing: Equatable, Sendable {
    public var contact: Contact
    public var cityName: String?
    public var partnerName: String?
}

/// A partnership with its city's and partner's names, topics and budget figures.
public struct PartnershipListing: Equatable, Sendable {
    public var partnership: Partnership
    public var cityName: String
    public var partnerName: String
    public var topicCodes: [String]
    public var budget: BudgetFigures
}

/// An activity with its partnership's names, topic code and what was spent on it.
public struct ActivityListing: Equatable, Sendable {
    public var activity: Activity
    public var cityName: String
    public var partnerName: String
    public var topicCode: String?
    public var spentCents: Int64
}

/// An expense with the activity and partnership it belongs to.
public struct ExpenseListing: Equatable, Sendable {
    public var expense: Expense
    public var activityTitle: String
    public var cityName: String
    public var partnerName: String
}

/// A city with everything `city show` presents.
public struct CityDetails: Equatable, Sendable {
    public var listing: CityListing
    public var budget: BudgetFigures
    public var contacts: [ContactListing]
    public var partnerships: [PartnershipListing]
}

/// A partner with everything `partner show` presents.
public struct PartnerDetails: Equatable, Sendable {
    public var listing: PartnerListing
    public var budget: BudgetFigures
    public var contacts: [ContactListing]
    public var partnerships: [PartnershipListing]
}

/// A partnership with its activities.
public struct PartnershipDetails: Equatable, Sendable {
    public var listing: PartnershipListing
    public var activities: [ActivityListing]
}

/// An activity with its expenses.
public struct ActivityDetails: Equatable, Sendable {
    public var listing: ActivityListing
    public var expenses: [ExpenseListing]
}
