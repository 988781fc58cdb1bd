import Foundation
import Testing

/// Staff SQL: keys that no reader loses, and limits that cover the whole result, not only
/// the stepping of the statement.
struct SQLResultLimitsTests {
    @Test(arguments: ["json", "ndjson", "csv", "tsv", "table", "markdown"])
    func repeatedColumnNamesAreToldApartInEveryFormat(format: String) throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.run(["sql", "SELECT 1 AS a, 2 AS a, 3 AS a_2, 4 AS a", "--format", format, "--db", folder.database])
        #expect(result.status == 0, "\(result.stderr)")
        for key in ["a_2", "a_3"] { #expect(result.stdout.contains(key), "\(format): \(result.stdout)") }
        if format == "json" {
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(rows.first?.count == 4)
            #expect((rows.first?["a_2"] as? NSNumber)?.intValue == 3 && (rows.first?["a_3"] as? NSNumber)?.intValue == 2)
        }
    }

    @Test func aHugeValueIsRefusedAtOnceNotConverted() throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.run(["sql", "SELECT zeroblob(999999999) AS big", "--timeout", "1", "--db", folder.database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("would be larger than the 16 MiB a value or row may have"), "\(result.stderr)")
        #expect(result.stdout.isEmpty || !result.stdout.contains("0000"))
    }

    @Test func theTimeLimitCoversWritingRows() throws {
        let folder = try SampleRegister.create()
        // Each row is cheap to step and 1 MB to turn into text: stepping alone would never time out.
        let result = try CommandRunner.run(
            [
                "sql", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT zeroblob(1000000) FROM n",
                "--timeout", "1", "--format", "json", "--db", folder.database,
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ran longer than its time limit of 1 s"), "\(result.stderr.prefix(300))")
    }
}
