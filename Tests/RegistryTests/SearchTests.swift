import Foundation
import GRDB
import RegistryMigrations
import Testing

@testable import Registry

/// `search`: the folding of Polish and Norwegian letters, prefixes, several words, ranking,
/// and an index that the database keeps current through every change.
struct SearchTests {
    let registry: Registry

    init() throws {
        registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Bielsko-Biała", voivodeship: "śląskie", expectations: "Help with district heating"))
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie"))
        _ = try registry.addCity(CityInput(name: "Kielce", voivodeship: "świętokrzyskie", notes: "Asked about Bærum's schools"))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", county: "Troms", expertise: "Arctic tourism"))
        _ = try registry.addPartner(PartnerInput(name: "Bærum kommune", kind: "municipality", expertise: "District heating and schools"))
    }

    func names(_ text: String, in kind: SearchKind? = nil) throws -> [String] {
        try registry.search(text, in: kind).map(\.name)
    }

    /// Every special letter of Polish and Norwegian, in both cases, typed without it.
    @Test(arguments: [
        ("ą", "a"), ("ć", "c"), ("ę", "e"), ("ł", "l"), ("ń", "n"), ("ó", "o"), ("ś", "s"), ("ź", "z"), ("ż", "z"),
        ("Ą", "A"), ("Ć", "C"), ("Ę", "E"), ("Ł", "L"), ("Ń", "N"), ("Ó", "O"), ("Ś", "S"), ("Ź", "Z"), ("Ż", "Z"),
        ("æ", "ae"), ("ø", "o"), ("å", "a"), ("Æ", "AE"), ("Ø", "O"), ("Å", "A"),
        ("þ", "th"), ("ð", "d"), ("ö", "o"), ("á", "a"), ("é", "e"), ("í", "i"), ("ú", "u"), ("ý", "y"),
        ("Þ", "TH"), ("Ð", "D"), ("Ö", "O"), ("Á", "A"), ("É", "E"), ("Í", "I"), ("Ú", "U"), ("Ý", "Y"),
        ("đ", "d"), ("ß", "ss"), ("ı", "i"), ("œ", "oe"), ("Œ", "OE"),
    ])
    func aSpecialLetterIsFoundTypedWithoutIt(letter: String, plain: String) throws {
        let name = "Vik\(letter)stad"
        _ = try registry.addPartner(PartnerInput(name: name, kind: "other"))
        #expect(try names("vik\(plain)stad") == [name])
        #expect(try names("VIK\(plain.uppercased())STAD") == [name])
        #expect(try names(name) == [name], "typed with the letter itself")
    }

    /// Search finds a name exactly when lookup does: a name typed the way `city show` accepts it
    /// is found by `search` too.
    @Test(arguments: ["Þórshöfn", "Ísafjörður", "Œuvre", "Straße", "Đakovo", "Łęczyca", "Ærøskøbing", "Dalvíkurbyggð"])
    func searchFoldsAsLookupDoes(name: String) throws {
        _ = try registry.addPartner(PartnerInput(name: name, kind: "other"))
        let key = NameFolding.key(name)
        #expect(try registry.partner(.typed(key)).partner.name == name, "lookup by \(key)")
        #expect(try names(key) == [name], "search by \(key)")
    }

