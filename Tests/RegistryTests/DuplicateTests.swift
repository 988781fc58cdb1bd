import Registry
import Testing

struct DuplicateTests {
    /// Expects `change` to be refused as a duplicate, leaving the registry unchanged.
    static func expectDuplicate<T>(
        _ registry: Registry, sourceLocation: SourceLocation = #_sourceLocation, _ change: (Registry) throws -> T
    ) throws {
        let before = try Snapshot(of: registry)
        let error = #expect(throws: RegistryError.self, sourceLocation: sourceLocation) { try change(registry) }
        if case .duplicate = error {
        } else {
            Issue.record("expected a duplicate, got \(String(describing: error))", sourceLocation: sourceLocation)
        }
        #expect(try Snapshot(of: registry) == before, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("Łódź", "LODZ"), ("Łódź", "lodz"), ("Łódź", "ŁÓDŹ"), ("Bielsko-Biała", "BIELSKO-BIALA"),
        ("Jelenia Góra", "  jelenia   gora "), ("Kraków", "Krako\u{301}w"), ("Żary", "Zary"),
    ])
    func cityNamesAreUniqueIgnoringCaseAndLetters(first: String, second: String) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: first, voivodeship: "łódzkie"))
        try Self.expectDuplicate(registry) { try $0.addCity(CityInput(name: second, voivodeship: "lubuskie")) }
    }

    @Test(arguments: [
        ("Bærum kommune", "baerum kommune"), ("Tromsø kommune", "TROMSO KOMMUNE"), ("Ås kommune", "as kommune"),
        ("Øvre Eiker kommune", "Ovre Eiker Kommune"),
    ])
    func partnerNamesAreUniqueIgnoringCaseAndLetters(first: String, second: String) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addPartner(PartnerInput(name: first, kind: "municipality"))
        try Self.expectDuplicate(registry) { try $0.addPartner(PartnerInput(name: second, kind: "organisation")) }
    }

    @Test func renamingACityToAnothersNameIsRefused() throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.addCity(CityInput(name: "Łomża", voivodeship: "podlaskie"))
        try Self.expectDuplicate(registry) { try $0.editCity("lomza", CityInput(name: "LODZ")) }
    }

    @Test func respellingACitysOwnNameIsAccepted() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Lodz", voivodeship: "łódzkie"))
        #expect(try registry.editCity("lodz", CityInput(name: "Łódź")).name == "Łódź")
        #expect(try registry.cities().map(\.city.name) == ["Łódź"])
    }

    @Test func renamingAPartnerToAnothersNameIsRefused() throws {
        let registry = try Sample.cityAndPartner()
        _ = try registry.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality"))
        try Self.expectDuplicate(registry) { try $0.editPartner("alta", PartnerInput(name: "bergen KOMMUNE")) }
    }

    @Test func aProjectCodeBelongsToOneCity() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie", projectCode: "PL-LOCALDEV-0025"))
        try Self.expectDuplicate(registry) {
            try $0.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie", projectCode: "pl-localdev-0025"))
        }
    }

    @Test func anOrganisationNumberBelongsToOnePartner() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality", orgNumber: "964338531"))
        try Self.expectDuplicate(registry) {
            try $0.addPartner(PartnerInput(name: "Ås kommune", kind: "municipality", orgNumber: "964 338 531"))
        }
    }

    @Test(arguments: [("lodz", "bergen"), ("Łódź", "Bergen kommune"), ("1", "1"), ("ŁODZ", "BERGEN")])
    func aCityAndAPartnerHaveOnePartnership(city: String, partner: String) throws {
        try Self.expectDuplicate(Sample.linked()) { try $0.addPartnership(PartnershipInput(city: .typed(city), partner: .typed(partner))) }
    }

    @Test func movingAPartnershipOntoAnExistingPairIsRefused() throws {
        let registry = try Sample.linked()
        _ = try registry.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "alta"))
        try Self.expectDuplicate(registry) { try $0.editPartnership("lodz/alta", PartnershipInput(partner: "bergen")) }
    }

    @Test func aCityAndAPartnerMayShareAName() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Alta", voivodeship: "opolskie"))
        _ = try registry.addPartner(PartnerInput(name: "Alta", kind: "municipality"))
        #expect(try registry.city("Alta").city.voivodeship == "opolskie")
        #expect(try registry.partner("Alta").partner.kind == .municipality)
    }
}
