import Foundation
import GRDB
import Testing

@testable import Registry

/// Expenses in the currency they were paid in: exact conversion at the month's rate, the rate
/// kept on the expense, and every refused input naming its field.
struct CurrencyTests {
    /// Łódź–Bergen with one study visit (id 1) and its expense of 1,234.50 EUR, and a NOK rate for May 2024.
    func register() throws -> Registry {
        let registry = try Sample.linked()
        try registry.addRate(currency: "NOK", month: "2024-05", rate: "11.6075")
        return registry
    }

    func expectProblem(_ field: String, _ reason: String, _ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            guard case RegistryError.invalid(let problems) = error else { return false }
            return problems.contains { $0.field == field && $0.reason.contains(reason) }
        }
    }

    @Test func anAmountInNOKIsConvertedAtItsMonthsRateAndRoundedToTheCent() throws {
        let registry = try register()
        let expense = try registry.addExpense(
            ExpenseInput(activity: "1", amount: "4210.50", currency: "NOK", category: "travel", date: "2024-05-14"))
        // 4210.50 / 11.6075 = 362.7396…, rounded to 362.74.
        #expect(expense.amountCents == 36274)
        #expect(expense.paidMinor == 421050 && expense.currency == .nok)
        #expect(expense.rateMicros == 11_607_500 && expense.rateMonth == "2024-05" && expense.rateSource == "InforEuro")
        #expect(!expense.rateDerived && expense.status == .claimed)
    }

    @Test func aLaterCorrectionOfTheRateChangesNoExpenseAlreadyRecorded() throws {
        let registry = try register()
        let expense = try registry.addExpense(ExpenseInput(activity: "1", amount: "1000", currency: "NOK", category: "travel", date: "2024-05-02"))
        try registry.addRate(currency: "NOK", month: "2024-05", rate: "12")
        #expect(try registry.expense(.id(expense.id!)) == expense)
        _ = try registry.removeRate(currency: "NOK", month: "2024-05")
        #expect(try registry.expense(.id(expense.id!)) == expense)
        #expect(try registry.rates().isEmpty)
    }

    @Test func anExpenseWithNoRateForItsMonthIsRefusedNamingTheCurrencyTheMonthAndTheCommand() throws {
        let registry = try register()
        let before = try Snapshot(of: registry)
        expectProblem("currency", "has no rate for 2024-06; add it with `registry rate add NOK 2024-06 RATE`") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10", currency: "NOK", category: "travel", date: "2024-06-01"))
        }
        expectProblem("date", "is required for an amount in PLN") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10", currency: "PLN", category: "travel"))
        }
        #expect(try Snapshot(of: registry) == before)
    }

    @Test func anEuroAmountGivenByHandDerivesTheRateAndMarksIt() throws {
        let registry = try register()
        let expense = try registry.addExpense(
            ExpenseInput(activity: "1", amount: "4210.50", currency: "PLN", eur: "980", category: "travel", date: "2024-06-14"))
        #expect(expense.amountCents == 98000)
        #expect(expense.rateMicros == 4_296_429 && expense.rateDerived && expense.rateSource == Rate.derivedSource)
        expectProblem("eur", "is only for an amount paid in another currency") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10", eur: "10", category: "travel"))
        }
    }

    @Test func theKronaHasNoDecimalsAndAnAmountWithMoreDecimalsThanItsCurrencyIsRefused() throws {
        let registry = try register()
        try registry.addRate(currency: "ISK", month: "2024-05", rate: "149.3")
        let krona = try registry.addExpense(ExpenseInput(activity: "1", amount: "150000", currency: "isk", category: "venue", date: "2024-05-02"))
        // 150000 / 149.3 = 1004.688…
        #expect(krona.paidMinor == 150_000 && krona.amountCents == 100_469)
        expectProblem("amount", "whole number of ISK (the Icelandic króna has no decimals)") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10.5", currency: "ISK", category: "venue", date: "2024-05-02"))
        }
        expectProblem("amount", "at most two decimals") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10.505", currency: "NOK", category: "venue", date: "2024-05-02"))
        }
        expectProblem("currency", "is not one of") {
            _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "10", currency: "SEK", category: "venue", date: "2024-05-02"))
        }
    }

    @Test(arguments: [
        ("NOK", "2024-13", "11", "month", "is not a month written YYYY-MM"), ("NOK", "24-05", "11", "month", "is not a month"),
        ("NOK", "2024-05", "0", "rate", "must be above 0"), ("NOK", "2024-05", "-11", "rate", "is not units of the currency"),
        ("NOK", "2024-05", "11.1234567", "rate", "at most six decimals"), ("NOK", "2024-05", "11,6", "rate", "use a point"),
        ("EUR", "2024-05", "1", "currency", "needs no rate"), ("SEK", "2024-05", "11", "currency", "is not one of"),
    ])
    func aRefusedRateNamesItsFieldAndWritesNothing(_ currency: String, _ month: String, _ rate: String, _ field: String, _ reason: String) throws {
        let registry = try register()
        let before = try registry.rates()
        expectProblem(field, reason) { try registry.addRate(currency: currency, month: month, rate: rate) }
        #expect(try registry.rates() == before)
    }

    /// Conversion checked against Python's `decimal` module: 300 amounts up to 10^12 minor units at
    /// rates with four to six decimals, each rounded half up to the cent, and their sum.
    @Test func conversionAgreesWithPythonsDecimalArithmetic() throws {
        var generator = SystemRandomNumberGenerator()
        let currencies: [Currency] = [.nok, .pln, .isk, .chf]
        let cases = (0..<300).map { index -> (Currency, Int64, Int64) in
            let decimals = 4 + index % 3
            let micros =
                Int64.random(in: 1...200_000_000, using: &generator) / Int64(pow(10, Double(6 - decimals))) * Int64(pow(10, Double(6 - decimals)))
            return (currencies[index % 4], Int64.random(in: 0...1_000_000_000_000, using: &generator), max(micros, 10_000))
        }
        let lines = cases.map { "\($0.0.minorDigits) \($0.1) \($0.2)" }.joined(separator: "\n")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [
            "-c",
            """
            import sys
            from decimal import Decimal, ROUND_HALF_UP, getcontext
            getcontext().prec = 60
            total = 0
            for line in sys.stdin.read().split("\\n"):
                digits, minor, micros = map(int, line.split())
                cents = (Decimal(minor) / Decimal(10) ** digits / (Decimal(micros) / Decimal(10**6)) * 100).quantize(Decimal(1), ROUND_HALF_UP)
                total += int(cents)
                print(int(cents))
            print(total)
            """,
        ]
        let input = Pipe(), output = Pipe()
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        input.fileHandleForWriting.write(Data(lines.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map { Int64($0)! }
        python.waitUntilExit()
        let ours = cases.map { Conversion.euroCents($0.1, in: $0.0, atMicros: $0.2)! }
        #expect(printed.count == cases.count + 1)
        #expect(Array(printed.prefix(cases.count)) == ours)
        #expect(printed.last == ours.reduce(0, +))
    }

    @Test func halvesRoundUpAndTotalsAddTheRoundedCents() {
        // 0.05 NOK at 10 NOK/EUR is 0.5 cent: rounded up to 1 cent; two of them make 2 cents, not 1.
        #expect(Conversion.euroCents(5, in: .nok, atMicros: 10_000_000) == 1)
        #expect(Conversion.euroCents(4, in: .nok, atMicros: 10_000_000) == 0)
        #expect(Rate.format(11_607_500) == "11.6075" && Rate.format(1_000_000) == "1" && Rate.format(1) == "0.000001")
    }

    @Test func aClaimIsVerifiedOrRejectedWithAReasonAndTheTrailSaysWho() throws {
        let registry = try register()
        expectProblem("reason", "is required to reject a claim") { _ = try registry.editExpense("1", ExpenseInput(status: "rejected")) }
        let rejected = try registry.editExpense("1", ExpenseInput(status: "rejected", reason: "No receipt"))
        #expect(rejected.status == .rejected && rejected.rejectionReason == "No receipt")
        let verified = try registry.editExpense("1", ExpenseInput(status: "verified"))
        #expect(verified.status == .verified && verified.rejectionReason == nil)
        expectProblem("reason", "is only for a rejected claim") { _ = try registry.editExpense("1", ExpenseInput(reason: "x")) }
        let last = try #require(try registry.auditLog().last)
        #expect(last.actor == "test" && last.tableName == "expense" && last.newValues?.contains(#""status":"verified""#) == true)
    }

    @Test func whoPaidTheDocumentAndThePeriodAreCheckedAndKept() throws {
        let registry = try register()
        let expense = try registry.editExpense("1", ExpenseInput(paidBy: "partner", document: "INV-2024/17", period: "2024-1"))
        #expect(expense.paidBy == .partner && expense.document == "INV-2024/17" && expense.period == "2024-1")
        expectProblem("paid-by", "is not one of: city, partner") { _ = try registry.editExpense("1", ExpenseInput(paidBy: "town")) }
        expectProblem("period", "is not a reporting period") { _ = try registry.editExpense("1", ExpenseInput(period: "2024-10")) }
    }

    @Test func theMonthRuleIsOneSettingAndRecordedUsesTheMonthOfEntry() throws {
        let registry = try register()
        #expect(try registry.rateMonthRule() == .incurred)
        #expect(try registry.setRateMonthRule("recorded") == .recorded)
        let month = String(ISODate.string(daysSince1970: Int(Date().timeIntervalSince1970) / 86_400).prefix(7))
        try registry.addRate(currency: "CHF", month: month, rate: "0.95")
        let expense = try registry.addExpense(ExpenseInput(activity: "1", amount: "95", currency: "CHF", category: "travel", date: "2024-05-02"))
        #expect(expense.rateMonth == month && expense.amountCents == 10_000)
        expectProblem("rule", "is not one of") { _ = try registry.setRateMonthRule("paid") }
    }

    @Test func theMigrationMakesEveryExpenseEuroAtRateOneClaimedAndLeavesTheTrailAlone() throws {
        let queue = try migratedQueue(upTo: "0011_search_folding")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO city (name, name_key, voivodeship) VALUES ('Nysa', 'nysa', 'opolskie')")
            try db.execute(sql: "INSERT INTO partner (name, name_key, kind) VALUES ('Bergen kommune', 'bergen kommune', 'municipality')")
            try db.execute(sql: "INSERT INTO partnership (city_id, partner_id) VALUES (1, 1)")
            try db.execute(sql: "INSERT INTO activity (partnership_id, kind, title) VALUES (1, 'workshop', 'W')")
            try db.execute(sql: "INSERT INTO expense (activity_id, amount_cents, category) VALUES (1, 123456, 'travel'), (1, 0, 'venue')")
        }
        let trail = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") }
        try Registry.migrator.migrate(queue)
        try queue.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT amount_cents, paid_minor, currency, rate_micros, rate_month, rate_source, status FROM expense ORDER BY id")
            #expect(rows.map { $0[0] as Int64 } == [123456, 0] && rows.map { $0[1] as Int64 } == [123456, 0])
            #expect(rows.allSatisfy { $0[2] == "EUR" && $0[3] == 1_000_000 && ($0[4] as String?) == nil && ($0[5] as String?) == nil })
            #expect(rows.allSatisfy { $0[6] == "claimed" })
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") == trail)
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
        }
    }
}
