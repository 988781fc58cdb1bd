import Foundation
import Testing

/// The schema is compiled into the binary: a copy of `registry` alone in an empty folder
/// elsewhere builds and reads a database. (`make check` repeats this with the static release build.)
struct RelocatableBinaryTests {
    @Test func binaryCopiedAloneIntoAnEmptyFolderRuns() throws {
        let folder = try TemporaryFolder()
        let copy = folder.url.appendingPathComponent("registry")
        try FileManager.default.copyItem(at: CommandRunner.binary, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["registry"])
        let demo = try CommandRunner.run(["demo"], binary: copy, in: folder.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("registry-demo.sqlite").path))
        let topics = try CommandRunner.run(["theme", "list", "--format", "ndjson", "--db", "registry-demo.sqlite"], binary: copy, in: folder.url)
        #expect(topics.stdout.split(separator: "\n").count == 26)
    }
}
