import Foundation

/// Real towns and partners for the demo database (public facts from the programme's pages);
/// everything recorded about them beyond their names and places is illustrative.
enum DemoTowns {
    /// The 29 towns funded on 9 July 2021, with their voivodeships.
    static let funded: [(name: String, voivodeship: String)] = [
        ("Cieszyn", "śląskie"), ("Hajnówka", "podlaskie"), ("Hrubieszów", "lubelskie"), ("Jarocin", "wielkopolskie"),
        ("Jarosław", "podkarpackie"), ("Jasło", "podkarpackie"), ("Jelenia Góra", "dolnośląskie"),
        ("Kędzierzyn-Koźle", "opolskie"), ("Konin", "wielkopolskie"), ("Krosno", "podkarpackie"), ("Łomża", "podlaskie"),
        ("Nisko", "podkarpackie"), ("Opoczno", "łódzkie"), ("Ostrowiec Świętokrzyski", "świętokrzyskie"),
        ("Ostrów Wielkopolski", "wielkopolskie"), ("Piła", "wielkopolskie"), ("Przemyśl", "podkarpackie"),
        ("Rydułtowy", "śląskie"), ("Stalowa Wola", "podkarpackie"), ("Starachowice", "świętokrzyskie"),
        ("Tarnów", "małopolskie"), ("Tomaszów Mazowiecki", "łódzkie"), ("Włocławek", "kujawsko-pomorskie"),
        ("Zabrze", "śląskie"), ("Zawiercie", "śląskie"), ("Zgierz", "łódzkie"), ("Złotów", "wielkopolskie"),
        ("Żary", "lubuskie"), ("Żywiec", "śląskie"),
    ]

    /// Other real towns, shown in the demo as applicants that were not funded (illustrative).
    static let others: [(name: String, voivodeship: String)] = [
        ("Bielsko-Biała", "śląskie"), ("Chełm", "lubelskie"), ("Kutno", "łódzkie"), ("Nowa Sól", "lubuskie"),
        ("Ełk", "warmińsko-mazurskie"), ("Szczecinek", "zachodniopomorskie"), ("Grudziądz", "kujawsko-pomorskie"),
        ("Płock", "mazowieckie"), ("Słupsk", "pomorskie"), ("Świdnica", "dolnośląskie"), ("Nysa", "opolskie"),
        ("Sanok", "podkarpackie"),
    ]

    /// Partnerships known from public sources: town, partner, country, kind, county, signing date.
    static let knownPartnerships: [(town: String, partner: String, country: Country, kind: PartnerKind, county: String?, signed: String?)] = [
        ("Piła", "Lørenskog kommune", .norway, .municipality, "Akershus", nil),
        ("Opoczno", "Sunnfjord kommune", .norway, .municipality, "Vestland", "2022-10-04"),
        ("Ostrowiec Świętokrzyski", "Sogndal kommune", .norway, .municipality, "Vestland", nil),
        ("Jarocin", "Ås kommune", .norway, .municipality, "Akershus", nil),
        ("Rydułtowy", "Øvre Eiker kommune", .norway, .municipality, "Buskerud", nil),
        ("Zawiercie", "Møre og Romsdal fylkeskommune", .norway, .county, "Møre og Romsdal", nil),
        ("Łomża", "Nordland fylkeskommune", .norway, .county, "Nordland", nil),
        ("Hajnówka", "Alta kommune", .norway, .municipality, "Finnmark", nil),
        ("Jelenia Góra", "Akureyrarbær", .iceland, .municipality, nil, nil),
    ]

    /// More real Norwegian municipalities and counties, as illustrative partners.
    static let otherPartners: [(name: String, kind: PartnerKind, county: String)] = [
        ("Bergen kommune", .municipality, "Vestland"), ("Tromsø kommune", .municipality, "Troms"),
        ("Bærum kommune", .municipality, "Akershus"), ("Trondheim kommune", .municipality, "Trøndelag"),
        ("Stavanger kommune", .municipality, "Rogaland"), ("Kristiansand kommune", .municipality, "Agder"),
        ("Bodø kommune", .municipality, "Nordland"), ("Drammen kommune", .municipality, "Buskerud"),
        ("Fredrikstad kommune", .municipality, "Østfold"), ("Lillehammer kommune", .municipality, "Innlandet"),
        ("Skien kommune", .municipality, "Telemark"), ("Tønsberg kommune", .municipality, "Vestfold"),
        ("Ålesund kommune", .municipality, "Møre og Romsdal"), ("Hammerfest kommune", .municipality, "Finnmark"),
        ("Vestland fylkeskommune", .county, "Vestland"), ("Innlandet fylkeskommune", .county, "Innlandet"),
    ]

    static let locationsInNorway = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Bodø", "Ålesund", "Stavanger", "Lillehammer"]
}

/// Invented people for the demo's contacts.
enum DemoPeople {
    static let polishFirst = ["Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata", "Paweł", "Agnieszka", "Michał"]
    static let polishLast = ["Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański"]
    static let norwegianFirst = ["Kari", "Ola", "Ingrid", "Bjørn", "Solveig", "Håkon", "Astrid", "Øyvind"]
    static let norwegianLast = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen"]

    /// An e-mail address at the reserved example.org domain, without special letters.
    static func email(_ name: String) -> String {
        NameFolding.key(name).replacingOccurrences(of: " ", with: ".") + "@example.org"
    }
}
