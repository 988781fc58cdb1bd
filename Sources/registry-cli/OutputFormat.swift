import ArgumentParser

/// Every format the registry writes (CLI.md, "Database and global options"). Each command
/// takes the ones that suit it (`FormatChoice`), named and completed from this one list.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, ndjson, markdown, html, xlsx
    /// An iCalendar calendar of activities (`ActivityCalendar`).
    case ics

    /// Written row by row as rows come, so memory stays flat for a million rows; the others
    /// measure their columns (or build a page) first.
    var isStreamed: Bool { self == .csv || self == .json || self == .ndjson || self == .xlsx }

    /// A binary file, never written to a terminal.
    var isBinary: Bool { self == .xlsx }
}

/// The formats one command writes, for its `--format`.
protocol OutputFormatSet {
    static var formats: [OutputFormat] { get }
}

/// Lists and records: every text format.
enum ReadFormats: OutputFormatSet {
    static let formats: [OutputFormat] = [.table, .csv, .tsv, .json, .ndjson, .markdown]
}

/// Reports: the text formats, an HTML page with charts, and a workbook.
enum ReportFormats: OutputFormatSet {
    static let formats = ReadFormats.formats + [.html, .xlsx]
}

/// What an import would change (`import --dry-run`): the text formats and an HTML page.
enum ChangeListFormats: OutputFormatSet {
    static let formats = ReadFormats.formats + [.html]
}

/// Exports of any size: the formats written as rows come (workbooks among them), and for
/// activities a calendar.
enum ExportFormats: OutputFormatSet {
    static let formats = OutputFormat.allCases.filter(\.isStreamed) + [.ics]
}

/// `activity list`: the text formats and a calendar.
enum ActivityListFormats: OutputFormatSet {
    static let formats = ReadFormats.formats + [.ics]
}

/// A `--format` value among the formats of `Set`; any other is a usage error listing them.
struct FormatChoice<Set: OutputFormatSet>: ExpressibleByArgument, Equatable {
    let format: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Set.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Set.formats.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// `table, csv ... or markdown`, for help.
    static var listed: String { registry_cli.listed(allValueStrings) }
}

/// `--format` and `--excel`, shared by every read command.
typealias OutputOptions = FormatOptions<ReadFormats>

/// `--format` among the formats of `Set`, and `--excel`.
struct FormatOptions<Set: OutputFormatSet>: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Output format: \(FormatChoice<Set>.listed) (default: table; csv with --excel)\(Set.formats.contains(.ics) ? "; ics is a calendar for Outlook, Google Calendar or Thunderbird" : "")."
        ))
    var format: FormatChoice<Set>?

    @Flag(help: "CSV for Excel: UTF-8 byte-order mark, ';' separator, decimal commas, and cells that a spreadsheet would run as a formula defused.")
    var excel = false

    @Option(help: "The language of table, markdown and html: en (default) or nb (Norwegian bokmål); the other formats keep column names.")
    var lang: Language = .en

    func validate() throws {
        if excel, let format = format?.format, format != .csv {
            throw ValidationError("--excel applies to CSV; drop --format \(format.rawValue) or use --format csv.")
        }
    }

    var renderer: Renderer {
        Renderer(format: format?.format ?? (excel ? .csv : .table), excel: excel, language: lang)
    }
}
