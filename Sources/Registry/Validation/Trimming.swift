extension String {
    /// The text without white space (line breaks included) at either end. Written in Swift
    /// rather than with Foundation's `trimmingCharacters(in:)`, which bridges through NSString
    /// and was a sixth of an import's time.
    public func trimmed() -> String {
        // Fast path: starts and ends with a visible ASCII character (most values do).
        if let head = utf8.first, let tail = utf8.last, head > 32, head < 0x7F, tail > 32, tail < 0x7F { return self }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

extension Substring {
    public func trimmed() -> String { String(self).trimmed() }
}
