import Registry
import Testing

struct CityValidationTests {
    /// A valid city with `change` applied.
    static func city(_ change: (inout CityInput) -> Void = { _ in }) -> CityInput {
        var input = CityInput(name: "Konin", voivodeship: "wielkopolskie")
        change(&input)
        return input
    }

    @Test(arguments: ["Silesia", "slask", "mazowsze", "śląskie województwo", "Łódź", "kujawskopomorskie"])
    func anUnknownVoivodeshipIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "voivodeship", value: typed) {
            try $0.addCity(Self.city { $0.voivodeship = typed })
        }
    }

    @Test(arguments: ["śląskie", "slaskie", "SLASKIE", "Śląskie", " slaskie "])
    func aVoivodeshipTypedInAnyCaseWithOrWithoutLettersIsStoredInPolish(typed: String) throws {
        let city = try Registry.inMemory().addCity(Self.city { $0.voivodeship = typed })
        #expect(Array(city.voivodeship.unicodeScalars) == Array("śląskie".unicodeScalars))
    }

    @Test(arguments: [
        (CityInput(name: "Konin"), "voivodeship"), (CityInput(voivodeship: "wielkopolskie"), "name"),
        (CityInput(name: "Konin", voivodeship: ""), "voivodeship"), (CityInput(name: "   ", voivodeship: "opolskie"), "name"),
    ])
    func aMissingNameOrVoivodeshipIsRefused(input: CityInput, field: String) throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) { try registry.addCity(input) }
        #expect(error?.problems.map(\.field) == [field])
        #expect(try registry.cities().isEmpty)
    }

    @Test func aNameLongerThanTwoHundredCharactersIsRefused() throws {
        let registry = try Registry.inMemory()
        let error = #expect(throws: RegistryError.self) {
            try registry.addCity(Self.city { $0.name = String(repeating: "Konin", count: 41) })
        }
        #expect(error?.problems.map(\.field) == ["name"])
    }

    @Test(arguments: ["´", "^", "¨", "\u{301}"])
    func aNameWithoutLettersOrDigitsIsRefusedNamingTheField(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "name", value: typed) {
            try $0.addCity(Self.city { $0.name = typed })
        }
    }

    @Test(arguments: ["0", "-5", "12.5", "many", "1e6", "100000001", "70 000"])
    func aPopulationThatIsNotAPositiveWholeNumberIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "population", value: typed) {
            try $0.addCity(Self.city { $0.population = typed })
        }
    }

    @Test(arguments: ["-1", "-150000", "150000.123", "150,000", "150000,50", "150 000", "EUR 150000", "1000000000000"])
    func aPartnerBudgetThatIsNotAnAmountIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "partner-budget", value: typed) {
            try $0.addCity(Self.city { $0.partnerBudget = typed })
        }
    }

    @Test(arguments: ["-1", "3.456", "3,4 mln"])
    func aProjectGrantThatIsNotAnAmountIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "project-grant", value: typed) {
            try $0.addCity(Self.city { $0.projectGrant = typed })
        }
    }

    @Test(arguments: [("150000", 15_000_000), ("150000.5", 15_000_050), ("1234.50", 123_450), ("0", 0)] as [(String, Int64)])
    func moneyIsStoredAsCents(typed: String, cents: Int64) throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(
            Self.city {
                $0.partnerBudget = typed
                $0.projectGrant = typed
            })
        let stored = try registry.city("Konin").city
        #expect(stored.partnerBudgetCents == cents)
        #expect(stored.projectGrantCents == cents)
    }

    @Test(arguments: [" 150000 ", "150000\n", "\t150000\r\n", "150000\r"])
    func whiteSpaceAroundAnAmountIsIgnoredAsAroundEveryOtherNumber(typed: String) throws {
        let city = try Registry.inMemory().addCity(
            Self.city {
                $0.population = typed
                $0.partnerBudget = typed
            })
        #expect(city.population == 150_000)
        #expect(city.partnerBudgetCents == 15_000_000)
    }

    @Test(arguments: ["PL-LOCALDEV-25", "PL-LOCALDEV-00251", "PL-LOCAL-0025", "LOCALDEV-0025", "PL-LOCALDEV-00A5", "0025"])
    func aProjectCodeNotShapedLikePLLOCALDEV0025IsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "project-code", value: typed) {
            try $0.addCity(Self.city { $0.projectCode = typed })
        }
    }

    @Test func aProjectCodeTypedInLowerCaseIsStoredInCapitals() throws {
        let city = try Registry.inMemory().addCity(Self.city { $0.projectCode = "pl-localdev-0025" })
        #expect(city.projectCode == "PL-LOCALDEV-0025")
    }

    @Test(arguments: ["www.ks.no", "ks.no", "ftp://ks.no", "https://", "http://localhost", "https://www.ks .no", "mailto:post@ks.no"])
    func aWebsiteWithoutHTTPAndAHostIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "website", value: typed) {
            try $0.addCity(Self.city { $0.website = typed })
        }
    }

    @Test(arguments: ["https://www.ks.no", "http://www.konin.pl/", "https://bip.konin.pl/index.php?id=1"])
    func aWebsiteWithHTTPAndAHostIsAccepted(typed: String) throws {
        #expect(try Registry.inMemory().addCity(Self.city { $0.website = typed }).website == typed)
    }

    @Test(arguments: ["HTTPS://WWW.KONIN.PL", "Https://www.konin.pl"])
    func aWebsiteWithItsSchemeInCapitalsIsAccepted(typed: String) throws {
        let city = try Registry.inMemory().addCity(Self.city { $0.website = typed })
        #expect(city.website?.lowercased() == typed.lowercased())
    }

    @Test(arguments: ["106101", "10610111", "106101a", "1061-011", "１０６１０１１"])
    func aTerytCodeThatIsNotSevenDigitsIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "teryt", value: typed) {
            try $0.addCity(Self.city { $0.teryt = typed })
        }
    }

    @Test func aTerytCodeMustStartWithItsVoivodeshipsCodeAndTheMessageNamesBoth() throws {
        let registry = try Registry.inMemory()
        #expect {
            try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", teryt: "0201011"))
        } throws: { error in
            "\(error)"
                == "teryt '0201011': does not start with 10, the code of łódzkie (02 is dolnośląskie); a TERYT code's first two digits are its voivodeship's"
        }
        #expect(try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", teryt: "1061011")).teryt == "1061011")
        // Moving a town to another voivodeship must not leave its code disagreeing.
        #expect(throws: RegistryError.self) { try registry.editCity("Łódź", CityInput(voivodeship: "opolskie")) }
        #expect(try registry.city("Łódź").city.voivodeship == "łódzkie")
    }

    /// A spreadsheet that read `0462011` as a number gives `462011`: the zero is put back only
    /// where the voivodeship's code confirms it.
    @Test func aTerytCodeThatLostItsLeadingZeroIsRestoredWhenTheVoivodeshipConfirmsIt() throws {
        let registry = try Registry.inMemory()
        #expect(try registry.addCity(CityInput(name: "Grudziądz", voivodeship: "kujawsko-pomorskie", teryt: "462011")).teryt == "0462011")
        try expectInvalid(registry, field: "teryt", value: "462011") {
            try $0.addCity(CityInput(name: "Żary", voivodeship: "lubuskie", teryt: "462011"))
        }
        try expectInvalid(registry, field: "teryt", value: "306101") {
            try $0.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie", teryt: "306101"))
        }
    }

    @Test(arguments: ["funded", "not selected", "approved", "aplicant"])
    func aStatusOutsideTheClosedSetIsRefused(typed: String) throws {
        try expectInvalid(Registry.inMemory(), field: "status", value: typed) {
            try $0.addCity(Self.city { $0.status = typed })
        }
    }

    @Test(arguments: [["clean_air"], ["air_quality", "nonsense"], ["Air quality"]])
    func anUnknownTopicCodeIsRefused(codes: [String]) throws {
        try expectInvalid(Registry.inMemory(), field: "topics", value: codes.last!) {
            try $0.addCity(Self.city { $0.topics = codes })
        }
    }

    @Test func topicCodesAreAcceptedInAnyCaseAndStoredInTheProgrammesOrder() throws {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(Self.city { $0.topics = ["CYCLING", " air_quality ", "cycling"] })
        #expect(try registry.city("Konin").topicCodes == ["air_quality", "cycling"])
    }

    @Test func everyProblemOfOneAddIsReported() throws {
        let registry = try Registry.inMemory()
        let two = #expect(throws: RegistryError.self) {
            try registry.addCity(CityInput(name: "Konin", voivodeship: "Silesia", partnerBudget: "-5"))
        }
        #expect(Set(two?.problems.map(\.field) ?? []) == ["voivodeship", "partner-budget"])
        let six = #expect(throws: RegistryError.self) {
            try registry.addCity(
                CityInput(
                    name: "Konin", voivodeship: "Silesia", population: "0", status: "funded", partnerBudget: "1,5",
                    topics: ["clean_air"], website: "www.konin.pl"))
        }
        #expect(Set(six?.problems.map(\.field) ?? []) == ["voivodeship", "population", "status", "partner-budget", "topics", "website"])
        #expect(try registry.cities().isEmpty)
    }
}
