import Foundation
import Testing

/// A `registry` process stopped by a signal part-way, for the crash-safety drills.
struct Interruption {
    /// Whether the signal reached the process while it was still working.
    let landed: Bool
    let status: Int32

    /// Runs `registry ARGUMENTS` and sends it `signal` after `delay` seconds.
    static func run(
        _ arguments: [String], after delay: TimeInterval, signal number: Int32 = SIGKILL, in folder: URL? = nil
    ) throws -> Interruption {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder?.path ?? NSTemporaryDirectory(), "USER": "tester"]
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        return Interruption(landed: process.terminationReason == .uncaughtSignal, status: process.terminationStatus)
    }

    /// How long `registry ARGUMENTS` takes to run to the end here and now, in seconds; the
    /// drills kill at fractions of it, so they land part-way on a fast or a loaded machine.
    static func duration(of arguments: [String], in folder: URL? = nil) throws -> TimeInterval {
        let started = Date()
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return Date().timeIntervalSince(started)
    }

    /// Fractions of a whole run to kill at: spread over it, past its end (the commit), and a
    /// few at random.
    static func fractions(_ count: Int = 12) -> [Double] {
        let spread = (1...count - 4).map { Double($0) / Double(count - 3) }
        return spread + [1.0, 1.05] + (0..<2).map { _ in Double.random(in: 0.05...1.0) }
    }
}

extension CommandRunner {
    /// One value from the sqlite3 shell.
    static func scalar(_ path: String, _ sql: String) throws -> String {
        try sqlite(path, sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `integrity_check` and `foreign_key_check` both clean.
    static func isClean(_ path: String) throws -> Bool {
        try sqlite(path, "PRAGMA integrity_check; PRAGMA foreign_key_check;").stdout == "ok\n"
    }
}
