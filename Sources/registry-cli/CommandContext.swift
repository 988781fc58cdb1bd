import Foundation
import Synchronization

/// What one run of a command line writes to and reads from: the process's stdout, stderr and
/// environment, or, when a test runs a command line in-process, handles and variables of its
/// own. Everything a command prints, and every default it takes from the environment, goes
/// through `CommandContext.current`, so runs side by side in one process never mix.
final class CommandContext: Sendable {
    let standardOutput: FileHandle
    let standardError: FileHandle
    let environment: [String: String]
    private let silenced = Atomic<Bool>(false)

    init(standardOutput: FileHandle, standardError: FileHandle, environment: [String: String]) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
    }

    /// The process's own.
    static let process = CommandContext(
        standardOutput: .standardOutput, standardError: .standardError, environment: ProcessInfo.processInfo.environment)

    @TaskLocal static var current = CommandContext.process

    /// Whether `--quiet` was given: messages and summaries are dropped, errors and data kept.
    var quiet: Bool {
        get { silenced.load(ordering: .relaxed) }
        set { silenced.store(newValue, ordering: .relaxed) }
    }

    /// Whether a person is watching stderr (progress is drawn only then).
    var standardErrorIsTerminal: Bool { isatty(standardError.fileDescriptor) != 0 }

    /// Whether stdout is a terminal.
    var standardOutputIsTerminal: Bool { isatty(standardOutput.fileDescriptor) != 0 }
}
