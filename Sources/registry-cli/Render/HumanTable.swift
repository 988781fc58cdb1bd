import ArgumentParser
import Registry

/// The language of the formats people read (`--lang`): English, or Norwegian bokmål.
enum Language: String, CaseIterable, ExpressibleByArgument, Sendable {
    case en, nb
}

/// A table put in words for people, for `table`, `markdown` and `html`: headings in plain words,
/// closed-set values as words (`not selected`, `study visit`), theme and topic names beside their
/// codes, yes/no for flags, money with thousands separators and two decimals. The machine
/// formats (CSV, TSV, JSON, NDJSON) keep column names and raw values, so scripts do not break.
enum HumanTable {
    static func render(_ table: TableData, in language: Language) -> TableData {
        // A topic's name says its theme: beside a topic column the theme keeps its code, which
        // keeps wide tables (the activities) within a printed page.
        let hasTopicNames = table.columns.contains("topic_name")
        let hasTopics = table.columns.contains("topic")
        let rows = table.rows.map { row in
            row.enumerated().map { index, cell -> Cell in
                guard index < table.columns.count else { return cell }
                let column = table.columns[index]
                return value(cell, column: column, language: language, namesBeside: !hasTopicNames && !(column == "theme" && hasTopics))
            }
        }
        let numeric = table.columns.indices.map { column in
            table.rows.contains { column < $0.count && $0[column].isNumeric } && !flagColumns.contains(table.columns[column])
        }
        let headings = table.columns.enumerated().map { index, column in
            heading(column, language: language) + (table.rows.contains { index < $0.count && $0[index].isMoney } ? " (EUR)" : "")
        }
        return TableData(columns: headings, rows: rows, numericColumns: numeric)
    }

    /// One record shown field by field: its fields and sections put in words.
    static func render(_ record: RecordView, in language: Language) -> RecordView {
        RecordView(
            fields: render(record.fields, in: language),
            sections: record.sections.map { (title: $0.title, table: render($0.table, in: language)) })
    }

    // MARK: Values

    static func value(_ cell: Cell, column: String, language: Language, namesBeside: Bool = true) -> Cell {
        switch cell {
        case .money(let cents): return .text(money(cents, language))
        case .integer(let number):
            if flagColumns.contains(column) { return .text(words(number != 0 ? "yes" : "no", language)) }
            return .text(codeColumns.contains(column) ? String(number) : grouped(String(number.magnitude), number < 0, language))
        case .list(let codes) where topicColumns.contains(column):
            return .text(codes.map { topicName($0, language) ?? $0 }.joined(separator: ", "))
        case .list(let items): return .text(items.joined(separator: ", "))
        case .text(let text) where topicColumns.contains(column):
            let codes = text.split(separator: ",").map { String($0).trimmed() }
            if codes.count > 1 { return .text(codes.map { topicName($0, language) ?? $0 }.joined(separator: ", ")) }
            guard namesBeside, let name = topicName(text, language) else { return cell }
            return .text("\(name) (\(text))")
        case .text(let text) where wordColumns.contains(column):
            guard text.contains("/") else { return .text(words(text, language)) }
            return .text(text.split(separator: "/", omittingEmptySubsequences: false).map { words($0.trimmed(), language) }.joined(separator: " / "))
        default: return cell
        }
    }

    /// A closed-set value (`not_selected`) as words (`not selected`), in English or Norwegian.
    static func words(_ code: String, _ language: Language) -> String {
        if language == .nb, let norwegian = norwegianWords[code] { return norwegian }
        if let english = englishWords[code] { return english }
        return code.contains("_") ? String(code.map { $0 == "_" ? " " : $0 }) : code
    }

    private static func topicName(_ code: String, _ language: Language) -> String? {
        Registry.themeAndTopicNames[code].map { language == .nb ? $0.nb : $0.en }
    }

