import Registry
import Testing

struct PartnerValidationTests {
    /// A valid Norwegian partner with `change` applied.
    static func partner(_ change: (inout PartnerInput) -> Void = { _ in }) -> PartnerInput {
        var input = PartnerInput(name: "Alta kommune", kind: "municipality")
        change(&input)
        return input
    }

    // Viken, Troms og Finnmark and Vestfold og Telemark were split on 1 January 2024.
    @Test(arguments: ["Viken", "Troms og Finnmark", "Vestfold og Telemark", "Hordaland", "Bergen", "Ostfoldd"])
    func aCountyThatIsNotOneOfTheFifteenFylkerIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "county", value: typed) {
            try $0.addPartner(Self.partner { $0.county = typed })
        }
    }

    @Test(arguments: [("ostfold", "Østfold"), ("more og romsdal", "Møre og Romsdal"), ("TRONDELAG", "Trøndelag"), ("Finnmark", "Finnmark")])
    func aCountyTypedInAnyCaseWithOrWithoutLettersIsStoredInNorwegian(typed: String, stored: String) throws {
        let partner = try Registry.inMemory().addPartner(Self.partner { $0.county = typed })
        #expect(partner.county.map { Array($0.unicodeScalars) } == Array(stored.unicodeScalars))
    }

    @Test(arguments: ["IS", "LI"])
    func aCountyForAPartnerOutsideNorwayIsRefused(country: String) throws {
        try expectInvalid(Registry.inMemory(), field: "county", value: "Oslo") {
            try $0.addPartner(
                Self.partner {
                    $0.country = country
                    $0.county = "Oslo"
                })
        }
    }

    @Test func movingAPartnerWithACountyOutOfNorwayIsRefused() throws {
        let registry = try Sample.cityAndPartner()
        try expectInvalid(registry, field: "county", value: "Vestland") {
            try $0.editPartner("bergen", PartnerInput(country: "IS"))
        }
    }

    @Test(arguments: ["96433853", "9643385311", "96433853A", "NO964338531", "964338532", "964338530", "000003005"])
    func aNorwegianOrganisationNumberWithoutNineDigitsOrAValidCheckDigitIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "org-number", value: typed) {
            try $0.addPartner(Self.partner { $0.orgNumber = typed })
        }
    }

    @Test(arguments: ["964338531", "964 338 531", " 964338531 "])
    func aValidOrganisationNumberIsStoredAsNineDigits(typed: String) throws {
        #expect(try Registry.inMemory().addPartner(Self.partner { $0.orgNumber = typed }).orgNumber == "964338531")
    }

    @Test func anIcelandicOrganisationNumberIsNotCheckedAsNorwegian() throws {
        let partner = try Registry.inMemory().addPartner(
            PartnerInput(name: "Akureyrarbær", kind: "municipality", country: "is", orgNumber: "410169-4449"))
        #expect(partner.country == .iceland)
        #expect(partner.orgNumber == "410169-4449")
    }

    @Test func aForeignOrganisationNumberBecomesNorwegianOnlyIfItIsValidThere() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addPartner(PartnerInput(name: "Akureyrarbær", kind: "municipality", country: "IS", orgNumber: "410169-4449"))
        try expectInvalid(registry, field: "org-number", value: "410169-4449") {
            try $0.editPartner("akureyrarbaer", PartnerInput(country: "NO"))
        }
    }

    @Test(arguments: ["kommune", "town", "fylkeskommune", "NGO"])
    func aKindOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "kind", value: typed) {
            try $0.addPartner(Self.partner { $0.kind = typed })
        }
    }

    @Test(arguments: ["SE", "PL", "NORWAY", "DK"])
    func aCountryOutsideTheDonorStatesIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "country", value: typed) {
            try $0.addPartner(Self.partner { $0.country = typed })
        }
    }

    @Test(arguments: ["www.ks.no", "ks.no", "https://ks"])
    func aWebsiteWithoutHTTPAndAHostIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "website", value: typed) {
            try $0.addPartner(Self.partner { $0.website = typed })
        }
    }

    @Test func aWebsiteWithHTTPSIsAccepted() throws {
        #expect(try Registry.inMemory().addPartner(Self.partner { $0.website = "https://www.ks.no" }).website == "https://www.ks.no")
    }

    @Test(arguments: [["clean_air"], ["cycling", "biking"]])
    func anUnknownTopicCodeIsRefused(codes: [String]) throws {
        try expectInvalid(Registry.inMemory(), field: "topics", value: codes.last!) {
            try $0.addPartner(Self.partner { $0.topics = codes })
        }
    }

    @Test func aPartnerWithoutKindIsRefused() throws {
        try expectInvalid(Registry.inMemory(), field: "kind", value: "") {
            try $0.addPartner(PartnerInput(name: "Alta kommune"))
        }
    }

    @Test func aPartnerIsNorwegianByDefault() throws {
        #expect(try Registry.inMemory().addPartner(Self.partner()).country == .norway)
    }

    @Test func everyProblemOfOneAddIsReported() throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) {
            try registry.addPartner(
                PartnerInput(name: "Alta kommune", kind: "kommune", orgNumber: "123", county: "Viken", website: "alta.kommune.no"))
        }
        #expect(Set(error?.problems.map(\.field) ?? []) == ["kind", "org-number", "county", "website"])
        #expect(try registry.partners().isEmpty)
    }
}
