import ArgumentParser
import Foundation
import Registry

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every record of one kind as CSV, JSON or NDJSON, to stdout or a file.",
        discussion: """
            ENTITY is city, partner, contact, partnership, activity, expense, topic (the themes and their topics) \
            or log (the audit trail). References are written as names (a partnership's city and partner), money \
            in euros, topics as their codes. Rows stream as they are read, so memory stays flat however large the \
            register. With --output the file appears only when complete, readable by its owner only.
            """)

    @Argument(help: "What to export: city, partner, contact, partnership, activity, expense, topic or log.")
    var entity: ExportEntity
    @Option(help: "csv (default), json or ndjson.") var format: RowStream.Format = .csv
    @Flag(help: "CSV for Excel: UTF-8 byte-order mark, ';' separator, decimal commas, formulas defused.") var excel = false
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if excel && format != .csv { throw ValidationError("--excel applies to CSV; drop --format \(format.rawValue).") }
    }

    func run() throws {
        let registry = try database.open(.readOnly)
        try OutputFile.write(to: output, of: registry) { try write(registry, to: $0) }
    }

    func write(_ registry: Registry, to handle: FileHandle) throws {
        let stream = RowStream(format: format, excel: excel, to: handle)
        try ProgressDisplay.showing { progress in
            try registry.export(entity, progress: progress, columns: { stream.begin($0) }, row: { try stream.write($0) })
        }
        try stream.end()
    }
}

extension ExportEntity: ExpressibleByArgument {}
