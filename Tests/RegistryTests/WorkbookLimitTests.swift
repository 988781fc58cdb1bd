import Foundation
import Testing

@testable import Registry

/// The limits that keep a hostile workbook from filling the memory, held to smaller budgets here
/// than the real ones so a test can reach them quickly.
struct WorkbookLimitTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/test-workbooks.py").path

    @Test func eachSharedStringCountsAgainstTheMemoryBudgetNotOnlyItsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("many-strings.xlsx").path
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [Self.script, "many-strings", file]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        let descriptor = open(file, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        // 20,001 strings of 20 KB text: within a 100 KB budget by their text alone, far beyond it
        // with their 32 bytes each.
        #expect(throws: RegistryError.badFile(file, "its shared strings would take more than 100000 bytes of memory; it is not read")) {
            _ = try WorkbookReader(descriptor: descriptor, path: file, sheet: nil, sharedStringBytes: 100_000)
        }
        var reader = try WorkbookReader(descriptor: descriptor, path: file, sheet: nil, sharedStringBytes: 1_000_000)
        #expect(try reader.next()?.cells == ["name"])
    }
}
