import Foundation
import Registry
import Testing

/// Input nobody planned for, through the real binary: each is refused clearly (or handled as
/// documented), never a crash, never a partial write.
@Suite struct HostileInputTests {
    /// An import file that must be refused: its bytes, the exit code and a piece of the message.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let entity: String
        let file: String
        let bytes: Data
        let status: Int32
        let message: String
        var testDescription: String { name }

        init(_ name: String, entity: String = "city", file: String = "in.csv", bytes: Data, _ message: String) {
            (self.name, self.entity, self.file, self.bytes, self.status, self.message) = (name, entity, file, bytes, 65, message)
        }

        init(_ name: String, entity: String = "city", file: String = "in.csv", _ text: String, _ message: String) {
            self.init(name, entity: entity, file: file, bytes: Data(text.utf8), message)
        }
    }

    static let refusals: [Refusal] = [
        Refusal("a NUL byte in a name", "name,voivodeship\nNy\u{0}sa,opolskie\n", "line 2, name 'Ny\\u{0}sa': contains a control character"),
        Refusal(
            "a 10 MB field", "name,voivodeship,notes\nNysa,opolskie," + String(repeating: "a", count: 10 << 20) + "\n",
            "line 2, notes 'aaaa"),
        Refusal(
            "100,000 columns", "name," + (1...100_000).map { "c\($0)" }.joined(separator: ",") + "\nNysa\n",
            "the header has 100001 columns, but city has 13"),
        Refusal(
            "deeply nested JSON", file: "in.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "must be a JSON object"),
        Refusal(
            "a nested value", file: "in.json",
            #"[{"name": "Nysa", "voivodeship": "opolskie", "notes": "# + String(repeating: "[", count: 5000)
                + String(repeating: "]", count: 5000) + "}]", "nest"),
        Refusal("an empty file", "", "the file is empty"),
        Refusal(
            "a PNG", file: "in.png", bytes: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]),
            "not UTF-8"),
        Refusal("Gdańsk decomposed (NFD)", "name,voivodeship\nGdan\u{301}sk,pomorskie\n", "the city is already in the register (id 2)"),
        Refusal(
            "a right-to-left override in a name", "name,voivodeship\nNysa\u{202E}exe.,opolskie\n",
            "contains U+202E, which reverses or isolates the text"),
        Refusal("a huge amount", "name,voivodeship,partner_budget\nNysa,opolskie,99999999999999999999\n", "partner_budget '99999999999999999999'"),
        Refusal("three decimals", "name,voivodeship,partner_budget\nNysa,opolskie,1500.005\n", "partner_budget '1500.005'"),
        Refusal(
            "a 12/31/2024 date, day or month first", entity: "partnership", "city,partner,start_date\nGdańsk,Tromsø kommune,12/31/2024\n",
            "line 2, start_date '12/31/2024': is ambiguous: month/day/year or day/month/year?"),
        Refusal(
            "a 31.02.2024 date that does not exist", entity: "partnership", "city,partner,start_date\nGdańsk,Tromsø kommune,31.02.2024\n",
            "start_date '2024-02-31'"),
        Refusal(
            "a date that does not exist", entity: "partnership", "city,partner,start_date\nGdańsk,Tromsø kommune,2024-02-30\n",
            "start_date '2024-02-30'"),
        Refusal(
            "5,000 combining marks on one letter", "name,voivodeship\nN" + String(repeating: "\u{301}", count: 5000) + "ysa,opolskie\n",
            "is longer than 200 characters"),
        Refusal(
            "a 2 MB single-character name", "name,voivodeship\nN" + String(repeating: "\u{308}", count: 1_000_000) + ",opolskie\n",
            "is longer than 200 characters"),
        Refusal("a zero-width space", "name,voivodeship\nKra\u{200B}ków,małopolskie\n", "contains U+200B (zero width space)"),
        Refusal("a zero-width joiner", "name,voivodeship\nKra\u{200D}ków,małopolskie\n", "contains U+200D"),
        Refusal("a word joiner", entity: "partner", "name,kind\nBergen\u{2060} kommune,municipality\n", "contains U+2060"),
        Refusal("a byte-order mark inside a name", "name,voivodeship\nKra\u{FEFF}ków,małopolskie\n", "contains U+FEFF"),
        Refusal("a left-to-right mark", "name,voivodeship\nKraków\u{200E},małopolskie\n", "contains U+200E"),
        Refusal("an id of 2^60", "id,name,voivodeship\n1152921504606846976,Nysa,opolskie\n", "line 2, id '1152921504606846976'"),
        Refusal("the largest 64-bit id", "id,name,voivodeship\n9223372036854775807,Nysa,opolskie\n", "line 2, id '9223372036854775807'"),
        Refusal(
            "a key given twice in JSON", file: "in.json", #"[{"name": "Nysa", "voivodeship": "opolskie", "name": "Brzeg"}]"#,
            #"line 1: the key "name" is given twice in one record"#),
        Refusal(
            "a key given twice, once escaped, in NDJSON", file: "in.json",
            "{\"name\": \"Nysa\", \"voivodeship\": \"opolskie\"}\n{\"name\": \"Brzeg\", \"voivodeship\": \"opolskie\", \"n\\u0061me\": \"Opole\"}\n",
            #"line 2: the key "name" is given twice"#),
    ]

    @Test(arguments: refusals)
    func aHostileImportFileIsRefusedAndChangesNothing(_ refusal: Refusal) throws {
        let folder = try SampleRegister.create()
        let before = try RegisterState(folder.database)
        let file = folder.url.appendingPathComponent(refusal.file)
        try refusal.bytes.write(to: file)
        let result = try CommandRunner.registry(folder, ["import", refusal.entity, file.path])
        #expect(result.status == refusal.status, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains(refusal.message), "\(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 2000, "the message quotes a value's beginning, not all of it")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0 || $0.value == 0x202E }, "nothing invisible reaches the terminal")
        #expect(try RegisterState(folder.database) == before)
        #expect(try CommandRunner.isClean(folder.database))
    }

    @Test func aDryRunRefusesAnIDTooLargeForTheSearchIndexAsTheImportDoes() throws {
        let folder = try SampleRegister.create()
        let file = folder.url.appendingPathComponent("big.csv")
        try Data("id,name,voivodeship\n1152921504606846976,Nysa,opolskie\n".utf8).write(to: file)
        for dryRun in [["--dry-run"], []] {
            let result = try CommandRunner.registry(folder, ["import", "city", file.path] + dryRun)
            #expect(result.status == 65 && result.stderr.contains("from 1 to 1152921504606846975"), "\(result.stderr)")
        }
        let largest = folder.url.appendingPathComponent("largest.csv")
        try Data("id,name,voivodeship\n1152921504606846975,Nysa,opolskie\n".utf8).write(to: largest)
        #expect(try CommandRunner.registry(folder, ["import", "city", largest.path]).status == 0)
        #expect(try CommandRunner.registry(folder, ["search", "nysa", "--format", "csv"]).stdout.contains("Nysa"))
    }

    @Test func aOneGigabyteLineIsRefusedAfterItsFirstSixteenMegabytes() throws {
        let folder = try SampleRegister.create()
        let before = try RegisterState(folder.database)
        let pipeline = "{ printf 'name,voivodeship\\n'; head -c 1073741824 /dev/zero | tr '\\0' a; } | \"$0\" import city - --db \"$1\""
        let started = Date()
        let result = try CommandRunner.run(
            ["-c", pipeline, CommandRunner.binary.path, folder.database], binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("a field is longer than 16 MiB"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 60, "it stops reading instead of taking the whole gigabyte")
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func aFolderIsNotAnImportFile() throws {
        let folder = try SampleRegister.create()
        let result = try CommandRunner.registry(folder, ["import", "city", folder.url.path])
        #expect(result.status == 1 && result.stderr.contains("is a folder, not a file"), "\(result.stderr)")
    }

    @Test func wildcardsQuotesAndSearchSyntaxAreOnlyText() throws {
        let folder = try SampleRegister.create()
        for text in ["%", "_", "'", "\"", "*", "lodz OR gdansk", "NEAR(a b)", "name:lodz", "^lodz", "-lodz", "a\"b"] {
            // `--` ends the options, so a text beginning with a dash is text.
            let search = try CommandRunner.run(["search", "--format", "csv", "--db", folder.database, "--", text])
            #expect(search.status == 0 || search.status == 65, "\(text): \(search.stderr)")
            #expect(!search.stderr.contains("fts5") && !search.stderr.contains("syntax error"), "\(text): \(search.stderr)")
            let show = try CommandRunner.run(["city", "show", "--db", folder.database, "--", text])
            #expect(show.status == 1 && show.stderr.contains("No city"), "\(text) matched a city: \(show.stdout)")
        }
        let filter = try CommandRunner.registry(folder, ["city", "list", "--voivodeship", "%"])
        #expect(filter.status == 65 && filter.stderr.contains("voivodeship '%'"), "\(filter.stderr)")
    }

    @Test func controlAndDirectionCharactersWrittenByOtherToolsAreShownNotObeyed() throws {
        let folder = try SampleRegister.create()
        let spoof = "Nysa\u{202E}exe.\u{1B}[31m"
        let insert = try CommandRunner.sqlite(
            folder.database, "INSERT INTO city (name, name_key, voivodeship) VALUES ('\(spoof)', 'nysa', 'opolskie')")
        #expect(insert.status == 0, "\(insert.stderr)")
        for format in ["table", "markdown"] {
            let list = try CommandRunner.registry(folder, ["city", "list", "--format", format])
            #expect(list.status == 0)
            #expect(list.stdout.contains("Nysa\\u{202E}exe.\\u{1B}[31m"), "\(format): \(list.stdout)")
            #expect(!list.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B }, "\(format)")
        }
        let show = try CommandRunner.registry(folder, ["city", "show", "3"])
        #expect(show.stdout.contains("Nysa\\u{202E}exe.\\u{1B}[31m"), "\(show.stdout)")
        let html = try CommandRunner.registry(folder, ["report", "budget", "--format", "html"])
        #expect(!html.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B })
        // Data formats keep the value as it is stored.
        let csv = try CommandRunner.registry(folder, ["city", "show", "3", "--format", "json"])
        #expect(try jsonRows(csv.stdout).first?["name"] as? String == spoof)
    }
}
