import Foundation
import Registry

/// Writes activities as an iCalendar file (`ICalendar`): `activity list --format ics` and
/// `export activity --format ics`. Events are written as they are read, through a buffer.
enum ActivityCalendar {
    static func write(_ filter: ActivityFilter, of registry: Registry, to handle: FileHandle) throws {
        let stamp = ICalendar.stamp()
        var buffer = Data(ICalendar.header(name: "KS partnership activities").utf8)
        let undated = try registry.activityEvents(filter) { event in
            buffer.append(contentsOf: ICalendar.event(event, stamp: stamp).utf8)
            if buffer.count >= 1 << 16 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: ICalendar.footer.utf8)
        try handle.write(contentsOf: buffer)
        if undated > 0 {
            Console.message(
                "\(undated) \(undated == 1 ? "activity has" : "activities have") no start date and \(undated == 1 ? "is" : "are") not in the calendar."
            )
        }
    }
}
