import Foundation
import Registry
import Testing

/// `registry sql`: staff's own SQL reads and never writes, whatever it tries.
struct SQLCommandTests {
    /// Attempts to write or escape, each of which must be refused with nothing changed and no
    /// file created. `FOLDER` is replaced by the test's folder.
    static let escapes: [(String, String)] = [
        ("INSERT INTO city (name, name_key, voivodeship) VALUES ('X', 'x', 'łódzkie')", "inserts rows"),
        ("UPDATE city SET notes = 'x'", "updates rows"),
        ("DELETE FROM audit_log", "deletes rows"),
        ("DROP TABLE city", "drops a table"),
        ("CREATE TABLE spy (a)", "creates a table"),
        ("CREATE TEMP TABLE spy (a)", "creates a temporary table"),
        ("CREATE TEMP VIEW spy AS SELECT 1", "creates a temporary view"),
        ("CREATE TEMP TRIGGER spy AFTER INSERT ON city BEGIN SELECT 1; END", "creates a temporary trigger"),
        ("ALTER TABLE city RENAME TO town", "alters a table"),
        ("ATTACH DATABASE 'FOLDER/other.sqlite' AS other", "ATTACH"),
        ("DETACH DATABASE main", "DETACH"),
        ("VACUUM", "Refused"),
        ("VACUUM INTO 'FOLDER/copy.sqlite'", "Refused"),
        ("PRAGMA user_version = 7", "PRAGMA user_version = 7"),
        ("PRAGMA query_only = 0", "PRAGMA query_only"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA journal_mode"),
        ("PRAGMA writable_schema = 1", "PRAGMA writable_schema"),
        ("SELECT load_extension('FOLDER/evil.so')", "load_extension"),
        ("SELECT 1; DELETE FROM city", "one statement at a time"),
        ("WITH doomed AS (SELECT id FROM city) DELETE FROM city WHERE id IN doomed", "deletes rows"),
        ("BEGIN IMMEDIATE", "transaction"),
        ("SAVEPOINT spy", "savepoint"),
        ("REINDEX", "REINDEX"),
        ("ANALYZE", "Refused"),
        ("REPLACE INTO theme (id, code, name_en, name_nb) VALUES (1, 'x', 'x', 'x')", "inserts rows"),
    ]

    func files(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    }

    @Test func everyAttemptToWriteOrEscapeIsRefusedAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "50"]).status == 0)
        // Settle the file (a read command after the demo), then take its bytes and the folder.
        #expect(try CommandRunner.registry(folder, ["sql", "SELECT count(*) FROM city"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        let listing = try files(in: folder)
        for (attempt, expected) in Self.escapes {
            let sql = attempt.replacingOccurrences(of: "FOLDER", with: folder.url.path)
            let result = try CommandRunner.registry(folder, ["sql", sql])
            #expect(result.status == 1, "\(attempt): \(result.stdout)")
            #expect(result.stderr.contains(expected), "\(attempt): \(result.stderr)")
            #expect(try files(in: folder) == listing, "\(attempt) left a file behind")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == bytes, "\(attempt) changed the database")
        }
        #expect(Self.escapes.count >= 15)
    }

    @Test func readingWorksInEveryFormatWithReportingPragmas() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "50"]).status == 0)
        let csv = try CommandRunner.registry(
            folder, ["sql", "SELECT name, voivodeship FROM city WHERE name LIKE 'Ł%' ORDER BY name", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "name,voivodeship\r\nŁomża,podlaskie\r\n")
        let json = try CommandRunner.registry(folder, ["sql", "SELECT count(*) AS n, 1.5 AS x, NULL AS empty FROM city", "--format", "json"])
        let rows = try jsonRows(json.stdout)
        #expect(number(rows.first?["n"]) == 41 && rows.first?["empty"] is NSNull)
        let pragma = try CommandRunner.registry(folder, ["sql", "PRAGMA table_info(city)", "--format", "csv"])
        #expect(pragma.status == 0 && pragma.stdout.contains(",name_key,TEXT,1,"), "\(pragma.stderr)")
        let version = try CommandRunner.registry(folder, ["sql", "PRAGMA user_version"])
        #expect(version.status == 0, "\(version.stderr)")
        let syntax = try CommandRunner.registry(folder, ["sql", "SELEC 1"])
        #expect(syntax.status == 1 && syntax.stderr.contains("syntax error"))
    }

    @Test func namedParametersAreBoundAndCheckedByName() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "50"]).status == 0)
        let sql = "SELECT name FROM city WHERE voivodeship = :voivodeship AND population > :people ORDER BY name LIMIT :n"
        let result = try CommandRunner.registry(
            folder, ["sql", sql, "--param", "voivodeship=śląskie", "--param", "people=100000", "--param", "n=2", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "name\r\nBielsko-Biała\r\nCieszyn\r\n")
        let missing = try CommandRunner.registry(folder, ["sql", sql, "--param", "voivodeship=śląskie", "--param", "n=2"])
        #expect(missing.status == 65 && missing.stderr.contains("the query needs --param people=VALUE"))
        let unused = try CommandRunner.registry(folder, ["sql", "SELECT 1", "--param", "city=Łódź"])
        #expect(unused.status == 65 && unused.stderr.contains("param 'city': is not a parameter of the query"))
        let positional = try CommandRunner.registry(folder, ["sql", "SELECT ?"])
        #expect(positional.status == 1 && positional.stderr.contains("name the query's parameters"))
        #expect(try CommandRunner.registry(folder, ["sql", "SELECT 1", "--param", "novalue"]).status == 64)
    }

    @Test func aRunawayQueryIsInterruptedAtItsTimeLimit() throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "10"]).status == 0)
        let forever = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
        let started = Date()
        let result = try CommandRunner.registry(folder, ["sql", forever, "--timeout", "0.5"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ran longer than its time limit of 0.5 s"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "interrupted, not run to the end")
    }
}