    /// `419940000` cents as `4,199,400.00` (English) or `4 199 400,00` (Norwegian).
    static func money(_ cents: Int64, _ language: Language) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return grouped(String(magnitude / 100), cents < 0, language) + (language == .nb ? "," : ".") + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Digits in groups of three: commas in English, no-break spaces in Norwegian.
    private static func grouped(_ digits: String, _ negative: Bool, _ language: Language) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += language == .nb ? "\u{A0}" : "," }
            out.append(digit)
        }
        return (negative ? "-" : "") + out
    }

    // MARK: Columns

    /// Columns of closed-set values, shown as words.
    static let wordColumns: Set<String> = [
        "status", "kind", "direction", "category", "improved_knowledge", "continues", "lasting_effects", "item", "section", "partnership",
    ]
    /// 0/1 columns, shown as yes or no.
    static let flagColumns: Set<String> = ["over_allocation", "gap"]
    /// Theme and topic codes, shown with their names.
    static let topicColumns: Set<String> = ["theme", "topic", "topics", "related"]
    /// Numbers that are codes or ids: written without thousands separators, not aligned as amounts.
    static let codeColumns: Set<String> = ["id", "city_id", "partner_id", "activity_id", "expense_id", "partnership_id", "year"]

    static func heading(_ column: String, language: Language) -> String {
        if language == .nb, let norwegian = norwegianHeadings[column] { return norwegian }
        if let english = englishHeadings[column] { return english }
        let spaced = column.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    private static let englishHeadings: [String: String] = [
        "id": "Id", "city_id": "Town id", "city": "Town", "partner_id": "Partner id", "activity_id": "Activity id", "expense_id": "Expense id",
        "partnership_id": "Partnership id", "share_used": "Share used (%)", "share": "Share (%)", "start_date": "Start", "end_date": "End",
        "signed_date": "Signed", "spent_date": "Date", "topic_name": "Topic name", "org_number": "Organisation number", "email": "E-mail",
        "partnerships_in_talks": "Partnerships in talks", "paid": "Paid (as paid)", "why": "Why", "related": "Related topics",
        "active": "Active partnerships", "teryt": "TERYT", "rate_month": "Rate month", "rate_source": "Rate source", "paid_by": "Paid by",
    ]

    private static let norwegianHeadings: [String: String] = [
        "id": "Id", "city_id": "By-id", "city": "By", "partner_id": "Partner-id", "activity_id": "Aktivitet-id", "expense_id": "Utgift-id",
        "partnership_id": "Partnerskap-id", "partner": "Partner", "name": "Navn", "voivodeship": "Voivodskap", "status": "Status",
        "population": "Innbyggere", "partner_budget": "Partnerbudsjett", "project_code": "Prosjektkode", "project_grant": "Prosjekttilskudd",
        "topics": "Emner", "topic": "Emne", "theme": "Tema", "topic_name": "Emnenavn", "country": "Land", "kind": "Type",
        "org_number": "Organisasjonsnummer", "county": "Fylke", "role": "Rolle", "email": "E-post", "phone": "Telefon", "languages": "Språk",
        "budget": "Budsjett", "signed_date": "Signert", "start_date": "Start", "end_date": "Slutt", "planned": "Planlagt", "spent": "Brukt",
        "direction": "Retning", "title": "Tittel", "planned_cost": "Planlagt kostnad", "participants": "Deltakere", "location": "Sted",
        "amount": "Beløp", "category": "Kategori", "activity": "Aktivitet", "note": "Merknad", "notes": "Notater", "currency": "Valuta",
        "paid": "Betalt (i valuta)", "rate": "Kurs", "rate_month": "Kursmåned", "rate_source": "Kurskilde", "paid_by": "Betalt av",
        "document": "Bilag", "period": "Periode", "rejection_reason": "Avvisningsgrunn", "spent_date": "Dato", "section": "Del",
        "item": "Sak", "count": "Antall", "share": "Andel (%)", "allocation": "Tildeling", "committed": "Bundet", "remaining": "Gjenstår",
        "share_used": "Andel brukt (%)", "over_allocation": "Over tildeling", "towns_asking": "Byer som ønsker",
        "partners_offering": "Partnere som tilbyr",
        "partnerships": "Partnerskap", "activities": "Aktiviteter", "gap": "Mangler tilbud", "active_partnerships": "Aktive partnerskap",
        "towns": "Byer", "partnerships_in_talks": "Partnerskap i samtaler", "expenses": "Utgifter", "verified": "Kontrollert",
        "rejected": "Avvist", "line": "Linje", "record": "Post", "why": "Hvorfor", "date": "Dato", "expectations": "Forventninger",
        "website": "Nettsted", "teryt": "TERYT", "expertise": "Kompetanse", "improved_knowledge": "Økt kunnskap", "continues": "Fortsetter",
        "lasting_effects": "Varige virkninger", "budget_lines": "Budsjettposter", "score": "Poeng", "related": "Beslektede emner",
        "words": "Ord", "active": "Aktive partnerskap", "partnership": "Partnerskap", "detail": "Detalj", "field": "Felt", "value": "Verdi",
        "kind_of_record": "Type", "before": "Før", "after": "Etter", "changed_at": "Endret", "actor": "Av", "action": "Handling",
    ]

    private static let englishWords: [String: String] = [
        "to_norway": "to Norway", "to_poland": "to Poland", "not_yet": "not yet",
    ]

    private static let norwegianWords: [String: String] = [
        // Towns
        "applicant": "søker", "selected": "valgt", "not_selected": "ikke valgt", "withdrawn": "trukket",
        // Partners
        "municipality": "kommune", "county": "fylkeskommune", "organisation": "organisasjon", "company": "bedrift", "research": "forskning",
        "other": "annet",
        // Partnerships
        "proposed": "foreslått", "contacted": "kontaktet", "agreed": "avtalt", "active": "aktiv", "completed": "fullført", "declined": "avslått",
        "cancelled": "avlyst",
        // Activities
        "joint_development": "felles utvikling", "advisory": "rådgivning", "knowledge_exchange": "utveksling av kunnskap",
        "study_visit": "studiebesøk", "workshop": "verksted", "conference": "konferanse", "internship": "hospitering", "planned": "planlagt",
        "to_norway": "til Norge", "to_poland": "til Polen",
        // Expenses
        "staff": "personale", "travel": "reise", "venue": "lokaler", "equipment": "utstyr", "consumables": "forbruksmateriell",
        "services": "tjenester", "indirect": "indirekte kostnader", "claimed": "krevd", "verified": "kontrollert", "rejected": "avvist",
        // Answers
        "yes": "ja", "no": "nei", "not_yet": "ikke ennå",
        // The overview's sections and figures
        "towns by status": "byer etter status", "partners by kind": "partnere etter type", "partnerships by status": "partnerskap etter status",
        "activities by kind and status": "aktiviteter etter type og status", "budget": "budsjett", "bilateral": "bilateralt",
        "allocation": "tildeling", "committed": "bundet", "spent": "brukt", "remaining": "gjenstår", "unspent": "ubrukt",
        "rejected claims": "avviste krav", "partnerships with a donor partner": "partnerskap med giverlandspartner",
        "completed partnerships likely to continue": "fullførte partnerskap som trolig fortsetter",
        "completed partnerships that improved knowledge": "fullførte partnerskap som økte kunnskapen",
        // The agenda's items
        "activity to prepare": "aktivitet å forberede", "partnership stalled": "partnerskap som står stille", "answers missing": "svar mangler",
        "town without partner": "by uten partner", "claims to verify": "krav å kontrollere",
    ]
}

extension Cell {
    var isMoney: Bool {
        if case .money = self { return true }
        return false
    }
}
