extension SchemaDescriptions {
    /// The budget views, the one definition of allocation, committed, planned, spent, remaining.
    static let budgets: [String: TableDescription] = [
        "partnership_budget": TableDescription(
            "Budget per partnership", "Committed, planned and spent money of each partnership (view).",
            columns: [
                "partnership_id": "The partnership; refers to partnership.id.",
                "city_id": "Its town; refers to city.id.",
                "partner_id": "Its partner; refers to partner.id.",
                "status": "The partnership's status (see partnership.status).",
                "committed_cents": "Its budget when agreed, active or completed, else 0; in euro cents.",
                "planned_cents": Shared.planned,
                "spent_cents": Shared.spent,
                "verified_cents": "Of spent, the verified claims, in euro cents.",
                "rejected_cents": Shared.rejected,
                "unspent_cents": Shared.unspent,
            ]),
        "city_budget": TableDescription(
            "Budget per town", "Each town's allocation against its partnerships' committed, planned and spent money (view).",
            columns: [
                "city_id": "The town; refers to city.id.",
                "city": Shared.city,
                "allocation_cents": Shared.allocation,
                "committed_cents": Shared.committed,
                "planned_cents": Shared.planned,
                "spent_cents": Shared.spent,
                "remaining_cents": "Remaining: allocation minus committed, in euro cents; negative when over-committed.",
                "over_committed": "1 when committed exceeds the allocation, else 0.",
                "unspent_cents": Shared.unspent,
                "rejected_cents": Shared.rejected,
                "over_spent": "1 when spent exceeds the allocation, else 0.",
            ]),
        "partner_budget": TableDescription(
            "Budget per partner", "Committed, planned and spent money of each partner's partnerships (view).",
            columns: [
                "partner_id": "The partner; refers to partner.id.",
                "partner": Shared.partner,
                "committed_cents": Shared.committed,
                "planned_cents": Shared.planned,
                "spent_cents": Shared.spent,
                "unspent_cents": Shared.unspent,
                "rejected_cents": Shared.rejected,
            ]),
        "partnership_budget_line_use": TableDescription(
            "Budget lines against spending", "Each budget line of a partnership against the spending in its category (view).",
            columns: [
                "partnership_id": "The partnership; refers to partnership.id.",
                "category": "The cost category (see expense.category).",
                "budget_cents": "The line's budget, in euro cents.",
                "spent_cents": "Claimed and verified expenses of the partnership in that category, in euro cents.",
            ]),
    ]

