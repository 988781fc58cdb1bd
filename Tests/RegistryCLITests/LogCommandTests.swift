import Foundation
import Registry
import Testing

/// `registry log`: who changed what, filtered by table, time, actor and count, in every format.
struct LogCommandTests {
    /// A register whose trail holds exactly these entries, at known times.
    func trail() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try Registry.open(path: folder.database)
        let rows = [
            #"(1, '2024-02-29T23:59:59Z', 'anna', 'city', 1, 'insert', NULL, '{"id":1,"name":"Łódź","population":null}')"#,
            #"(2, '2024-03-01T00:00:00Z', 'ola', 'partner', 1, 'insert', NULL, '{"id":1,"name":"Bergen kommune"}')"#,
            #"(3, '2024-03-01T09:59:59Z', 'anna', 'city', 1, 'update', '{"id":1,"population":null}', '{"id":1,"population":5}')"#,
            #"(4, '2024-03-01T10:00:00Z', 'direct-sql', 'city', 1, 'delete', '{"id":1,"name":"Łódź \"the city\""}', NULL)"#,
            #"(5, '2024-03-02T08:00:00Z', 'ola', 'activity', 7, 'insert', NULL, '{"id":7,"title":"Line one\nline two"}')"#,
        ]
        let insert = "INSERT INTO audit_log (id, changed_at, actor, table_name, row_id, action, old_values, new_values) VALUES "
        let shell = try CommandRunner.sqlite(folder.database, insert + rows.joined(separator: ", "))
        #expect(shell.status == 0, "\(shell.stderr)")
        return folder
    }

    @Test(
        arguments: [
            ([], [1, 2, 3, 4, 5]),
            (["--table", "city"], [1, 3, 4]),
            (["--table", "contact"], []),
            (["--since", "2024-03-01"], [2, 3, 4, 5]),
            (["--since", "2024-03-01T09:59:59Z"], [3, 4, 5]),
            (["--since", "2024-03-01T10:00:00Z"], [4, 5]),
            (["--since", "2024-03-02"], [5]),
            (["--since", "2024-03-03"], []),
            (["--actor", "ola"], [2, 5]),
            (["--actor", "direct-sql"], [4]),
            (["--limit", "2"], [4, 5]),
            (["--limit", "0"], []),
            (["--table", "city", "--actor", "anna"], [1, 3]),
            (["--table", "city", "--since", "2024-03-01", "--limit", "1"], [4]),
        ] as [([String], [Int])])
    func logFiltersByTableSinceActorAndLimit(_ filters: [String], _ ids: [Int]) throws {
        let folder = try trail()
        let result = try CommandRunner.registry(folder, ["log", "--format", "ndjson"] + filters)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ndjsonRows(result.stdout).map { (number($0["id"]) ?? -1) } == ids.map(Double.init))
    }

    @Test(
        arguments: [
            (["--table", "secrets"], 65, "table 'secrets'"),
            (["--table", "audit_log"], 65, "table 'audit_log'"),
            (["--since", "yesterday"], 65, "since 'yesterday'"),
            (["--since", "2024-02-30"], 65, "since '2024-02-30'"),
            (["--since", "2024-03-01T25:00:00Z"], 65, "since '2024-03-01T25:00:00Z'"),
            (["--limit=-1"], 65, "limit '-1'"),
            (["--limit", "many"], 64, "many"),
        ] as [([String], Int32, String)])
    func aBadFilterIsRefusedNamingIt(_ filters: [String], _ status: Int32, _ message: String) throws {
        let folder = try trail()
        let result = try CommandRunner.registry(folder, ["log"] + filters)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Error: ") && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func jsonNestsTheValuesBeforeAndAfterAsObjects() throws {
        let folder = try trail()
        let rows = try jsonRows(CommandRunner.registry(folder, ["log", "--format", "json"]).stdout)
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "changed_at", "actor", "table", "row_id", "action", "old_values", "new_values"] })
        #expect(
            rows.map { $0["changed_at"] as? String } == [
                "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "2024-03-01T09:59:59Z", "2024-03-01T10:00:00Z", "2024-03-02T08:00:00Z",
            ])
        #expect(rows[0]["old_values"] is NSNull)
        #expect((rows[2]["old_values"] as? [String: Any])?["population"] is NSNull)
        #expect(number((rows[2]["new_values"] as? [String: Any])?["population"]) == 5)
        #expect((rows[3]["old_values"] as? [String: Any])?["name"] as? String == "Łódź \"the city\"")
        #expect((rows[4]["new_values"] as? [String: Any])?["title"] as? String == "Line one\nline two")
        #expect(rows[4]["table"] as? String == "activity" && number(rows[4]["row_id"]) == 7 && rows[4]["action"] as? String == "insert")
    }

    @Test(arguments: ["table", "csv", "tsv", "json", "ndjson", "markdown"])
    func everyFormatShowsEveryEntry(_ format: String) throws {
        let folder = try trail()
        let result = try CommandRunner.registry(folder, ["log", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        // Tables and Markdown name the columns in words.
        let headings = format == "table" || format == "markdown" ? ["Changed at", "New values"] : ["changed_at", "new_values"]
        for text in headings + ["2024-02-29T23:59:59Z", "2024-03-02T08:00:00Z", "direct-sql", "Bergen kommune", "population"] {
            #expect(result.stdout.contains(text), "\(format) lacks \(text)")
        }
        if format == "ndjson" {
            #expect(try ndjsonRows(result.stdout).compactMap { $0["new_values"] as? [String: Any] }.count == 4)
        }
        if format == "csv" {
            #expect(result.stdout.hasPrefix("id,changed_at,actor,table,row_id,action,old_values,new_values\r\n"))
            #expect(
                result.stdout.contains(#"3,2024-03-01T09:59:59Z,anna,city,1,update,"{""id"":1,""population"":null}","{""id"":1,""population"":5}""#))
        }
    }

    @Test func changesThroughTheCommandLineAreLoggedWithTheirActor() throws {
        let folder = try TemporaryFolder()
        let steps: [([String], [String: String])] = [
            (["city", "add", "Gdańsk", "--voivodeship", "pomorskie", "--as", "anna"], [:]),
            (["city", "edit", "gdansk", "--population", "470000"], ["USER": "olga"]),
            (["city", "edit", "gdansk", "--population", "470000", "--as", "kari"], [:]),
            (["city", "remove", "gdansk"], [:]),
        ]
        for (arguments, environment) in steps {
            #expect(try CommandRunner.registry(folder, arguments, environment: environment).status == 0, "\(arguments)")
        }
        let rows = try jsonRows(CommandRunner.registry(folder, ["log", "--format", "json"]).stdout)
        #expect(
            rows.map { "\($0["actor"] ?? "") \($0["action"] ?? "") \($0["table"] ?? "") \($0["row_id"] ?? "")" } == [
                "anna insert city 1", "olga update city 1", "tester delete city 1",
            ])
        #expect((rows[1]["old_values"] as? [String: Any])?["population"] is NSNull)
        #expect(number((rows[1]["new_values"] as? [String: Any])?["population"]) == 470000)
        #expect((rows[2]["old_values"] as? [String: Any])?["name"] as? String == "Gdańsk")
    }

    @Test func aControlCharacterIsRefusedOnAddAndOneWrittenByOtherToolsStillGivesValidJSON() throws {
        let folder = try TemporaryFolder()
        let refused = try CommandRunner.registry(folder, ["city", "add", "Gdańsk", "--voivodeship", "pomorskie", "--notes", "bell\u{07}inside"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("notes") && refused.stderr.contains("U+0007"))
        #expect(try CommandRunner.registry(folder, ["city", "add", "Gdańsk", "--voivodeship", "pomorskie"]).status == 0)
        let sqlite = try CommandRunner.run(
            [folder.database, "UPDATE city SET notes = 'bell' || char(7) || 'inside'"], binary: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        #expect(sqlite.status == 0)
        let log = try CommandRunner.registry(folder, ["log", "--format", "json"])
        let rows = try jsonRows(log.stdout)
        #expect(rows.count == 2)
        #expect((rows.last?["new_values"] as? String)?.contains("bell\u{07}inside") == true)
    }
}
