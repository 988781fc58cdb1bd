import Foundation
import Testing

/// `registry export datasette-metadata`: a description for every table, view and column a
/// migrated register has, under the name Datasette gives the file, written read-only.
struct DatasetteMetadataTests {
    /// The tables, views and their columns of the database at `path`, as the sqlite3 shell sees
    /// them, and which of them are internal (the registry's work tables, FTS5 shadow tables).
    struct LiveSchema {
        var columns: [String: [String]] = [:]
        var hidden: Set<String> = ["audit_session", "search_catch_up", "grdb_migrations"]

        init(_ path: String) throws {
            let listing = try CommandRunner.sqlite(
                path,
                """
                SELECT list.name, list.type, info.name FROM pragma_table_list AS list, pragma_table_info(list.name) AS info
                WHERE list.schema = 'main' AND list.name NOT LIKE 'sqlite_%'
                """)
            for line in listing.stdout.split(separator: "\n") {
                let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                columns[fields[0], default: []].append(fields[2])
                if fields[1] == "shadow" { hidden.insert(fields[0]) }
            }
        }
    }

    /// A migrated register named `file` in `folder`: its path.
    func migrated(_ folder: TemporaryFolder, file: String = "registry.sqlite") throws -> String {
        let path = folder.url.appendingPathComponent(file).path
        #expect(try CommandRunner.run(["migrate", "--db", path]).status == 0)
        return path
    }

    /// The metadata document of the register at `path`.
    func metadata(_ path: String) throws -> [String: Any] {
        let result = try CommandRunner.run(["export", "datasette-metadata", "--db", path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func tables(_ document: [String: Any], database: String = "registry") throws -> [String: [String: Any]] {
        let databases = try #require(document["databases"] as? [String: [String: Any]])
        return try #require(databases[database]?["tables"] as? [String: [String: Any]], "\(databases.keys)")
    }

    @Test func everyTableViewAndColumnOfAMigratedRegisterHasADescription() throws {
        let folder = try TemporaryFolder()
        let path = try migrated(folder)
        let document = try metadata(path)
        #expect((document["title"] as? String)?.isEmpty == false)
        #expect((document["description"] as? String)?.isEmpty == false)
        let schema = try LiveSchema(path)
        let tables = try tables(document)
        #expect(Set(tables.keys) == Set(schema.columns.keys))
        for (name, columns) in schema.columns {
            let table = try #require(tables[name], "\(name)")
            if schema.hidden.contains(name) {
                #expect(table["hidden"] as? Bool == true, "\(name)")
                continue
            }
            #expect((table["title"] as? String)?.isEmpty == false, "\(name)")
            #expect((table["description"] as? String)?.isEmpty == false, "\(name)")
            let described = table["columns"] as? [String: String] ?? [:]
            for column in columns {
                #expect(described[column]?.isEmpty == false, "\(name).\(column) has no description")
            }
        }
        let reports = ["report_overview", "report_budget", "report_themes", "report_activities", "report_partners", "report_unmatched"]
        #expect(Set(reports + ["partnership_budget", "city_budget", "partner_budget", "search_index"]).isSubset(of: tables.keys))
        #expect(tables["city"]?["label_column"] as? String == "name" && tables["partner"]?["label_column"] as? String == "name")
    }

    @Test func theMetadataNamesOnlyTablesAndColumnsThatExist() throws {
        let folder = try TemporaryFolder()
        let path = try migrated(folder)
        let document = try metadata(path)
        let schema = try LiveSchema(path)
        var texts = [document["title"], document["description"]].compactMap { $0 as? String }
        for (name, table) in try tables(document) {
            let columns = try #require(schema.columns[name], "\(name) is not in the database")
            let described = table["columns"] as? [String: String] ?? [:]
            #expect(Set(described.keys).isSubset(of: columns), "\(name): \(described.keys.sorted())")
            for key in ["label_column", "sort_desc"] {
                if let column = table[key] as? String { #expect(columns.contains(column), "\(name) \(key) \(column)") }
            }
            texts += [table["title"], table["description"]].compactMap { $0 as? String } + described.values
        }
        // A description refers to another table's column as table.column.
        let reference = try Regex(#"\b([a-z_]+)\.([a-z_]+)\b"#)
        for text in texts {
            for match in text.matches(of: reference) {
                let table = String(text[match.output[1].range!]), column = String(text[match.output[2].range!])
                #expect(schema.columns[table]?.contains(column) == true, "\(table).\(column) in \"\(text)\"")
            }
        }
    }

    @Test(arguments: [
        ("registry.sqlite", "registry"), ("ks register.db", "ks register"), ("2024.copy.sqlite", "2024.copy"),
        ("Łódź-registry", "Łódź-registry"),
    ])
    func theDatabaseKeyIsTheFileNameWithoutItsExtension(file: String, name: String) throws {
        let folder = try TemporaryFolder()
        let document = try metadata(try migrated(folder, file: file))
        let databases = try #require(document["databases"] as? [String: Any])
        #expect(Array(databases.keys) == [name])
    }

    @Test(arguments: [["--format", "csv"], ["--format", "ndjson"], ["--excel"], ["--format", "json", "--excel"]])
    func formatsOtherThanJSONAreRefused(flags: [String]) throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["export", "datasette-metadata", "--db", folder.database] + flags)
        #expect(result.status == 64)
        #expect(result.stderr.contains("datasette-metadata is JSON only"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try CommandRunner.run(["export", "datasette-metadata", "--db", folder.database, "--format", "json"]).status == 0)
    }

    @Test func outputWritesAnOwnerOnlyFileWithTheSameDocument() throws {
        let folder = try TemporaryFolder()
        let path = try migrated(folder)
        let file = folder.url.appendingPathComponent("metadata.json").path
        let written = try CommandRunner.run(["export", "datasette-metadata", "--db", path, "--output", file], umask: "022")
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let printed = try CommandRunner.run(["export", "datasette-metadata", "--db", path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(printed.stdout.utf8))
    }

    @Test func theRegisterIsOnlyReadAndAViewAddedWithOtherToolsIsListedUndescribed() throws {
        let folder = try TemporaryFolder()
        let path = try migrated(folder)
        #expect(try CommandRunner.sqlite(path, "CREATE VIEW my_towns AS SELECT name FROM city").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let document = try metadata(path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        #expect((wal?.intValue ?? 0) == 0, "the export wrote to the write-ahead log")
        let view = try #require(try tables(document)["my_towns"])
        #expect(view["description"] == nil && view["columns"] == nil && view["hidden"] == nil)
    }
}
