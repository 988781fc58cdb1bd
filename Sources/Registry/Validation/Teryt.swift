/// TERYT municipality codes: 7 digits, the first two the voivodeship's own code.
enum Teryt {
    /// Each voivodeship's two-digit TERYT code.
    static let voivodeshipCodes: [String: String] = [
        "dolnośląskie": "02", "kujawsko-pomorskie": "04", "lubelskie": "06", "lubuskie": "08", "łódzkie": "10", "małopolskie": "12",
        "mazowieckie": "14", "opolskie": "16", "podkarpackie": "18", "podlaskie": "20", "pomorskie": "22", "śląskie": "24",
        "świętokrzyskie": "26", "warmińsko-mazurskie": "28", "wielkopolskie": "30", "zachodniopomorskie": "32",
    ]

    /// The code as stored: a spreadsheet that read `0462011` as a number gives `462011`, and the
    /// zero is put back when the voivodeship's code (`04`) confirms it; any other code as given.
    static func restored(_ code: String, voivodeship: String) -> String {
        guard code.count == 6, code.allSatisfy(\.isASCIIDigit), let prefix = voivodeshipCodes[voivodeship], prefix.hasPrefix("0"),
            code.hasPrefix(prefix.dropFirst())
        else { return code }
        return "0" + code
    }

    /// Why a 7-digit `code` cannot be a municipality of `voivodeship`, if it cannot.
    static func mismatch(_ code: String, voivodeship: String) -> String? {
        guard let prefix = voivodeshipCodes[voivodeship], !code.hasPrefix(prefix) else { return nil }
        let named = voivodeshipCodes.first { code.hasPrefix($0.value) }.map { " (\($0.value) is \($0.key))" } ?? ""
        return "does not start with \(prefix), the code of \(voivodeship)\(named); a TERYT code's first two digits are its voivodeship's"
    }
}
