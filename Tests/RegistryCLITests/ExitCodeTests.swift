import Foundation
import Registry
import Testing

/// Exit codes and the stdout/stderr split through the real binary.
struct ExitCodeTests {
    @Test func successPrintsTheNewIdOnStdoutAndNothingOnStderr() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["city", "add", "Łódź", "--voivodeship", "lodzkie", "--db", folder.database])
        #expect(result.status == 0)
        #expect(result.stdout == "1\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func unknownRecordExitsWithOneAndAnErrorOnStderr() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["city", "show", "Gdańsk", "--db", folder.database])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: No city 'Gdańsk'."))
    }

    @Test(arguments: [
        ["city", "add", "Łódź"],
        ["city", "list", "--status", "funded"],
        ["city", "list", "--format", "xml"],
        ["city", "frobnicate"],
        ["partner", "add", "Bergen kommune"],
        ["city", "list", "--format", "json", "--excel"],
    ])
    func wrongCommandLineExitsWith64(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(arguments + ["--db", folder.database])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--voivodeship", "slask"], "voivodeship 'slask'"),
        (["--voivodeship", "slaskie", "--partner-budget", "-5"], "partner-budget '-5'"),
        (["--voivodeship", "slaskie", "--population", "many"], "population 'many'"),
        (["--voivodeship", "slaskie", "--topics", "air_quality,potholes"], "topics 'potholes'"),
        (["--voivodeship", "slaskie", "--status", "funded"], "status 'funded'"),
        (["--voivodeship", "slaskie", "--website", "www.cieszyn.pl"], "website 'www.cieszyn.pl'"),
    ])
    func invalidDataExitsWith65NamingFieldAndValue(_ options: [String], _ expected: String) throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["city", "add", "Cieszyn"] + options + ["--db", folder.database])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Error: \(expected)"))
        #expect(try Registry.open(path: folder.database).cities().isEmpty)
    }

    @Test func everyBadFieldIsReportedOnItsOwnLine() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(
            ["city", "add", "Cieszyn", "--voivodeship", "nowhere", "--partner-budget", "12,5", "--teryt", "12", "--db", folder.database])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(lines.count == 3)
        #expect(result.stderr.contains("use a point for decimals"))
    }

    @Test func duplicateAndRefusedRemovalExitWithOne() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie"))
        _ = try registry.addPartner(PartnerInput(name: "Lørenskog kommune", kind: "municipality"))
        _ = try registry.addPartnership(PartnershipInput(city: "pila", partner: "lorenskog"))
        let duplicate = try CommandRunner.run(["city", "add", "PILA", "--voivodeship", "wielkopolskie", "--db", folder.database])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("A city named 'Piła' already exists"))
        let removal = try CommandRunner.run(["city", "remove", "pila", "--db", folder.database])
        #expect(removal.status == 1)
        #expect(removal.stderr.contains("Piła has 1 partnership (#1 Piła/Lørenskog kommune)"))
        #expect(try registry.cities().count == 1)
        let cascade = try CommandRunner.run(["city", "remove", "pila", "--cascade", "--db", folder.database])
        #expect(cascade.status == 0)
        #expect(try registry.cities().isEmpty && registry.partnerships().isEmpty)
    }

    @Test func ambiguousNameListsTheCandidates() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.open(path: folder.database)
        _ = try registry.addCity(CityInput(name: "Ostrowiec Świętokrzyski", voivodeship: "świętokrzyskie"))
        _ = try registry.addCity(CityInput(name: "Ostrów Wielkopolski", voivodeship: "wielkopolskie"))
        let result = try CommandRunner.run(["city", "show", "ostrow", "--db", folder.database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Ostrów Wielkopolski (2)") && result.stderr.contains("Ostrowiec Świętokrzyski (1)"))
        let exact = try CommandRunner.run(["city", "show", "ostrow wielkopolski", "--format", "csv", "--db", folder.database])
        #expect(exact.status == 0 && exact.stdout.contains("Ostrów Wielkopolski"))
    }

    @Test func versionNamesTheSQLiteLibrary() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SQLite 3."))
    }
}
