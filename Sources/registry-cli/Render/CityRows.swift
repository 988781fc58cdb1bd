import Registry

/// How cities read in lists and on their own.
enum CityRows {
    static let listColumns = [
        "id", "name", "voivodeship", "status", "population", "partner_budget", "project_code", "topics",
    ]

    static func list(_ cities: [CityListing]) -> TableData {
        TableData(
            columns: listColumns,
            rows: cities.map { listing in
                let city = listing.city
                return [
                    Cell(city.id), .text(city.name), .text(city.voivodeship), Cell(city.status), Cell(city.population),
                    .money(city.partnerBudgetCents), Cell(city.projectCode), .list(listing.topicCodes),
                ]
            })
    }

    static func record(_ details: CityDetails) -> RecordView {
        let city = details.listing.city
        let fields = TableData(
            columns: [
                "id", "name", "voivodeship", "status", "population", "partner_budget", "project_code", "project_grant", "topics",
                "expectations", "website", "teryt", "notes",
            ],
            rows: [
                [
                    Cell(city.id), .text(city.name), .text(city.voivodeship), Cell(city.status), Cell(city.population),
                    .money(city.partnerBudgetCents), Cell(city.projectCode), .money(city.projectGrantCents), .list(details.listing.topicCodes),
                    Cell(city.expectations), Cell(city.website), Cell(city.teryt), Cell(city.notes),
                ]
            ])
        return RecordView(
            fields: BudgetRows.appending(details.budget, to: fields),
            sections: [("contacts", ContactRows.list(details.contacts)), ("partnerships", PartnershipRows.list(details.partnerships))])
    }
}
