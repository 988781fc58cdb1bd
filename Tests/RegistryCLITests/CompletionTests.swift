import Foundation
import Registry
import Testing

/// Shell completion: the scripts each shell loads, and what they complete to, run in the real
/// shells with the built `registry` on PATH (CI installs zsh and fish).
struct CompletionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// PATH with the built `registry` first, as an installed one would be.
    static var environment: [String: String] {
        ["PATH": CommandRunner.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"]
    }

    /// A register with the demo's towns and partners, and a folder to run shells in.
    func demo() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database, "--activities", "20"]).status == 0)
        return folder
    }

    func script(_ shell: String, in folder: TemporaryFolder) throws -> String {
        let result = try CommandRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        let path = folder.url.appendingPathComponent("registry.\(shell)").path
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What bash offers for `line` (the cursor at its end), through the generated script.
    func bash(_ line: String, script: String, in folder: TemporaryFolder, environment: [String: String] = [:]) throws -> [String] {
        let harness = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _registry registry "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try CommandRunner.run(
            ["-c", harness, "harness", script, line], binary: URL(fileURLWithPath: "/bin/bash"), in: folder.url,
            environment: Self.environment.merging(environment) { $1 })
        #expect(result.stderr.isEmpty, "\(line): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// What an interactive zsh or fish shows after `line` and Tab (scripts/complete-in-shell.py).
    func interactive(_ shell: String, _ line: String, expecting expected: String, in folder: TemporaryFolder) throws -> String {
        let driver = Self.packageRoot.appendingPathComponent("scripts/complete-in-shell.py").path
        let result = try CommandRunner.run(
            [driver, shell, try script(shell, in: folder), line, expected], binary: URL(fileURLWithPath: "/usr/bin/python3"),
            in: folder.url, environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test(arguments: [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")])
    func eachShellReadsItsScript(shell: String, check: String) throws {
        let folder = try TemporaryFolder()
        let path = try script(shell, in: folder)
        let parsed = try CommandRunner.run([check, path], binary: URL(fileURLWithPath: "/usr/bin/\(shell)"))
        #expect(parsed.status == 0, "\(shell): \(parsed.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for command in ["city", "partner", "partnership", "activity", "backup", "report", "import", "export"] {
            #expect(text.contains(command), "\(shell) script lacks \(command)")
        }
    }

    @Test func bashCompletesClosedSetsFromTheirDefinitions() throws {
        let folder = try TemporaryFolder()
        let script = try script("bash", in: folder)
        // No database anywhere: the reference sets come from the schema itself.
        #expect(try bash("registry city add Gdańsk --voivodeship ma", script: script, in: folder) == ["mazowieckie", "małopolskie"])
        #expect(try bash("registry partner list --county Ø", script: script, in: folder) == ["Østfold"])
        // Letters typed without their diacritics complete as the registry matches them.
        #expect(try bash("registry city add Nysa --voivodeship sl", script: script, in: folder) == ["śląskie"])
        #expect(try bash("registry partner list --county ost", script: script, in: folder) == ["Østfold"])
        #expect(try bash("registry city list --voivodeship lod", script: script, in: folder) == ["łódzkie"])
        #expect(try bash("registry activity list --kind w", script: script, in: folder) == ["workshop"])
        #expect(try bash("registry expense add --category tr", script: script, in: folder) == ["travel"])
        #expect(try bash("registry partnership edit 1 --continues n", script: script, in: folder) == ["no", "not_yet"])
        #expect(try bash("registry export city --format n", script: script, in: folder) == ["ndjson"])
        #expect(try bash("registry report u", script: script, in: folder) == ["unmatched"])
        // Topic codes after a comma: the last code completes, keeping those before it.
        let topics = try bash("registry city edit 1 --topics cycling,wa", script: script, in: folder)
        #expect(Set(topics) == ["cycling,waste_management", "cycling,water_quality"], "\(topics)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".local").path), "a completion created a database")
    }

    @Test func bashCompletesNamesFromTheDatabaseTheLineNames() throws {
        let folder = try demo()
        let script = try script("bash", in: folder)
        #expect(try bash("registry city show --db \(folder.database) Ch", script: script, in: folder) == ["Chełm"])
        #expect(try bash("registry match --db=\(folder.database) Hrub", script: script, in: folder) == ["Hrubieszów"])
        #expect(
            try bash("registry partner show Ber", script: script, in: folder, environment: ["REGISTRY_DB": folder.database]) == ["Bergen kommune"])
        #expect(
            try bash("registry activity list --db \(folder.database) --partnership Cieszyn/", script: script, in: folder) == [
                "Cieszyn/Bergen kommune"
            ])
    }

    @Test func bashCompletesFilesAndTheBackupsOfTheRegister() throws {
        let folder = try demo()
        let script = try script("bash", in: folder)
        try "id,name\n".write(to: folder.url.appendingPathComponent("towns.csv"), atomically: true, encoding: .utf8)
        #expect(try bash("registry import city tow", script: script, in: folder) == ["towns.csv"])
        #expect(try bash("registry city list --db regi", script: script, in: folder).contains("registry.sqlite"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("nightly"), withIntermediateDirectories: false)
        #expect(try bash("registry backup create --dir ./", script: script, in: folder) == ["./nightly"])
        var made: [String] = []
        for _ in 0..<2 {
            let created = try CommandRunner.run(["backup", "create", "--db", folder.database])
            #expect(created.status == 0, "\(created.stderr)")
            made.append(URL(fileURLWithPath: created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).lastPathComponent)
        }
        // Backups beside the line's database, the newest first; --dir names another folder.
        #expect(try bash("registry backup restore --db \(folder.database) regi", script: script, in: folder) == made.reversed())
        #expect(try bash("registry backup verify --dir \(folder.url.path)/backups r", script: script, in: folder) == made.reversed())
        #expect(try bash("registry backup verify --dir \(folder.url.path) r", script: script, in: folder).isEmpty)
    }

    @Test func zshAndFishCompleteNamesInAnInteractiveShell() throws {
        let folder = try demo()
        for shell in ["zsh", "fish"] {
            let screen = try interactive(shell, "registry city show --db \(folder.database) Ch", expecting: "Chełm", in: folder)
            #expect(screen.contains("Chełm"), "\(shell): \(screen)")
            let county = try interactive(shell, "registry partner add X --county Øst", expecting: "Østfold", in: folder)
            #expect(county.contains("Østfold"), "\(shell): \(county)")
        }
        // zsh takes the registry's own matches as they come (`compadd -U`), as bash does; the
        // terminal's redraw of a replaced word cannot be read back here, so the script is checked.
        let zsh = try String(contentsOfFile: try script("zsh", in: folder), encoding: .utf8)
        #expect(zsh.contains("compadd -U -- \"${completions[@]:0:-1}\""))
        #expect(!zsh.contains("        __registry_complete \"${completions[@]:0:-1}\""))
        // fish matches without regard to case.
        let lower = try interactive("fish", "registry city show --db \(folder.database) hru", expecting: "Hrubieszów", in: folder)
        #expect(lower.contains("Hrubieszów"), "\(lower)")
    }

    @Test func nameCompletionIsQuietWithoutARegister() throws {
        let folder = try TemporaryFolder()
        let garbage = folder.url.appendingPathComponent("notes.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        let missing = folder.url.appendingPathComponent("missing.sqlite").path
        for arguments in [["--db", missing], ["--db", garbage], []] {
            let words = ["registry", "city", "show"] + arguments + [""]
            let result = try CommandRunner.run(
                ["---completion", "city", "show", "--", "positional@0", String(words.count - 1), "0"] + words, in: folder.url)
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(arguments): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == Data("not a database".utf8))
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.url.path)
        #expect(names == ["notes.sqlite"], "\(names)")
    }

    @Test func namesMatchWithoutPolishOrNorwegianLetters() throws {
        let folder = try demo()
        #expect(Registry.completions(.city, prefix: "hrub", databaseAt: folder.database) == ["Hrubieszów"])
        #expect(Registry.completions(.partner, prefix: "TROMSO", databaseAt: folder.database) == ["Tromsø kommune"])
        #expect(Registry.completions(.county, prefix: "ostf", databaseAt: nil) == ["Østfold"])
        #expect(Registry.completions(.topic, prefix: "", databaseAt: nil).count == 26)
        #expect(Registry.completions(.city, prefix: "", databaseAt: nil).isEmpty)
    }
}
