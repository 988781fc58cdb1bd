import Foundation
import GRDB

/// The rows of an import file, whatever its format, as cells by the entity's columns; problems
/// of single rows (a wrong number of fields, an unknown member) are reported and the row skipped.
struct ImportRows {
    private enum Reader {
        case csv(CSVRecordReader, header: [Int?])
        case json(JSONRecordReader)
        /// `letters`: each entity column's letters in the sheet, found once from the header.
        case xlsx(WorkbookReader, header: [Int?], letters: [String?])
    }

    private let entity: RecordKind
    private let columns: [String]
    private let options: ImportOptions
    private let money: Set<Int>
    private let dates: Set<Int>
    private var reader: Reader

    /// `descriptor` and `path` are the workbook's, read by its own reader (a zip file is read by offsets).
    init(entity: RecordKind, input: ByteInput, descriptor: Int32, path: String, options: ImportOptions) throws {
        self.entity = entity
        self.options = options
        let columns = entity.columns
        let moneyColumns = entity.moneyColumns
        self.columns = columns
        money = Set(columns.indices.filter { moneyColumns.contains(columns[$0]) })
        let dateColumns = Set(entity.file.columns.filter { $0.kind == .date }.map(\.heading))
        dates = Set(columns.indices.filter { dateColumns.contains(columns[$0]) })
        switch options.format {
        case .json:
            reader = .json(try JSONRecordReader(input: input))
        case .csv:
            var csv = try CSVRecordReader(input: input, name: "", encoding: options.encoding)
            guard let header = try csv.next() else {
                throw RegistryError.invalid([
                    FieldProblem(field: "line 1", value: "", reason: "the file is empty; it needs a header line naming the columns")
                ])
            }
            reader = .csv(
                csv, header: try Self.match(header: header.fields, to: columns, entity: entity) { $0.map { "line 1, column \($0 + 1)" } ?? "line 1" })
        case .xlsx:
            var workbook = try WorkbookReader(descriptor: descriptor, path: path, sheet: options.sheet)
            guard let header = try workbook.next() else {
                throw RegistryError.invalid([
                    FieldProblem(
                        field: workbook.sheetName, value: "", reason: "the sheet is empty; it needs a header row naming the columns")
                ])
            }
            let sheet = workbook.sheetName
            let matched = try Self.match(header: header.cells, to: columns, entity: entity) {
                "\(sheet)!\($0.map(WorkbookReader.columnLetters) ?? "")\(header.number)"
            }
            var letters = [String?](repeating: nil, count: columns.count)
            for (position, index) in matched.enumerated() { letters[index!] = WorkbookReader.columnLetters(position) }
            reader = .xlsx(workbook, header: matched, letters: letters)
        }
    }

    /// Each header name's column, matched ignoring case and surrounding spaces; unknown and
    /// repeated names are refused, all at once.
    /// `place` names a header cell by its position from 0, or the whole header given nil.
    private static func match(header: [String], to columns: [String], entity: RecordKind, place: (Int?) -> String) throws -> [Int?] {
        // A header far wider than the entity is not a header of it (or a file of another kind):
        // one problem, not one per column.
        guard header.count <= 2 * columns.count else {
            throw RegistryError.invalid([
                FieldProblem(
                    field: place(nil), value: "",
                    reason: "the header has \(header.count) columns, but \(entity.rawValue) has \(columns.count): "
                        + "\(columns.joined(separator: ", ")); is this a file of \(entity.rawValue) records?")
            ])
        }
        var problems: [FieldProblem] = []
        var seen = Set<Int>()
        let indices: [Int?] = header.enumerated().map { position, name in
            let key = name.trimmed().lowercased()
            guard let index = columns.firstIndex(of: key) else {
                problems.append(FieldProblem(field: place(position), value: name, reason: entity.unknownColumn))
                return nil
            }
            if !seen.insert(index).inserted {
                problems.append(FieldProblem(field: place(position), value: name, reason: "is given twice"))
            }
            return index
        }
        guard problems.isEmpty else { throw RegistryError.invalid(problems) }
        return indices
    }

