import Foundation
import GRDB

/// How `registry import` reads its file and what it may do.
public struct ImportOptions: Sendable {
    public enum Format: String, CaseIterable, Sendable { case csv, json }

    public var format: Format
    public var encoding: TextEncoding
    /// The file was written by `export --excel` (or by Excel): undo the defused formulas and read
    /// decimal commas in money.
    public var excel: Bool
    /// Update records that exist instead of refusing them.
    public var update: Bool
    /// Check everything and count, but write nothing.
    public var dryRun: Bool

    public init(format: Format = .csv, encoding: TextEncoding = .utf8, excel: Bool = false, update: Bool = false, dryRun: Bool = false) {
        self.format = format
        self.encoding = encoding
        self.excel = excel
        self.update = update
        self.dryRun = dryRun
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Equatable, Sendable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
}

extension Registry {
    /// Imports the records in the file open at `descriptor` (`source` names it in messages and in
    /// the audit log), all or nothing: when any row is bad, nothing is written and the error lists
    /// every bad row with its line, column, value and reason. Rows are read, checked and written
    /// one at a time in one transaction, so memory stays flat however large the file. `progress`
    /// hears the bytes read, of the file's size when it is a file (not a pipe).
    public func importRecords(
        _ entity: ImportEntity, from descriptor: Int32, source: String, options: ImportOptions = ImportOptions(),
        progress: ProgressReporter? = nil
    ) throws -> ImportSummary {
        let input = ByteInput(
            descriptor: descriptor, name: source,
            progress: progress.map { report in
                var status = stat()
                let size = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int64(status.st_size) : nil
                return { bytes in report(WorkProgress(step: "importing", done: bytes, total: size, unit: .bytes)) }
            })
        var rows = try ImportRows(entity: entity, input: input, options: options)
        return try write(bulk: true, commit: { _ in !options.dryRun }) { db in
            let context = try ImportContext(db)
            var run = ImportRun(entity: entity, update: options.update, context: context)
            while let row = try rows.next(problems: &run.problems) {
                try run.take(row)
            }
            guard run.problems.isEmpty else { throw RegistryError.invalid(run.problems) }
            if !options.dryRun { try run.logChangeSet(source: source) }
            return run.summary
        }
    }
}

/// One import in progress: the counts, the problems found, and the ids inserted per table.
private struct ImportRun {
    let entity: ImportEntity
    let update: Bool
    let context: ImportContext
    var summary = ImportSummary()
    var problems: [FieldProblem] = []
    private var inserted = IDRanges()

    init(entity: ImportEntity, update: Bool, context: ImportContext) {
        self.entity = entity
        self.update = update
        self.context = context
    }

    /// Takes one row; a problem with the row is noted and the import goes on to find the
    /// others, but a failure of the database itself (a full disk, damage) ends it at once.
    mutating func take(_ row: ImportRow) throws {
        do {
            try take(row, as: entity.recordType)
        } catch let error as DatabaseError where error.resultCode != .SQLITE_CONSTRAINT {
            throw error
        } catch {
            report(error, line: row.line, row: row)
        }
    }

    /// Inserts the row, or with --update applies it to the record it names. A row naming a
    /// record by its natural key and by an id must name the same record both ways.
    private mutating func take<R: ImportableRecord>(_ row: ImportRow, as _: R.Type) throws {
        let input = try R.input(row, in: context)
        let id = try row.id()
        // Without --update a taken id is found by the insert itself (its primary key), which
        // saves a lookup per row of a large import.
        let idTaken = try update ? id.map { try Registry.exists($0, in: R.databaseTableName, context.db) } ?? false : false
        // Records with a natural key are found by it; the others (activities, expenses) by id.
        let match = R.hasNaturalKey ? try R.existing(input, in: context) : (idTaken ? id : nil)
        if let match {
            if let id, id != match {
                throw RegistryError.invalid([
                    FieldProblem(field: "id", value: String(id), reason: "this \(entity.rawValue) is id \(match) in the register")
                ])
            }
            guard update else {
                throw RegistryError.duplicate("the \(entity.rawValue) is already in the register (id \(match)); use --update to change it")
            }
            let (_, changed) = try R.update(id: match, with: input, in: context.input)
            if changed { summary.updated += 1 } else { summary.unchanged += 1 }
        } else {
            if idTaken {
                throw RegistryError.invalid([
                    FieldProblem(field: "id", value: String(id!), reason: "belongs to another \(entity.rawValue); leave it empty for a new record")
                ])
            }
            let record: R
            do {
                record = try R.insert(input, id: id, in: context.input)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw RegistryError.invalid([
                    FieldProblem(
                        field: "id", value: String(id!),
                        reason: "belongs to another \(entity.rawValue); use --update to change it, or leave the id empty for a new record")
                ])
            }
            inserted.append(record.id!)
            summary.inserted += 1
        }
    }

