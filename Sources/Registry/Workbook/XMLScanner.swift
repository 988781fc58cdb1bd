/// A pull reader of the XML that a workbook's parts are written in, event by event from a stream,
/// so a sheet of a million rows is never held whole.
///
/// Written for this rather than with Foundation's `XMLParser`: that is FoundationXML, which makes the
/// binary load libxml2 and ICU at run time (it must stay one relocatable file). It reads the subset
/// SpreadsheetML uses: elements, attributes, text, the five named entities and character references,
/// CDATA, comments and processing instructions (skipped). A DOCTYPE is refused, so no entity can
/// expand; names lose their namespace prefix (`x:row` is `row`); nesting, tags and text are limited.
/// A class, so its buffers are changed in place however the reader holding it is copied.
final class XMLScanner {
    enum Event: Equatable {
        case start(String)
        case end(String)
        case text
    }

    static let maximumDepth = 64
    static let maximumTagBytes = 1 << 20
    static let maximumTextBytes = 32 << 20

    private let stream: ZipMemberStream
    private let part: String
    // Read byte by byte: unchecked, as only this class's own methods touch them, one at a time
    // (the run-time exclusivity checks were a tenth of reading a sheet).
    @exclusivity(unchecked) private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var tag: [UInt8] = []
    @exclusivity(unchecked) private var text: [UInt8] = []
    private var pendingEnd: String?
    private var depth = 0

    init(_ stream: ZipMemberStream, part: String) {
        self.stream = stream
        self.part = part
        tag.reserveCapacity(256)
        text.reserveCapacity(256)
    }

