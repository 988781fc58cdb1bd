/// Budget figures in euro cents, in the vocabulary of DESIGN.md §3, read from the schema's
/// `city_budget`, `partner_budget` and `partnership_budget` views.
public struct BudgetFigures: Equatable, Sendable {
    /// The partner budget a city set aside (cities only).
    public var allocationCents: Int64?
    /// Budgets of partnerships that are agreed, active or completed.
    public var committedCents: Int64
    /// Planned cost of activities that are not cancelled.
    public var plannedCents: Int64
    /// The sum of expenses.
    public var spentCents: Int64
    /// Allocation minus committed (cities only).
    public var remainingCents: Int64?
    /// Commitments exceed the allocation.
    public var overCommitted: Bool

    public init(
        allocationCents: Int64? = nil, committedCents: Int64, plannedCents: Int64, spentCents: Int64, remainingCents: Int64? = nil,
        overCommitted: Bool = false
    ) {
        self.allocationCents = allocationCents
        self.committedCents = committedCents
        self.plannedCents = plannedCents
        self.spentCents = spentCents
        self.remainingCents = remainingCents
        self.overCommitted = overCommitted
    }
}
