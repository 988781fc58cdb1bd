import Foundation

/// What an import file is by its first bytes, whatever its name: a workbook is read as one, and a
/// file that no import reads is refused with what it is and what to do.
public enum FileSignature: Equatable, Sendable {
    case zip, text
    case unreadable(String)

    /// The signature of the regular file open at `descriptor` (a pipe is taken as text).
    public static func of(_ descriptor: Int32) -> FileSignature {
        var head = [UInt8](repeating: 0, count: 8)
        let read = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 8, 0) }
        guard read >= 4 else { return .text }
        let bytes = Array(head.prefix(read))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .unreadable("an Excel 97–2003 workbook (.xls); save it as .xlsx (Excel Workbook) or CSV UTF-8 and import that")
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return .unreadable("a PDF document; import the spreadsheet or CSV file it was made from") }
        return .text
    }
}