    /// The next element start or end, or text (read with `textValue`); nil at the end of the part.
    func next() throws -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            depth -= 1
            return .end(name)
        }
        text.removeAll(keepingCapacity: true)
        while try refill() {
            // The text up to the next `<` is taken a span at a time, not byte by byte.
            let start = position
            let end = buffer.withUnsafeBufferPointer { bytes in
                var index = start
                while index < count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                return index
            }
            if end > start {
                try append(buffer[start..<end], to: &text, limit: Self.maximumTextBytes)
                position = end
                continue
            }
            if !text.isEmpty { return .text }  // the `<` is read next time
            position += 1
            if let event = try markup() { return event }
        }
        guard depth == 0 else { throw malformed("it ends inside an element") }
        return text.isEmpty ? nil : .text
    }

    /// The text just read, its entities and character references replaced.
    func textValue() throws -> String { try decode(text[...]) }

    /// The value of attribute `name` (its local name) of the element just started.
    func attribute(_ name: String) throws -> String? {
        var found: ArraySlice<UInt8>?
        try forEachAttribute { key, value in
            if found == nil && key.elementsEqual(name.utf8) { found = value }
        }
        return try found.map(decode)
    }

    /// Each attribute of the element just started, in one pass over its tag: the local name, and
    /// the value as written (`text(of:)` replaces its entities). For the attributes of every cell.
    func forEachAttribute(_ body: (_ name: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>) throws -> Void) throws {
        var index = tag.firstIndex { Self.isSpace($0) || $0 == UInt8(ascii: "/") } ?? tag.count
        while index < tag.count {
            while index < tag.count, Self.isSpace(tag[index]) { index += 1 }
            let nameStart = index
            while index < tag.count, tag[index] != UInt8(ascii: "="), !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: "/") { index += 1 }
            let nameEnd = index
            while index < tag.count, Self.isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else { return }
            index += 1
            while index < tag.count, Self.isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") else {
                throw malformed("an attribute's value is not quoted")
            }
            let quote = tag[index]
            let valueStart = index + 1
            guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { throw malformed("an attribute's value is not closed") }
            index = valueEnd + 1
            try body(Self.localName(tag[nameStart..<nameEnd]), tag[valueStart..<valueEnd])
        }
    }

    /// An attribute's value as text, its entities and character references replaced.
    func text(of value: ArraySlice<UInt8>) throws -> String { try decode(value) }

    // MARK: Markup

    /// After `<`: an element's start or end, or nil for a comment, processing instruction or CDATA (whose
    /// text is kept).
    private func markup() throws -> Event? {
        tag.removeAll(keepingCapacity: true)
        guard let first = try nextByte() else { throw malformed("it ends inside a tag") }
        switch first {
        case UInt8(ascii: "?"):
            try skip(past: Array("?>".utf8))
            return nil
        case UInt8(ascii: "!"):
            try declaration()
            return text.isEmpty ? nil : .text
        case UInt8(ascii: "/"):
            try readTag()
            let name = String(decoding: Self.localName(tag[...]), as: UTF8.self)
            depth -= 1
            guard depth >= 0 else { throw malformed("an element ends that never started") }
            return .end(name)
        default:
            tag.append(first)
            try readTag()
            let selfClosing = tag.last == UInt8(ascii: "/")
            let nameEnd = tag.firstIndex { Self.isSpace($0) || $0 == UInt8(ascii: "/") } ?? tag.count
            let name = String(decoding: Self.localName(tag[..<nameEnd]), as: UTF8.self)
            depth += 1
            guard depth <= Self.maximumDepth else { throw malformed("elements are nested more than \(Self.maximumDepth) deep") }
            if selfClosing { pendingEnd = name }
            return .start(name)
        }
    }

    /// The rest of a tag up to `>`, outside quoted attribute values, a span at a time.
    private func readTag() throws {
        var quote: UInt8 = 0
        while try refill() {
            let start = position
            let (end, closed) = buffer.withUnsafeBufferPointer { bytes in
                var index = start
                while index < count {
                    let byte = bytes[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: ">") {
                        return (index, true)
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    }
                    index += 1
                }
                return (index, false)
            }
            try append(buffer[start..<end], to: &tag, limit: Self.maximumTagBytes)
            position = closed ? end + 1 : end
            if closed { return }
        }
        throw malformed("it ends inside a tag")
    }

    /// `<!--…-->`, `<![CDATA[…]]>` (its text kept); a DOCTYPE is refused.
    private func declaration() throws {
        let head = try bytes(2)
        if head == Array("--".utf8) {
            try skip(past: Array("-->".utf8))
        } else if head == Array("[C".utf8) {
            guard try bytes(5) == Array("DATA[".utf8) else { throw malformed("a `<![C` starts no CDATA section") }
            let terminator = Array("]]>".utf8)
            while let byte = try nextByte() {
                try append(byte, to: &text, limit: Self.maximumTextBytes)
                if text.count >= 3, text.suffix(3).elementsEqual(terminator) {
                    text.removeLast(3)
                    return
                }
            }
            throw malformed("a CDATA section is cut short")
        } else {
            throw malformed("it has a document type declaration, which a workbook never has (refused: its entities could expand)")
        }
    }

    // MARK: Bytes

    /// Whether there are bytes left to read, reading the next block when the buffer is spent.
    @inline(__always)
    private func refill() throws -> Bool {
        if position == count {
            count = try stream.read(into: &buffer)
            position = 0
        }
        return count > 0
    }

    @inline(__always)
    private func nextByte() throws -> UInt8? {
        guard try refill() else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private func bytes(_ n: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        for _ in 0..<n {
            guard let byte = try nextByte() else { throw malformed("it ends inside a tag") }
            result.append(byte)
        }
        return result
    }

    private func skip(past terminator: [UInt8]) throws {
        var matched = 0
        while let byte = try nextByte() {
            matched = byte == terminator[matched] ? matched + 1 : (byte == terminator[0] ? 1 : 0)
            if matched == terminator.count { return }
        }
        throw malformed("it ends inside a comment or instruction")
    }

    @inline(__always)
    private func append(_ byte: UInt8, to bytes: inout [UInt8], limit: Int) throws {
        guard bytes.count < limit else { throw malformed("a tag or text is longer than \(limit >> 20) MiB") }
        bytes.append(byte)
    }

    @inline(__always)
    private func append(_ span: ArraySlice<UInt8>, to bytes: inout [UInt8], limit: Int) throws {
        guard bytes.count + span.count <= limit else { throw malformed("a tag or text is longer than \(limit >> 20) MiB") }
        bytes.append(contentsOf: span)
    }

    // MARK: Text

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func localName(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return name[(colon + 1)...]
    }

    /// Bytes as text, `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#N;`/`&#xN;` replaced; any other
    /// entity is refused.
    private func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                index += 1
                continue
            }
            guard let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw malformed("an `&` starts no entity") }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let scalar: UInt32? =
                    name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
                guard let scalar, let unicode = Unicode.Scalar(scalar) else { throw malformed("it uses the unknown entity &\(name);") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            }
            index = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func malformed(_ reason: String) -> RegistryError {
        RegistryError.badFile(stream.path, "its part \(part) is not well-formed XML: \(reason)")
    }
}
