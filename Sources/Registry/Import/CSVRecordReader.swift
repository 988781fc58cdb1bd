/// Reads CSV (RFC 4180, and what Excel saves) record by record from a stream of bytes.
///
/// Written byte by byte rather than with a CSV library, because both available ones measurably
/// miss the import's targets (2x the sqlite3 shell's `.import`, flat memory). On 1,000,000
/// activity rows (165 MiB), only parsing: CSV.swift 2.5.2 26–29 s, SwiftCSV 0.10.0 33 s and
/// 1 GiB (it holds the whole file), against 7.5 s for the shell's whole `.import`. CSV.swift also
/// cannot stream Windows-1250 (it takes only Unicode codecs) and reports a read error at the end
/// of every file on Linux.
///
/// Accepted: a UTF-8 byte-order mark, `,` or `;` separators (whichever the header line has more
/// of, outside quotes), LF, CRLF or CR line ends, quoted fields with doubled quotes and line
/// breaks, and empty lines (skipped).
struct CSVRecordReader {
    /// One record: the line it starts on, its fields, and why it is malformed, if it is.
    struct Record {
        let line: Int
        let fields: [String]
        let problem: String?
    }

    /// The longest field accepted; longer is surely not a register's spreadsheet.
    static let maximumFieldBytes = 16 << 20

    private var input: ByteInput
    private let name: String
    private let encoding: TextEncoding
    private(set) var separator = UInt8(ascii: ",")
    private var line = 1
    private var field: [UInt8] = []

    init(input: ByteInput, name: String, encoding: TextEncoding) throws {
        self.input = input
        self.name = name
        self.encoding = encoding
        field.reserveCapacity(256)
        var start = try self.input.lookahead()
        if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            for _ in 0..<3 { _ = try self.input.next() }
            start = start.dropFirst(3)
        }
        separator = Self.separator(inFirstLineOf: start)
    }

    /// `;` when the first line has more of them than commas outside quotes, else `,`.
    static func separator(inFirstLineOf bytes: ArraySlice<UInt8>) -> UInt8 {
        var quoted = false
        var commas = 0
        var semicolons = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { commas += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1 }
            case 10, 13: if !quoted { return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            default: break
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next record that is not an empty line, or nil at the end of the file.
    mutating func next() throws -> Record? {
        while true {
            guard let record = try nextLine() else { return nil }
            if record.fields.count == 1, record.fields[0].isEmpty, record.problem == nil { continue }
            return record
        }
    }

    private mutating func nextLine() throws -> Record? {
        let quote = UInt8(ascii: "\"")
        let start = line
        var fields: [String] = []
        var problem: String?
        var quoted = false  // inside a quoted field
        var wasQuoted = false  // the current field was quoted and its closing quote read
        guard try input.peek() != nil else { return nil }
        while true {
            guard let byte = try input.next() else {
                if quoted { throw RegistryError.invalid([FieldProblem(field: "line \(start)", value: "", reason: "a quoted field is never closed")]) }
                try finishField(into: &fields)
                return Record(line: start, fields: fields, problem: problem)
            }
            if quoted {
                if byte == quote {
                    if try input.peek() == quote {
                        _ = try input.next()
                        field.append(quote)
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    if byte == 10 { line += 1 } else if byte == 13, try input.peek() != 10 { line += 1 }
                    try append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                try finishField(into: &fields)
                wasQuoted = false
            case 10, 13:
                if byte == 13, try input.peek() == 10 { _ = try input.next() }
                try finishField(into: &fields)
                line += 1
                return Record(line: start, fields: fields, problem: problem)
            case quote where field.isEmpty && !wasQuoted:
                quoted = true
            default:
                if wasQuoted, problem == nil {
                    problem = "field \(fields.count + 1) has text after its closing quote; a quote inside a field is written twice (\"\")"
                }
                try append(byte)
            }
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws {
        field.append(byte)
        if field.count > Self.maximumFieldBytes {
            throw RegistryError.invalid([
                FieldProblem(field: "line \(line)", value: "", reason: "a field is longer than 16 MiB, which no register field needs")
            ])
        }
    }

    private mutating func finishField(into fields: inout [String]) throws {
        defer { field.removeAll(keepingCapacity: true) }
        guard let text = encoding.decode(field[...]) else {
            let hint =
                encoding == .utf8
                ? "is not UTF-8; Excel saves CSV in Windows-1250 in Poland and Windows-1252 in Norway: give --encoding windows-1250 "
                    + "or --encoding windows-1252 (or save as \"CSV UTF-8\")"
                : "holds a byte that is not a character in \(encoding.rawValue); check --encoding"
            throw RegistryError.invalid([FieldProblem(field: "line \(line)", value: "", reason: "the file " + hint)])
        }
        fields.append(text)
    }
}
