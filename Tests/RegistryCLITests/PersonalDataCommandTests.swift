import Foundation
import Registry
import Testing

/// `contact export-personal` and `contact erase`: a person's data, handed over and forgotten.
@Suite struct PersonalDataCommandTests {
    /// Words of the person that appear nowhere else in the sample register.
    let traces = ["zofia.qwerty@example.pl", "zofia.earlier@example.pl", "+48 600 111 222", "Qwertyńska", "koordynatorka"]

    /// The sample register with Zofia (contact 5) added, her e-mail changed once, and a note.
    func registerWithZofia() throws -> TemporaryFolder {
        let folder = try SampleRegister.create()
        let add = try CommandRunner.registry(
            folder,
            [
                "contact", "add", "Zofia Qwertyńska", "--city", "lodz", "--email", "zofia.earlier@example.pl", "--phone", "+48 600 111 222",
                "--role", "koordynatorka",
            ])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "5\n")
        #expect(try CommandRunner.registry(folder, ["contact", "edit", "5", "--email", "zofia.qwerty@example.pl"]).status == 0)
        return folder
    }

    /// Every file of the register (database, -wal, -shm) as bytes.
    func registerBytes(_ folder: TemporaryFolder) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: folder.database + suffix) {
            files[suffix] = try Data(contentsOf: URL(fileURLWithPath: folder.database + suffix))
        }
        return files
    }

    @Test func exportPersonalHoldsTheContactAndEveryEntryNamingThem() throws {
        let folder = try registerWithZofia()
        let result = try CommandRunner.registry(folder, ["contact", "export-personal", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let contact = try #require(document["contact"] as? [String: Any])
        #expect(contact["email"] as? String == "zofia.qwerty@example.pl")
        #expect(contact["city"] as? String == "Łódź")
        let entries = try #require(document["audit_entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["insert", "update"])
        let old = try #require(entries[1]["old_values"] as? [String: Any])
        #expect(old["email"] as? String == "zofia.earlier@example.pl")
        #expect(!result.stdout.contains("Anna"), "nobody else's data")

        let file = folder.url.appendingPathComponent("zofia.json").path
        let written = try CommandRunner.run(["contact", "export-personal", "5", "--output", file, "--db", folder.database], umask: "022")
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("zofia.qwerty@example.pl"))
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)

        let refused = try CommandRunner.registry(folder, ["contact", "export-personal", "5", "--output", folder.database])
        #expect(refused.status == 1 && refused.stderr.contains("register"), "\(refused.stderr)")
        let missing = try CommandRunner.registry(folder, ["contact", "export-personal", "99"])
        #expect(missing.status == 1 && missing.stderr.contains("No contact '99'"), "\(missing.stderr)")
        let notID = try CommandRunner.registry(folder, ["contact", "export-personal", "Zofia"])
        #expect(notID.status == 65 && notID.stderr.contains("contact") && notID.stderr.contains("Zofia"), "\(notID.stderr)")
    }

    @Test func eraseLeavesNoTraceInTheFilesAndLogsTheErasureWithoutTheData() throws {
        let folder = try registerWithZofia()
        let found = try CommandRunner.registry(folder, ["search", "Qwertynska", "--format", "csv"])
        #expect(found.stdout.contains("contact,5,"), "indexed before: \(found.stdout)")
        let before = try RegisterState(folder.database)
        let files = try registerBytes(folder)
        #expect(files.values.contains { String(decoding: $0, as: UTF8.self).contains("zofia.qwerty@example.pl") }, "the check can fail")

        let erase = try CommandRunner.registry(folder, ["contact", "erase", "5", "--as", "dpo"])
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(erase.stdout.isEmpty)
        #expect(erase.stderr.contains("erased the values of 3 audit entries"), "\(erase.stderr)")
        #expect(!traces.contains { erase.stderr.contains($0) })

        for (suffix, bytes) in try registerBytes(folder) {
            for trace in traces {
                #expect(bytes.range(of: Data(trace.utf8)) == nil, "'\(trace)' is still in registry.sqlite\(suffix)")
            }
        }
        let after = try RegisterState(folder.database)
        #expect(after.contacts.map(\.contact.name) == before.contacts.map(\.contact.name).filter { $0 != "Zofia Qwertyńska" })
        #expect(after.cities == before.cities && after.partnerships == before.partnerships)
        // The log keeps who did what and when, with the values replaced by the id alone.
        let zofia = after.audit.filter { $0.tableName == "contact" && $0.rowId == 5 }
        #expect(zofia.map(\.action) == [.insert, .update, .delete, .erase])
        #expect(zofia.dropLast().allSatisfy { ($0.oldValues ?? #"{"id":5}"#) == #"{"id":5}"# && ($0.newValues ?? #"{"id":5}"#) == #"{"id":5}"# })
        #expect(zofia.last?.actor == "dpo" && zofia.last?.newValues == #"{"id":5,"entries_erased":3}"#)
        #expect(Array(after.audit.prefix(before.audit.count - 2)) == Array(before.audit.prefix(before.audit.count - 2)), "others untouched")
        let search = try CommandRunner.registry(folder, ["search", "Qwertynska"])
        #expect(search.status == 0 && !search.stdout.contains("Qwerty"))
        let integrity = try CommandRunner.sqlite(
            folder.database, "PRAGMA integrity_check; INSERT INTO search_index(search_index) VALUES('integrity-check');")
        #expect(integrity.stdout == "ok\n" && integrity.status == 0, "\(integrity.stderr)")

        // The trail stays closed to everyone else.
        let tamper = try CommandRunner.sqlite(folder.database, "UPDATE audit_log SET new_values = NULL WHERE table_name = 'contact' AND row_id = 1;")
        #expect(tamper.status != 0 && tamper.stderr.contains("the audit log cannot be changed"), "\(tamper.stderr)")
        // Even during an erasure, only that contact's values may change, and nothing else of them.
        for statement in [
            "UPDATE audit_log SET actor = 'someone' WHERE table_name = 'contact' AND row_id = 1",
            "UPDATE audit_log SET new_values = NULL WHERE table_name = 'city'",
            "DELETE FROM audit_log WHERE table_name = 'contact' AND row_id = 1",
        ] {
            let attempt = try CommandRunner.sqlite(
                folder.database, "BEGIN; INSERT INTO audit_session (id, actor, erasing_contact) VALUES (1, 'x', 1); \(statement); COMMIT;")
            #expect(attempt.stderr.contains("the audit log cannot be changed"), "\(statement): \(attempt.stderr)")
        }
        #expect(try RegisterState(folder.database).audit == after.audit)
        let again = try CommandRunner.registry(folder, ["contact", "erase", "5"])
        #expect(again.status == 1 && again.stderr.contains("No contact '5'"), "\(again.stderr)")
    }

    @Test func aRemovedContactIsErasedFromTheLogAndItsIdIsNeverGivenAgain() throws {
        let folder = try registerWithZofia()
        #expect(try CommandRunner.registry(folder, ["contact", "remove", "5"]).status == 0)
        let exported = try CommandRunner.registry(folder, ["contact", "export-personal", "5"])
        #expect(exported.status == 0 && exported.stdout.contains("zofia.qwerty@example.pl"), "\(exported.stderr)")
        #expect(exported.stdout.contains(#""contact" : null"#))

        let erase = try CommandRunner.registry(folder, ["contact", "erase", "5"])
        #expect(erase.status == 0 && erase.stderr.contains("already removed"), "\(erase.stderr)")
        let log = try CommandRunner.registry(folder, ["log", "--table", "contact", "--format", "json"])
        #expect(!traces.contains { log.stdout.contains($0) }, "\(log.stdout)")

        // Id 5 stays Zofia's: the next person gets 6, and their data is theirs alone.
        let add = try CommandRunner.registry(folder, ["contact", "add", "Jan Nowy", "--city", "gdansk", "--email", "jan@example.pl"])
        #expect(add.stdout == "6\n")
        let jan = try CommandRunner.registry(folder, ["contact", "export-personal", "6"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(jan.stdout.utf8)) as? [String: Any])
        #expect((document["audit_entries"] as? [[String: Any]])?.map { $0["action"] as? String } == ["insert"])
        #expect(!jan.stdout.contains("zofia"))
        #expect(try CommandRunner.registry(folder, ["contact", "erase", "6"]).stderr.contains("erased the values of 2 audit entries"))
    }

    @Test func aReaderOfAnotherProcessKeepsTheWriteAheadLogAndIsSaidSo() throws {
        let folder = try registerWithZofia()
        // The sqlite3 shell holds a read transaction open while the erasure runs.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [folder.database]
        let input = Pipe()
        let output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        try shell.run()
        input.fileHandleForWriting.write(Data("BEGIN; SELECT count(*) FROM contact;\n".utf8))
        _ = output.fileHandleForReading.availableData  // the snapshot is taken
        let erase = try CommandRunner.registry(folder, ["contact", "erase", "5"])
        try input.fileHandleForWriting.close()
        shell.waitUntilExit()
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(erase.stderr.contains("another process is reading the register"), "\(erase.stderr)")
    }
}
