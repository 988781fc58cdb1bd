import CZlib

/// Writes a zip file front to back, each member deflated as its bytes come (its sizes and CRC-32
/// follow it in a data descriptor), so a sheet of a million rows is never held whole and the
/// output may be a pipe. Members over 4 GiB (zip64) are refused.
final class ZipWriter {
    private struct Written {
        let name: [UInt8]
        let offset: UInt32
        let crc: UInt32
        let compressed: UInt32
        let size: UInt32
    }

    /// Deflate level 1: several times faster than the default level, and a sheet's XML still
    /// shrinks about tenfold.
    static let level: Int32 = 1

    private let sink: ([UInt8]) throws -> Void
    private var written: [Written] = []
    private var offset: UInt64 = 0
    private var stream = z_stream()
    private var open: (name: [UInt8], offset: UInt64)?
    private var crc: uLong = 0
    private var size: UInt64 = 0
    private var compressed: UInt64 = 0
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    /// `sink` receives the file's bytes in order.
    init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
    }

    deinit { if open != nil { deflateEnd(&stream) } }

    /// Starts member `name`; its bytes follow with `write`, and `end` closes it.
    func begin(_ name: String) throws {
        precondition(open == nil, "a zip member is still open")
        let nameBytes = Array(name.utf8)
        var header: [UInt8] = []
        header.append(le32: 0x0403_4b50)
        header.append(le16: 20)
        header.append(le16: Self.flags)
        header.append(le16: 8)
        header.append(le16: 0)  // time 00:00
        header.append(le16: Self.dosDate)
        header.append(le32: 0)
        header.append(le32: 0)
        header.append(le32: 0)
        header.append(le16: UInt16(nameBytes.count))
        header.append(le16: 0)
        header += nameBytes
        try emit(header)
        open = (nameBytes, offset - UInt64(header.count))
        (crc, size, compressed) = (0, 0, 0)
        stream = z_stream()
        guard deflateInit2_(&stream, Self.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw RegistryError.refused("zlib could not start")
        }
    }

    /// More of the open member's bytes.
    func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        crc = bytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        size += UInt64(bytes.count)
        try deflate(bytes, flush: Z_NO_FLUSH)
    }

    /// Closes the open member: the rest of its deflate stream, then its sizes and CRC-32.
    func end() throws {
        guard let member = open else { return }
        try deflate([], flush: Z_FINISH)
        deflateEnd(&stream)
        open = nil
        guard size < 0xFFFF_FFFF, compressed < 0xFFFF_FFFF, member.offset < 0xFFFF_FFFF else {
            throw RegistryError.refused(
                "the workbook's part \(String(decoding: member.name, as: UTF8.self)) is larger than 4 GiB, more than an .xlsx holds")
        }
        var descriptor: [UInt8] = []
        descriptor.append(le32: 0x0807_4b50)
        descriptor.append(le32: UInt32(crc))
        descriptor.append(le32: UInt32(compressed))
        descriptor.append(le32: UInt32(size))
        try emit(descriptor)
        written.append(
            Written(name: member.name, offset: UInt32(member.offset), crc: UInt32(crc), compressed: UInt32(compressed), size: UInt32(size)))
    }

    /// Writes the central directory; the zip file is complete.
    func finish() throws {
        try end()
        let start = offset
        var directory: [UInt8] = []
        for member in written {
            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 20)
            directory.append(le16: 20)
            directory.append(le16: Self.flags)
            directory.append(le16: 8)
            directory.append(le16: 0)
            directory.append(le16: Self.dosDate)
            directory.append(le32: member.crc)
            directory.append(le32: member.compressed)
            directory.append(le32: member.size)
            directory.append(le16: UInt16(member.name.count))
            directory += [UInt8](repeating: 0, count: 12)  // extra, comment, disk, internal and external attributes
            directory.append(le32: member.offset)
            directory += member.name
        }
        guard start + UInt64(directory.count) < 0xFFFF_FFFF, written.count < 0xFFFF else {
            throw RegistryError.refused("the workbook is larger than 4 GiB, more than an .xlsx holds")
        }
        directory.append(le32: 0x0605_4b50)
        directory += [0, 0, 0, 0]
        directory.append(le16: UInt16(written.count))
        directory.append(le16: UInt16(written.count))
        directory.append(le32: UInt32(directory.count - 12))  // the directory's size: what precedes this record
        directory.append(le32: UInt32(start))
        directory.append(le16: 0)
        try emit(directory)
    }

    /// Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8.
    private static let flags: UInt16 = 0x0808
    /// 1980-01-01, the first day a zip date can say: the same workbook gives the same bytes.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    private func deflate(_ bytes: [UInt8], flush: Int32) throws {
        var input = bytes
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                let (status, produced) = output.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = CZlib.deflate(&stream, flush)
                    return (status, target.count - Int(stream.avail_out))
                }
                guard status != Z_STREAM_ERROR else { throw RegistryError.refused("zlib failed while writing the workbook") }
                if produced > 0 {
                    compressed += UInt64(produced)
                    try emit(Array(output[0..<produced]))
                }
                if flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_out != 0 { break }
            } while true
            stream.next_in = nil
        }
    }

    private func emit(_ bytes: [UInt8]) throws {
        try sink(bytes)
        offset += UInt64(bytes.count)
    }
}

extension [UInt8] {
    mutating func append(le16 value: UInt16) { append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)]) }
    mutating func append(le32 value: UInt32) {
        append(le16: UInt16(value & 0xFFFF))
        append(le16: UInt16(value >> 16))
    }
}
