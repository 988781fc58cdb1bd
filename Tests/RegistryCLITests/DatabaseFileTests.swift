import Foundation
import Registry
import Testing

/// Where the database lives, who may read it, and which databases are refused.
struct DatabaseFileTests {
    @Test func withoutDbTheRegistryDbVariableIsUsed() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("from-env.sqlite").path
        let result = try CommandRunner.run(["city", "add", "Konin", "--voivodeship", "wielkopolskie"], environment: ["REGISTRY_DB": path])
        #expect(result.status == 0)
        #expect(try Registry.open(path: path).cities().map(\.city.name) == ["Konin"])
    }

    @Test func withoutEitherTheXDGDataFolderIsCreatedOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let data = folder.url.appendingPathComponent("data")
        let result = try CommandRunner.run(
            ["theme", "list", "--format", "csv"], environment: ["XDG_DATA_HOME": data.path], umask: "022")
        #expect(result.status == 0)
        let database = data.appendingPathComponent("ks-registry/registry.sqlite").path
        #expect(try permissions(database) == 0o600)
        #expect(try permissions(data.appendingPathComponent("ks-registry").path) == 0o700)
    }

    @Test func homeIsTheFallbackWithoutXDGDataHome() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["theme", "list"], in: folder.url)
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".local/share/ks-registry/registry.sqlite").path))
    }

    @Test func databaseAndItsWalAndShmAreOwnerOnlyWhateverTheUmask() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(
            ["demo", "--db", folder.database, "--activities", "50"], umask: "000")
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("registry.sqlite") }
        #expect(files.contains("registry.sqlite"))
        for file in files {
            #expect(try permissions(folder.url.appendingPathComponent(file).path) == 0o600, "\(file)")
        }
    }

    @Test func aDatabaseFromANewerBuildIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        _ = try Registry.open(path: folder.database)
        let sqlite = try CommandRunner.run(
            [folder.database, "INSERT INTO grdb_migrations VALUES ('9999_from_the_future')"],
            binary: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        #expect(sqlite.status == 0)
        let result = try CommandRunner.run(["city", "list", "--db", folder.database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("was migrated by a newer registry"))
        #expect(result.stderr.contains("9999_from_the_future"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedWithASentence() throws {
        let folder = try TemporaryFolder()
        try Data("name;voivodeship\nŁódź;łódzkie\n".utf8).write(to: URL(fileURLWithPath: folder.database))
        let result = try CommandRunner.run(["city", "list", "--db", folder.database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a usable registry database"))
        #expect(result.stderr.contains("registry backup restore"), "the advice names the command")
        #expect(try String(contentsOfFile: folder.database, encoding: .utf8) == "name;voivodeship\nŁódź;łódzkie\n")
    }

    @Test func migrateListShowsEveryMigrationApplied() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(["migrate", "--list", "--format", "csv", "--db", folder.database])
        #expect(result.status == 0)
        #expect(
            result.stdout == "migration,state\r\n0001_create_schema,applied\r\n0002_seed_reference,applied\r\n"
                + "0003_audit_log,applied\r\n0004_budget_views,applied\r\n0005_import_change_sets,applied\r\n0006_reports,applied\r\n0007_search,applied\r\n0008_personal_data,applied\r\n0009_ids_never_reused,applied\r\n0010_saved_query_audit,applied\r\n0011_search_folding,applied\r\n0012_expense_currencies,applied\r\n0013_spending_against_budgets,applied\r\n"
        )
    }

    func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