    /// Records the problems `error` stands for against the row's line and columns.
    mutating func report(_ error: any Error, line: Int, row: ImportRow?) {
        func add(_ column: String, _ value: String, _ reason: String) {
            problems.append(FieldProblem(field: "line \(line), \(column)", value: value, reason: reason))
        }
        switch error {
        case RegistryError.invalid(let fieldProblems):
            for problem in fieldProblems { add(entity.column(forField: problem.field), problem.value, problem.reason) }
        case RegistryError.notFound(let kind, let reference):
            add(column(naming: kind), reference, "no \(kind) of that name in the register")
        case RegistryError.ambiguous(let kind, let reference, let candidates):
            add(column(naming: kind), reference, "names several \(kind) records: \(candidates.joined(separator: ", "))")
        case RegistryError.duplicate(let message), RegistryError.refused(let message):
            add(keyColumn, row?[keyColumn] ?? "", message)
        case let error as DatabaseError:
            add(keyColumn, row?[keyColumn] ?? "", Registry.translate(error, path: nil).description)
        default:
            add(keyColumn, row?[keyColumn] ?? "", "\(error)")
        }
    }

    private var keyColumn: String { entity.recordType.keyColumn }

    /// The column that names a record of `kind`.
    private func column(naming kind: String) -> String {
        switch kind {
        case "partnership": "city"
        case "activity": entity == .expense ? "activity_id" : "id"
        case "city", "partner", "topic": kind
        default: entity.column(forField: kind)
        }
    }

    /// The import's audit entries: one per table it added rows to (`ChangeSet`).
    func logChangeSet(source: String) throws {
        var entries: [(table: String, ids: IDRanges)] = inserted.count > 0 ? [(entity.rawValue, inserted)] : []
        for (link, owners) in context.input.linksAdded.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            entries.append((link.rawValue, owners))
        }
        try ChangeSet.log(entries, source: source, in: context.db)
    }
}

/// The rows of an import file, whatever its format, as cells by the entity's columns; problems
/// of single rows (a wrong number of fields, an unknown member) are reported and the row skipped.
private struct ImportRows {
    private enum Reader {
        case csv(CSVRecordReader, header: [Int?])
        case json(JSONRecordReader)
    }

    private let entity: ImportEntity
    private let columns: [String]
    private let options: ImportOptions
    private let money: Set<Int>
    private var reader: Reader

    init(entity: ImportEntity, input: ByteInput, options: ImportOptions) throws {
        self.entity = entity
        self.options = options
        let columns = entity.columns
        let moneyColumns = entity.moneyColumns
        self.columns = columns
        money = Set(columns.indices.filter { moneyColumns.contains(columns[$0]) })
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
            reader = .csv(csv, header: try Self.match(header: header.fields, to: columns, entity: entity))
        }
    }

    /// Each header name's column, matched ignoring case and surrounding spaces; unknown and
    /// repeated names are refused, all at once.
    private static func match(header: [String], to columns: [String], entity: ImportEntity) throws -> [Int?] {
        // A header far wider than the entity is not a header of it (or a file of another kind):
        // one problem, not one per column.
        guard header.count <= 2 * columns.count else {
            throw RegistryError.invalid([
                FieldProblem(
                    field: "line 1", value: "",
                    reason: "the header has \(header.count) columns, but \(entity.rawValue) has \(columns.count): "
                        + "\(columns.joined(separator: ", ")); is this a file of \(entity.rawValue) records?")
            ])
        }
        var problems: [FieldProblem] = []
        var seen = Set<Int>()
        let indices: [Int?] = header.enumerated().map { position, name in
            let key = name.trimmed().lowercased()
            guard let index = columns.firstIndex(of: key) else {
                problems.append(FieldProblem(field: "line 1, column \(position + 1)", value: name, reason: entity.unknownColumn))
                return nil
            }
            if !seen.insert(index).inserted {
                problems.append(FieldProblem(field: "line 1, column \(position + 1)", value: name, reason: "is given twice"))
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
            }
            if options.excel { undoExcel(&cells) }
            return ImportRow(line: line, columns: columns, cells: cells)
        }
    }

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