    /// The built-in reports, one view each: `registry report NAME` reads the same rows.
    static let reports: [String: TableDescription] = [
        "report_overview": TableDescription(
            "Report: overview",
            "The register in figures, one row each (registry report overview). Bilateral figures follow the EEA "
                + "Grants data portal.",
            columns: [
                "section": "towns by status, partners by kind, partnerships by status, activities by kind and status, budget or bilateral.",
                "item": "What is counted or summed within the section.",
                "count": "Number of records; empty for budget totals.",
                "amount_cents": "Budget, planned cost or budget total, in euro cents; empty where no money applies.",
                "share": "Percent with one decimal, for the bilateral shares of completed partnerships; else empty.",
            ]),
        "report_budget": TableDescription(
            "Report: budget per town", "Each town's allocation against committed, planned and spent money (registry report budget).",
            columns: [
                "city_id": "The town; refers to city.id.",
                "city": Shared.city,
                "voivodeship": "The town's voivodeship.",
                "status": "The town's status (see city.status).",
                "allocation_cents": Shared.allocation,
                "committed_cents": Shared.committed,
                "planned_cents": Shared.planned,
                "spent_cents": Shared.spent,
                "remaining_cents": "Allocation minus committed, in euro cents.",
                "share_used": "Committed as a percent of the allocation, one decimal; empty without an allocation.",
                "over_allocation": "1 when committed exceeds the allocation, else 0.",
            ]),
        "report_themes": TableDescription(
            "Report: themes and topics", "Per topic, towns asking and partners offering (registry report themes).",
            columns: [
                "theme": "The theme's code.",
                "topic": "The topic's code.",
                "topic_name": "The topic's English name.",
                "towns_asking": "Towns that want the topic.",
                "partners_offering": "Partners that offer the topic.",
                "partnerships": "Partnerships that work on the topic.",
                "activities": "Activities on the topic.",
                "gap": "1 when towns ask and no partner offers, else 0.",
            ]),
        "report_activities": TableDescription(
            "Report: activities", "The calendar: every activity with its town, partner and theme (registry report activities).",
            columns: [
                "activity_id": "The activity; refers to activity.id.",
                "start_date": Shared.startDate,
                "end_date": Shared.endDate,
                "kind": Shared.activityKind,
                "direction": Shared.direction,
                "status": "planned, completed or cancelled.",
                "title": "The activity's title.",
                "city": Shared.city,
                "partner": Shared.partner,
                "theme": "The code of its topic's theme; empty without a topic.",
                "topic": "Its topic's code; empty without a topic.",
                "participants": "Number of participants.",
                "planned_cost_cents": "The planned cost, in euro cents.",
            ]),
        "report_partners": TableDescription(
            "Report: partners", "Per partner, partnerships, activities, committed budget and towns (registry report partners).",
            columns: [
                "partner_id": "The partner; refers to partner.id.",
                "partner": Shared.partner,
                "kind": "The partner's kind (see partner.kind).",
                "county": "The partner's county.",
                "partnerships": "All its partnerships.",
                "active_partnerships": "Its partnerships that are agreed or active.",
                "activities": "Activities of its partnerships.",
                "committed_cents": Shared.committed,
                "towns": "The towns it has partnerships with, by name, separated by commas.",
            ]),
        "report_unmatched": TableDescription(
            "Report: towns without a partner",
            "Selected towns without an agreed, active or completed partnership (registry report unmatched).",
            columns: [
                "city_id": "The town; refers to city.id.",
                "city": Shared.city,
                "voivodeship": "The town's voivodeship.",
                "allocation_cents": Shared.allocation,
                "topics": "Codes of the topics the town wants, separated by commas.",
                "partnerships_in_talks": "Its partnerships still proposed or contacted.",
            ]),
        "report_spending": TableDescription(
            "Report: spending",
            "Expenses per reporting period, category and currency, for each partnership and month (registry report spending adds "
                + "them up per period, category and currency).",
            columns: [
                "period": "The reporting period claimed in (see expense.period); empty when none is given.",
                "category": "The cost category (see expense.category).",
                "currency": "The currency paid in.",
                "city_id": "The town; refers to city.id.",
                "partnership_id": "The partnership; refers to partnership.id.",
                "month": "The month the expenses are dated in, YYYY-MM; empty for undated ones.",
                "expenses": "How many expenses.",
                "paid_minor": "The amount as paid, in the currency's minor unit (see expense.paid_minor).",
                "spent_cents": Shared.spent,
                "verified_cents": "Of spent, the verified claims, in euro cents.",
                "rejected_cents": Shared.rejected,
            ]),
        "report_statement": TableDescription(
            "Report: cost statement",
            "One row per expense, for a partnership's cost statement (registry report statement --partnership P).",
            columns: [
                "partnership_id": "The partnership; refers to partnership.id.",
                "city_id": "Its town; refers to city.id.",
                "city": Shared.city,
                "partner": Shared.partner,
                "expense_id": "The expense; refers to expense.id.",
                "spent_date": "The day it was spent, YYYY-MM-DD.",
                "period": "The reporting period claimed in.",
                "category": "The cost category.",
                "document": "The invoice or receipt number.",
                "paid": "The amount as paid, in its currency, as a decimal.",
                "currency": "The currency paid in.",
                "rate": "The rate used, units of the currency per 1 EUR.",
                "rate_month": "The month whose rate was used.",
                "amount_cents": "The euro value, in euro cents.",
                "status": "claimed, verified or rejected.",
                "rejection_reason": "Why a rejected claim was rejected.",
                "paid_by": "Who bore it: city or partner.",
                "activity": "The activity's title.",
            ]),
    ]
}
