import Foundation
import Registry
import Testing

/// `--output` and `--db` name files, and only files: special files are written in place, never
/// replaced; a folder, a dangling link or a database is refused; `file:` is no URI.
@Suite struct OutputTargetTests {
    @Test func aFIFOsReaderGetsTheExportAndTheFIFOStays() throws {
        let folder = try SampleRegister.create()
        let fifo = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let result = try CommandRunner.run(["export", "city", "--db", folder.database, "--output", fifo])
        let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read.hasPrefix("id,name,voivodeship"))
        #expect(read.contains("Łódź"))
        var node = stat()
        #expect(lstat(fifo, &node) == 0 && node.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aCharacterDeviceIsWrittenInPlace() throws {
        let folder = try SampleRegister.create()
        var before = stat()
        #expect(stat("/dev/null", &before) == 0)
        for arguments in [["export", "city"], ["contact", "export-personal", "1"]] {
            let result = try CommandRunner.run(arguments + ["--db", folder.database, "--output", "/dev/null"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        var after = stat()
        #expect(stat("/dev/null", &after) == 0)
        #expect(after.st_mode & S_IFMT == S_IFCHR && after.st_ino == before.st_ino && after.st_rdev == before.st_rdev)
    }

    @Test func devStdoutSentToAFileIsWrittenThere() throws {
        let folder = try SampleRegister.create()
        let file = folder.url.appendingPathComponent("out.csv").path
        let result = try CommandRunner.run(
            ["-c", "exec \"$0\" export city --db \"$1\" --output /dev/stdout > \"$2\"", CommandRunner.binary.path, folder.database, file],
            binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Gdańsk"))
    }

    @Test func aSocketIsWrittenThroughAConnection() throws {
        let folder = try SampleRegister.create()
        let path = folder.url.appendingPathComponent("s.sock").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = [
            "-c",
            "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.bind(sys.argv[1])\ns.listen(1)\nprint('ready',flush=True)\nc,_=s.accept()\nd=b''\nwhile True:\n  b=c.recv(65536)\n  if not b: break\n  d+=b\nsys.stdout.write(d.decode())",
            path,
        ]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        // Wait for "ready\n" so the socket exists before the export connects.
        _ = out.fileHandleForReading.readData(ofLength: 6)
        let result = try CommandRunner.run(["export", "partner", "--db", folder.database, "--output", path])
        let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        server.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(read.contains("Tromsø kommune"))
    }

    @Test(arguments: [
        ("folder", "is a folder"), ("dangling", "is a symbolic link to a file that does not exist"),
        ("other.sqlite", "is an SQLite database"),
    ])
    func refusedTargets(name: String, message: String) throws {
        let folder = try SampleRegister.create()
        let target = folder.url.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: folder.url.appendingPathComponent("folder").path, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("dangling").path, withDestinationPath: "nowhere.csv")
        try FileManager.default.copyItem(atPath: folder.database, toPath: folder.url.appendingPathComponent("other.sqlite").path)
        let result = try CommandRunner.run(["export", "city", "--db", folder.database, "--output", target])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was written") || result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("nowhere.csv").path))
    }

    @Test func aLinkToARegularFileReplacesTheFileAndKeepsTheLink() throws {
        let folder = try SampleRegister.create()
        let real = folder.url.appendingPathComponent("real.csv").path
        let link = folder.url.appendingPathComponent("link.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")
        let result = try CommandRunner.run(["export", "city", "--db", folder.database, "--output", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("Łódź"))
    }

    @Test func aDbNamedFileColonIsAFileNameNotAURI() throws {
        let folder = try SampleRegister.create()
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.database))
        let result = try CommandRunner.run(
            ["export", "city", "--db", "file:registry.sqlite", "--output", "registry.sqlite"], in: folder.url)
        #expect(result.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.database)) == before)
        // `file:x?nolock=1` is a file of that name, opened with locking as always.
        let add = try CommandRunner.run(["city", "add", "Nysa", "--voivodeship", "opolskie", "--db", "file:x.sqlite?nolock=1"], in: folder.url)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("file:x.sqlite?nolock=1").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("x.sqlite").path))
    }

    @Test func aReadOnlyDatabaseStaysReadOnlyAndAWideOneLosesOnlyGroupAndOthersBits() throws {
        let folder = try SampleRegister.create()
        #expect(chmod(folder.database, 0o400) == 0)
        _ = try CommandRunner.run(["city", "add", "Nysa", "--voivodeship", "opolskie", "--db", folder.database])
        _ = try CommandRunner.run(["city", "list", "--db", folder.database])
        #expect(try mode(folder.database) == 0o400)
        #expect(chmod(folder.database, 0o644) == 0)
        _ = try CommandRunner.run(["city", "add", "Brzeg", "--voivodeship", "opolskie", "--db", folder.database])
        #expect(try mode(folder.database) == 0o600)
        #expect(chmod(folder.database, 0o444) == 0)
        _ = try CommandRunner.run(["city", "add", "Opole", "--voivodeship", "opolskie", "--db", folder.database])
        #expect(try mode(folder.database) == 0o400)
    }
}

/// A file's permission bits.
private func mode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
}
