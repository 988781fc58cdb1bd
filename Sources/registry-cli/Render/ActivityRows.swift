import Registry

/// How activities and expenses read in lists and on their own.
enum ActivityRows {
    static func list(_ activities: [ActivityListing]) -> TableData {
        TableData(
            columns: [
                "id", "start_date", "end_date", "kind", "direction", "title", "city", "partner", "status", "planned_cost", "spent", "topic",
                "participants", "location",
            ],
            rows: activities.map { row in
                let activity = row.activity
                return [
                    Cell(activity.id), Cell(activity.startDate), Cell(activity.endDate), Cell(activity.kind), Cell(activity.direction),
                    .text(activity.title), .text(row.cityName), .text(row.partnerName), Cell(activity.status),
                    .money(activity.plannedCostCents), .money(row.spentCents), Cell(row.topicCode), Cell(activity.participants),
                    Cell(activity.location),
                ]
            })
    }

    static func record(_ details: ActivityDetails) -> RecordView {
        let list = list([details.listing])
        return RecordView(
            fields: TableData(
                columns: list.columns + ["partnership_id", "notes"],
                rows: [list.rows[0] + [Cell(details.listing.activity.partnershipId), Cell(details.listing.activity.notes)]]),
            sections: [("expenses", expenses(details.expenses))])
    }

    static func expenses(_ expenses: [ExpenseListing]) -> TableData {
        TableData(
            columns: [
                "id", "spent_date", "amount", "category", "activity_id", "activity", "city", "partner", "note", "currency", "paid", "rate",
                "rate_month", "rate_source", "paid_by", "document", "period", "status", "rejection_reason",
            ],
            rows: expenses.map { row in
                let expense = row.expense
                return [
                    Cell(expense.id), Cell(expense.spentDate), .money(expense.amountCents), Cell(expense.category), Cell(expense.activityId),
                    .text(row.activityTitle), .text(row.cityName), .text(row.partnerName), Cell(expense.note), Cell(expense.currency),
                    .text(Money.format(expense.paidMinor, in: expense.currency)), .text(Rate.format(expense.rateMicros)),
                    Cell(expense.rateMonth), Cell(expense.rateSource), Cell(expense.paidBy), Cell(expense.document), Cell(expense.period),
                    Cell(expense.status), Cell(expense.rejectionReason),
                ]
            })
    }
}
