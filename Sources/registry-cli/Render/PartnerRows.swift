import Registry

/// How partners read in lists and on their own.
enum PartnerRows {
    static func list(_ partners: [PartnerListing]) -> TableData {
        TableData(
            columns: ["id", "name", "country", "kind", "org_number", "county", "topics"],
            rows: partners.map { listing in
                let partner = listing.partner
                return [
                    Cell(partner.id), .text(partner.name), Cell(partner.country), Cell(partner.kind), Cell(partner.orgNumber),
                    Cell(partner.county), .list(listing.topicCodes),
                ]
            })
    }

    static func record(_ details: PartnerDetails) -> RecordView {
        let partner = details.listing.partner
        let fields = TableData(
            columns: ["id", "name", "country", "kind", "org_number", "county", "topics", "expertise", "website", "notes"],
            rows: [
                [
                    Cell(partner.id), .text(partner.name), Cell(partner.country), Cell(partner.kind), Cell(partner.orgNumber),
                    Cell(partner.county), .list(details.listing.topicCodes), Cell(partner.expertise), Cell(partner.website),
                    Cell(partner.notes),
                ]
            ])
        return RecordView(
            fields: BudgetRows.appending(details.budget, to: fields),
            sections: [("contacts", ContactRows.list(details.contacts)), ("partnerships", PartnershipRows.list(details.partnerships))])
    }
}