    /// The next row, or nil at the end of the file.
    mutating func next(problems: inout [FieldProblem]) throws -> ImportRow? {
        while true {
            var cells = [String?](repeating: nil, count: columns.count)
            let line: Int
            switch reader {
            case .csv(var csv, let header):
                let record = try csv.next()
                reader = .csv(csv, header: header)
                guard let record else { return nil }
                line = record.line
                if let problem = record.problem {
                    problems.append(FieldProblem(field: "line \(line)", value: "", reason: problem))
                    continue
                }
                guard record.fields.count == header.count else {
                    problems.append(
                        FieldProblem(
                            field: "line \(line)", value: "",
                            reason: "has \(record.fields.count) fields where the header has \(header.count) (is a separator or quote missing?)"))
                    continue
                }
                for (position, index) in header.enumerated() { cells[index!] = record.fields[position] }
            case .json(var json):
                let record = try json.next()
                reader = .json(json)
                guard let record else { return nil }
                line = record.line
                if let problem = record.problem {
                    problems.append(FieldProblem(field: "line \(line)", value: "", reason: problem))
                    continue
                }
                var unknown = false
                for (name, value) in record.members {
                    guard let index = columns.firstIndex(of: name.trimmed().lowercased()) else {
                        problems.append(FieldProblem(field: "line \(line), \(name)", value: "", reason: entity.unknownColumn))
                        unknown = true
                        continue
                    }
                    cells[index] = value ?? ""
                }
                if unknown { continue }
            case .xlsx(var workbook, let header, let letters):
                let record = try workbook.next()
                reader = .xlsx(workbook, header: header, letters: letters)
                guard let record else { return nil }
                line = record.number
                if let column = record.uncalculated.first {
                    problems.append(
                        FieldProblem(
                            field: "\(workbook.sheetName)!\(WorkbookReader.columnLetters(column))\(line)", value: "",
                            reason:
                                "is a formula with no saved value (the workbook was never calculated); open it in Excel or LibreOffice, save it, and import again"
                        ))
                    continue
                }
                if let extra = record.cells.indices.dropFirst(header.count).first(where: { !record.cells[$0].isEmpty }) {
                    problems.append(
                        FieldProblem(
                            field: "\(workbook.sheetName)!\(WorkbookReader.columnLetters(extra))\(line)", value: record.cells[extra],
                            reason: "is beyond the header's \(header.count) columns"))
                    continue
                }
                for (position, index) in header.enumerated() {
                    cells[index!] = position < record.cells.count ? record.cells[position] : ""
                }
                // A checkbox's TRUE or FALSE is a yes or no where the field is a yes/no answer; typed
                // as text, "true" stays refused there.
                for position in record.booleans where position < header.count && Self.answerColumns.contains(columns[header[position]!]) {
                    cells[header[position]!] = record.cells[position] == "TRUE" ? "yes" : "no"
                }
                if options.excel { undoExcel(&cells) }
                var row = ImportRow(line: line, columns: columns, cells: cells, sheet: (workbook.sheetName, letters))
                if readSpreadsheetValues(&row, problems: &problems) { return row }
                continue
            }
            if options.excel { undoExcel(&cells) }
            var row = ImportRow(line: line, columns: columns, cells: cells)
            if options.format == .json { return row }
            if options.encoding.lacksNorwegianLetters && !lettersKept(row, problems: &problems) { continue }
            if readSpreadsheetValues(&row, problems: &problems) { return row }
        }
    }

    /// Dates and money as a spreadsheet saves them, read back (`SpreadsheetValues`); false, with the
    /// problems noted, when a value's meaning is not certain.
    private func readSpreadsheetValues(_ row: inout ImportRow, problems: inout [FieldProblem]) -> Bool {
        var certain = true
        for index in row.cells.indices {
            guard let cell = row.cells[index], !cell.isEmpty, dates.contains(index) || money.contains(index) else { continue }
            do {
                row.cells[index] = try dates.contains(index) ? SpreadsheetValues.date(cell) : SpreadsheetValues.money(cell)
            } catch {
                problems.append(FieldProblem(field: row.place(of: columns[index]), value: cell, reason: error.reason))
                certain = false
            }
        }
        return certain
    }

    /// False, with the problems noted, when a cell read in an encoding without æ, ø and å holds a
    /// `?` where such a letter was lost (addresses excepted): stored, the name would stay wrong.
    private func lettersKept(_ row: ImportRow, problems: inout [FieldProblem]) -> Bool {
        var kept = true
        for (index, cell) in row.cells.enumerated() where !Self.addressColumns.contains(columns[index]) {
            guard let cell, TextEncoding.hasLostLetter(cell, inName: Self.nameColumns.contains(columns[index])) else { continue }
            problems.append(
                FieldProblem(
                    field: row.place(of: columns[index]), value: cell,
                    reason: "has '?' where a letter should be: \(options.encoding.rawValue) cannot hold the Norwegian letters æ, ø and å, "
                        + "so the program that saved the file wrote '?' for them; save it as CSV UTF-8 (or .xlsx) and import that"))
            kept = false
        }
        return kept
    }

    /// The end-of-project answers (yes, no, not yet).
    private static let answerColumns: Set<String> = ["improved_knowledge", "continues", "lasting_effects"]

    /// Columns holding names, where a `?` is never the name's own.
    private static let nameColumns: Set<String> = ["name", "city", "partner", "county", "location"]

    /// Columns whose values may hold a `?` of their own, and are never repeated in messages (e-mail).
    private static let addressColumns: Set<String> = ["website", "email", "document"]

    /// Undoes what `export --excel` does: a leading `'` that defused a formula, and decimal
    /// commas in money.
    private func undoExcel(_ cells: inout [String?]) {
        for index in cells.indices {
            guard let cell = cells[index] else { continue }
            if money.contains(index) {
                cells[index] = cell.replacingOccurrences(of: ",", with: ".")
            } else if cell.hasPrefix("'") {
                cells[index] = String(cell.dropFirst())
            }
        }
    }
}
