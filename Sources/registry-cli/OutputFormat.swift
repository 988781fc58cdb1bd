import ArgumentParser

/// The formats of read commands (CLI.md, "Database and global options").
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, tsv, json, ndjson, markdown
}

/// `--format` and `--excel`, shared by every read command.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, tsv, json, ndjson or markdown (default: table; csv with --excel).")
    var format: OutputFormat?

    @Flag(help: "CSV for Excel: UTF-8 byte-order mark, ';' separator, decimal commas, and cells that a spreadsheet would run as a formula defused.")
    var excel = false

    func validate() throws {
        if excel, let format, format != .csv {
            throw ValidationError("--excel applies to CSV; drop --format \(format.rawValue) or use --format csv.")
        }
    }

    var renderer: Renderer {
        Renderer(format: format ?? (excel ? .csv : .table), excel: excel)
    }
}
