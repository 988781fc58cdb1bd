import Foundation
import GRDB

/// One import in progress: the counts, the problems found, and the ids inserted per table.
struct ImportRun {
    let entity: RecordKind
    let update: Bool
    let context: ImportContext
    var summary = ImportSummary()
    var problems: [FieldProblem] = []
    private var inserted = IDRanges()
    /// The records added and changed, when the changes are to be listed field by field.
    var changes: ImportChanges?

    init(entity: RecordKind, update: Bool, context: ImportContext, listingChanges: Bool = false) {
        self.entity = entity
        self.update = update
        self.context = context
        if listingChanges { changes = ImportChanges(kind: entity, db: context.db) }
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
        // saves a lookup per row of a large import. With it, the record the id names is read once:
        // to know the id is taken, and as the record to change.
        let stored = try update ? id.flatMap { try R.fetchFirst(where: "id = ?", [$0], in: context.db) } : nil
        let idTaken = stored != nil
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
            try changes?.willUpdate(match)
            let (_, changed) = try R.update(id: match, with: input, in: context.input, stored: stored?.id == match ? stored : nil)
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
            changes?.didInsert(record.id!)
            summary.inserted += 1
        }
    }

    /// Records the problems `error` stands for against the row's line and columns.
    mutating func report(_ error: any Error, line: Int, row: ImportRow?) {
        func add(_ column: String, _ value: String, _ reason: String) {
            problems.append(FieldProblem(field: row?.place(of: column) ?? "line \(line), \(column)", value: value, reason: reason))
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
