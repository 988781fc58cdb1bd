import CZlib
import Foundation

/// The members of a zip file (an .xlsx workbook is one), read from its central directory, each
/// readable as a stream of inflated bytes so that no member is ever held whole.
///
/// Written on zlib rather than with ZIPFoundation: a sheet is read as a pull stream by the XML
/// reader, and every size is held to limits a hostile file cannot talk its way past (a member
/// that inflates far beyond its declared size or beyond `maximumRatio` is a zip bomb and refused).
struct ZipReader {
    struct Member {
        let name: String
        let method: UInt16
        let compressedSize: UInt64
        let size: UInt64
        let localHeaderOffset: UInt64
        let crc: UInt32
    }

    /// A member inflates to at most this many times its compressed size (sheets of repeated rows
    /// reach about 200).
    static let maximumRatio: UInt64 = 1000
    static let maximumMembers = 10_000

    let path: String
    private let descriptor: Int32
    private let fileSize: UInt64
    private(set) var members: [String: Member] = [:]

    /// Reads the central directory of the zip file open at `descriptor` (a regular file).
    init(descriptor: Int32, path: String) throws {
        self.descriptor = descriptor
        self.path = path
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.damaged(path, "it cannot be read") }
        fileSize = UInt64(status.st_size)
        let tailLength = min(fileSize, 22 + 65_535)
        let tail = try Self.read(descriptor, at: fileSize - tailLength, count: Int(tailLength), path: path)
        guard let end = Self.lastIndex(of: 0x0605_4b50, in: tail) else {
            throw Self.damaged(path, "it has no zip directory (is it cut short?)")
        }
        var count = UInt64(tail.uint16(at: end + 10))
        var directorySize = UInt64(tail.uint32(at: end + 12))
        var directoryOffset = UInt64(tail.uint32(at: end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, end >= 20,
            tail.uint32(at: end - 20) == 0x0706_4b50
        {
            let record = try Self.read(descriptor, at: tail.uint64(at: end - 20 + 8), count: 56, path: path)
            guard record.uint32(at: 0) == 0x0606_4b50 else { throw Self.damaged(path, "its zip64 directory is damaged") }
            (count, directorySize, directoryOffset) = (record.uint64(at: 32), record.uint64(at: 40), record.uint64(at: 48))
        }
        // Sizes and offsets come from the file: compared by subtraction, never added, so none can overflow.
        guard count <= Self.maximumMembers, directorySize <= 64 << 20, directoryOffset <= fileSize, directorySize <= fileSize - directoryOffset
        else {
            throw Self.damaged(path, "its zip directory is damaged or too large")
        }
        let directory = try Self.read(descriptor, at: directoryOffset, count: Int(directorySize), path: path)
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.uint32(at: position) == 0x0201_4b50 else {
                throw Self.damaged(path, "its zip directory is damaged")
            }
            let nameLength = Int(directory.uint16(at: position + 28))
            let extraLength = Int(directory.uint16(at: position + 30))
            let commentLength = Int(directory.uint16(at: position + 32))
            guard position + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw Self.damaged(path, "its zip directory is damaged")
            }
            var compressed = UInt64(directory.uint32(at: position + 20))
            var size = UInt64(directory.uint32(at: position + 24))
            var offset = UInt64(directory.uint32(at: position + 42))
            // Zip64: the sizes and offset that did not fit are in the extra field, in this order.
            var extra = position + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.uint16(at: extra), length = Int(directory.uint16(at: extra + 2))
                if id == 1 {
                    var field = extra + 4
                    if size == 0xFFFF_FFFF, field + 8 <= extraEnd { size = directory.uint64(at: field); field += 8 }
                    if compressed == 0xFFFF_FFFF, field + 8 <= extraEnd { compressed = directory.uint64(at: field); field += 8 }
                    if offset == 0xFFFF_FFFF, field + 8 <= extraEnd { offset = directory.uint64(at: field) }
                }
                extra += 4 + length
            }
            let nameBytes = directory[(position + 46)..<(position + 46 + nameLength)]
            let name = String(decoding: nameBytes, as: UTF8.self)
            members[name] = Member(
                name: name, method: directory.uint16(at: position + 10), compressedSize: compressed, size: size, localHeaderOffset: offset,
                crc: directory.uint32(at: position + 16))
            position += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The member's bytes as a stream, inflated as they are read.
    func stream(_ member: Member) throws -> ZipMemberStream {
        guard member.localHeaderOffset <= fileSize, fileSize - member.localHeaderOffset >= 30 else {
            throw Self.damaged(path, "the zip entry \(member.name) is cut short")
        }
        let header = try Self.read(descriptor, at: member.localHeaderOffset, count: 30, path: path)
        guard header.uint32(at: 0) == 0x0403_4b50 else { throw Self.damaged(path, "the zip entry \(member.name) is damaged") }
        let start = member.localHeaderOffset + 30 + UInt64(header.uint16(at: 26)) + UInt64(header.uint16(at: 28))
        guard start <= fileSize, member.compressedSize <= fileSize - start else {
            throw Self.damaged(path, "the zip entry \(member.name) is cut short")
        }
        guard member.method == 0 || member.method == 8 else {
            throw RegistryError.badFile(
                path, "\(member.name) is compressed with method \(member.method); only stored and deflated zip entries can be read")
        }
        return try ZipMemberStream(descriptor: descriptor, path: path, member: member, start: start)
    }

