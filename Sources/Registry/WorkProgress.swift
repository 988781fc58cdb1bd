/// How far a long piece of work has got: how much of a step is done, of a total when one is
/// known. The registry reports it; the command line decides whether anyone is watching.
public struct WorkProgress: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        case rows, bytes, backups
    }

    /// What is being done, in a word or two ("importing", "checking").
    public let step: String
    public let done: Int64
    public let total: Int64?
    public let unit: Unit

    public init(step: String, done: Int64, total: Int64? = nil, unit: Unit) {
        self.step = step
        self.done = done
        self.total = total
        self.unit = unit
    }
}

/// Receives progress, often (every block or thousand rows) and from any thread: the receiver
/// decides how often to show it. A long call takes one as its last, optional argument.
public typealias ProgressReporter = @Sendable (WorkProgress) -> Void
