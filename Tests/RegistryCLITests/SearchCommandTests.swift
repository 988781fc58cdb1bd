import Foundation
import Testing

/// `registry search` and `registry match` as staff run them, including records changed with
/// the sqlite3 shell behind the registry's back.
struct SearchCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        let demo = try registry(["demo"])
        try #require(demo.status == 0, "\(demo.stderr)")
    }

    func registry(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments + ["--db", folder.database], in: folder.url)
    }

    func found(_ text: String) throws -> [String] {
        let result = try registry(["search", text, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
        return rows.compactMap { $0["name"] as? String }
    }

    @Test func changesMadeWithTheSqlite3ShellAreFoundAtOnce() throws {
        _ = try CommandRunner.sqlite(
            folder.database, "INSERT INTO city (name, name_key, voivodeship) VALUES ('Żółkiewka', 'zolkiewka', 'lubelskie')")
        #expect(try found("zolkiewka") == ["Żółkiewka"])
        _ = try CommandRunner.sqlite(folder.database, "UPDATE city SET name = 'Łęczna', name_key = 'leczna' WHERE name = 'Żółkiewka'")
        #expect(try found("zolkiewka").isEmpty)
        #expect(try found("leczna") == ["Łęczna"])
        _ = try CommandRunner.sqlite(folder.database, "UPDATE partner SET expertise = 'Fjordvarme og fjernvarme' WHERE id = 1")
        #expect(try found("fjernvarme").count == 1)
        _ = try CommandRunner.sqlite(folder.database, "DELETE FROM city WHERE name = 'Łęczna'")
        #expect(try found("leczna").isEmpty)
        #expect(try CommandRunner.sqlite(folder.database, "INSERT INTO search_index (search_index) VALUES ('integrity-check')").status == 0)
    }

    @Test func importedRecordsAreFoundAndARolledBackImportLeavesNoTrace() throws {
        let file = folder.url.appendingPathComponent("towns.csv")
        try Data("name,voivodeship,expectations\nŻółkiewka,lubelskie,Fjernvarme\nŁęczna,lubelskie,Sykkelveier\n".utf8).write(to: file)
        let imported = try registry(["import", "city", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try found("zolkiewka") == ["Żółkiewka"])
        #expect(try found("sykkelveier") == ["Łęczna"])
        try Data("name,voivodeship\nOpatów,świętokrzyskie\nZły,nowhere\n".utf8).write(to: file)
        #expect(try registry(["import", "city", file.path]).status == 65)
        #expect(try found("opatow").isEmpty)
        #expect(try CommandRunner.sqlite(folder.database, "SELECT count(*) FROM search_catch_up").stdout == "0\n")
    }

    @Test func staffSQLCanSearchTheIndexButNeverWriteIt() throws {
        let sql = "SELECT rowid / 8 AS id FROM search_index WHERE search_index MATCH '\"tromso\"*' AND rowid % 8 = 2"
        let read = try registry(["sql", sql, "--format", "csv"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.split(whereSeparator: \.isNewline).count == 2, "\(read.stdout)")
        for write in ["INSERT INTO search_index (search_index) VALUES ('delete-all')", "DELETE FROM search_index", "DROP TABLE search_index"] {
            let refused = try registry(["sql", write])
            #expect(refused.status == 1, "\(write)")
            #expect(refused.stderr.contains("Refused"), "\(refused.stderr)")
        }
        #expect(try found("tromso").first == "Tromsø kommune")
    }

    @Test(arguments: ["table", "csv", "tsv", "json", "ndjson", "markdown"])
    func searchSpeaksEveryFormat(_ format: String) throws {
        let result = try registry(["search", "tromso", "--in", "partner", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Tromsø kommune"))
        #expect(result.stdout.contains("partner"))
    }

    @Test func severalWordsAndKindsAndLimits() throws {
        let partnerships = try registry(["search", "tromso", "kommune", "--in", "partnership", "--format", "csv"])
        #expect(partnerships.stdout.split(whereSeparator: \.isNewline).count == 2, "\(partnerships.stdout)")
        #expect(partnerships.stdout.hasPrefix("kind,id,name,detail\r\npartnership,"))
        let limited = try registry(["search", "kommune", "--limit", "3", "--format", "csv"])
        #expect(limited.stdout.split(whereSeparator: \.isNewline).count == 4)
        #expect(try registry(["search", "kommune", "--limit", "0"]).status == 64)
        #expect(try registry(["search", "kommune", "--in", "town"]).status == 64)
        let nothing = try registry(["search", "\"*"])
        #expect(nothing.status == 65)
        #expect(nothing.stderr.contains("at least one word"), "\(nothing.stderr)")
    }

    @Test func matchShowsTheScoreAndItsParts() throws {
        let result = try registry(["match", "opoczno", "--limit", "3", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(
            Set(rows.first?.keys.map { $0 } ?? []) == ["id", "partner", "county", "score", "topics", "related", "words", "active", "partnership"])
        let scores = rows.compactMap { $0["score"] as? Int }
        #expect(scores == scores.sorted(by: >))
        for row in rows {
            let parts = ["topics", "related", "words"].map { (row[$0] as? [String])?.count ?? -100 }
            let expected = 3 * parts[0] + parts[1] + parts[2] - 2 * (row["active"] as? Int ?? 0)
            #expect(row["score"] as? Int == expected, "\(row)")
        }
        let unknown = try registry(["match", "Wąchock"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("No city 'Wąchock'"), "\(unknown.stderr)")
    }
}
