import Foundation

/// Bytes read from a file descriptor in large blocks, for parsers that look at one byte at a
/// time: the file is never held whole, so memory stays flat however large it is.
struct ByteInput {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8]
    private var position = 0
    private var count = 0
    private var finished = false
    /// Bytes read so far, told to `progress` after each block.
    private var consumed: Int64 = 0
    private let progress: ((Int64) -> Void)?

    init(descriptor: Int32, name: String, blockSize: Int = 1 << 20, progress: ((Int64) -> Void)? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.progress = progress
        buffer = [UInt8](repeating: 0, count: blockSize)
    }

    /// The next byte, or nil at the end of the input.
    @inline(__always)
    mutating func next() throws -> UInt8? {
        if position == count {
            guard try refill() else { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    /// The next byte without consuming it.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        if position == count {
            guard try refill() else { return nil }
        }
        return buffer[position]
    }

    /// The bytes already read but not yet consumed (at least one block once anything was read).
    mutating func lookahead() throws -> ArraySlice<UInt8> {
        if position == count { _ = try refill() }
        return buffer[position..<count]
    }

    private mutating func refill() throws -> Bool {
        if finished { return false }
        let read = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        if read < 0 {
            if errno == EINTR { return try refill() }
            throw RegistryError.file(path: name, reason: "it could not be read (\(String(cString: strerror(errno))))")
        }
        position = 0
        count = read
        finished = read == 0
        consumed += Int64(read)
        progress?(consumed)
        return read > 0
    }
}
