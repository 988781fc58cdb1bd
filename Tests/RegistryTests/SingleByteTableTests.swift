import Foundation
import Testing

@testable import Registry

/// Each single-byte table says what Python's codecs say of every byte from 0x80 to 0xFF.
struct SingleByteTableTests {
    /// The code points Python decodes 0x80…0xFF to, 0 where it refuses the byte.
    func pythonTable(_ codec: String) throws -> [UInt16] {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [
            "-c",
            "import sys\nfor b in range(0x80, 0x100):\n    try: print(ord(bytes([b]).decode(sys.argv[1])))\n    except UnicodeDecodeError: print(0)",
            codec,
        ]
        let out = Pipe()
        python.standardOutput = out
        try python.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        return text.split(separator: "\n").compactMap { UInt16($0) }
    }

    @Test(arguments: ["cp1250", "cp1252", "iso8859-2"])
    func everyByteMeansWhatPythonSays(_ codec: String) throws {
        let tables = ["cp1250": SingleByteTable.windows1250, "cp1252": SingleByteTable.windows1252, "iso8859-2": SingleByteTable.latin2]
        let expected = try pythonTable(codec)
        #expect(expected.count == 128)
        #expect(tables[codec] == expected)
    }
}
