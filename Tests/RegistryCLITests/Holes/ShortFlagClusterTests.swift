import Foundation
import Testing

/// A value that looks like a cluster of short flags never turns into `--help`.
struct ShortFlagClusterTests {
    @Test(arguments: ["-dash", "-help", "-Hh", "-xyzh"])
    func aClusterWithHIsAUsageErrorAndAddsNothing(value: String) throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.run(["city", "add", value, "--voivodeship", "opolskie", "--db", folder.database])
        #expect(result.status == 64, "\(result.stdout.prefix(200))")
        #expect(result.stderr.contains("'\(value)' is not an option"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM city").stdout == "2\n")
    }

    @Test func theNameGoesAfterTheDoubleDashAndRealFlagsStillWork() throws {
        let folder = try SampleRegister.create()
        let added = try CommandRunner.run(["city", "add", "--voivodeship", "opolskie", "--db", folder.database, "--", "-dash"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CommandRunner.sqlite(folder.database, "SELECT name FROM city WHERE id = 3").stdout == "-dash\n")
        #expect(try CommandRunner.run(["city", "list", "-q", "--db", folder.database]).status == 0)
        #expect(try CommandRunner.run(["city", "-h"]).status == 0)
    }
}
