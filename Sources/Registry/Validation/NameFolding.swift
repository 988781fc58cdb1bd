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
        name.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// The folded key of a name: lower case, accents removed, special letters spelled out.
    public static func key(_ name: String) -> String {
        var folded = ""
        for character in normalized(name) {
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
