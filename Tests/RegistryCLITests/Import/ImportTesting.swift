import Foundation
import Registry
import Testing

/// What the import tests share: files written into a folder, counts read with the sqlite3 shell.
protocol ImportTesting {}

extension ImportTesting {
    /// A demo register with awkward values: Polish and Norwegian letters, a formula-like note,
    /// a leading-zero TERYT code and phone number, a note with a line break and quotes.
    func source() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "300"]).status == 0)
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(
            CityInput(
                name: "Łódź", voivodeship: "łódzkie", partnerBudget: "150000.5", teryt: "1061011",
                notes: "=HYPERLINK(\"x\")\nsecond line; with \"quotes\", commas"))
        _ = try registry.addPartner(PartnerInput(name: "Våler kommune", kind: "municipality", county: "ostfold", notes: "'quoted"))
        _ = try registry.addContact(ContactInput(name: "Ærlig Øst", partner: "Våler kommune", phone: "0047 123", notes: "-minus"))
        return folder
    }

    func write(_ text: String, to name: String, in folder: TemporaryFolder) throws -> String {
        try write(Data(text.utf8), to: name, in: folder)
    }

    func write(_ data: Data, to name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func count(_ table: String, in database: String) throws -> String {
        try CommandRunner.sqlite(database, "SELECT count(*) FROM \(table)").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Exports every entity of `from`, imports them in order into an empty register, and
}
