import Foundation
import GRDB
import Registry
import Testing

/// The registry on disk. Serialized because the umask is process-wide: only this suite sets it.
@Suite(.serialized)
struct DatabaseFileTests {
    @Test func filesAndNewFoldersAreOwnerOnlyEvenWhenTheCallersUmaskWasWider() throws {
        try withTemporaryFolder { folder in
            let newFolder = folder.appendingPathComponent("ks-registry")
            let nested = newFolder.appendingPathComponent("data")
            let path = nested.appendingPathComponent("registry.sqlite").path
            let previous = umask(0o022)
            defer { umask(previous) }
            let registry = try Registry.open(path: path, actor: "test")
            _ = try registry.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie"))
            let umaskAfterOpening = umask(0o077)
            umask(umaskAfterOpening)
            #expect(umaskAfterOpening == 0o077)
            #expect(try permissions(newFolder.path) == 0o700)
            #expect(try permissions(nested.path) == 0o700)
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) is missing")
                #expect(try permissions(file) == 0o600, "\(file) is not owner-only")
            }
        }
    }

    @Test func aDatabaseCreatedWorldReadableBeforeIsMadeOwnerOnly() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            _ = try Registry.open(path: path, actor: "test")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            _ = try Registry.open(path: path, actor: "test")
            #expect(try permissions(path) == 0o600)
        }
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUnchanged() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("other.sqlite").path
            try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE note (text TEXT)") }
            #expect {
                try Registry.open(path: path, actor: "test")
            } throws: { error in
                (error as? RegistryError)?.description.contains("another application") == true
            }
            let tables = try DatabaseQueue(path: path).read {
                try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            #expect(tables == ["note"])
        }
    }

    @Test func aFileRegistryUsesWriteAheadLogging() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let registry = try Registry.open(path: path, actor: "test")
            #expect(registry.path == path)
            let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
        }
    }

    @Test func anInMemoryRegistryHasNoPath() throws {
        #expect(try Registry.inMemory().path == nil)
    }

    @Test func whatWasWrittenIsThereAfterReopening() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            do {
                let registry = try Registry.open(path: path, actor: "test")
                _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "lodzkie", partnerBudget: "150000.50"))
            }
            let reopened = try Registry.open(path: path, actor: "test")
            let city = try reopened.city("lodz").city
            #expect(city.name == "Łódź")
            #expect(city.partnerBudgetCents == 15_000_050)
        }
    }

    @Test func aDatabaseMigratedByANewerBuildIsRefusedNamingTheMigration() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            do {
                let registry = try Registry.open(path: path, actor: "test")
                _ = try registry.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie"))
            }
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_from_a_newer_build')") }
            let schema = { try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_schema ORDER BY name") } }
            let before = try schema()
            let error = #expect(throws: RegistryError.self) { try Registry.open(path: path, actor: "test") }
            #expect(error == .newerDatabase(path: path, unknownMigrations: ["0099_from_a_newer_build"]))
            #expect(error?.description.contains("0099_from_a_newer_build") == true)
            #expect(try schema() == before)
            #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM city") } == ["Konin"])
        }
    }

    @Test(
        arguments: [
            Array("These are meeting notes, not a database.\n".utf8),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 4_096),
            Array("SQLite format 3\0".utf8) + Array(repeating: 0xFF, count: 4_080),
        ] as [[UInt8]])
    func aFileThatIsNotSQLiteIsRefusedAndLeftAsItWas(contents: [UInt8]) throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("notes.sqlite").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
            let error = #expect(throws: RegistryError.self) { try Registry.open(path: path, actor: "test") }
            #expect(error?.description.contains(path) == true)
            #expect(FileManager.default.contents(atPath: path) == Data(contents))
        }
    }

    @Test func aFolderWhereTheDatabaseShouldBeIsRefused() throws {
        try withTemporaryFolder { folder in
            #expect(throws: RegistryError.self) { try Registry.open(path: folder.path, actor: "test") }
        }
    }

    @Test func twoRegistriesOnOneFileSeeEachOthersWrites() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("registry.sqlite").path
            let first = try Registry.open(path: path, actor: "anna")
            let second = try Registry.open(path: path, actor: "ola")
            _ = try first.addCity(CityInput(name: "Konin", voivodeship: "wielkopolskie"))
            _ = try second.addPartner(PartnerInput(name: "Alta kommune", kind: "municipality"))
            #expect(try second.cities().map(\.city.name) == ["Konin"])
            #expect(try first.partners().map(\.partner.name) == ["Alta kommune"])
        }
    }
}
