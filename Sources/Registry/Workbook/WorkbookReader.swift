import Foundation

/// An .xlsx workbook opened for reading one sheet: its sheet names, shared strings and date styles
/// read up front, then the sheet's rows streamed one at a time as text, the way a CSV line is.
///
/// Cells become the text a person sees in them, so the import's rules apply as for CSV: shared,
/// inline and rich-text strings; numbers to at most 15 significant digits (Excel's precision, so
/// `0.1 + 0.2` is `0.3`); dates (serials in a cell with a date format, in the 1900 or 1904 system)
/// as `YYYY-MM-DD`; booleans as `TRUE`/`FALSE`; formulas by their cached values.
struct WorkbookReader {
    /// One row of the sheet: its number as Excel shows it, and its cells from column A.
    struct Row {
        let number: Int
        let cells: [String]
        /// Columns holding a formula with no saved value (a workbook written by a program that does not
        /// calculate, never opened in a spreadsheet since): their value is unknown, not empty.
        var uncalculated: [Int] = []
        /// Columns holding a boolean (TRUE or FALSE in `cells`), which a yes/no field reads as yes or no.
        var booleans: [Int] = []
    }

    /// The memory the shared strings may take: their text, and 32 bytes for each string (an
    /// entry of the table), so a part of millions of empty strings cannot fill the memory either.
    static let maximumSharedStringBytes = 256 << 20
    static let sharedStringOverhead = 32

    let sheetName: String
    private let zip: ZipReader
    private let scanner: XMLScanner
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool

