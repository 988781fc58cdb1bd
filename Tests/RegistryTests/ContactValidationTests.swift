import Registry
import Testing

struct ContactValidationTests {
    /// A valid contact at Łódź with `change` applied.
    static func contact(_ change: (inout ContactInput) -> Void = { _ in }) -> ContactInput {
        var input = ContactInput(name: "Jan Nowak", city: "lodz")
        change(&input)
        return input
    }

    @Test(arguments: [
        "anna", "anna@", "@uml.lodz.pl", "anna@uml", "anna@@uml.lodz.pl", "anna kowalska@uml.lodz.pl", "anna@uml..pl",
        "anna@.pl", "anna@uml.pl.", "anna@uml.lodz.pl, jan@uml.lodz.pl",
    ])
    func anEmailNotShapedLikeNameAtDomainIsRefused(typed: String) throws {
        // The message names the field and the rule, never the address.
        try expectInvalid(Sample.cityAndPartner(), field: "email", value: "") {
            try $0.addContact(Self.contact { $0.email = typed })
        }
    }

    @Test(arguments: ["anna.kowalska@uml.lodz.pl", "post@ks.no", "o.nordmann+ks@bergen.kommune.no"])
    func anEmailShapedLikeNameAtDomainIsAccepted(typed: String) throws {
        #expect(try Sample.cityAndPartner().addContact(Self.contact { $0.email = typed }).email == typed)
    }

    @Test(arguments: ["call me", "+47 22 00 00 00 ext. 5", "+47-22/00", String(repeating: "1", count: 31)])
    func aPhoneNumberWithOtherThanDigitsSpacesPlusDashesAndParenthesesIsRefused(typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: "phone", value: "") {
            try $0.addContact(Self.contact { $0.phone = typed })
        }
    }

    @Test(arguments: ["norsk", "nb;pl", "n", "nb,polski"])
    func languagesThatAreNotISOCodesAreRefused(typed: String) throws {
        try expectInvalid(Sample.cityAndPartner(), field: "languages", value: typed) {
            try $0.addContact(Self.contact { $0.languages = typed })
        }
    }

    @Test func languagesAreStoredAsLowerCaseCodesSeparatedByCommas() throws {
        #expect(try Sample.cityAndPartner().addContact(Self.contact { $0.languages = "NB, pl ,en" }).languages == "nb,pl,en")
    }

    @Test func aContactAtBothACityAndAPartnerIsRefused() throws {
        try expectInvalid(Sample.cityAndPartner(), field: "partner", value: "bergen") {
            try $0.addContact(Self.contact { $0.partner = "bergen" })
        }
    }

    @Test func aContactAtNeitherACityNorAPartnerIsRefused() throws {
        try expectInvalid(Sample.cityAndPartner(), field: "city", value: "") {
            try $0.addContact(ContactInput(name: "Jan Nowak"))
        }
    }

    @Test func aContactWithoutNameIsRefused() throws {
        try expectInvalid(Sample.cityAndPartner(), field: "name", value: "") {
            try $0.addContact(ContactInput(city: "lodz"))
        }
    }
}
