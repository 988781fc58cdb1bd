import Foundation
import Testing

@testable import registry_cli

/// Rendering is a pure function from rows and a format to text.
struct RenderingTests {
    let sample = TableData(
        columns: ["id", "name", "partner_budget", "topics", "notes"],
        rows: [
            [.integer(1), .text("Łódź"), .money(15_000_050), .list(["air_quality", "cycling"]), .null],
            [.integer(22), .text("Say \"hi\", then go"), .money(5), .list([]), .text("=SUM(A1)\nline two")],
        ])

    @Test func csvQuotesSeparatorsQuotesAndLineBreaksWithCRLFLineEnds() {
        let csv = Renderer(format: .csv).render(sample)
        #expect(
            csv == "id,name,partner_budget,topics,notes\r\n" + "1,Łódź,150000.50,\"air_quality,cycling\",\r\n"
                + "22,\"Say \"\"hi\"\", then go\",0.05,,\"=SUM(A1)\nline two\"\r\n")
    }

    @Test func excelCSVHasBOMSemicolonsDecimalCommasAndDefusedFormulas() {
        let csv = Renderer(format: .csv, excel: true).render(sample)
        #expect(csv.hasPrefix("\u{FEFF}id;name;partner_budget;topics;notes\r\n"))
        #expect(csv.contains("1;Łódź;150000,50;air_quality,cycling;\r\n"))
        #expect(csv.contains("\"'=SUM(A1)\nline two\""))
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func excelDefusesEveryFormulaStart(_ text: String) {
        let csv = Renderer(format: .csv, excel: true).render(TableData(columns: ["v"], rows: [[.text(text)]]))
        #expect(csv.contains("'" + text))
    }

    @Test func excelLeavesNegativeNumbersAlone() {
        let csv = Renderer(format: .csv, excel: true).render(TableData(columns: ["v"], rows: [[.integer(-5)]]))
        #expect(csv == "\u{FEFF}v\r\n-5\r\n")
    }

    @Test func tsvEscapesTabsLineBreaksAndBackslashes() {
        let tsv = Renderer(format: .tsv).render(TableData(columns: ["a", "b"], rows: [[.text("x\ty"), .text("1\n2\\3")]]))
        #expect(tsv == "a\tb\nx\\ty\t1\\n2\\\\3\n")
    }

    @Test func jsonHasStableKeysNumbersAsNumbersAndMoneyAsDecimalEuros() {
        let json = Renderer(format: .json).render(sample)
        #expect(json.contains(#"{"id": 1, "name": "Łódź", "partner_budget": 150000.5, "topics": ["air_quality", "cycling"], "notes": null}"#))
        #expect(json.contains(#""name": "Say \"hi\", then go", "partner_budget": 0.05, "topics": [], "notes": "=SUM(A1)\nline two""#))
        #expect(json.hasPrefix("[\n") && json.hasSuffix("]\n"))
    }

    @Test func jsonOfNoRowsIsAnEmptyArray() {
        #expect(Renderer(format: .json).render(TableData(columns: ["id"], rows: [])) == "[]\n")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONText.string("a\u{1}b") == #""a\u0001b""#)
    }

    @Test func jsonStringsEscapeEveryCharacterJSONAndJavaScriptNeed() throws {
        let text = "q\"b\\n\nr\rt\tbell\u{07}nul\u{00}ls\u{2028}ps\u{2029}Łódź"
        let encoded = JSONText.string(text)
        #expect(encoded == #""q\"b\\n\nr\rt\tbell\u0007nul\u0000ls\u2028ps\u2029Łódź""#)
        let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func ndjsonIsOneObjectPerLine() {
        let lines = Renderer(format: .ndjson).render(sample).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"id": 1, "name": "Łódź", "partner_budget": 150000.5, "topics": ["air_quality", "cycling"], "notes": null}"#)
    }

    @Test func markdownEscapesPipesAndRightAlignsNumbers() {
        let markdown = Renderer(format: .markdown).render(TableData(columns: ["id", "name"], rows: [[.integer(1), .text("a|b")]]))
        #expect(markdown == "| Id | Name |\n| ---: | --- |\n| 1 | a\\|b |\n")
    }

    @Test func tableAlignsColumnsByCharactersNotBytes() {
        let text = Renderer(format: .table).render(
            TableData(columns: ["id", "name"], rows: [[.integer(1), .text("Łódź")], [.integer(10), .text("Bergen")]]))
        #expect(text == "Id  Name\n--  ------\n 1  Łódź\n10  Bergen\n")
    }

    @Test func addedRecordIsItsIdAloneForTablesAndTheRecordOtherwise() {
        let record = RecordView(fields: TableData(columns: ["id", "name"], rows: [[.integer(7), .text("Piła")]]))
        #expect(Renderer(format: .table).renderAdded(id: 7, record: record) == "7\n")
        #expect(Renderer(format: .csv).renderAdded(id: 7, record: record) == "id,name\r\n7,Piła\r\n")
    }

    @Test func recordShowsFieldByFieldInTables() {
        let record = RecordView(fields: TableData(columns: ["id", "voivodeship"], rows: [[.integer(7), .text("wielkopolskie")]]))
        #expect(Renderer(format: .table).render(record) == "Id           7\nVoivodeship  wielkopolskie\n")
    }
}
