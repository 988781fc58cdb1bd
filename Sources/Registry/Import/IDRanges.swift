/// Record ids as runs, `1-1000,1005`: how an import's change-set entry lists the rows it added
/// without one audit entry per row.
struct IDRanges: Equatable, Sendable, CustomStringConvertible {
    private(set) var runs: [ClosedRange<Int64>] = []
    private(set) var count = 0

    /// Adds `id`; an id next to the last run extends it.
    mutating func append(_ id: Int64) {
        count += 1
        if let last = runs.last {
            if last.contains(id) { return }
            if id == last.upperBound + 1 {
                runs[runs.count - 1] = last.lowerBound...id
                return
            }
        }
        runs.append(id...id)
    }

    var description: String {
        runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }
}
