import Foundation
import Registry

/// Where a command's data goes: stdout, or with `--output` a file that appears only when
/// complete, readable by its owner only, and never the register itself.
enum OutputFile {
    static func write(to output: String?, of registry: Registry, _ body: (FileHandle) throws -> Void) throws {
        guard let output else {
            try writing("stdout") { try body(.standardOutput) }
            return
        }
        try registry.refuseOutput(output)
        // Written beside the target and renamed into place, so a failed write leaves no half file.
        let folder = (output as NSString).deletingLastPathComponent
        let temporary = WorkFiles.track((folder.isEmpty ? "." : folder) + "/.\((output as NSString).lastPathComponent).\(UUID().uuidString).part")
        defer { WorkFiles.finished(temporary) }
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw RegistryError.file(path: output, reason: "the file could not be created") }
        do {
            try writing(output) { try body(handle) }
            try handle.synchronize()
            try handle.close()
            if rename(temporary, output) != 0 { throw RegistryError.file(path: output, reason: "the file could not be written") }
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