    /// Opens sheet `sheet` (its name, or its number from 1; the first when nil). `sharedStringBytes`
    /// is the shared strings' budget (smaller in tests).
    init(descriptor: Int32, path: String, sheet: String?, sharedStringBytes: Int = maximumSharedStringBytes) throws {
        zip = try ZipReader(descriptor: descriptor, path: path)
        guard let workbook = zip.members["xl/workbook.xml"] else {
            if zip.members["content.xml"] != nil {
                throw RegistryError.badFile(path, "it is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8 and import that")
            }
            throw RegistryError.badFile(path, "it is a zip file but not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        var sheets: [(name: String, relation: String)] = []
        var date1904 = false
        let scanner = XMLScanner(try zip.stream(workbook), part: workbook.name)
        while let event = try scanner.next() {
            if event == .start("sheet"), let name = try scanner.attribute("name"), let relation = try scanner.attribute("id") {
                sheets.append((name, relation))
            } else if event == .start("workbookPr"), let value = try scanner.attribute("date1904") {
                date1904 = value == "1" || value == "true"
            }
        }
        self.date1904 = date1904
        let chosen: (name: String, relation: String)
        if let sheet {
            if let number = Int(sheet), (1...sheets.count).contains(number) {
                chosen = sheets[number - 1]
            } else if let named = sheets.first(where: { $0.name == sheet }) {
                chosen = named
            } else {
                throw RegistryError.invalid([
                    FieldProblem(
                        field: "sheet", value: sheet,
                        reason:
                            "is not a sheet of \(path); its sheets are \(sheets.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: ", "))"
                    )
                ])
            }
        } else {
            guard let first = sheets.first else { throw RegistryError.badFile(path, "the workbook has no sheets") }
            chosen = first
        }
        sheetName = chosen.name
        let targets = try Self.relations(in: zip)
        guard let target = targets[chosen.relation], let part = zip.members[target] else {
            throw ZipReader.damaged(path, "its sheet \(chosen.name) is missing")
        }
        sharedStrings = try Self.sharedStrings(in: zip, targets: targets, budget: sharedStringBytes)
        dateStyles = try Self.dateStyles(in: zip)
        self.scanner = XMLScanner(try zip.stream(part), part: part.name)
    }

    /// The next row with any cell in it, or nil at the end of the sheet.
    mutating func next() throws -> Row? {
        var cells: [String] = []
        var number = 0
        var inRow = false
        var column = 0
        var type = "n"
        var style = 0
        var value: String?
        var inline = ""
        var inInline = false
        var inValue = false
        var formula = false
        var uncalculated: [Int] = []
        var booleans: [Int] = []
        while let event = try scanner.next() {
            switch event {
            case .start("row"):
                inRow = true
                number = try scanner.attribute("r").flatMap { Int($0) } ?? number + 1
                cells.removeAll(keepingCapacity: true)
                uncalculated.removeAll()
                booleans.removeAll()
            case .end("row"):
                while cells.last?.isEmpty == true { cells.removeLast() }
                if !cells.isEmpty || !uncalculated.isEmpty {
                    return Row(number: number, cells: cells, uncalculated: uncalculated, booleans: booleans)
                }
                inRow = false
            case .start("c") where inRow:
                (column, type, style) = (cells.count, "n", 0)
                // One pass over the cell's attributes: r (its reference), t (its type), s (its style).
                try scanner.forEachAttribute { name, value in
                    guard name.count == 1 else { return }
                    switch name.first {
                    case UInt8(ascii: "r"): column = Self.columnIndex(value) ?? cells.count
                    case UInt8(ascii: "t"): type = try scanner.text(of: value)
                    case UInt8(ascii: "s"): style = Self.decimal(value) ?? 0
                    default: break
                    }
                }
                (value, inline, formula) = (nil, "", false)
            case .start("f"): formula = true
            case .end("c") where inRow:
                guard column < 16_384 else { continue }
                if formula && value == nil && type != "inlineStr" { uncalculated.append(column) }
                if type == "b" { booleans.append(column) }
                while cells.count < column { cells.append("") }
                let text = try cellText(type: type, style: style, value: value, inline: inline)
                if column < cells.count { cells[column] = text } else { cells.append(text) }
            case .start("v"): inValue = true
            case .end("v"): inValue = false
            case .start("is"): inInline = true
            case .end("is"): inInline = false
            case .start("rPh"): inInline = false  // phonetic guides are not the cell's text
            case .text:
                if inValue {
                    value = (value ?? "") + (try scanner.textValue())
                } else if inInline {
                    inline += try scanner.textValue()
                }
            default: break
            }
        }
        return nil
    }

    private func cellText(type: String, style: Int, value: String?, inline: String) throws -> String {
        switch type {
        case "s":
            guard let index = value.flatMap({ Int($0.trimmed()) }), sharedStrings.indices.contains(index) else {
                throw ZipReader.damaged(zip.path, "a cell names a shared string that is not there")
            }
            return sharedStrings[index]
        case "inlineStr": return inline
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "str", "e", "d": return value ?? ""
        default:
            guard let value, let number = Double(value.trimmed()) else { return value ?? "" }
            if dateStyles.contains(style) { return ExcelDate.text(serial: number, date1904: date1904) ?? Self.numberText(number) }
            return Self.numberText(number)
        }
    }

    /// A number as Excel shows it in a General cell: at most 15 significant digits, no exponent for
    /// ordinary sizes, no trailing zeros (`462011`, `4881.5`).
    static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        // Amounts in cents (`1234.5`) without Foundation's formatter: when the two-decimal text reads
        // back as the very same number, it is what 15 significant digits show.
        if abs(number) < 1e13 {
            let cents = Int64((number * 100).rounded())
            var short = (cents < 0 ? "-" : "") + String(cents.magnitude / 100) + "." + ISODate.twoDigits(Int(cents.magnitude % 100))
            if short.hasSuffix("0") { short.removeLast() }
            if Double(short) == number { return short }
        }
        var text = String(format: "%.15g", number)
        if text.contains("e") { return text }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `C12` → 2: the column letters' index from 0.
    static func columnIndex(_ reference: String) -> Int? { columnIndex(reference.utf8) }

    static func columnIndex<Bytes: Sequence<UInt8>>(_ reference: Bytes) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference {
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
            letters += 1
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    /// `12` as 12: a style's number; nil unless it is digits alone (at most 9).
    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// 2 → `C`: a column's letters as Excel shows them.
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    // MARK: The workbook's parts

    /// The workbook's relations: id → member name (`rId1` → `xl/worksheets/sheet1.xml`).
    private static func relations(in zip: ZipReader) throws -> [String: String] {
        guard let member = zip.members["xl/_rels/workbook.xml.rels"] else { return [:] }
        var targets: [String: String] = [:]
        let scanner = XMLScanner(try zip.stream(member), part: member.name)
        while let event = try scanner.next() {
            guard event == .start("Relationship"), let id = try scanner.attribute("Id"), let target = try scanner.attribute("Target") else {
                continue
            }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            if try scanner.attribute("Type")?.hasSuffix("/sharedStrings") == true { targets["#sharedStrings"] = targets[id] }
        }
        return targets
    }

    /// The shared strings, each the text of its runs (phonetic guides left out).
    private static func sharedStrings(in zip: ZipReader, targets: [String: String], budget: Int) throws -> [String] {
        guard let member = zip.members[targets["#sharedStrings"] ?? "xl/sharedStrings.xml"] else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        var total = 0
        let scanner = XMLScanner(try zip.stream(member), part: member.name)
        while let event = try scanner.next() {
            switch event {
            case .start("si"): current = ""
            case .end("si"):
                total += sharedStringOverhead
                guard total <= budget else { throw tooLarge(zip.path, budget) }
                strings.append(current)
            case .start("t"): inText = true
            case .end("t"): inText = false
            case .start("rPh"): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .text where inText && !inPhonetic:
                let text = try scanner.textValue()
                total += text.utf8.count
                guard total <= budget else { throw tooLarge(zip.path, budget) }
                current += text
            default: break
            }
        }
        return strings
    }

    private static func tooLarge(_ path: String, _ budget: Int) -> RegistryError {
        let size = budget >= 1 << 20 ? "\(budget >> 20) MiB" : "\(budget) bytes"
        return RegistryError.badFile(path, "its shared strings would take more than \(size) of memory; it is not read")
    }

    /// The cell styles (indexes into `cellXfs`) whose number format shows a date.
    private static func dateStyles(in zip: ZipReader) throws -> Set<Int> {
        guard let member = zip.members["xl/styles.xml"] else { return [] }
        var customDates = Set<Int>()
        var styles = Set<Int>()
        var inCellFormats = false
        var index = 0
        let scanner = XMLScanner(try zip.stream(member), part: member.name)
        while let event = try scanner.next() {
            switch event {
            case .start("numFmt"):
                if let id = try scanner.attribute("numFmtId").flatMap({ Int($0) }), let code = try scanner.attribute("formatCode"),
                    ExcelDate.isDateFormat(code)
                {
                    customDates.insert(id)
                }
            case .start("cellXfs"): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf") where inCellFormats:
                let id = try scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0
                if ExcelDate.builtInDateFormats.contains(id) || customDates.contains(id) { styles.insert(index) }
                index += 1
            default: break
            }
        }
        return styles
    }
}
