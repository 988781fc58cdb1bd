import Foundation

/// How names are stored and compared.
///
/// Stored names keep their real spelling in Unicode NFC. The folded key, used for lookup and
/// uniqueness, ignores case, accents and the Polish and Norwegian letters that Unicode does
/// not decompose (`ł`, `ø`, `æ`), so `lodz` finds `Łódź` and `baerum` finds `Bærum`.
public enum NameFolding {
    /// Letters without a canonical decomposition, spelled the way a person types them on a
    /// keyboard without them.
    static let letters: [Character: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "đ": "d", "Đ": "d",
        "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ß": "ss", "ı": "i", "œ": "oe", "Œ": "oe",
    ]

    /// The name as stored: NFC, trimmed, with runs of white space made one space.
    public static func normalized(_ name: String) -> String {
        let text = nfc(name)
        // Already one line with single inner spaces: nothing to change. (Bytes C2 and E1–E3 start
        // the non-ASCII white space, such as U+00A0 and U+2009; Polish and Norwegian letters
        // start with C3–C5.)
        let bytes = text.utf8
        if bytes.first != 32, bytes.last != 32, bytes.allSatisfy({ $0 >= 32 && $0 != 0x7F && $0 != 0xC2 && !(0xE1...0xE3).contains($0) }),
            !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 32 && $1 == 32 })
        {
            return text
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` in Unicode NFC. ASCII text already is, and skips Foundation's slow path: an
    /// import checks millions of values.
    static func nfc(_ text: String) -> String {
        // Below U+0300 (Latin, Polish and Norwegian letters included) every character is its own
        // NFC form; only combining marks and later scripts need Foundation's normalization.
        text.unicodeScalars.allSatisfy { $0.value < 0x300 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The folded form of each character from U+0080 to U+02FF, worked out once.
    private static let latinFolding: [String] = (0x80..<0x300).map { value in
        let character = Character(Unicode.Scalar(UInt32(value))!)
        if let replacement = letters[character] { return replacement }
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    /// The folded key of a name: lower case, accents removed, special letters spelled out.
    public static func key(_ name: String) -> String {
        var folded = ""
        for character in normalized(name) {
            if let ascii = character.asciiValue {
                folded.unicodeScalars.append(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii))
                continue
            }
            if character.unicodeScalars.count == 1, let value = character.unicodeScalars.first?.value, value < 0x300 {
                folded += latinFolding[Int(value) - 0x80]
                continue
            }
            if let replacement = letters[character] {
                folded += replacement
                continue
            }
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
            folded += String(String.UnicodeScalarView(scalars)).lowercased()
        }
        return folded
    }
}
