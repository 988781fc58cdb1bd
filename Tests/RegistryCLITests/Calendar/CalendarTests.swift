import Foundation
import Registry
import Testing

/// Activities as iCalendar (RFC 5545), read back with the independent `icalendar` parser from
/// PyPI (`scripts/read-calendar.py`; .ci/run installs it).
struct CalendarTests {
    static let reader = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/read-calendar.py").path

    /// The calendar `arguments` write, as the parser reads it.
    func calendar(_ folder: TemporaryFolder, _ arguments: [String]) throws -> [String: Any] {
        let result = try CommandRunner.registry(folder, arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.url.appendingPathComponent("calendar-\(UUID().uuidString).ics")
        try Data(result.stdout.utf8).write(to: file)
        let read = try CommandRunner.process([Self.reader, file.path], binary: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(read.status == 0, "read-calendar.py: \(read.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
    }

    func events(_ calendar: [String: Any]) -> [[String: Any]] { calendar["events"] as? [[String: Any]] ?? [] }

    @Test func activitiesAreAllDayEventsWithEscapedFoldedTextAndAnExclusiveEnd() throws {
        let folder = try SampleRegister.create()
        let title = #"Study visit; "Bergen, Oslo" \ part 1"#
        let location = "Rådhuset i Tromsø, møterom Ærlig på sjøsiden, 3. etasje, inngang fra Storgata 40 (Nordnorsk)"
        let added = try CommandRunner.registry(
            folder,
            [
                "activity", "add", "--partnership", "lodz/tromso", "--kind", "study_visit", "--title", title, "--direction", "to_norway",
                "--start", "2024-06-03", "--end", "2024-06-05", "--location", location, "--participants", "12", "--notes", "line one\nline two",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        let read = try calendar(folder, ["activity", "list", "--partnership", "lodz/tromso", "--format", "ics"])
        #expect(read["version"] as? String == "2.0")
        #expect(read["crlf"] as? Bool == true, "every line ends in CRLF")
        #expect((read["longest_line"] as? Int ?? 99) <= 75, "lines are folded at 75 octets")
        // Activity 4 of lodz/tromso has no dates: it is not in the calendar.
        let event = try #require(events(read).first)
        #expect(events(read).count == 1)
        #expect(event["uid"] as? String == "activity-6@ks-partnership-registry")
        #expect(event["summary"] as? String == title)
        #expect(event["location"] as? String == location)
        #expect(event["all_day"] as? Bool == true)
        #expect(event["start"] as? String == "2024-06-03")
        #expect(event["end"] as? String == "2024-06-06", "the end of an all-day event is the day after its last")
        #expect(
            event["description"] as? String
                == "Study visit of Łódź and Tromsø kommune\nDirection: to Norway\nParticipants: 12\nStatus: planned\nNotes: line one\nline two")
        #expect(event["categories"] as? [String] == ["Study visit"])
        #expect(event["status"] as? String == "TENTATIVE")
    }

    @Test func theUIDStaysTheSameAndAChangeRaisesTheSequenceSoImportingAgainUpdates() throws {
        let folder = try SampleRegister.create()
        let before = events(try calendar(folder, ["export", "activity", "--format", "ics"]))
        // Activities 1, 2, 3 and 5 have dates; 4 has none.
        #expect(before.map { $0["uid"] as? String } == [5, 1, 2, 3].map { "activity-\($0)@ks-partnership-registry" })
        let undated = try CommandRunner.registry(folder, ["export", "activity", "--format", "ics"])
        #expect(undated.stderr == "1 activity has no start date and is not in the calendar.\n")
        #expect(try CommandRunner.registry(folder, ["activity", "edit", "1", "--location", "Bergen rådhus"]).status == 0)
        let after = events(try calendar(folder, ["export", "activity", "--format", "ics"]))
        #expect(after.map { $0["uid"] as? String } == before.map { $0["uid"] as? String })
        let visit = try #require(after.first { $0["uid"] as? String == "activity-1@ks-partnership-registry" })
        #expect(visit["location"] as? String == "Bergen rådhus")
        #expect(visit["sequence"] as? Int == 1)
        #expect(before.first { $0["uid"] as? String == "activity-1@ks-partnership-registry" }?["sequence"] as? Int == 0)
    }

    @Test func aCalendarIsOnlyForActivities() throws {
        let folder = try SampleRegister.create()
        let refused = try CommandRunner.registry(folder, ["export", "city", "--format", "ics"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("ics is a calendar of activities: export activity --format ics"))
        #expect(try CommandRunner.registry(folder, ["city", "list", "--format", "ics"]).status == 64)
    }
}
