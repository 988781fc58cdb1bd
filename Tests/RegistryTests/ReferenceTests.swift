import Registry
import Testing

struct ReferenceTests {
    /// Cities whose names begin alike, and partners likewise; ids in the order added.
    static func namesAlike() throws -> Registry {
        let registry = try Registry.inMemory()
        for (name, voivodeship) in [("Konin", "wielkopolskie"), ("Koniński", "wielkopolskie"), ("Konstancin-Jeziorna", "mazowieckie")] {
            _ = try registry.addCity(CityInput(name: name, voivodeship: voivodeship))
        }
        for name in ["Bergen kommune", "Ås kommune", "Åsnes kommune", "Asker kommune"] {
            _ = try registry.addPartner(PartnerInput(name: name, kind: "municipality"))
        }
        _ = try registry.addPartnership(PartnershipInput(city: "Konin", partner: "Bergen kommune"))
        return registry
    }

    @Test(arguments: [("1", "Konin"), ("2", "Koniński"), ("3", "Konstancin-Jeziorna"), (" 2 ", "Koniński")])
    func aCityIsFoundByItsId(reference: String, name: String) throws {
        #expect(try Self.namesAlike().city(.typed(reference)).city.name == name)
    }

    @Test(arguments: [("Konin", "Konin"), ("konin", "Konin"), ("KONIN", "Konin"), ("koninski", "Koniński")])
    func anExactNameWinsOverALongerNameItBegins(reference: String, name: String) throws {
        #expect(try Self.namesAlike().city(.typed(reference)).city.name == name)
    }

    @Test(arguments: [("koninsk", "Koniński"), ("konst", "Konstancin-Jeziorna"), (" konst ", "Konstancin-Jeziorna")])
    func aUniqueBeginningOfACityNameIsEnough(reference: String, name: String) throws {
        #expect(try Self.namesAlike().city(.typed(reference)).city.name == name)
    }

    @Test(arguments: [("bergen", "Bergen kommune"), ("asn", "Åsnes kommune"), ("ask", "Asker kommune"), ("as kommune", "Ås kommune")])
    func aUniqueBeginningOfAPartnerNameIsEnough(reference: String, name: String) throws {
        #expect(try Self.namesAlike().partner(.typed(reference)).partner.name == name)
    }

    @Test func anAmbiguousCityNameListsTheCandidates() throws {
        let error = #expect(throws: RegistryError.self) { try Self.namesAlike().city("kon") }
        guard case .ambiguous(let entity, let reference, let candidates) = error else {
            Issue.record("expected ambiguous, got \(String(describing: error))")
            return
        }
        #expect(entity == "city")
        #expect(reference == "kon")
        #expect(candidates.count == 3)
        for name in ["Konin", "Koniński", "Konstancin-Jeziorna"] {
            #expect(candidates.contains { $0.hasPrefix(name + " ") }, "\(name) is not among \(candidates)")
        }
        #expect(error?.description.contains("Koniński") == true)
    }

    @Test func anAmbiguousPartnerNameListsOnlyTheCandidates() throws {
        let error = #expect(throws: RegistryError.self) { try Self.namesAlike().partner("as") }
        guard case .ambiguous(_, _, let candidates) = error else {
            Issue.record("expected ambiguous, got \(String(describing: error))")
            return
        }
        #expect(candidates.count == 3)
        #expect(!candidates.contains { $0.hasPrefix("Bergen") })
    }

    @Test(arguments: ["Zgierz", "99", "0", "konina", "-1", ""])
    func anUnknownCityIsNotFound(reference: String) throws {
        let error = #expect(throws: RegistryError.self) { try Self.namesAlike().city(.typed(reference)) }
        #expect(error == .notFound(entity: "city", reference: reference))
    }

    @Test(arguments: ["konin/bergen", "Konin/Bergen kommune", "KONIN/BERGEN KOMMUNE", "1/1", "1"])
    func aPartnershipIsFoundByIdOrAsCityAndPartner(reference: String) throws {
        let partnership = try Self.namesAlike().partnership(.typed(reference))
        #expect(partnership.id == 1)
    }

    @Test func aPartnershipReferenceNamesWhatIsMissing() throws {
        let registry = try Self.namesAlike()
        #expect(throws: RegistryError.notFound(entity: "partner", reference: "oslo")) { try registry.partnership("konin/oslo") }
        #expect(throws: RegistryError.notFound(entity: "city", reference: "zgierz")) { try registry.partnership("zgierz/bergen") }
        #expect(throws: RegistryError.notFound(entity: "partnership", reference: "konin/asker")) {
            try registry.partnership("konin/asker")
        }
        #expect(throws: RegistryError.notFound(entity: "partnership", reference: "7")) { try registry.partnership("7") }
    }

    @Test func anAmbiguousNameInAPartnershipReferenceIsAmbiguous() throws {
        let error = #expect(throws: RegistryError.self) { try Self.namesAlike().partnership("kon/bergen") }
        guard case .ambiguous(let entity, _, _) = error else {
            Issue.record("expected ambiguous, got \(String(describing: error))")
            return
        }
        #expect(entity == "city")
    }

    @Test func anAmbiguousReferenceInAnAddWritesNothing() throws {
        let registry = try Self.namesAlike()
        let before = try Snapshot(of: registry)
        #expect(throws: RegistryError.self) { try registry.addPartnership(PartnershipInput(city: "koninsk", partner: "as")) }
        #expect(try Snapshot(of: registry) == before)
    }

    @Test func listsFilterByCityAndPartnerReferences() throws {
        let registry = try Self.namesAlike()
        _ = try registry.addPartnership(PartnershipInput(city: "koninski", partner: "asker"))
        #expect(try registry.partnerships(PartnershipFilter(city: "koninsk")).map(\.partnership.partnerId) == [4])
        #expect(try registry.partnerships(PartnershipFilter(partner: "bergen")).map(\.partnership.cityId) == [1])
    }
}
