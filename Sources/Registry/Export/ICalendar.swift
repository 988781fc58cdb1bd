import Foundation

/// Activities as an iCalendar (RFC 5545) calendar that Outlook, Google Calendar and Thunderbird
/// import: one all-day event per activity with a start date (its end date inclusive, written as
/// the exclusive day after), the title as the summary, the location, a description naming the
/// town, the partner and the kind, and a UID that stays the same for the activity, so that
/// importing the calendar again updates its events instead of adding copies. SEQUENCE counts the
/// activity's changes in the audit trail, so a client takes the newer version.
public enum ICalendar {
    /// One activity as an event.
    public struct Event: Sendable, Equatable {
        public let id: Int64
        public let title: String
        public let kind: String
        public let direction: String?
        public let start: String
        public let end: String?
        public let location: String?
        public let participants: Int64?
        public let status: String
        public let topic: String?
        public let notes: String?
        public let city: String
        public let partner: String
        /// How many times the activity has been changed (the audit trail's updates).
        public let changes: Int64
        /// When it was last changed, `YYYY-MM-DDTHH:MM:SSZ`, if the audit trail knows.
        public let lastChanged: String?
    }

    /// The calendar's start: its version, producer and name.
    public static func header(name: String) -> String {
        lines([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//KS//KS partnership registry//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + text(name),
        ])
    }

    public static let footer = "END:VCALENDAR\r\n"

    /// The event's lines; `stamp` is when the calendar was written (`YYYYMMDDTHHMMSSZ`).
    public static func event(_ event: Event, stamp: String) -> String {
        let kind = words(event.kind)
        var description = ["\(kind) of \(event.city) and \(event.partner)"]
        if let direction = event.direction {
            description.append("Direction: " + (Direction(rawValue: direction) == .toNorway ? "to Norway" : "to Poland"))
        }
        if let participants = event.participants { description.append("Participants: \(participants)") }
        if let topic = event.topic { description.append("Topic: " + topic) }
        description.append("Status: " + event.status)
        if let notes = event.notes { description.append("Notes: " + notes) }
        var fields = [
            "BEGIN:VEVENT", "UID:activity-\(event.id)@ks-partnership-registry", "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + compact(event.start), "DTEND;VALUE=DATE:" + compact(dayAfter(event.end ?? event.start)),
            "SUMMARY:" + text(event.title),
        ]
        if let location = event.location { fields.append("LOCATION:" + text(location)) }
        fields.append("DESCRIPTION:" + text(description.joined(separator: "\n")))
        fields.append("CATEGORIES:" + text(kind))
        fields.append("STATUS:" + (event.status == "cancelled" ? "CANCELLED" : event.status == "completed" ? "CONFIRMED" : "TENTATIVE"))
        fields.append("TRANSP:TRANSPARENT")
        fields.append("SEQUENCE:\(event.changes)")
        if let changed = event.lastChanged { fields.append("LAST-MODIFIED:" + compact(changed)) }
        fields.append("END:VEVENT")
        return lines(fields)
    }

    /// `study_visit` as `Study visit`.
    static func words(_ code: String) -> String {
        let spaced = code.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// A TEXT value (§3.3.11): backslashes, semicolons and commas escaped, line breaks as `\n`.
    static func text(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            case "\r": continue
            default:
                // Other control characters have no place in a content line (§3.1).
                if scalar.value < 0x20 || scalar.value == 0x7F { escaped += " " } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Now in UTC as DTSTAMP writes it (`20261208T004512Z`): the form backups are named with.
    public static func stamp() -> String { BackupName.stampFormat.string(from: Date()) }

    /// `2024-06-01` as `20240601`, `2024-06-01T08:30:00Z` as `20240601T083000Z`.
    static func compact(_ value: String) -> String { value.filter { $0 != "-" && $0 != ":" } }

    /// The day after a `YYYY-MM-DD` date: an all-day event's exclusive end.
    static func dayAfter(_ date: String) -> String { ISODate.string(daysSince1970: ISODate.daysSince1970(date) + 1) }

    /// Content lines ended by CRLF and folded at 75 octets (§3.1): a longer line goes on in lines
    /// that start with a space, never splitting a letter's UTF-8 bytes.
    static func lines(_ fields: [String]) -> String {
        var out = ""
        for field in fields {
            var octets = 0
            var limit = 75
            for character in field.unicodeScalars {
                let size = UTF8.width(character)
                if octets + size > limit {
                    out += "\r\n "
                    octets = 0
                    limit = 74  // the leading space counts
                }
                out.unicodeScalars.append(character)
                octets += size
            }
            out += "\r\n"
        }
        return out
    }
}
