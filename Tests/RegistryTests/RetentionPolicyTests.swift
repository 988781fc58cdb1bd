import Foundation
import Registry
import Testing

/// `backup prune`'s policy on made-up dates, each expectation worked out by hand from a
/// calendar: the newest backup of each of the last N days, ISO weeks and months (UTC) that
/// have one, and the newest backup that verifies.
struct RetentionPolicyTests {
    func backup(_ stamp: String) throws -> BackupName {
        try #require(BackupName(fileName: "registry-\(stamp).sqlite"))
    }

    func kept(_ policy: RetentionPolicy, _ stamps: [String], newestGood: String? = nil) throws -> [String] {
        let decisions = policy.decide(try stamps.map(backup), newestGood: try newestGood.map(backup))
        #expect(decisions.map(\.name) == decisions.map(\.name).sorted(by: >), "newest first")
        return decisions.filter(\.keep).map(\.name.stamp)
    }

    @Test func aYearOfNightlyBackupsKeepsSevenDaysFiveWeeksAndTwelveMonths() throws {
        // Every night at 02:00 from 2025-10-27 to 2026-11-30 (a Monday), and a second backup in
        // the afternoon of the last two days.
        let start = try backup("20251027T020000Z").date
        var stamps = (0...399).map { BackupName(date: start.addingTimeInterval(Double($0) * 86_400)).stamp }
        #expect(stamps.last == "20261130T020000Z")
        stamps += ["20261129T140000Z", "20261130T140000Z"]
        let expected = [
            // Days: the newest of 30, 29 (the afternoons), 28, ..., 24 November.
            "20261130T140000Z", "20261129T140000Z", "20261128T020000Z", "20261127T020000Z", "20261126T020000Z", "20261125T020000Z",
            "20261124T020000Z",
            // ISO weeks 49 and 48 are already kept by days; weeks 47, 46 and 45 end on Sundays 22, 15 and 8 November.
            "20261122T020000Z", "20261115T020000Z", "20261108T020000Z",
            // Months: November is kept by days; then the last day of each month back to December 2025.
            "20261031T020000Z", "20260930T020000Z", "20260831T020000Z", "20260731T020000Z", "20260630T020000Z", "20260531T020000Z",
            "20260430T020000Z", "20260331T020000Z", "20260228T020000Z", "20260131T020000Z", "20251231T020000Z",
        ]
        #expect(try kept(.nightly, stamps) == expected)
    }

    @Test func daysWithoutABackupAreNotCounted() throws {
        let policy = RetentionPolicy(daily: 2, weekly: 0, monthly: 0)
        #expect(try kept(policy, ["20261110T020000Z", "20261120T020000Z", "20261130T020000Z"]) == ["20261130T020000Z", "20261120T020000Z"])
    }

    @Test func weeksAreISOWeeksAcrossTheNewYear() throws {
        // Monday 28 December 2026 and Saturday 2 January 2027 are both in week 53 of 2026.
        let policy = RetentionPolicy(daily: 0, weekly: 2, monthly: 0)
        let stamps = ["20261221T020000Z", "20261227T020000Z", "20261228T020000Z", "20270102T020000Z"]
        #expect(try kept(policy, stamps) == ["20270102T020000Z", "20261227T020000Z"])
    }

    @Test func periodsAreUTC() throws {
        // 23:30 UTC on 30 November and 00:30 UTC on 1 December are one evening in Oslo, but two
        // days and two months in UTC.
        let stamps = ["20261130T233000Z", "20261201T003000Z"]
        #expect(try kept(RetentionPolicy(daily: 2, weekly: 0, monthly: 0), stamps).count == 2)
        #expect(try kept(RetentionPolicy(daily: 0, weekly: 0, monthly: 2), stamps).count == 2)
        #expect(try kept(RetentionPolicy(daily: 0, weekly: 1, monthly: 0), stamps) == ["20261201T003000Z"])
    }

    @Test func theNewestBackupThatVerifiesIsAlwaysKept() throws {
        let stamps = ["20261128T020000Z", "20261129T020000Z", "20261130T020000Z"]
        let none = RetentionPolicy(daily: 0, weekly: 0, monthly: 0)
        #expect(try kept(none, stamps, newestGood: "20261129T020000Z") == ["20261129T020000Z"])
        let decisions = none.decide(try stamps.map(backup), newestGood: try backup("20261129T020000Z"))
        #expect(decisions.map(\.reasons) == [[], ["newest that verifies"], []])
    }

    @Test func reasonsNameEveryRuleThatKeepsABackup() throws {
        let decisions = RetentionPolicy.nightly.decide([try backup("20261130T020000Z")], newestGood: try backup("20261130T020000Z"))
        #expect(decisions.map(\.reasons) == [["daily 2026-11-30", "weekly 2026-W49", "monthly 2026-11", "newest that verifies"]])
    }

    @Test(arguments: ["registry-20261130T020000Z.sqlite", "registry-20261130T020000Z.json"])
    func backupNamesAreReadBack(_ fileName: String) throws {
        let name = try #require(BackupName(fileName: fileName))
        #expect(name.stamp == "20261130T020000Z")
        #expect(name.fileName == "registry-20261130T020000Z.sqlite")
        #expect(name.manifestName == "registry-20261130T020000Z.json")
    }

    @Test(arguments: [
        "registry.sqlite", "registry-2026-11-30.sqlite", "registry-20261130T020000.sqlite", "other-20261130T020000Z.sqlite",
        "registry-20261130T020000Z.sqlite-wal", ".registry-backup-1-2.partial",
    ])
    func otherFilesAreNotBackups(_ fileName: String) {
        #expect(BackupName(fileName: fileName) == nil)
    }
}
