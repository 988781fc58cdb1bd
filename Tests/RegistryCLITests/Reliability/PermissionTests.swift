import Foundation
import Testing

/// Every file the registry creates is its owner's alone, whatever the caller's umask.
@Suite struct PermissionTests {
    @Test func everyFileAndFolderTheToolCreatesIsOwnerOnlyUnderUmask022() throws {
        let folder = try TemporaryFolder()
        let data = folder.url.appendingPathComponent("data dir/ks łódź").path
        let database = data + "/registry.sqlite"
        func run(_ arguments: [String]) throws {
            let result = try CommandRunner.run(arguments + ["--db", database], in: folder.url, umask: "022")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run(["city", "add", "Łódź", "--voivodeship", "lodzkie"])
        try run(["contact", "add", "Ewa", "--city", "lodz", "--email", "ewa@example.pl"])
        try run(["backup", "create"])
        try run(["export", "city", "--output", data + "/cities.csv"])
        try run(["contact", "export-personal", "1", "--output", data + "/ewa.json"])
        try run(["backup", "restore", try latestBackup(in: data + "/backups"), "--force"])
        try run(["contact", "erase", "1"])

        var checked = 0
        let walker = try #require(FileManager.default.enumerator(atPath: folder.url.path))
        while let relative = walker.nextObject() as? String {
            let path = folder.url.appendingPathComponent(relative).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let mode = try #require(attributes[.posixPermissions] as? Int)
            let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(relative) is \(String(mode, radix: 8))")
            checked += 1
        }
        // The folders, the database, backups and manifests, the exports, the aside copy.
        #expect(checked >= 9, "only \(checked) files and folders were made")
    }

    func latestBackup(in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sqlite") }.sorted()
        return folder + "/" + (try #require(names.last))
    }
}
