import Registry
import Testing

/// `match` on a small register where the right order is plain to see.
struct MatchTests {
    let registry: Registry

    /// Kutno wants air quality and cycling and asks for help with district heating. Each partner
    /// differs from the one before it in one way.
    init() throws {
        registry = try Registry.inMemory()
        _ = try registry.addCity(
            CityInput(
                name: "Kutno", voivodeship: "łódzkie", topics: ["air_quality", "cycling"],
                expectations: "Advice on district heating and cycling lanes"))
        _ = try registry.addCity(CityInput(name: "Nisko", voivodeship: "podkarpackie"))
        _ = try registry.addCity(CityInput(name: "Zgierz", voivodeship: "łódzkie"))
        let partners: [(String, [String], String?)] = [
            ("Both topics and the words", ["air_quality", "cycling"], "District heating networks"),
            ("One topic", ["air_quality"], nil),
            ("Both topics but busy", ["air_quality", "cycling"], nil),
            ("Same theme only", ["waste_management"], nil),
            ("Nothing in common", ["youth"], "Youth clubs"),
            ("Already partnered", ["air_quality", "cycling"], nil),
        ]
        for (name, topics, expertise) in partners {
            _ = try registry.addPartner(PartnerInput(name: name, kind: "organisation", topics: topics, expertise: expertise))
        }
        _ = try registry.addPartnership(PartnershipInput(city: "nisko", partner: "both topics but", status: "active"))
        _ = try registry.addPartnership(PartnershipInput(city: "zgierz", partner: "both topics but", status: "active"))
        _ = try registry.addPartnership(PartnershipInput(city: "kutno", partner: "already", status: "contacted"))
    }

    @Test func partnersAreRankedByTheirReasons() throws {
        let ranked = try registry.match(city: "kutno")
        #expect(ranked.map(\.name) == ["Both topics and the words", "One topic", "Both topics but busy", "Same theme only"])
        #expect(ranked.map(\.score) == [3 + 3 + 2, 3, 3 + 3 - 2 * 2, 1])
        let best = try #require(ranked.first)
        #expect(best.topics == ["air_quality", "cycling"])
        #expect(best.words == ["district", "heating"])
        #expect(ranked[2].activePartnerships == 2)
        #expect(ranked[3].relatedTopics == ["waste_management"])
    }

    @Test func aPartnerAlreadyPartneredIsLeftOutUnlessAskedFor() throws {
        #expect(try !registry.match(city: "kutno").contains { $0.name == "Already partnered" })
        let all = try registry.match(city: "kutno", includePartnered: true)
        let partnered = try #require(all.first { $0.name == "Already partnered" })
        #expect(partnered.partnership == "contacted")
        #expect(partnered.score == 6)
        #expect(all.filter { $0.partnership != nil }.count == 1)
    }

    @Test func theLimitKeepsTheBest() throws {
        #expect(try registry.match(city: "kutno", limit: 2).map(\.name) == ["Both topics and the words", "One topic"])
    }

    @Test func aWordMostPartnersUseSaysNothing() throws {
        // Now every partner's expertise mentions heating: it no longer tells them apart.
        for name in ["One topic", "Both topics but busy", "Same theme only", "Nothing in common"] {
            _ = try registry.editPartner(.typed(name), PartnerInput(expertise: "Heating"))
        }
        #expect(try registry.match(city: "kutno").first?.words == ["district"])
    }

    @Test func anUnknownTownIsNamed() throws {
        #expect(throws: RegistryError.notFound(entity: "city", reference: "Płock")) { try registry.match(city: "Płock") }
    }
}
