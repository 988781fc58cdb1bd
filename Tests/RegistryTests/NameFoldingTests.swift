import Foundation
import Registry
import Testing

struct NameFoldingTests {
    static let krakow = "Krak\u{F3}w"
    static let krakowDecomposed = "Krako\u{301}w"

    @Test(arguments: [
        ("ą", "a"), ("ć", "c"), ("ę", "e"), ("ł", "l"), ("ń", "n"), ("ó", "o"), ("ś", "s"), ("ź", "z"), ("ż", "z"),
        ("Ą", "a"), ("Ć", "c"), ("Ę", "e"), ("Ł", "l"), ("Ń", "n"), ("Ó", "o"), ("Ś", "s"), ("Ź", "z"), ("Ż", "z"),
        ("æ", "ae"), ("ø", "o"), ("å", "a"), ("Æ", "ae"), ("Ø", "o"), ("Å", "a"),
    ])
    func everyPolishAndNorwegianLetterFoldsAsAPersonTypesIt(letter: String, typed: String) {
        #expect(NameFolding.key(letter) == typed)
        #expect(NameFolding.key(letter) == NameFolding.key(typed.uppercased()))
    }

    @Test(arguments: [
        ("lodz", "Łódź"), ("LODZ", "Łódź"), ("tromso", "Tromsø"), ("baerum", "Bærum"), ("BAERUM", "BÆRUM"),
        ("Bielsko-biala", "Bielsko-Biała"), ("kedzierzyn-kozle", "Kędzierzyn-Koźle"), ("zywiec", "Żywiec"),
        ("ostrowiec swietokrzyski", "Ostrowiec Świętokrzyski"), ("ovre eiker kommune", "Øvre Eiker kommune"),
        ("as kommune", "Ås kommune"), ("more og romsdal", "Møre og Romsdal"), ("  jelenia   gora ", "Jelenia Góra"),
    ])
    func aNameTypedWithoutItsLettersHasTheSameKey(typed: String, name: String) {
        #expect(NameFolding.key(typed) == NameFolding.key(name))
    }

    @Test(arguments: [("Łódź", "Łomża"), ("Bergen", "Bergen kommune"), ("Konin", "Koniński"), ("Ås", "Asker")])
    func differentNamesHaveDifferentKeys(one: String, other: String) {
        #expect(NameFolding.key(one) != NameFolding.key(other))
    }

    @Test func bothUnicodeFormsOfKrakówHaveTheSameKeyAndStoredForm() {
        #expect(Self.krakow.unicodeScalars.count != Self.krakowDecomposed.unicodeScalars.count)
        #expect(NameFolding.key(Self.krakowDecomposed) == NameFolding.key(Self.krakow))
        #expect(Array(NameFolding.normalized(Self.krakowDecomposed).unicodeScalars) == Array(Self.krakow.unicodeScalars))
    }

    @Test func storedNamesAreTrimmedWithSingleSpaces() {
        #expect(NameFolding.normalized("  Jelenia \t  Góra \n") == "Jelenia Góra")
    }

    @Test func addingKrakówInTheOtherUnicodeFormIsADuplicate() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: Self.krakowDecomposed, voivodeship: "małopolskie"))
        let error = #expect(throws: RegistryError.self) {
            try registry.addCity(CityInput(name: Self.krakow, voivodeship: "małopolskie"))
        }
        guard case .duplicate = error else {
            Issue.record("expected a duplicate, got \(String(describing: error))")
            return
        }
        #expect(try registry.cities().count == 1)
    }

    @Test func aNameTypedDecomposedIsStoredInNFC() throws {
        let registry = try Registry.inMemory()
        let city = try registry.addCity(CityInput(name: Self.krakowDecomposed, voivodeship: "małopolskie"))
        let stored = try registry.city("krakow").city.name
        #expect(Array(city.name.unicodeScalars) == Array(Self.krakow.unicodeScalars))
        #expect(Array(stored.unicodeScalars) == Array(Self.krakow.unicodeScalars))
    }

    @Test(arguments: [("lodz", "Łódź"), ("LÓDŹ", "Łódź"), ("bielsko-biala", "Bielsko-Biała"), ("zary", "Żary")])
    func aCityIsFoundByItsNameTypedWithoutLettersAndKeepsItsSpelling(typed: String, name: String) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: name, voivodeship: "śląskie"))
        #expect(try registry.city(.typed(typed)).city.name == name)
    }

    @Test(arguments: [("tromso", "Tromsø kommune"), ("baerum", "Bærum kommune"), ("ovre eiker", "Øvre Eiker kommune")])
    func aPartnerIsFoundByItsNameTypedWithoutLettersAndKeepsItsSpelling(typed: String, name: String) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addPartner(PartnerInput(name: name, kind: "municipality"))
        #expect(try registry.partner(.typed(typed)).partner.name == name)
    }

    @Test func listsFilterByVoivodeshipAndCountyTypedWithoutLetters() throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.addCity(CityInput(name: "Cieszyn", voivodeship: "śląskie"))
        _ = try registry.addPartner(PartnerInput(name: "Sarpsborg kommune", kind: "municipality", county: "Østfold"))
        #expect(try registry.cities(CityFilter(voivodeship: "SLASKIE")).map(\.city.name) == ["Cieszyn"])
        #expect(try registry.partners(PartnerFilter(county: "ostfold")).map(\.partner.name) == ["Sarpsborg kommune"])
    }
}
