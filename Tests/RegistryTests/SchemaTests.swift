import Foundation
import GRDB
import Registry
import RegistryMigrations
import Testing

struct SchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let voivodeships: Set = [
        "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie",
        "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie",
        "wielkopolskie", "zachodniopomorskie",
    ]
    static let counties: Set = [
        "Oslo", "Rogaland", "Møre og Romsdal", "Nordland", "Østfold", "Akershus", "Buskerud", "Innlandet", "Vestfold",
        "Telemark", "Agder", "Vestland", "Trøndelag", "Troms", "Finnmark",
    ]
    /// The programme's themes in order, from the design (section 1), with their topic counts.
    static let themes: [(english: String, norwegian: String, topics: Int)] = [
        ("Environment and energy efficiency", "Miljø og energieffektivitet", 5),
        ("Social challenges and education", "Sosiale utfordringer og utdanning", 7),
        ("Sustainable development", "Bærekraftig utvikling", 5),
        ("Smart city", "Smart City", 3),
        ("Culture and tourism", "Kultur/Turisme", 2),
        ("Public administration and civil society", "Offentlig forvaltning og sivilsamfunn", 3),
        ("Entrepreneurship support", "Støtte for entreprenørskap", 1),
    ]

    @Test func theSevenThemesAreSeededInOrderWithEnglishAndNorwegianNames() throws {
        let themes = try Registry.inMemory().themes()
        #expect(themes.map(\.theme.nameEn) == Self.themes.map(\.english))
        #expect(themes.map(\.theme.nameNb) == Self.themes.map(\.norwegian))
        #expect(themes.map(\.topics.count) == Self.themes.map(\.topics))
        #expect(themes.first?.theme.code == "environment")
    }

    @Test func theTwentySixTopicsHaveUniqueCodesAndBothNames() throws {
        let topics = try Registry.inMemory().themes().flatMap(\.topics)
        #expect(topics.count == 26)
        #expect(Set(topics.map(\.code)).count == 26)
        for topic in topics {
            #expect(!topic.code.isEmpty && topic.code.allSatisfy { $0 == "_" || ("a"..."z").contains($0) }, "\(topic.code)")
            #expect(!topic.nameEn.isEmpty && !topic.nameNb.isEmpty && topic.nameEn != topic.nameNb, "\(topic.code)")
        }
    }

    @Test(arguments: [
        ("air_quality", "environment", "Luftkvalitet"), ("cycling", "sustainable_development", "Sykkelbruk"),
        ("vocational_training", "social", "Yrkesopplæring"),
        ("out_migration", "entrepreneurship", "Hindre fraflytting fra mindre steder, spesielt blant unge"),
    ])
    func topicsBelongToTheirThemeWithTheArticlesNorwegianName(code: String, theme: String, norwegian: String) throws {
        let owner = try #require(try Registry.inMemory().themes().first { $0.topics.contains { $0.code == code } })
        #expect(owner.theme.code == theme)
        #expect(owner.topics.first { $0.code == code }?.nameNb == norwegian)
    }

    @Test func theSixteenVoivodeshipsAndFifteenCountiesAreSeeded() throws {
        let names = try Registry.inMemory().referenceNames()
        #expect(names.voivodeships.count == 16)
        #expect(Set(names.voivodeships) == Self.voivodeships)
        #expect(names.counties.count == 15)
        #expect(Set(names.counties) == Self.counties)
    }

    @Test func everyTableIsStrict() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Registry.open(path: path, actor: "test")
            let tables = try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "PRAGMA table_list").filter { row in
                    let name: String = row["name"]
                    return (row["schema"] as String?) == "main" && (row["type"] as String?) == "table"
                        && !name.hasPrefix("sqlite_") && name != "grdb_migrations"
                }
            }
            let names = Set(tables.map { $0["name"] as String })
            #expect(
                names.isSuperset(of: [
                    "voivodeship", "county", "theme", "topic", "city", "city_topic", "partner", "partner_topic", "contact",
                    "partnership", "partnership_topic", "activity", "expense",
                ]))
            for table in tables {
                #expect((table["strict"] as Int?) == 1, "\(table["name"] as String) is not STRICT")
            }
        }
    }

    @Test func aValueOfTheWrongTypeIsRefusedBySQLite() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Registry.open(path: path, actor: "test")
            let queue = try DatabaseQueue(path: path)
            #expect(throws: DatabaseError.self) {
                try queue.write { db in
                    try db.execute(
                        sql: "INSERT INTO city (name, name_key, voivodeship, population) VALUES ('Konin', 'konin', 'wielkopolskie', 'many')"
                    )
                }
            }
        }
    }

    @Test func everyMigrationFileIsListedInTheBuildAndInPackageSwiftInOrder() throws {
        let folder = Self.packageRoot.appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        let manifest = try String(contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let embedded = try manifest.matches(of: Regex(#"\.embedInCode\("([^"]+)"\)"#)).compactMap {
            $0.output[1].substring.map(String.init)
        }
        let known = MigrationFiles.all.map { $0.identifier + ".sql" }
        #expect(files.count >= 2)
        #expect(known == files)
        #expect(embedded == files)
        let numbers = files.map { Int($0.prefix(4)) }
        #expect(numbers == Array(1...files.count).map { Optional($0) }, "migrations are numbered 0001, 0002, … without gaps")
    }

    @Test func aNewDatabaseHasEveryMigrationApplied() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Registry.open(path: path, actor: "test")
            let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(!applied.isEmpty)
            #expect(Set(applied) == Set(MigrationFiles.all.map(\.identifier)))
        }
    }

    @Test func reopeningAMigratedDatabaseChangesNothing() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            func schemaAndMigrations() throws -> [String] {
                try DatabaseQueue(path: path).read { db in
                    try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_schema ORDER BY name")
                        + String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                }
            }
            let first = try Registry.open(path: path, actor: "test")
            _ = try first.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie"))
            let before = try schemaAndMigrations()
            let again = try Registry.open(path: path, actor: "test")
            #expect(try schemaAndMigrations() == before)
            #expect(try again.cities().map(\.city.name) == ["Konin"])
            #expect(try again.themes().flatMap(\.topics).count == 26)
            #expect(try again.referenceNames().voivodeships.count == 16)
        }
    }
}
