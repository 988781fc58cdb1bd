import ArgumentParser
import Foundation
import Registry

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add (or with --update, change) records from a CSV, JSON or .xlsx file, all or nothing.",
        discussion: """
            ENTITY is city, partner, contact, partnership, activity or expense. The columns are the ones `registry export` \
            writes, in any order and case; an unknown column is refused. Missing columns leave fields as they are (or \
            at their defaults); an empty cell clears a field. References are full names (a contact's city or partner, \
            an activity's city and partner); ids are kept when the register does not use them yet.

            CSV as Excel saves it is read as it is: a byte-order mark, ',' or ';' separators (detected from the header), \
            CRLF line ends, quoted fields with line breaks. Files from Polish or Norwegian Excel that are not UTF-8 need \
            --encoding windows-1250 or windows-1252; without it such a file is refused, never stored garbled. JSON is an \
            array of objects (as `export --format json` writes) or one object per line. An .xlsx workbook is recognised by \
            its content and read a row at a time: the first sheet (or --sheet), its first row the header; cells as \
            they show (dates as dates, numbers to 15 digits, formulas by their last values); problems are named by \
            cell, e.g. Sheet1!C12.

            When any row is bad nothing is written: every bad row is listed with its line, column, value and reason, \
            and the exit code is 65. --update changes records that exist (cities and partners by name, partnerships by \
            city and partner, contacts by name and city or partner, activities and expenses by id) and counts those left \
            unchanged. The counts go to stdout. The import is one change set in the audit log: one entry per table with \
            the actor, the file, the number of rows and their ids (changes to existing records are logged one by one).

            --dry-run checks the same and writes nothing: it lists every change field by field (kind, id, record, field, \
            before, after; values as an export writes them, a new record's fields without a before), then the counts. \
            --output-format csv, json, ... gives the list for a script, with the counts on stderr.
            """)

    @Argument(help: "What to import: city, partner, contact, partnership, activity or expense.")
    var entity: RecordKind
    @Argument(help: ArgumentHelp("The file to read; - reads stdin.", valueName: "file"), completion: .file())
    var file: String
    @Option(help: "csv, json or xlsx (default: xlsx for a workbook, whatever its name; json for .json and .ndjson files; else csv).")
    var format: ImportOptions.Format?
    @Option(help: ArgumentHelp("The workbook's sheet to read, by name or number from 1 (default: the first).", valueName: "sheet"))
    var sheet: String?
    @Option(help: "The CSV file's encoding: utf-8 (default), windows-1250, windows-1252 or iso-8859-2.") var encoding: TextEncoding = .utf8
    @Flag(help: "The file was written by `export --excel`: undo its defused formulas and read decimal commas.") var excel = false
    @Flag(help: "Update records that already exist instead of refusing them.") var update = false
    @Flag(help: "Check every row and list every change field by field (record, field, before, after) with the counts, but write nothing.")
    var dryRun = false
    @Option(
        help: ArgumentHelp(
            "With --dry-run, the list's format: \(FormatChoice<ChangeListFormats>.listed) (default: table, with the counts below it; "
                + "in the other formats the counts go to stderr).", valueName: "format"))
    var outputFormat: FormatChoice<ChangeListFormats>?
    @OptionGroup var database: DatabaseOptions

    var resolvedFormat: ImportOptions.Format {
        format
            ?? (file.lowercased().hasSuffix(".json") || file.lowercased().hasSuffix(".ndjson")
                ? .json : file.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv)
    }

    func validate() throws {
        if outputFormat != nil && !dryRun { throw ValidationError("--output-format lists a dry run's changes; add --dry-run.") }
        if resolvedFormat == .json && excel { throw ValidationError("--excel applies to CSV; drop it for JSON.") }
        if resolvedFormat == .json && encoding != .utf8 { throw ValidationError("JSON is always UTF-8; drop --encoding.") }
    }

    func run() throws {
        let descriptor = try openInput()
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let registry = try database.open()
        let options = ImportOptions(
            format: try format(of: descriptor), encoding: encoding, excel: excel, update: update, dryRun: dryRun, sheet: sheet)
        let listing = outputFormat?.format ?? .table
        let summary: ImportSummary
        do {
            let read = { (changes: ((FieldChange) throws -> Void)?) in
                try ProgressDisplay.showing { progress in
                    try registry.importRecords(
                        entity, from: descriptor, source: file == "-" ? "stdin" : file, options: options, progress: progress, changes: changes)
                }
            }
            summary = try dryRun ? listingChanges(in: listing, read) : read(nil)
        } catch RegistryError.invalid(let problems) {
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            throw RegistryError.invalid(problems + [FieldProblem(field: "import", value: "", reason: "nothing was written (\(count) in \(file))")])
        }
        let counts = "\(summary.inserted) inserted, \(summary.updated) updated, \(summary.unchanged) unchanged"
        if !dryRun {
            Console.summary("Imported \(entity.rawValue) from \(file): \(counts).\n")
        } else if listing == .table {
            Console.summary("Dry run, nothing written: would be \(counts).\n")
        } else {
            Console.message("Dry run, nothing written: would be \(counts).")
        }
    }

    /// Runs `read` with a listener that writes each change in `format`: the list starts with the
    /// first change (a failed import lists none), or with no changes once all is checked.
    private func listingChanges(
        in format: OutputFormat, _ read: (((FieldChange) throws -> Void)?) throws -> ImportSummary
    ) throws -> ImportSummary {
        var summary: ImportSummary?
        try Renderer(format: format).output { columns, row in
            var begun = false
            func list(_ change: FieldChange) throws {
                if !begun { try columns(FieldChange.columns) }
                begun = true
                try row([
                    .text(change.kind.rawValue), .integer(change.id), Cell(change.record), .text(change.field), Cell(change.before),
                    Cell(change.after),
                ])
            }
            summary = try withoutActuallyEscaping(list) { try read($0) }
            if !begun { try columns(FieldChange.columns) }
        }
        return summary!
    }

    /// The format to read the file in: what its content is, where that decides it; `--format` must agree.
    private func format(of descriptor: Int32) throws -> ImportOptions.Format {
        switch FileSignature.of(descriptor) {
        case .unreadable(let what):
            throw RegistryError.badFile(file, "it is \(what)")
        case .zip:
            if let format, format != .xlsx {
                throw RegistryError.badFile(file, "it is a zip file (an .xlsx workbook?), not \(format.rawValue); drop --format \(format.rawValue)")
            }
            if file == "-" { throw RegistryError.file(path: "stdin", reason: "a workbook cannot be read from a pipe; give its file name") }
            return .xlsx
        case .text:
            if resolvedFormat == .xlsx { throw RegistryError.badFile(file, "it is not an .xlsx workbook (a workbook is a zip file)") }
            if sheet != nil { throw ValidationError("--sheet applies to workbooks; \(file) is a text file.") }
            return resolvedFormat
        }
    }

    /// The file to read, opened; a folder or a missing file is refused before the database is touched.
    private func openInput() throws -> Int32 {
        if file == "-" { return STDIN_FILENO }
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { throw RegistryError.file(path: file, reason: String(cString: strerror(errno))) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw RegistryError.file(path: file, reason: "is a folder, not a file")
        }
        return descriptor
    }
}

extension RecordKind: ExpressibleByArgument {}
extension ImportOptions.Format: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
