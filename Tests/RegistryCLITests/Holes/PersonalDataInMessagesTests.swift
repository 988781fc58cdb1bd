import Foundation
import Testing

/// Error messages name the field and the rule, never an e-mail address or phone number.
struct PersonalDataInMessagesTests {
    @Test func addAndImportRefuseWithoutRepeatingTheAddressOrNumber() throws {
        let folder = try SampleRegister.create()
        let email = try CommandRunner.registry(folder, ["contact", "add", "Ewa Lis", "--city", "lodz", "--email", "ewa.lis@@example.pl"])
        #expect(email.status == 65)
        #expect(email.stderr.contains("email") && email.stderr.contains("name@example.no"), "\(email.stderr)")
        #expect(!email.stderr.contains("ewa.lis"))
        let phone = try CommandRunner.registry(folder, ["contact", "add", "Ewa Lis", "--city", "lodz", "--phone", "+48 601 234 567 call me"])
        #expect(phone.status == 65 && phone.stderr.contains("phone"), "\(phone.stderr)")
        #expect(!phone.stderr.contains("601"))
        let file = folder.url.appendingPathComponent("contacts.csv")
        try Data("name,city,email,phone\nEwa Lis,Łódź,ewa.lis@example,+48 601 234 567 x\n".utf8).write(to: file)
        let imported = try CommandRunner.registry(folder, ["import", "contact", file.path])
        #expect(imported.status == 65 && imported.stderr.contains("line 2, email"), "\(imported.stderr)")
        // The file's own name is in the message, and a temporary folder's random name may hold any digits.
        let messages = imported.stderr.replacingOccurrences(of: file.path, with: "FILE")
        #expect(!messages.contains("ewa.lis") && !messages.contains("601"), "\(imported.stderr)")
    }
}
