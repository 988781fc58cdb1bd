import Foundation
import GRDB

/// How `registry import` reads its file and what it may do.
public struct ImportOptions: Sendable {
    public enum Format: String, CaseIterable, Sendable { case csv, json, xlsx }

    public var format: Format
    public var encoding: TextEncoding
    /// The file was written by `export --excel` (or by Excel): undo the defused formulas and read
    /// decimal commas in money.
    public var excel: Bool
    /// Update records that exist instead of refusing them.
    public var update: Bool
    /// Check everything and count, but write nothing.
    public var dryRun: Bool
    /// The workbook's sheet to read: its name or number from 1 (the first when nil).
    public var sheet: String?

    public init(
        format: Format = .csv, encoding: TextEncoding = .utf8, excel: Bool = false, update: Bool = false, dryRun: Bool = false,
        sheet: String? = nil
    ) {
        self.sheet = sheet
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
    /// hears the bytes read, of the file's size when it is a file (not a pipe). `changes`, when
    /// given, hears every field the import changes (`--dry-run` lists them), once every row has
    /// been checked and before anything is committed: a failed import reports none.
    public func importRecords(
        _ entity: RecordKind, from descriptor: Int32, source: String, options: ImportOptions = ImportOptions(),
        progress: ProgressReporter? = nil, changes: ((FieldChange) throws -> Void)? = nil
    ) throws -> ImportSummary {
        let input = ByteInput(
            descriptor: descriptor, name: source,
            progress: progress.map { report in
                var status = stat()
                let size = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int64(status.st_size) : nil
                return { bytes in report(WorkProgress(step: "importing", done: bytes, total: size, unit: .bytes)) }
            })
        var rows = try ImportRows(entity: entity, input: input, descriptor: descriptor, path: source, options: options)
        return try write(bulk: true, commit: { _ in !options.dryRun }) { db in
            let context = try ImportContext(db)
            var run = ImportRun(entity: entity, update: options.update, context: context, listingChanges: changes != nil)
            while let row = try rows.next(problems: &run.problems) {
                try run.take(row)
            }
            guard run.problems.isEmpty else { throw RegistryError.invalid(run.problems) }
            if let changes { try run.changes?.report(changes) }
            if !options.dryRun { try run.logChangeSet(source: source) }
            return run.summary
        }
    }
}
