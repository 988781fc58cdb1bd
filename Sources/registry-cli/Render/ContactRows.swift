import Registry

/// How contacts read in lists and on their own.
enum ContactRows {
    static func list(_ contacts: [ContactListing]) -> TableData {
        TableData(
            columns: ["id", "name", "city", "partner", "role", "email", "phone", "languages"],
            rows: contacts.map { row in
                let contact = row.contact
                return [
                    Cell(contact.id), .text(contact.name), Cell(row.cityName), Cell(row.partnerName), Cell(contact.role),
                    Cell(contact.email), Cell(contact.phone), .list(contact.languages.map { $0.split(separator: ",").map(String.init) } ?? []),
                ]
            })
    }

    static func record(_ row: ContactListing) -> RecordView {
        let list = list([row])
        return RecordView(fields: TableData(columns: list.columns + ["notes"], rows: [list.rows[0] + [Cell(row.contact.notes)]]))
    }
}
