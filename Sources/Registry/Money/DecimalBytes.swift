/// Numbers written straight into a byte buffer, for outputs of a million rows (CSV, workbooks):
/// no `String` per value.
public enum DecimalBytes {
    /// `value` in decimal digits, with a minus sign when negative.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Cents as euros with two decimals, as `Money.format` writes them (`150000.50`), with
    /// `decimalSeparator` (a comma for Excel's CSV).
    public static func appendMoney(_ cents: Int64, decimalSeparator: UInt8 = UInt8(ascii: "."), to bytes: inout [UInt8]) {
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = cents.magnitude
        append(Int64(magnitude / 100), to: &bytes)
        bytes.append(decimalSeparator)
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 100 / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
    }
}
