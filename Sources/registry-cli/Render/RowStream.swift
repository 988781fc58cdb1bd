import ArgumentParser
import Foundation
import Registry

/// Writes rows as they arrive, for exports of any size: CSV (with its Excel variant), JSON
/// (an array written element by element) or NDJSON, through a buffered file handle.
final class RowStream {
    private let format: OutputFormat
    private let excel: Bool
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var columns: [String] = []
    private var rows = 0

    /// `format` is one that `isStreamed`.
    init(format: OutputFormat, excel: Bool, to handle: FileHandle) {
        precondition(format.isStreamed, "\(format) is not written row by row")
        self.format = format
        self.excel = excel
        self.handle = handle
    }

    func begin(_ columns: [String]) {
        self.columns = columns
        switch format {
        case .csv: append((excel ? "\u{FEFF}" : "") + DelimitedText.csvLine(columns.map(Cell.text), excel: excel))
        case .json: append("[")
        case .ndjson, .table, .tsv, .markdown, .html: break  // only streamed formats reach a stream (init)
        }
    }

    func write(_ row: [Cell]) throws {
        switch format {
        case .csv: DelimitedText.appendCSVLine(row, excel: excel, to: &buffer)
        case .json:
            append(rows == 0 ? "\n  " : ",\n  ")
            JSONText.appendObject(columns, row, to: &buffer)
        case .ndjson:
            JSONText.appendObject(columns, row, to: &buffer)
            buffer.append(10)
        case .table, .tsv, .markdown, .html: break
        }
        rows += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    func end() throws {
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
    /// Writes the rows `produce` gives to stdout: as they come for CSV, JSON and NDJSON, so
    /// memory stays flat for a million rows; collected first for the formats that measure their
    /// columns (table, TSV, Markdown).
    func output(_ produce: (_ columns: ([String]) throws -> Void, _ row: ([Cell]) throws -> Void) throws -> Void) throws {
        if format.isStreamed {
            let stream = RowStream(format: format, excel: excel, to: CommandContext.current.standardOutput)
            try produce({ stream.begin($0) }, { try stream.write($0) })
            try stream.end()
        } else {
            var table = TableData(columns: [], rows: [])
            try produce({ table.columns = $0 }, { table.rows.append($0) })
            Console.output(render(table))
        }
    }
}
