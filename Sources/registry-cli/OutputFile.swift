import ArgumentParser
import Foundation
import Registry

/// Where a command's data goes: stdout, or with `--output` a file that appears only when
/// complete, readable by its owner only, and never the register itself.
enum OutputFile {
    /// A workbook is binary: refused on a terminal, where it would only scramble the screen.
    static func refuseOnTerminal(_ format: OutputFormat?, output: String?) throws {
        if format?.isBinary == true, output == nil, CommandContext.current.standardOutputIsTerminal {
            throw ValidationError("An .xlsx workbook is not for a terminal: give --output FILE (or redirect stdout to a file).")
        }
    }

    static func write(to output: String?, of registry: Registry, _ body: (FileHandle) throws -> Void) throws {
        guard let output else {
            try writing("stdout") { try body(CommandContext.current.standardOutput) }
            return
        }
        try registry.refuseOutput(output)
        switch try OutputTarget(output) {
        case .inPlace(let handle):
            defer { try? handle.close() }
            try writing(output) { try body(handle) }
        case .replacing(let file):
            try replace(file, named: output, body)
        }
    }

    /// Writes a hidden file beside `file` and renames it into place, so a failed write leaves
    /// no half file.
    private static func replace(_ file: String, named output: String, _ body: (FileHandle) throws -> Void) throws {
        let folder = (file as NSString).deletingLastPathComponent
        let temporary = WorkFiles.track((folder.isEmpty ? "." : folder) + "/.\((file as NSString).lastPathComponent).\(UUID().uuidString).part")
        defer { WorkFiles.finished(temporary) }
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw RegistryError.file(path: output, reason: "the file could not be created") }
        do {
            try writing(output) { try body(handle) }
            try handle.synchronize()
            try handle.close()
            if rename(temporary, file) != 0 { throw RegistryError.file(path: output, reason: "the file could not be written") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Runs `body`, naming the file and the system's reason when a write fails (a full disk, a
    /// size limit, a closed pipe) instead of Foundation's error codes.
    private static func writing(_ name: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as RegistryError {
            throw error
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError ?? error as NSError
            let reason = underlying.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying.code))) : underlying.localizedDescription
            throw RegistryError.file(path: name, reason: "could not be written (\(reason)); the disk may be full. Nothing was written")
        }
    }
}

/// What `--output PATH` names, and so how it is written.
///
/// A regular file (new, or through a symbolic link to it) is replaced whole when complete.
/// A device (`/dev/null`), a FIFO, a socket or a descriptor of this process (`/dev/stdout`) is
/// written in place: renaming a file over it would replace the system's node, and the reader of
/// a FIFO would get nothing. A folder, a dangling link or a block device is refused.
enum OutputTarget {
    case replacing(String)
    case inPlace(FileHandle)

    init(_ output: String) throws {
        var link = stat()
        guard lstat(output, &link) == 0 else {
            self = .replacing(output)
            return
        }
        var node = stat()
        guard stat(output, &node) == 0 else {
            throw RegistryError.file(
                path: output, reason: "is a symbolic link to a file that does not exist (\(Self.linkTarget(output))); nothing was written")
        }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        switch node.st_mode & S_IFMT {
        case S_IFDIR:
            throw RegistryError.file(path: output, reason: "is a folder; give --output a file name in it. Nothing was written")
        case S_IFREG where isLink && Self.isProcessDescriptor(output):
            // `--output /dev/stdout` with stdout sent to a file: the shell opened that file already.
            self = .inPlace(try Self.open(output, flags: O_WRONLY | O_APPEND))
        case S_IFREG:
            let file = isLink ? URL(fileURLWithPath: output).resolvingSymlinksInPath().path : output
            if Self.isDatabase(file) {
                throw RegistryError.file(
                    path: output,
                    reason: "is an SQLite database, perhaps a register; an export never replaces one. Nothing was written; give another file")
            }
            self = .replacing(file)
        case S_IFCHR, S_IFIFO:
            self = .inPlace(try Self.open(output, flags: O_WRONLY))
        case S_IFSOCK:
            self = .inPlace(try Self.connect(output))
        default:
            throw RegistryError.file(
                path: output, reason: "is a block device or another special file that an export is never written to; nothing was written")
        }
    }

    private static func isDatabase(_ file: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
    }

    private static func isProcessDescriptor(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        return ["/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/"].contains { resolved.hasPrefix($0) }
    }

    private static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    private static func open(_ path: String, flags: Int32) throws -> FileHandle {
        let descriptor = Glibc.open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RegistryError.file(path: path, reason: "could not be opened for writing (\(String(cString: strerror(errno)))); nothing was written")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// A Unix socket is written by connecting to it as a stream.
    private static func connect(_ path: String) throws -> FileHandle {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard descriptor >= 0, bytes.count < capacity else {
            throw RegistryError.file(path: path, reason: "is a socket that could not be reached; nothing was written")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw RegistryError.file(path: path, reason: "is a socket that could not be reached (\(reason)); nothing was written")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
