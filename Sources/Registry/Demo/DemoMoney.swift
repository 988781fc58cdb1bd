import GRDB

/// The demo's money as the programme counts it: monthly NOK and PLN rates (illustrative, not the
/// Commission's), expenses paid in NOK by partners, in PLN by towns and some in EUR, each with
/// its document and reporting period, older claims verified, and budget lines on some
/// partnerships. A few deliberate problems for `registry check`: about one expense in 200 is
/// dated after its partnership ended, and one claim in 150 lacks its document.
///
/// Everything here is worked out from the expense's number, not drawn from the seeded
/// generator, so the rest of a demo is the same with or without it.
struct DemoMoney {
    /// Units per EUR in millionths, by month and currency.
    let rates: [String: [Currency: Int64]]
    static let source = "illustrative (demo data, not InforEuro)"
    /// Claims older than this day are verified; the demo's "today" is 2024-03-01.
    static let verifiedBefore = ISODate.daysSince1970("2023-12-01")

    /// Rates for every month from 2019 to 2027, written to the register.
    static func write(in db: Database) throws -> DemoMoney {
        var rates: [String: [Currency: Int64]] = [:]
        let insert = try db.makeStatement(sql: "INSERT INTO exchange_rate (currency, month, units_per_eur_micros, source) VALUES (?, ?, ?, ?)")
        for (index, year) in (2019...2027).enumerated() {
            for month in 1...12 {
                let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
                let step = Int64((index * 12 + month) * 7919 % 9000)
                let monthRates: [Currency: Int64] = [.nok: 10_800_000 + step * 100, .pln: 4_250_000 + step * 50]
                for (currency, micros) in monthRates.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try insert.execute(arguments: [currency, key, micros, source])
                }
                rates[key] = monthRates
            }
        }
        return DemoMoney(rates: rates)
    }

    /// The columns of expense number `number` of `euroCents`, spent on `day` by a partnership
    /// that ends on `partnershipEnd`.
    func expense(_ number: Int, euroCents: Int64, day: Int, partnershipEnd: Int) -> (values: [DatabaseValueConvertible?], day: Int) {
        let day = number % 200 == 17 ? partnershipEnd + 12 : day
        let date = ISODate.string(daysSince1970: day)
        let month = String(date.prefix(7))
        let chosen: Currency = [.nok, .pln, .eur][number % 3]
        // A cost without its month's rate (outside 2019–2027) is paid in euros.
        let rate = rates[month]?[chosen]
        let currency = rate == nil ? .eur : chosen
        let payer: ExpensePayer = chosen == .nok || (chosen == .eur && number % 2 == 0) ? .partner : .city
        var paid = euroCents, amount = euroCents, micros: Int64 = 1_000_000
        if let rate {
            micros = rate
            paid = Int64(Conversion.rounded(Int128(euroCents) * Int128(rate), 1_000_000))
            amount = Conversion.euroCents(paid, in: currency, atMicros: rate)!
        }
        let converted = currency != .eur
        let year = date.prefix(4)
        let period = "\(year)-\(Int(date.dropFirst(5).prefix(2))! <= 6 ? 1 : 2)"
        let document: String? = number % 150 == 11 ? nil : "\(payer == .partner ? "INV" : "FV")-\(year)-\(number)"
        let status: ClaimStatus = day < Self.verifiedBefore ? .verified : .claimed
        return (
            [
                amount, paid, currency, micros, converted ? month : nil, converted ? Self.source : nil, payer, document, period, status,
            ], day
        )
    }

    /// Budget lines for one partnership in four: each category it spends in, 10 % above its
    /// spending, rounded up to 100 EUR.
    static func addBudgetLines(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO partnership_budget_line (partnership_id, category, budget_cents)
                SELECT activity.partnership_id, expense.category, (sum(expense.amount_cents) * 11 / 10 / 10000 + 1) * 10000
                FROM expense JOIN activity ON activity.id = expense.activity_id
                WHERE activity.partnership_id % 4 = 1 AND expense.status <> 'rejected'
                GROUP BY activity.partnership_id, expense.category
                """)
    }
}
