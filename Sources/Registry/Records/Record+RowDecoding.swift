import GRDB

// Rows decoded by column name: faster than Codable's decoder for the lists that read many rows,
// and tolerant of the extra columns (names, figures) that list queries join in.

extension Contact {
    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        cityId = row["city_id"]
        partnerId = row["partner_id"]
        role = row["role"]
        email = row["email"]
        phone = row["phone"]
        languages = row["languages"]
        notes = row["notes"]
    }
}

extension Partnership {
    public init(row: Row) throws {
        id = row["id"]
        cityId = row["city_id"]
        partnerId = row["partner_id"]
        status = row["status"]
        budgetCents = row["budget_cents"]
        signedDate = row["signed_date"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        improvedKnowledge = row["improved_knowledge"]
        continues = row["continues"]
        lastingEffects = row["lasting_effects"]
        notes = row["notes"]
    }
}

extension Activity {
    public init(row: Row) throws {
        id = row["id"]
        partnershipId = row["partnership_id"]
        kind = row["kind"]
        title = row["title"]
        direction = row["direction"]
        startDate = row["start_date"]
        endDate = row["end_date"]
        location = row["location"]
        participants = row["participants"]
        plannedCostCents = row["planned_cost_cents"]
        status = row["status"]
        topicId = row["topic_id"]
        notes = row["notes"]
    }
}

extension Expense {
    public init(row: Row) throws {
        id = row["id"]
        activityId = row["activity_id"]
        amountCents = row["amount_cents"]
        category = row["category"]
        spentDate = row["spent_date"]
        note = row["note"]
    }
}
