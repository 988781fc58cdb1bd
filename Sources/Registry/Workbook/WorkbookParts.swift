/// The fixed parts of the workbooks the registry writes (ECMA-376 SpreadsheetML), and the text
/// escaping of their cells.
enum WorkbookParts {
    /// Cell styles, as indexes into `cellXfs` of `styles`.
    enum Style {
        static let header = 1
        static let money = 2
        static let date = 3
        static let text = 4
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Fonts 0 (regular) and 1 (bold); number formats 164 (`#,##0.00`, money) and 165
    /// (`yyyy-mm-dd`); 49 is the built-in text format `@`, which keeps a code a code when edited.
    static let styles =
        declaration + """
            <styleSheet xmlns="\(main)">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """

    static let packageRelations =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """

    static func contentTypes(sheets: Int) -> String {
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...sheets).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + "</Types>"
    }

    /// The sheets by name, each with its filter's range (`_xlnm._FilterDatabase`, as Excel writes it).
    static func workbook(_ sheets: [(name: String, columns: Int, rows: Int)]) -> String {
        var names = ""
        for (index, sheet) in sheets.enumerated() where sheet.columns > 0 {
            let last = WorkbookReader.columnLetters(sheet.columns - 1)
            names +=
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + escaped("'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'!$A$1:$\(last)$\(max(1, sheet.rows))") + "</definedName>"
        }
        return declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView/></bookViews><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(escaped($0.element.name))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }
            .joined() + "</sheets>" + (names.isEmpty ? "" : "<definedNames>\(names)</definedNames>") + "</workbook>"
    }

    static func workbookRelations(sheets: Int) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...sheets).map { "<Relationship Id=\"rId\($0)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }
            .joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// A sheet's start: the header row frozen, the column widths, and the rows to come.
    static func sheetStart(widths: [Int]) -> String {
        declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
            + (widths.isEmpty
                ? ""
                : "<cols>"
                    + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }
                    .joined() + "</cols>")
            + "<sheetData>"
    }

    static func escaped(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Markup characters as entities; the control characters XML 1.0 cannot hold as `_xHHHH_`,
    /// which is how Excel writes them.
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        // Most values need no escape: taken whole.
        guard
            value.utf8.contains(where: {
                $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
            })
        else { return bytes.append(contentsOf: value.utf8) }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case 0..<0x20:
                let hex = String(byte, radix: 16, uppercase: true)
                bytes.append(contentsOf: "_x\(String(repeating: "0", count: 4 - hex.count))\(hex)_".utf8)
            default: bytes.append(byte)
            }
        }
    }
}
