import Foundation
import Registry
import Testing

/// `registry import` of what `registry export` wrote: every entity back unchanged, byte for
/// byte, in every format, with Polish and Norwegian letters.
struct ImportRoundTripTests: ImportTesting {
    static let entities = ["city", "partner", "contact", "partnership", "activity", "expense"]

    /// expects the second export to be identical, byte for byte.
    func roundTrip(_ exportArguments: [String], _ importArguments: [String]) throws {
        let from = try source()
        let to = try TemporaryFolder()
        for entity in Self.entities {
            let exported = try CommandRunner.run(["export", entity, "--db", from.database] + exportArguments)
            let file = try write(exported.stdout, to: "\(entity).data", in: to)
            let imported = try CommandRunner.run(["import", entity, file, "--db", to.database] + importArguments)
            #expect(imported.status == 0, "\(entity) \(exportArguments): \(imported.stderr)")
            let again = try CommandRunner.run(["export", entity, "--db", to.database] + exportArguments)
            #expect(again.stdout == exported.stdout, "\(entity) \(exportArguments) differs after the round trip")
            #expect(!exported.stdout.isEmpty)
        }
    }

    @Test func csvExportImportsBackUnchanged() throws {
        try roundTrip([], [])
    }

    @Test func jsonExportImportsBackUnchanged() throws {
        try roundTrip(["--format", "json"], ["--format", "json"])
    }

    @Test func ndjsonExportImportsBackUnchanged() throws {
        try roundTrip(["--format", "ndjson"], ["--format", "json"])
    }

    @Test func excelExportImportsBackUnchangedWithExcel() throws {
        try roundTrip(["--excel"], ["--excel"])
    }

    @Test func polishAndNorwegianLettersArePreservedByteForByte() throws {
        let folder = try TemporaryFolder()
        let names = ["Łódź", "Świętochłowice", "Żółć Ęą", "Kędzierzyn-Koźle"]
        let file = try write("name,voivodeship\n" + names.map { "\($0),łódzkie" }.joined(separator: "\n"), to: "c.csv", in: folder)
        #expect(try CommandRunner.run(["import", "city", file, "--db", folder.database]).status == 0)
        let stored = try CommandRunner.sqlite(folder.database, "SELECT hex(name) FROM city ORDER BY id").stdout
        #expect(stored == names.map { Data($0.utf8).map { String(format: "%02X", $0) }.joined() + "\n" }.joined())
        let partners = try write(
            "name,kind,county\nTromsø kommune,municipality,Troms\nBærum kommune,municipality,Akershus\n", to: "p.csv", in: folder)
        #expect(try CommandRunner.run(["import", "partner", partners, "--db", folder.database]).status == 0)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name FROM partner ORDER BY id").stdout == "Tromsø kommune\nBærum kommune\n")
    }

}
