import Foundation

/// Which backups `prune` keeps, with borg's and restic's meaning of `--keep-daily`, `--keep-weekly`
/// and `--keep-monthly`: for each of the last N days (ISO weeks, months) that have a backup,
/// the newest backup of that day (week, month) is kept. Periods without a backup are not
/// counted. Each rule counts on its own, so one backup can be kept by several (as restic does).
/// Periods are taken in UTC, the time in a backup's name.
public struct RetentionPolicy: Equatable, Sendable {
    public var daily: Int
    public var weekly: Int
    public var monthly: Int

    public init(daily: Int, weekly: Int, monthly: Int) {
        self.daily = daily
        self.weekly = weekly
        self.monthly = monthly
    }

    /// The nightly default: a week of days, five weeks, a year of months.
    public static let nightly = RetentionPolicy(daily: 7, weekly: 5, monthly: 12)

    public var description: String {
        "the newest backup of each of the last \(daily) days, \(weekly) weeks (ISO, Monday to Sunday) and \(monthly) months that have one, in UTC"
    }

    /// The decision for each backup, newest first. `newestGood`, the newest backup that
    /// verifies, is always kept.
    public func decide(_ backups: [BackupName], newestGood: BackupName?) -> [PruneDecision] {
        let newestFirst = backups.sorted(by: >)
        var reasons = [[String]](repeating: [], count: newestFirst.count)
        for (rule, count, period) in [("daily", daily, Self.day), ("weekly", weekly, Self.week), ("monthly", monthly, Self.month)] where count > 0 {
            var kept = 0
            var lastPeriod: String?
            for (index, backup) in newestFirst.enumerated() {
                let current = period(backup.date)
                guard current != lastPeriod else { continue }
                lastPeriod = current
                reasons[index].append("\(rule) \(current)")
                kept += 1
                if kept == count { break }
            }
        }
        return newestFirst.enumerated().map { index, backup in
            var why = reasons[index]
            if backup == newestGood { why.append("newest that verifies") }
            return PruneDecision(name: backup, reasons: why)
        }
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private static func week(_ date: Date) -> String {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    private static func month(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }
}

/// Whether `prune` keeps one backup, and why.
public struct PruneDecision: Equatable, Sendable {
    public let name: BackupName
    /// The rules that keep it (`daily 2026-11-30`, `weekly 2026-W48`, ...); empty when it goes.
    public let reasons: [String]

    public var keep: Bool { !reasons.isEmpty }
}
