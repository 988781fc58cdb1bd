import Crypto
import Foundation

/// File operations a backup relies on to survive a crash or a power cut: data flushed to the
/// disk, folders flushed so a rename is remembered, and final names taken without replacing
/// anything.
enum DurableFiles {
    /// Flushes a file's or a folder's contents to the disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, "could not be opened to flush it to disk") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(path, "could not be flushed to disk") }
    }

    /// Gives `source` the name `destination`, failing when that name is taken: a link, then the
    /// old name removed, so a crash leaves either name or both, never a half-written file.
    static func place(_ source: String, at destination: String) throws {
        guard link(source, destination) == 0 else {
            if errno == EEXIST { throw RegistryError.file(path: destination, reason: "already exists; nothing was replaced") }
            throw failure(destination, "could not be created")
        }
        unlink(source)
        WorkFiles.finished(source)
    }

    /// Removes a file, with the journal files SQLite may have left beside it; a file that is
    /// already gone is fine.
    static func remove(_ path: String) {
        WorkFiles.unlinkWithSiblings(path)
        WorkFiles.finished(path)
    }

    /// The SHA-256 of a file's bytes and its size.
    static func digest(of path: String) throws -> FileDigest {
        let input = try openForReading(path)
        defer { close(input) }
        var hasher = SHA256()
        var total: Int64 = 0
        try readBlocks(input, path: path) { block in
            hasher.update(bufferPointer: block)
            total += Int64(block.count)
        }
        return FileDigest(sha256: hex(hasher.finalize()), bytes: total)
    }

    /// Copies a file to a new owner-only file, flushed to disk, and returns the copy's SHA-256.
    static func copy(_ source: String, to destination: String) throws -> String {
        let input = try openForReading(source)
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard output >= 0 else { throw failure(destination, "could not be created") }
        var done = false
        defer {
            close(output)
            if !done { unlink(destination) }
        }
        var hasher = SHA256()
        try readBlocks(input, path: source) { block in
            var written = 0
            while written < block.count {
                let result = write(output, block.baseAddress! + written, block.count - written)
                guard result > 0 else {
                    if result < 0 && errno == EINTR { continue }
                    throw failure(destination, errno == ENOSPC ? "could not be written: the disk is full" : "could not be written")
                }
                written += result
            }
            hasher.update(bufferPointer: block)
        }
        guard fsync(output) == 0 else { throw failure(destination, "could not be flushed to disk") }
        done = true
        return hex(hasher.finalize())
    }

    private static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, "could not be opened") }
        return fd
    }

    /// Hands the file's bytes to `body` in 4 MiB blocks.
    private static func readBlocks(_ fd: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let size = 4 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, size)
            if count == 0 { return }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw failure(path, "could not be read")
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    private static func failure(_ path: String, _ what: String) -> RegistryError {
        .file(path: path, reason: "\(what) (\(String(cString: strerror(errno))))")
    }
}

/// A file's SHA-256, in lowercase hex, and its size in bytes.
struct FileDigest: Equatable, Sendable {
    let sha256: String
    let bytes: Int64
}
