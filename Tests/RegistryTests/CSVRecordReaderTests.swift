import Foundation
import Testing

@testable import Registry

/// The CSV reader on its own: RFC 4180 and what Excel saves, read through buffers of every size
/// so a record or a character cut by a buffer's end reads the same.
struct CSVRecordReaderTests {
    /// Every record of `bytes`, read in blocks of `blockSize` bytes.
    func records(_ bytes: [UInt8], encoding: TextEncoding = .utf8, blockSize: Int = 1 << 20) throws -> [CSVRecordReader.Record] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = try CSVRecordReader(input: ByteInput(descriptor: descriptor, name: path, blockSize: blockSize), name: path, encoding: encoding)
        var all: [CSVRecordReader.Record] = []
        while let record = try reader.next() { all.append(record) }
        return all
    }

    func fields(_ text: String, blockSize: Int = 1 << 20) throws -> [[String]] {
        try records(Array(text.utf8), blockSize: blockSize).map(\.fields)
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func quotedFieldsWithSeparatorsQuotesAndLineBreaksReadWhole(blockSize: Int) throws {
        let text = "name,notes\r\n\"Łódź, city\",\"said \"\"yes\"\"\nand left\"\r\nGdańsk,\n"
        #expect(try fields(text, blockSize: blockSize) == [["name", "notes"], ["Łódź, city", "said \"yes\"\nand left"], ["Gdańsk", ""]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let read = try records(Array("a,b\n\"one\ntwo\",x\n\nlast,y".utf8))
        #expect(read.map(\.line) == [1, 2, 5], "the empty line 4 is skipped; the quoted break counts")
        #expect(read.last?.fields == ["last", "y"], "no line end after the last record")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndEndsARecord(end: String) throws {
        #expect(try fields("a,b" + end + "1,2" + end) == [["a", "b"], ["1", "2"]])
    }

    @Test func aSemicolonHeaderMakesSemicolonTheSeparator() throws {
        #expect(try fields("name;budget\nŁódź;150000,50\n") == [["name", "budget"], ["Łódź", "150000,50"]])
        #expect(try fields("\"a;b\",c\n") == [["a;b", "c"]], "semicolons inside quotes do not count")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try fields("\u{FEFF}name\nŁódź\n") == [["name"], ["Łódź"]])
    }

    @Test func textAfterAClosingQuoteIsAProblemOfThatRecord() throws {
        let read = try records(Array("a,b\n\"x\"y,z\n".utf8))
        #expect(read[1].problem?.contains("field 1 has text after its closing quote") == true)
        #expect(read[0].problem == nil)
    }

    @Test func aQuoteNeverClosedIsRefusedNamingItsLine() throws {
        #expect(throws: RegistryError.self) { try fields("a\n\"open\nstill open") }
        do {
            _ = try fields("a\nb\n\"open")
        } catch let error as RegistryError {
            #expect(error.description.contains("line 3"), "\(error)")
            #expect(error.description.contains("never closed"), "\(error)")
        }
    }

    @Test func windows1250IsReadInItsOwnLetters() throws {
        // "Łódź" in Windows-1250: A3 F3 64 9F.
        #expect(try records([0x61, 0x0A, 0xA3, 0xF3, 0x64, 0x9F, 0x0A], encoding: .windows1250).map(\.fields) == [["a"], ["Łódź"]])
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheEncodingsToTry() throws {
        do {
            _ = try records([0x61, 0x0A, 0xA3, 0xF3, 0x64, 0x9F, 0x0A])
            Issue.record("Windows-1250 bytes read as UTF-8")
        } catch let error as RegistryError {
            #expect(error.description.contains("line 2"), "\(error)")
            #expect(error.description.contains("--encoding windows-1250"), "\(error)")
        }
    }

    @Test func aCharacterCutByTheBufferStillDecodes() throws {
        let text = "ąęłńóśźż,Ærø\n"
        for blockSize in 1...5 {
            #expect(try fields(text, blockSize: blockSize) == [["ąęłńóśźż", "Ærø"]], "block \(blockSize)")
        }
    }

    @Test func anEmptyFileHasNoRecords() throws {
        #expect(try fields("").isEmpty)
        #expect(try fields("\n\n").isEmpty)
    }
}
