import Foundation

/// Reads JSON records one object at a time: a top-level array of objects (what `export --format
/// json` writes) or one object per line (NDJSON). Each object is cut out of the byte stream and
/// decoded alone, so the file is never held whole.
struct JSONRecordReader {
    /// One object: the line it starts on, its members as text (nil for JSON null), and why it
    /// cannot be read, if it cannot.
    struct Record {
        let line: Int
        let members: [(name: String, value: String?)]
        let problem: String?
    }

    /// Objects hold values and lists of codes; anything nested deeper is refused.
    static let maximumDepth = 2

    private var input: ByteInput
    private var line = 1
    private var inArray = false
    private var arrayClosed = false
    private var afterElement = false
    private var object: [UInt8] = []
    /// Where each of the object's own keys (not those of nested values) lies in `object`.
    private var keys: [Range<Int>] = []

    init(input: ByteInput) throws {
        self.input = input
        if try self.input.lookahead().starts(with: [0xEF, 0xBB, 0xBF]) {
            for _ in 0..<3 { _ = try self.input.next() }
        }
        let first = try skipSpace()
        if first == nil { throw problem("the file is empty") }
        if first == UInt8(ascii: "[") {
            _ = try self.input.next()
            inArray = true
        }
    }

    /// The next object, or nil at the end of the input.
    mutating func next() throws -> Record? {
        guard var first = try skipSpace() else {
            if inArray && !arrayClosed { throw problem("the array is never closed with ]") }
            return nil
        }
        if inArray {
            if arrayClosed { throw problem("there is text after the closing ]") }
            if first == UInt8(ascii: "]") {
                _ = try input.next()
                arrayClosed = true
                return try next()
            }
            if afterElement {
                guard first == UInt8(ascii: ",") else { throw problem("records in an array are separated by commas") }
                _ = try input.next()
                guard let after = try skipSpace() else { throw problem("the array is never closed with ]") }
                first = after
            }
        }
        afterElement = true
        let start = line
        guard first == UInt8(ascii: "{") else {
            throw problem("a record must be a JSON object ({...}), found '\(Character(Unicode.Scalar(first)))'")
        }
        let depthProblem = try cutObject()
        if let depthProblem { return Record(line: start, members: [], problem: depthProblem) }
        return Record(line: start, members: [], problem: nil).decoding(object, keys: keys)
    }

    /// Moves past spaces and line ends; the next byte, not consumed.
    private mutating func skipSpace() throws -> UInt8? {
        while let byte = try input.peek() {
            switch byte {
            case 10:
                line += 1
                _ = try input.next()
            case 32, 9, 13:
                _ = try input.next()
            default:
                return byte
            }
        }
        return nil
    }

    /// Copies one object's bytes into `object`, following strings and nesting; a problem when
    /// it nests too deeply.
    private mutating func cutObject() throws -> String? {
        object.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        var expectingKey = false
        var keyStart: Int?
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        while let byte = try input.next() {
            object.append(byte)
            if object.count > CSVRecordReader.maximumFieldBytes { throw problem("a record is longer than 16 MiB") }
            if byte == 10 { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if let start = keyStart { keys.append(start..<object.count) }
                    keyStart = nil
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if expectingKey { keyStart = object.count - 1 }
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = depth == 1 && object.first == UInt8(ascii: "{")
            case UInt8(ascii: ":"):
                expectingKey = false
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                expectingKey = depth == 0
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    return deepest > Self.maximumDepth ? "values nest deeper than a list of codes; records are flat objects" : nil
                }
            default:
                break
            }
        }
        throw problem("an object is never closed with }")
    }

    private func problem(_ reason: String) -> RegistryError {
        RegistryError.invalid([FieldProblem(field: "line \(line)", value: "", reason: reason)])
    }
}

extension JSONRecordReader.Record {
    /// The record with `bytes` decoded as its members, or with the reason they cannot be.
    fileprivate func decoding(_ bytes: [UInt8], keys: [Range<Int>]) -> Self {
        do {
            let members = try JSONDecoder().decode(JSONMembers.self, from: Data(bytes)).members
            // A decoder keeps one value of a key given twice and drops the other without a word.
            if members.count != keys.count, let repeated = Self.repeatedKey(keys.map { bytes[$0] }) {
                return Self(line: line, members: [], problem: "the key \"\(repeated)\" is given twice in one record; give each field once")
            }
            return Self(line: line, members: members, problem: nil)
        } catch let error as DecodingError {
            return Self(line: line, members: [], problem: Self.reason(error))
        } catch {
            return Self(line: line, members: [], problem: "is not valid JSON")
        }
    }

    /// The first key (as JSON strings, quotes included) that comes again, decoded.
    private static func repeatedKey(_ keys: [ArraySlice<UInt8>]) -> String? {
        var seen = Set<String>()
        for key in keys {
            guard let name = try? JSONDecoder().decode(String.self, from: Data(key)) else { continue }
            if !seen.insert(name).inserted { return name }
        }
        return nil
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let key = context.codingPath.first?.stringValue
            return key.map { "\($0): \(context.debugDescription)" } ?? "is not valid JSON (\(context.debugDescription))"
        @unknown default:
            return "is not valid JSON"
        }
    }
}

/// An object's members in file order, each value as the text an import cell would hold.
private struct JSONMembers: Decodable {
    let members: [(name: String, value: String?)]

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        members = try container.allKeys.map { key in
            (key.stringValue, try container.decode(Value.self, forKey: key).text)
        }
    }

    /// A string, a number (kept as written: money stays exact), null, or a list of strings.
    struct Value: Decodable {
        let text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = nil
            } else if let string = try? container.decode(String.self) {
                text = string
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let number = try? container.decode(Decimal.self) {
                text = "\(number)"
            } else if let list = try? container.decode([String].self) {
                text = list.joined(separator: ",")
            } else {
                throw DecodingError.typeMismatch(
                    String.self,
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "must be a text, a number, null or a list of codes"))
            }
        }
    }
}