    /// A register made before the one folding rule: its index is rebuilt, so records written
    /// then are found the new way.
    @Test func anOlderRegistersIndexIsRebuiltWithTheFullFolding() throws {
        let queue = try migratedQueue(upTo: "0010_saved_query_audit")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO partner (name, name_key, kind) VALUES ('Þórshöfn kommune', 'thorshofn kommune', 'municipality')")
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship, notes) VALUES ('Łomża', 'lomza', 'podlaskie', 'Met Dalvíkurbyggð')")
        }
        let matches = { (query: String) in
            try queue.read { db in
                try Int64.fetchAll(db, sql: "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid", arguments: [query])
            }
        }
        #expect(try matches("thorshofn").isEmpty, "0007 does not fold þ")
        try Registry.migrator.migrate(queue)
        #expect(try matches("thorshofn") == [1 * 8 + 2])
        #expect(try matches("dalvikurbyggd") == [1 * 8 + 1])
        #expect(try matches("lomza") == [1 * 8 + 1], "the letters 0007 folded still fold")
        try queue.write { db in
            try db.execute(sql: "UPDATE partner SET name = 'Þingeyri kommune' WHERE id = 1")
            try db.execute(sql: "INSERT INTO partner (name, name_key, kind) VALUES ('Mýrdalur', 'myrdalur', 'municipality')")
        }
        #expect(try matches("thorshofn").isEmpty)
        #expect(try matches("thingeyri") == [1 * 8 + 2])
        #expect(try matches("myrdalur") == [2 * 8 + 2])
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM search_index") } == 3)
    }

    @Test func theSwiftFoldingIsTheMigrationsFolding() throws {
        let sql = try #require(MigrationFiles.all.last { $0.sql.contains("CREATE TRIGGER city_search_insert") }?.sql)
        let trigger = try #require(sql.components(separatedBy: "CREATE TRIGGER city_search_insert").dropFirst().first)
        let nameExpression = try #require(trigger.components(separatedBy: "new.name").first)
        let replaces = nameExpression.components(separatedBy: "replace(").count - 1
        #expect(replaces == SearchText.folds.count)
        for (letter, plain) in SearchText.folds {
            #expect(trigger.contains("'\(letter)', '\(plain)'"), "\(letter) → \(plain)")
        }
    }

    @Test func theExamplesOfTheIssueAreFound() throws {
        #expect(try names("lodz", in: .city) == ["Łódź"])
        #expect(try names("tromso") == ["Tromsø kommune"])
        #expect(try names("baerum", in: .partner) == ["Bærum kommune"])
        #expect(try names("swietokrzyskie") == ["Kielce"])
        #expect(try names("bielsk") == ["Bielsko-Biała"])
    }

    @Test func everyWordMustMatchAndEachMayBeAPrefix() throws {
        #expect(try names("bielsko biala") == ["Bielsko-Biała"])
        #expect(try names("biał bielsk") == ["Bielsko-Biała"])
        #expect(try names("bielsko tromso").isEmpty)
        #expect(Set(try names("district heat")) == ["Bielsko-Biała", "Bærum kommune"])
    }

    @Test func recordsWithEveryWordInTheirNameComeFirst() throws {
        // Kielce mentions Bærum in a note; the partner named Bærum comes first.
        #expect(try names("baerum") == ["Bærum kommune", "Kielce"])
        _ = try registry.addPartnership(PartnershipInput(city: "kielce", partner: "baerum"))
        _ = try registry.addActivity(ActivityInput(partnership: "kielce/baerum", kind: "workshop", title: "Workshop with Bærum kommune on schools"))
        let ranked = try registry.search("baerum")
        #expect(ranked.first?.name == "Bærum kommune")
        #expect(ranked.map(\.kind) == [.partner, .partnership, .activity, .city], "\(ranked)")
    }

    @Test func theIndexFollowsAddEditAndRemove() throws {
        _ = try registry.editCity("kielce", CityInput(name: "Łowicz"))
        #expect(try names("kielce").isEmpty)
        #expect(try names("lowicz") == ["Łowicz"])
        _ = try registry.addPartnership(PartnershipInput(city: "lowicz", partner: "tromso"))
        #expect(try names("lowicz", in: .partnership) == ["Łowicz / Tromsø kommune"])
        // A partnership is named after its town and partner, and follows their renaming.
        _ = try registry.editPartner("tromso", PartnerInput(name: "Tromsø by"))
        #expect(try names("tromso by", in: .partnership) == ["Łowicz / Tromsø by"])
        _ = try registry.editCity("lowicz", CityInput(name: "Łęczyca"))
        #expect(try names("leczyca tromso") == ["Łęczyca / Tromsø by"])
        #expect(try names("kommune", in: .partnership).isEmpty)
        _ = try registry.editPartner("tromso", PartnerInput(expertise: "Fisheries"))
        #expect(try names("arctic").isEmpty)
        #expect(try names("fisheries") == ["Tromsø by"])
        _ = try registry.remove(.city, "leczyca", cascade: true)
        #expect(try names("leczyca").isEmpty)
        _ = try registry.addContact(ContactInput(name: "Åse Ødegård", partner: "tromso", role: "Adviser"))
        #expect(try registry.search("odegard").map(\.detail) == ["Adviser at Tromsø by"])
        _ = try registry.remove(.contact, "1")
        #expect(try names("odegard").isEmpty)
    }

    @Test func searchSyntaxInTheTextIsOnlyWords() throws {
        for text in ["tromso*", "\"tromso\"", "tromso OR bielsko", "tromso AND", "NEAR(tromso)", "-tromso", "{name}:tromso", "tromso^"] {
            #expect(throws: Never.self, "\(text)") { try registry.search(text) }
        }
        #expect(try names("\"tromso\"") == ["Tromsø kommune"])
        #expect(try names("tromso OR bielsko").isEmpty, "OR is a word, and every word must match")
        #expect(throws: RegistryError.self) { try registry.search(" \"*( ") }
    }
}
