import Registry

/// How partnerships read in lists and on their own.
enum PartnershipRows {
    static func list(_ partnerships: [PartnershipListing]) -> TableData {
        TableData(
            columns: [
                "id", "city", "partner", "status", "budget", "signed_date", "start_date", "end_date", "topics", "planned", "spent",
            ],
            rows: partnerships.map { row in
                let partnership = row.partnership
                return [
                    Cell(partnership.id), .text(row.cityName), .text(row.partnerName), Cell(partnership.status), .money(partnership.budgetCents),
                    Cell(partnership.signedDate), Cell(partnership.startDate), Cell(partnership.endDate), .list(row.topicCodes),
                    .money(row.budget.plannedCents), .money(row.budget.spentCents),
                ]
            })
    }

    static func record(_ details: PartnershipDetails) -> RecordView {
        let list = list([details.listing])
        let partnership = details.listing.partnership
        return RecordView(
            fields: TableData(
                columns: list.columns + ["committed", "improved_knowledge", "continues", "lasting_effects", "notes"],
                rows: [
                    list.rows[0] + [
                        .money(details.listing.budget.committedCents), Cell(partnership.improvedKnowledge), Cell(partnership.continues),
                        Cell(partnership.lastingEffects), Cell(partnership.notes),
                    ]
                ]),
            sections: [("activities", ActivityRows.list(details.activities))])
    }
}