    static func damaged(_ path: String, _ reason: String) -> RegistryError {
        RegistryError.badFile(path, "\(reason); it is not a readable .xlsx workbook")
    }

    static func read(_ descriptor: Int32, at offset: UInt64, count: Int, path: String) throws -> [UInt8] {
        guard offset < UInt64(Int64.max) - UInt64(count) else { throw damaged(path, "it is cut short") }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw damaged(path, "it is cut short") }
            done += read
        }
        return bytes
    }

    private static func lastIndex(of signature: UInt32, in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        for index in stride(from: bytes.count - 22, through: 0, by: -1) where bytes.uint32(at: index) == signature { return index }
        return nil
    }
}

/// One zip member's bytes, inflated block by block (or copied, when stored), and held to its declared
/// size and to `ZipReader.maximumRatio`.
final class ZipMemberStream {
    private let descriptor: Int32
    let path: String
    private let member: ZipReader.Member
    private var offset: UInt64
    private var remaining: UInt64
    private var stream = z_stream()
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var finished = false
    private(set) var produced: UInt64 = 0
    private var crc: UInt32 = 0

    init(descriptor: Int32, path: String, member: ZipReader.Member, start: UInt64) throws {
        self.descriptor = descriptor
        self.path = path
        self.member = member
        offset = start
        remaining = member.compressedSize
        if member.method == 8 {
            guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw RegistryError.file(path: path, reason: "zlib could not start")
            }
        }
    }

    deinit { if member.method == 8 { inflateEnd(&stream) } }

    /// Fills `buffer` from the start with the next bytes; 0 at the end of the member.
    func read(into buffer: inout [UInt8]) throws -> Int {
        if finished { return 0 }
        let count: Int
        if member.method == 0 {
            let want = Int(min(UInt64(buffer.count), remaining))
            if want == 0 { finished = true; return 0 }
            let bytes = try ZipReader.read(descriptor, at: offset, count: want, path: path)
            buffer.replaceSubrange(0..<want, with: bytes)
            offset += UInt64(want)
            remaining -= UInt64(want)
            count = want
            finished = remaining == 0
        } else {
            count = try inflate(into: &buffer)
        }
        produced += UInt64(count)
        crc = buffer.withUnsafeBufferPointer { UInt32(crc32(uLong(crc), $0.baseAddress, uInt(count))) }
        if finished, produced != member.size || crc != member.crc {
            throw ZipReader.damaged(path, "the zip entry \(member.name) is damaged (its size or checksum is wrong)")
        }
        // compressedSize is at most the file's size (checked when the stream opened), so this cannot overflow.
        if produced > member.size || produced > max(1 << 20, member.compressedSize * ZipReader.maximumRatio) {
            throw RegistryError.badFile(path, "\(member.name) inflates beyond its declared size (a zip bomb?); it is not read")
        }
        return count
    }

    /// zlib is given the pointers afresh on each call (they point into Swift arrays), so it never keeps one.
    private func inflate(into buffer: inout [UInt8]) throws -> Int {
        while true {
            if pending == 0 && remaining > 0 {
                let want = Int(min(UInt64(input.count), remaining))
                input.replaceSubrange(0..<want, with: try ZipReader.read(descriptor, at: offset, count: want, path: path))
                offset += UInt64(want)
                remaining -= UInt64(want)
                (inputPosition, pending) = (0, want)
            }
            let (status, count) = input.withUnsafeMutableBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { output in
                    stream.next_in = source.baseAddress! + inputPosition
                    stream.avail_in = UInt32(pending)
                    stream.next_out = output.baseAddress!
                    stream.avail_out = UInt32(output.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, output.count - Int(stream.avail_out))
                }
            }
            inputPosition += pending - Int(stream.avail_in)
            pending = Int(stream.avail_in)
            if status == Z_STREAM_END { finished = true }
            if count > 0 || finished { return count }
            guard status == Z_OK || status == Z_BUF_ERROR, pending > 0 || remaining > 0 else {
                throw ZipReader.damaged(path, "the zip entry \(member.name) is damaged or cut short")
            }
        }
    }

    private var inputPosition = 0
    private var pending = 0
}

extension [UInt8] {
    func uint16(at index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }
    func uint32(at index: Int) -> UInt32 { UInt32(uint16(at: index)) | UInt32(uint16(at: index + 2)) << 16 }
    func uint64(at index: Int) -> UInt64 { UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32 }
}
