import ArgumentParser
import Foundation
import Registry

/// Writes rows as they arrive, for exports of any size: CSV (with its Excel variant), JSON
/// (an array written element by element), NDJSON or an .xlsx workbook, through a buffered file handle.
final class RowStream {
    private let format: OutputFormat
    private let excel: Bool
    private let handle: FileHandle
    private let sheet: String
    private lazy var workbook = WorkbookWriter { [handle] bytes in try handle.write(contentsOf: bytes) }
    private var buffer: [UInt8] = []
    private var columns: [String] = []
    private var rows = 0

    /// `format` is one that `isStreamed`.
    /// `sheet` names a workbook's sheet.
    init(format: OutputFormat, excel: Bool, to handle: FileHandle, sheet: String = "Sheet1") {
        precondition(format.isStreamed, "\(format) is not written row by row")
        self.format = format
        self.excel = excel
        self.handle = handle
        self.sheet = sheet
    }

    /// Starts the rows (or, in a workbook, a sheet: named `sheet`, or as the stream was told).
    func begin(_ columns: [String], sheet: String? = nil) throws {
        self.columns = columns
        switch format {
        case .csv: append((excel ? "\u{FEFF}" : "") + DelimitedText.csvLine(columns.map(Cell.text), excel: excel))
        case .json: append("[")
        case .xlsx: try workbook.beginSheet(sheet ?? self.sheet, columns: columns)
        case .ndjson, .table, .tsv, .markdown, .html, .ics: break  // only streamed formats reach a stream (init)
        }
    }

    func write(_ row: [Cell]) throws {
        switch format {
        case .xlsx: try workbook.row(row)
        case .csv: DelimitedText.appendCSVLine(row, excel: excel, to: &buffer)
        case .json:
            append(rows == 0 ? "\n  " : ",\n  ")
            JSONText.appendObject(columns, row, to: &buffer)
        case .ndjson:
            JSONText.appendObject(columns, row, to: &buffer)
            buffer.append(10)
        case .table, .tsv, .markdown, .html, .ics: break
        }
        rows += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    func end() throws {
        if format == .xlsx { return try workbook.finish() }
        if format == .json { append(rows == 0 ? "]\n" : "\n]\n") }
        try flush()
    }

    private func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension Renderer {
    /// Writes the rows `produce` gives to `handle` (stdout unless told): as they come for CSV, JSON,
    /// NDJSON and workbooks (a sheet named `sheet`), so memory stays flat for a million rows;
    /// collected first for the formats that measure their columns (table, TSV, Markdown).
    func output(
        to handle: FileHandle = CommandContext.current.standardOutput, sheet: String = "Sheet1",
        _ produce: (_ columns: ([String]) throws -> Void, _ row: ([Cell]) throws -> Void) throws -> Void
    ) throws {
        if format.isStreamed {
            let stream = RowStream(format: format, excel: excel, to: handle, sheet: sheet)
            try produce({ try stream.begin($0) }, { try stream.write($0) })
            try stream.end()
        } else {
            var table = TableData(columns: [], rows: [])
            try produce({ table.columns = $0 }, { table.rows.append($0) })
            try handle.write(contentsOf: Data(render(table).utf8))
        }
    }
}
