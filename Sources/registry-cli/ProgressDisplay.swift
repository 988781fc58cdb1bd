import Foundation
import Registry
import Synchronization

/// One line on stderr showing how far a long command has got: amount done, rate and time left,
/// redrawn at most ten times a second. It exists only when stderr is a terminal and --quiet was
/// not given, so cron jobs, pipes and scripts never see it.
final class ProgressDisplay: Sendable {
    private struct State {
        var step = ""
        var stepStarted = Date()
        var drawn = Date.distantPast
        var showing = false
    }

    private let state = Mutex(State())
    /// Where the line is drawn (the progress of a backup is reported from its hashing thread).
    private let terminal: FileHandle

    private init(to terminal: FileHandle) {
        self.terminal = terminal
    }

    /// A display when a person is watching, else nil. A command that streams its data to stdout
    /// shows none when stdout is the same terminal: the line would cut through the data.
    static func forTerminal(streamingToStdout: Bool = false) -> ProgressDisplay? {
        let context = CommandContext.current
        if context.quiet || !context.standardErrorIsTerminal || (streamingToStdout && context.standardOutputIsTerminal) { return nil }
        return ProgressDisplay(to: context.standardError)
    }

    /// Runs `body` with somewhere to report progress (nil when nobody watches), and clears the
    /// line when it ends, before the command prints its result or its error.
    static func showing<T>(streamingToStdout: Bool = false, _ body: (ProgressReporter?) throws -> T) rethrows -> T {
        guard let display = forTerminal(streamingToStdout: streamingToStdout) else { return try body(nil) }
        defer { display.clear() }
        return try body { display.report($0) }
    }

    func report(_ progress: WorkProgress) {
        state.withLock { state in
            let now = Date()
            if progress.step != state.step {
                state.step = progress.step
                state.stepStarted = now
                state.drawn = .distantPast
            }
            // A step's end is always shown: the work after it (a commit, the checks) may take a while.
            guard now.timeIntervalSince(state.drawn) >= 0.1 || progress.done == progress.total else { return }
            state.drawn = now
            state.showing = true
            write("\r\u{1B}[K" + Self.line(progress, elapsed: now.timeIntervalSince(state.stepStarted)))
        }
    }

    /// Removes the line, so what the command prints next starts on a clean line.
    func clear() {
        state.withLock { state in
            if state.showing { write("\r\u{1B}[K") }
            state.showing = false
        }
    }

    /// "importing: 12.3 of 40.0 MB (31%), 3.2 MB/s, about 9 s left".
    static func line(_ progress: WorkProgress, elapsed: TimeInterval) -> String {
        guard progress.done > 0 || progress.total != nil else { return progress.step + "…" }
        var line = progress.step + ": "
        if let total = progress.total, total > 0 {
            line += "\(number(progress.done, progress.unit)) of \(amount(total, progress.unit)) (\(min(100, progress.done * 100 / total))%)"
        } else {
            line += amount(progress.done, progress.unit)
        }
        guard elapsed >= 0.5, progress.done > 0 else { return line }
        let rate = Double(progress.done) / elapsed
        line += ", " + amount(Int64(rate), progress.unit) + "/s"
        if let total = progress.total, total > progress.done {
            line += ", about " + duration(Double(total - progress.done) / rate) + " left"
        }
        return line
    }

    /// "12.3 MB", "120,000 rows".
    private static func amount(_ value: Int64, _ unit: WorkProgress.Unit) -> String {
        switch unit {
        case .bytes: number(value, unit) + " MB"
        case .rows: number(value, unit) + " rows"
        case .backups: number(value, unit) + " backups"
        }
    }

    /// The amount without its unit, for "12.3 of 40.0 MB".
    private static func number(_ value: Int64, _ unit: WorkProgress.Unit) -> String {
        unit == .bytes ? String(format: "%.1f", Double(value) / 1_000_000) : value.formatted(.number.locale(Locale(identifier: "en_US")))
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = max(1, Int(seconds.rounded(.up)))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }

    private func write(_ text: String) {
        terminal.write(Data(text.utf8))
    }
}
