import ArgumentParser
import Foundation
import Registry

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write every record of one kind as CSV, JSON, NDJSON or an .xlsx workbook (activities also as a calendar), or the register's Datasette metadata.",
        discussion: """
            ENTITY is city, partner, contact, partnership, activity, expense, topic (the themes and their topics) \
            or log (the audit trail); all writes every entity but the log as one .xlsx workbook, a sheet each. \
            --format xlsx writes a workbook: money as numbers with two decimals, dates as dates, codes and names as \
            text (no zero lost), a bold, frozen header row with filters; it imports back unchanged, and is never \
            written to a terminal. --format ics writes the activities as an iCalendar file for Outlook, Google Calendar \
            or Thunderbird: an all-day event per dated activity that keeps its UID, so importing it again updates the \
            events. References are written as names (a partnership's city and partner), money \
            in euros, topics as their codes. Rows stream as they are read, so memory stays flat however large the \
            register. With --output the file appears only when complete, readable by its owner only.

            datasette-metadata writes a Datasette metadata document (JSON only): the title and description of \
            every table and view of the register and of each of their columns, with internal tables hidden, keyed \
            by the database's name in Datasette (the file name without its extension). Serve the file read-only:
              registry export datasette-metadata --db registry.sqlite --output metadata.json
              datasette serve --immutable registry.sqlite --metadata metadata.json
            """)

    @Argument(help: "What to export: city, partner, contact, partnership, activity, expense, topic, log, all (xlsx only) or datasette-metadata.")
    var entity: ExportTarget
    @Option(help: ArgumentHelp("\(FormatChoice<ExportFormats>.listed) (default: csv); datasette-metadata is always json."))
    var format: FormatChoice<ExportFormats>?
    @Flag(help: "CSV for Excel: UTF-8 byte-order mark, ';' separator, decimal commas, formulas defused.") var excel = false
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"), completion: .file()) var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try OutputFile.refuseOnTerminal(format?.format, output: output)
        if format?.format == .ics, entity != .entity(.record(.activity)) {
            throw ValidationError("ics is a calendar of activities: export activity --format ics (or activity list --format ics for some).")
        }
        if entity == .all, format?.format != .xlsx {
            throw ValidationError("all is one workbook with a sheet per entity: give --format xlsx --output FILE.")
        }
        if entity == .datasetteMetadata {
            if excel { throw ValidationError("--excel applies to CSV; datasette-metadata is JSON only. Drop --excel.") }
            if let format = format?.format, format != .json {
                throw ValidationError("datasette-metadata is JSON only; drop --format \(format.rawValue).")
            }
        } else if excel, let format = format?.format, format != .csv {
            throw ValidationError("--excel applies to CSV; drop --format \(format.rawValue).")
        }
    }

    func run() throws {
        let registry = try database.open(.readOnly)
        switch entity {
        case .entity where format?.format == .ics:
            try OutputFile.write(to: output, of: registry) { try ActivityCalendar.write(ActivityFilter(), of: registry, to: $0) }
        case .entity(let entity):
            try OutputFile.write(to: output, of: registry) { try write([entity], of: registry, to: $0) }
        case .all:
            try OutputFile.write(to: output, of: registry) { try write(ExportTarget.everyEntity, of: registry, to: $0) }
        case .datasetteMetadata:
            let document = try DatasetteMetadata(registry.schema(), path: database.path).json()
            try OutputFile.write(to: output, of: registry) { try $0.write(contentsOf: document) }
        }
    }

    func write(_ entities: [ExportEntity], of registry: Registry, to handle: FileHandle) throws {
        let stream = RowStream(format: format?.format ?? .csv, excel: excel, to: handle)
        try ProgressDisplay.showing(streamingToStdout: output == nil) { progress in
            try registry.export(entities, progress: progress, columns: { try stream.begin($1, sheet: $0.name) }, row: { try stream.write($0) })
        }
        try stream.end()
    }
}

/// What `registry export` writes: every record of one kind, or the register's Datasette metadata.
enum ExportTarget: ExpressibleByArgument, Equatable {
    case entity(ExportEntity)
    /// Every entity, a sheet each, in one workbook.
    case all
    case datasetteMetadata

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if argument == Self.datasetteArgument {
            self = .datasetteMetadata
        } else if let entity = ExportEntity(name: argument) {
            self = .entity(entity)
        } else {
            return nil
        }
    }

    static let datasetteArgument = "datasette-metadata"

    static var allValueStrings: [String] { ExportEntity.allCases.map(\.name) + ["all", datasetteArgument] }

    /// What `export all` writes: every record kind and the themes (the audit trail has `export log`).
    static var everyEntity: [ExportEntity] { ExportEntity.allCases.filter { $0 != .log } }
}
