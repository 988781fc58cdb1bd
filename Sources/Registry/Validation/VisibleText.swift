extension String {
    /// Control and formatting characters (escape sequences, bidi overrides, zero-width
    /// characters) as visible `\u{202E}` text, so a value cannot recolour a terminal or
    /// reorder and hide the text around it; everything else unchanged. For output people read:
    /// tables, Markdown, HTML and error messages (data formats keep values as they are).
    public var visibleControls: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F }) else { return self }
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
