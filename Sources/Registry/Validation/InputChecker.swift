import Foundation

/// Turns raw text typed by a person (a command-line option, an import cell) into stored
/// values, collecting every problem rather than stopping at the first.
///
/// For optional fields an empty text means "no value" (it clears the field on `edit`).
struct InputChecker {
    private(set) var problems: [FieldProblem] = []

    /// The longest free text (notes, expectations, expertise): a register entry, not a document.
    static let maximumTextCharacters = 10_000

    mutating func report(_ problem: FieldProblem) {
        problems.append(problem)
    }

    mutating func report(_ field: String, _ value: String, _ reason: String) {
        problems.append(FieldProblem(field: field, value: value, reason: reason))
    }

    /// Throws every problem collected so far, if any.
    func throwIfInvalid() throws {
        if !problems.isEmpty { throw RegistryError.invalid(problems) }
    }

    private mutating func attempt<T>(_ parse: () throws(FieldProblem) -> T) -> T? {
        do {
            return try parse()
        } catch {
            problems.append(error)
            return nil
        }
    }

    /// A required name: NFC, trimmed, not empty, at most 200 characters (Unicode scalars, so a
    /// letter carrying thousands of combining marks is as long as it looks in bytes), and
    /// nothing invisible: a format character (zero-width space or joiner, word joiner,
    /// byte-order mark, bidi control) would let `Kra<U+200B>ków` sit beside `Kraków`.
    mutating func name(_ field: String, _ raw: String) -> String {
        let name = NameFolding.normalized(raw)
        let plain = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }  // fast path: visible ASCII only
        let shown = { String(String.UnicodeScalarView(raw.unicodeScalars.prefix(40))) + (raw.unicodeScalars.count > 40 ? "…" : "") }
        // The first control, direction and invisible formatting character, in one pass; visible
        // ASCII and the Latin letters of Polish and Norwegian names need no look-up.
        var (control, bidi, invisible): (Unicode.Scalar?, Unicode.Scalar?, Unicode.Scalar?) = (nil, nil, nil)
        if !plain {
            for scalar in name.unicodeScalars where !(0x20..<0x7F).contains(scalar.value) && !(0xC0...0x24F).contains(scalar.value) {
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { bidi = bidi ?? scalar }
                switch scalar.properties.generalCategory {
                case .control: control = control ?? scalar
                case .format: invisible = invisible ?? scalar
                default: break
                }
            }
        }
        if control != nil {
            report(field, shown(), "contains a control character; a name is one line of text")
        } else if let bidi {
            report(
                field, shown(),
                "contains U+\(String(format: "%04X", bidi.value)), which reverses or isolates the text around it and can disguise a name")
        } else if let invisible {
            report(
                field, shown(),
                "contains U+\(String(format: "%04X", invisible.value)) (\(invisible.properties.name?.lowercased() ?? "an invisible character")), "
                    + "which does not show and would make a look-alike of another name; type the name without it")
        } else if name.isEmpty {
            report(field, raw, "must not be empty")
        } else if !name.contains(where: { $0.isLetter || $0.isNumber }) {
            report(field, shown(), "must contain a letter or a digit")
        } else if name.unicodeScalars.count > Self.maximumNameCharacters {
            report(field, shown(), "is longer than \(Self.maximumNameCharacters) characters (counting each accent and mark)")
        }
        return name
    }

    /// The longest name, in Unicode scalars (at most 4 bytes each in UTF-8).
    static let maximumNameCharacters = 200

    /// Optional free text, stored in NFC; empty means none. Line breaks and tabs are kept;
    /// other control characters are refused, since they break terminals, CSV and JSON; so is
    /// text longer than `maximumTextCharacters`.
    mutating func freeText(_ field: String, _ raw: String) -> String? {
        // Fast path: visible ASCII, line breaks and tabs only; anything else is checked by scalar.
        let plain = raw.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if !plain,
            let bad = raw.unicodeScalars.first(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) })
        {
            report(field, raw, "contains the control character U+\(String(format: "%04X", bad.value)); only line breaks and tabs are accepted")
            return nil
        }
        if raw.utf8.count > Self.maximumTextCharacters, raw.unicodeScalars.count > Self.maximumTextCharacters {
            report(field, raw, "is longer than \(Self.maximumTextCharacters) characters; keep long documents elsewhere and give their address")
            return nil
        }
        return text(raw)
    }

    /// Optional text, stored in NFC; empty means none.
    func text(_ raw: String) -> String? {
        let text = NameFolding.nfc(raw).trimmed()
        return text.isEmpty ? nil : text
    }

    /// One value of a closed set, written exactly as stored (`not_selected`).
    mutating func choice<E: RawRepresentable & CaseIterable>(_ field: String, _ raw: String, as _: E.Type) -> E?
    where E.RawValue == String {
        let typed = raw.trimmed()
        if let value = E(rawValue: typed) ?? E(rawValue: typed.lowercased()) ?? E(rawValue: typed.uppercased()) { return value }
        report(field, raw, "is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// Optional money in euros, stored as cents.
    mutating func money(_ field: String, _ raw: String) -> Int64? {
        guard let text = text(raw) else { return nil }
        return attempt { () throws(FieldProblem) in try Money.cents(from: text, field: field) }
    }

    /// An amount of `currency` in its minor unit.
    mutating func amount(_ field: String, _ raw: String, in currency: Currency) -> Int64? {
        guard let text = text(raw) else { return nil }
        return attempt { () throws(FieldProblem) in try Money.minorUnits(from: text, in: currency, field: field) }
    }

    /// A rate in millionths of a unit per euro.
    mutating func rate(_ field: String, _ raw: String) -> Int64? {
        attempt { () throws(FieldProblem) in try Rate.micros(from: raw, field: field) }
    }

    /// A reporting period, `YYYY-N`.
    mutating func period(_ field: String, _ raw: String) -> String? {
        attempt { () throws(FieldProblem) in try Rate.period(from: raw, field: field) }
    }

    /// A month, `YYYY-MM`.
    mutating func month(_ field: String, _ raw: String) -> String? {
        attempt { () throws(FieldProblem) in try Rate.month(from: raw, field: field) }
    }

    /// Optional real ISO date.
    mutating func date(_ field: String, _ raw: String) -> String? {
        guard let text = text(raw) else { return nil }
        return attempt { () throws(FieldProblem) in try ISODate.validated(text, field: field) }
    }

    /// Optional whole number within `range`.
    mutating func integer(_ field: String, _ raw: String, in range: ClosedRange<Int64>) -> Int64? {
        guard let text = text(raw) else { return nil }
        if let value = Int64(text), range.contains(value) { return value }
        let upper = range.upperBound == .max ? "" : " and at most \(range.upperBound)"
        report(field, raw, "is not a whole number of at least \(range.lowerBound)\(upper)")
        return nil
    }

    /// Optional web address: `http://` or `https://` and a host.
    mutating func url(_ field: String, _ raw: String) -> String? {
        guard let text = text(raw) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
            let host = URL(string: text)?.host, host.contains("."), !text.contains(" ")
        else {
            report(field, raw, "is not a web address starting with http:// or https://, e.g. https://www.ks.no")
            return nil
        }
        // Schemes are case-insensitive; store them in lower case as the schema expects.
        let scheme = lower.hasPrefix("https://") ? "https://" : "http://"
        return scheme + text.dropFirst(scheme.count)
    }

    /// Optional e-mail address of the usual shape `name@domain.tld`.
    mutating func email(_ field: String, _ raw: String) -> String? {
        guard let text = text(raw) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace }),
            parts[1].split(separator: ".", omittingEmptySubsequences: false).count >= 2,
            parts[1].split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty })
        else {
            report(field, raw, "is not an e-mail address of the form name@example.no")
            return nil
        }
        return text
    }

    /// Optional text that must match a fixed shape, described by `accepted`.
    mutating func pattern(_ field: String, _ raw: String, accepted: String, matches: (String) -> Bool) -> String? {
        guard let text = text(raw) else { return nil }
        if matches(text) { return text }
        report(field, raw, accepted)
        return nil
    }

    /// A name from a reference list (voivodeships, counties), typed in any case and with or
    /// without Polish or Norwegian letters; returns the list's spelling.
    mutating func reference(_ field: String, _ raw: String, in names: [String], describedAs what: String) -> String? {
        guard let text = text(raw) else { return nil }
        let key = NameFolding.key(text)
        if let name = names.first(where: { NameFolding.key($0) == key }) { return name }
        report(field, raw, "is not one of the \(names.count) \(what): \(names.joined(separator: ", "))")
        return nil
    }

    /// An end date is not before its start date.
    mutating func dateOrder(start: String?, end: String?, startField: String = "start", endField: String = "end") {
        if let start, let end, end < start {
            report(endField, end, "is before the \(startField) date \(start)")
        }
    }
}
