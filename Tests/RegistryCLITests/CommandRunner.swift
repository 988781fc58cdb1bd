import Foundation

/// Runs the built `registry` binary as a real process, for what only a process shows: exit
/// codes, stdout and stderr, environment, file permissions.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CommandRunner {
    /// The `registry` binary built beside the test bundle.
    static var binary: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("registry")
    }

    /// Runs `registry` with `arguments`; `environment` replaces the process's (HOME and PATH kept).
    static func run(
        _ arguments: [String], binary: URL = CommandRunner.binary, in folder: URL? = nil,
        environment: [String: String] = [:], umask: String? = nil, stdin: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        var env = ["PATH": "/usr/bin:/bin", "HOME": folder?.path ?? NSTemporaryDirectory(), "USER": "tester"]
        env.merge(environment) { $1 }
        process.environment = env
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
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
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
