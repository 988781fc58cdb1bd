import Foundation
import Testing

/// A contact is known by its name at its town or partner: a second of the same name there is
/// refused, and an import's --update never picks one of two at random.
struct ContactIdentityTests {
    @Test func aSecondContactOfTheSameNameAtOnePlaceIsRefused() throws {
        let folder = try SampleRegister.create()
        let twin = try CommandRunner.registry(folder, ["contact", "add", "ANNA", "--city", "lodz"])
        #expect(twin.status == 65)
        #expect(twin.stderr.contains("is already a contact at the same town or partner (id 1)"), "\(twin.stderr)")
        #expect(try CommandRunner.registry(folder, ["contact", "add", "Anna", "--city", "gdansk"]).status == 0)
        let moved = try CommandRunner.registry(folder, ["contact", "edit", "3", "--name", "Anna", "--city", "lodz"])
        #expect(moved.status == 65, "\(moved.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM contact WHERE name = 'Anna'").stdout == "2\n")
    }

    @Test func anUpdateMatchingTwoContactsIsRefusedAndChangesNothing() throws {
        let folder = try SampleRegister.create()
        // Two namesakes written before the rule, by another tool.
        #expect(try CommandRunner.sqlite(folder.database, "INSERT INTO contact (name, city_id, role) VALUES ('Anna', 1, 'second')").status == 0)
        let before = try CommandRunner.sqlite(folder.database, "SELECT * FROM contact ORDER BY id").stdout
        let file = folder.url.appendingPathComponent("contacts.csv")
        try Data("name,city,role\nAnna,Łódź,mayor\n".utf8).write(to: file)
        let result = try CommandRunner.registry(folder, ["import", "contact", file.path, "--update"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("matches 2 contacts at the same place (ids 1, 5)"), "\(result.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT * FROM contact ORDER BY id").stdout == before)
    }
}
