/// Writes an .xlsx workbook sheet by sheet and row by row, for exports of any size: typed cells
/// (money as numbers with two decimals and a thousands format, dates as dates, codes and names as
/// text so no zero or letter is lost), a bold, frozen header row with filters, and column widths
/// measured on the first rows.
public final class WorkbookWriter {
    /// Rows held back to measure the columns before the sheet starts.
    static let measuredRows = 200

    private let zip: ZipWriter
    private var sheets: [(name: String, columns: Int, rows: Int)] = []
    private var columns: [String] = []
    private var held: [[Cell]] = []
    private var started = false
    private var sheetOpen = false
    private var rowNumber = 1
    private var buffer: [UInt8] = []
    private var letters: [[UInt8]] = []
    /// The number of the row being written, as digits for its cells' references.
    private var rowDigits: [UInt8] = []

    /// `sink` receives the file's bytes in order (a file or a pipe).
    public init(sink: @escaping ([UInt8]) throws -> Void) {
        zip = ZipWriter(sink: sink)
        buffer.reserveCapacity(1 << 17)
    }

    /// Starts a sheet named `name` (made a valid, unique sheet name) with these column headings.
    public func beginSheet(_ name: String, columns: [String]) throws {
        try endSheet()
        self.columns = columns
        letters = columns.indices.map { Array(WorkbookReader.columnLetters($0).utf8) }
        sheets.append((sheetName(name), columns.count, 0))
        (held, started, rowNumber, sheetOpen) = ([], false, 1, true)
        try zip.begin("xl/worksheets/sheet\(sheets.count).xml")
    }

    public func row(_ cells: [Cell]) throws {
        guard started else {
            held.append(cells)
            if held.count >= Self.measuredRows { try start() }
            return
        }
        append(cells)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Ends the sheet begun last, if any.
    public func endSheet() throws {
        guard sheetOpen, let last = sheets.last else { return }
        sheetOpen = false
        if !started { try start() }
        text("</sheetData>")
        if last.columns > 0 {
            text("<autoFilter ref=\"A1:\(WorkbookReader.columnLetters(max(0, last.columns - 1)))\(rowNumber)\"/>")
        }
        text("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        try flush()
        try zip.end()
        sheets[sheets.count - 1].rows = rowNumber
    }

    /// Writes the workbook's other parts; the file is complete.
    public func finish() throws {
        try endSheet()
        if sheets.isEmpty { try beginSheet("Sheet1", columns: []); try endSheet() }
        try part("[Content_Types].xml", WorkbookParts.contentTypes(sheets: sheets.count))
        try part("_rels/.rels", WorkbookParts.packageRelations)
        try part("xl/workbook.xml", WorkbookParts.workbook(sheets.map { ($0.name, $0.columns, $0.rows) }))
        try part("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelations(sheets: sheets.count))
        try part("xl/styles.xml", WorkbookParts.styles)
        try zip.finish()
    }

    // MARK: Sheet

    /// The sheet's start, with the widths of the held rows, then the header and the held rows.
    private func start() throws {
        started = true
        text(WorkbookParts.sheetStart(widths: widths()))
        buffer.append(contentsOf: "<row r=\"1\">".utf8)
        rowDigits = [UInt8(ascii: "1")]
        for (index, heading) in columns.enumerated() {
            cellStart(index, style: WorkbookParts.Style.header)
            inline(heading)
        }
        buffer.append(contentsOf: "</row>".utf8)
        for cells in held { append(cells) }
        held = []
        try flush()
    }

    /// Each column's width in characters: its heading's or its widest held value's, within 8–60.
    private func widths() -> [Int] {
        columns.indices.map { index in
            let widest = held.reduce(columns[index].count + 2) { widest, cells in
                guard index < cells.count else { return widest }
                switch cells[index] {
                case .money(let cents): return max(widest, Money.format(cents).count + 3)
                case .null: return widest
                default: return max(widest, cells[index].plain().count + 1)
                }
            }
            return min(60, max(8, widest))
        }
    }

    private func append(_ cells: [Cell]) {
        rowNumber += 1
        rowDigits.removeAll(keepingCapacity: true)
        DecimalBytes.append(Int64(rowNumber), to: &rowDigits)
        buffer.append(contentsOf: "<row r=\"".utf8)
        buffer += rowDigits
        buffer.append(contentsOf: "\">".utf8)
        for (index, cell) in cells.enumerated() {
            switch cell {
            case .null: continue
            case .integer(let value):
                cellStart(index, style: nil)
                number(value)
            case .money(let cents):
                cellStart(index, style: WorkbookParts.Style.money)
                buffer.append(contentsOf: "<v>".utf8)
                DecimalBytes.appendMoney(cents, to: &buffer)
                buffer.append(contentsOf: "</v></c>".utf8)
            case .text(let value):
                if let serial = ExcelDate.serial(ofISODate: value) {
                    cellStart(index, style: WorkbookParts.Style.date)
                    number(Int64(serial))
                } else {
                    cellStart(index, style: WorkbookParts.Style.text)
                    inline(value)
                }
            default:
                cellStart(index, style: WorkbookParts.Style.text)
                inline(cell.plain())
            }
        }
        buffer.append(contentsOf: "</row>".utf8)
    }

    /// `<c r="B7" s="2">` of the current row (`rowDigits`), without a style attribute when nil.
    private func cellStart(_ column: Int, style: Int?) {
        buffer.append(contentsOf: "<c r=\"".utf8)
        buffer += letters[column]
        buffer += rowDigits
        buffer.append(UInt8(ascii: "\""))
        if let style {
            buffer.append(contentsOf: " s=\"".utf8)
            DecimalBytes.append(Int64(style), to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: ">"))
    }

    /// The open cell's value as a number, closed.
    private func number(_ value: Int64) {
        buffer.append(contentsOf: "<v>".utf8)
        DecimalBytes.append(value, to: &buffer)
        buffer.append(contentsOf: "</v></c>".utf8)
    }

    /// The open cell as an inline string, closed.
    private func inline(_ value: String) {
        buffer.removeLast()  // the `>` of cellStart
        buffer.append(contentsOf: " t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        WorkbookParts.appendEscaped(value, to: &buffer)
        buffer.append(contentsOf: "</t></is></c>".utf8)
    }

    private func text(_ value: String) { buffer.append(contentsOf: value.utf8) }

    private func flush() throws {
        try zip.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func part(_ name: String, _ content: String) throws {
        try zip.begin(name)
        try zip.write(Array(content.utf8))
        try zip.end()
    }

    /// At most 31 characters, none of `[]:*?/\`, and unlike the sheets before it.
    private func sheetName(_ name: String) -> String {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if base.isEmpty { base = "Sheet" }
        var candidate = base
        var number = 2
        while sheets.contains(where: { $0.name.lowercased() == candidate.lowercased() }) {
            candidate = String(base.prefix(28)) + " \(number)"
            number += 1
        }
        return candidate
    }
}
