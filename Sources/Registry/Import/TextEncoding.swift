/// The encodings an import file can be read in: UTF-8, and what Polish (Windows-1250),
/// Norwegian (Windows-1252) and older Polish (ISO-8859-2) software saves.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case windows1250 = "windows-1250"
    case windows1252 = "windows-1252"
    case latin2 = "iso-8859-2"

    private var table: [UInt16]? {
        switch self {
        case .utf8: nil
        case .windows1250: SingleByteTable.windows1250
        case .windows1252: SingleByteTable.windows1252
        case .latin2: SingleByteTable.latin2
        }
    }

    /// Windows-1250 and ISO-8859-2 have no æ, ø or å: a program saving Norwegian names in them
    /// writes `?` instead (`Tr?ndelag`), which the file then holds as a real question mark.
    var lacksNorwegianLetters: Bool { self == .windows1250 || self == .latin2 }

    /// Whether `text` has a `?` where a letter the encoding could not hold was lost: anywhere in
    /// a name (`Troms?`, `?lesund`), and between two letters in free text, where a question mark
    /// otherwise ends a word. Addresses keep theirs (`?id=3`): a word with `://` or `=` is skipped.
    static func hasLostLetter(_ text: String, inName: Bool) -> Bool {
        guard text.contains("?") else { return false }
        if inName { return true }
        for word in text.split(whereSeparator: { $0.isWhitespace }) where !word.contains("://") && !word.contains("=") {
            let letters = Array(word)
            for index in letters.indices.dropFirst().dropLast() where letters[index] == "?" {
                if letters[index - 1].isLetter && letters[index + 1].isLetter { return true }
            }
        }
        return false
    }

    /// The text `bytes` hold, or nil when they are not valid in this encoding (never a guess
    /// with replacement characters: garbled letters must not reach the register).
    func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let table else { return String(validating: bytes, as: UTF8.self) }
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                let code = table[Int(byte) - 0x80]
                guard code != 0, let scalar = Unicode.Scalar(code) else { return nil }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
