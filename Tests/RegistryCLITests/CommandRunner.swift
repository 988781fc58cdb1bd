import Foundation

@testable import registry_cli

/// What a command line did: its exit status and what it wrote.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs command lines the way a user does. `run` runs `registry` in this process (through the
/// same entry point as the binary's `main`, with its own stdout, stderr and environment), which
/// costs a fraction of starting a process; `process` runs the built binary, for what only a
/// process shows: exit through `main`, stdin, the working folder, the umask, signals,
/// concurrency, file permissions, terminals, and other programs.
enum CommandRunner {
    /// The `registry` binary built beside the test bundle.
    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("registry")

    /// The environment of a command line: `environment` over a small fixed one (PATH, HOME, USER).
    static func environment(_ environment: [String: String], home: URL? = nil) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home?.path ?? NSTemporaryDirectory(), "USER": "tester"]
        env.merge(environment) { $1 }
        return env
    }

    /// Runs `registry` with `arguments`. A working folder, a umask or stdin (which a process
    /// has and a call does not) runs the binary; anything else runs in this process.
    static func run(
        _ arguments: [String], binary: URL = CommandRunner.binary, in folder: URL? = nil,
        environment: [String: String] = [:], umask: String? = nil, stdin: String? = nil
    ) throws -> CommandResult {
        if binary == CommandRunner.binary, folder == nil, umask == nil, stdin == nil {
            return try inProcess(arguments, environment: environment)
        }
        return try process(arguments, binary: binary, in: folder, environment: environment, umask: umask, stdin: stdin)
    }

    /// Runs the command line in this process, capturing stdout and stderr in files of their own
    /// (so nothing it writes can fill a pipe nobody reads).
    static func inProcess(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let stdout = try CapturedStream()
        let stderr = try CapturedStream()
        let context = CommandContext(standardOutput: stdout.handle, standardError: stderr.handle, environment: Self.environment(environment))
        let status = CommandContext.$current.withValue(context) { RegistryCommand.execute(arguments) }
        return CommandResult(status: status, stdout: try stdout.text(), stderr: try stderr.text())
    }

    /// Runs `registry` under a pseudo-terminal (`script`); stdout and stderr both come back as the screen.
    static func onTerminal(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandResult {
        let command = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        return try run(["-qec", command.joined(separator: " "), "/dev/null"], binary: URL(fileURLWithPath: "/usr/bin/script"), in: folder.url)
    }

    /// Runs the built binary (or `binary`) as a process; `environment` replaces the process's
    /// (HOME and PATH kept).
    static func process(
        _ arguments: [String], binary: URL = CommandRunner.binary, in folder: URL? = nil,
        environment: [String: String] = [:], umask: String? = nil, stdin: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.environment = Self.environment(environment, home: folder)
        if let umask {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask); exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Both pipes are read at once: a command that fills one while the other is read to its
        // end would otherwise wait for ever.
        let stderr = PipeReader(err)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr.data(), as: UTF8.self))
    }
}

/// A pipe read to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var read = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            read = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once its writers have closed it.
    func data() -> Data {
        done.wait()
        return read
    }
}

/// An unnamed temporary file that a command in this process writes as its stdout or stderr.
struct CapturedStream {
    let handle: FileHandle

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-out-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        unlink(path)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func text() throws -> String {
        try handle.seek(toOffset: 0)
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var database: String { url.appendingPathComponent("registry.sqlite").path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
