import Foundation
import Registry
import Testing

/// `registry rate` and expenses in other currencies on the command line: what a programme
/// officer types, the exit codes, and nothing written when refused.
struct RateCommandTests {
    @Test func aRateAddedListsAndConvertsAnExpenseInItsCurrency() throws {
        let folder = try SampleRegister.create()
        let added = try CommandRunner.registry(folder, ["rate", "add", "NOK", "2024-05", "11.6075"])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try CommandRunner.registry(folder, ["rate", "list", "--format", "csv"])
        #expect(listed.stdout == "currency,month,units_per_eur,source\r\nNOK,2024-05,11.6075,InforEuro\r\n")
        let expense = try CommandRunner.registry(
            folder,
            [
                "expense", "add", "--activity", "1", "--amount", "4210.50", "--currency", "NOK", "--category", "travel", "--date", "2024-05-14",
                "--paid-by", "partner", "--document", "F-2024-118", "--period", "2024-1", "--format", "json",
            ])
        #expect(expense.status == 0, "\(expense.stderr)")
        let row = try #require(try jsonRows(expense.stdout).first)
        #expect(number(row["amount"]) == 362.74 && row["paid"] as? String == "4210.50" && row["currency"] as? String == "NOK")
        #expect(row["rate"] as? String == "11.6075" && row["rate_month"] as? String == "2024-05" && row["status"] as? String == "claimed")
        #expect(row["paid_by"] as? String == "partner" && row["document"] as? String == "F-2024-118" && row["period"] as? String == "2024-1")
    }

    @Test func anExpenseWithoutItsMonthsRateExitsWith65NamingTheCommandThatAddsIt() throws {
        let folder = try SampleRegister.create()
        let before = try RegisterState(folder.database)
        let result = try CommandRunner.registry(
            folder, ["expense", "add", "--activity", "1", "--amount", "100", "--currency", "PLN", "--category", "travel", "--date", "2024-03-02"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("currency 'PLN': has no rate for 2024-03; add it with `registry rate add PLN 2024-03 RATE`"))
        #expect(try RegisterState(folder.database) == before)
    }

    @Test func verifyAndRejectSetTheClaimsStatus() throws {
        let folder = try SampleRegister.create()
        #expect(try CommandRunner.registry(folder, ["expense", "reject", "1"]).status == 64)
        let rejected = try CommandRunner.registry(folder, ["expense", "reject", "1", "--reason", "No receipt", "--format", "json"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try jsonRows(rejected.stdout).first?["rejection_reason"] as? String == "No receipt")
        let verified = try CommandRunner.registry(folder, ["expense", "verify", "1", "--format", "json", "--as", "kari"])
        #expect(try jsonRows(verified.stdout).first?["status"] as? String == "verified")
        let log = try jsonRows(CommandRunner.registry(folder, ["log", "--table", "expense", "--format", "json"]).stdout)
        #expect(log.last?["actor"] as? String == "kari")
        #expect(try CommandRunner.registry(folder, ["expense", "verify", "99"]).status == 1)
    }

    @Test func aCorrectedRateConvertsAnExpenseAgainOnlyWhenAskedAndTheTrailKeepsBothAmounts() throws {
        let folder = try SampleRegister.create()
        #expect(try CommandRunner.registry(folder, ["rate", "add", "NOK", "2024-05", "11.6075"]).status == 0)
        let added = try CommandRunner.registry(
            folder, ["expense", "add", "--activity", "1", "--amount", "1000", "--currency", "NOK", "--category", "travel", "--date", "2024-05-02"])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CommandRunner.registry(folder, ["rate", "add", "NOK", "2024-05", "12"]).status == 0)
        let kept = try jsonRows(CommandRunner.registry(folder, ["expense", "show", id, "--format", "json"]).stdout)
        #expect(number(kept.first?["amount"]) == 86.15 && kept.first?["rate"] as? String == "11.6075")
        let converted = try CommandRunner.registry(folder, ["expense", "convert", id, "--format", "json", "--as", "kari"])
        #expect(converted.status == 0, "\(converted.stderr)")
        // 1000 / 12 = 83.333…, rounded to 83.33.
        let row = try #require(try jsonRows(converted.stdout).first)
        #expect(number(row["amount"]) == 83.33 && row["rate"] as? String == "12" && row["paid"] as? String == "1000.00")
        let log = try jsonRows(CommandRunner.registry(folder, ["log", "--table", "expense", "--format", "json"]).stdout)
        let change = try #require(log.last)
        #expect(change["actor"] as? String == "kari" && change["action"] as? String == "update")
        let old = change["old_values"] as? [String: Any], new = change["new_values"] as? [String: Any]
        #expect(number(old?["amount_cents"]) == 8615 && number(new?["amount_cents"]) == 8333)
        #expect(try CommandRunner.registry(folder, ["expense", "convert", "99"]).status == 1)
    }

    @Test func aRatesFileIsReadAllOrNothing() throws {
        let folder = try SampleRegister.create()
        let good = folder.url.appendingPathComponent("rates.csv")
        try Data("currency,month,rate,source\nNOK,2024-05,11.6075,\nPLN,2024-05,4.3215,NBP\n".utf8).write(to: good)
        let read = try CommandRunner.registry(folder, ["rate", "import", good.path])
        #expect(read.status == 0 && read.stderr.contains("Read 2 rates"), "\(read.stderr)")
        let bad = folder.url.appendingPathComponent("bad.csv")
        try Data("currency,month,rate\nNOK,2024-06,11.5\nSEK,2024-06,11.1\nPLN,2024-13,4.3\n".utf8).write(to: bad)
        let refused = try CommandRunner.registry(folder, ["rate", "import", bad.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("line 3, currency 'SEK'") && refused.stderr.contains("line 4, month '2024-13'"), "\(refused.stderr)")
        let listed = try CommandRunner.registry(folder, ["rate", "list", "--format", "csv"]).stdout
        #expect(listed == "currency,month,units_per_eur,source\r\nNOK,2024-05,11.6075,InforEuro\r\nPLN,2024-05,4.3215,NBP\r\n")
        let removed = try CommandRunner.registry(folder, ["rate", "remove", "NOK", "2024-05"])
        #expect(removed.status == 0 && removed.stderr.contains("Removed the NOK rate for 2024-05 (11.6075)."))
        #expect(try CommandRunner.registry(folder, ["rate", "remove", "NOK", "2024-05"]).status == 1)
    }

    @Test func theMonthRuleIsShownAndSet() throws {
        let folder = try SampleRegister.create()
        #expect(try CommandRunner.registry(folder, ["rate", "rule"]).stdout == "incurred\n")
        #expect(try CommandRunner.registry(folder, ["rate", "rule", "recorded"]).status == 0)
        #expect(try CommandRunner.registry(folder, ["rate", "rule"]).stdout == "recorded\n")
        #expect(try CommandRunner.registry(folder, ["rate", "rule", "paid"]).status == 65)
    }

    /// Expenses in three currencies, one derived from a euro amount and one rejected, export and
    /// import into a register without those rates, and export again byte for byte.
    @Test func expensesInOtherCurrenciesExportAndImportBackUnchanged() throws {
        let folder = try SampleRegister.create()
        let steps: [[String]] = [
            ["rate", "add", "NOK", "2024-05", "11.6075"],
            [
                "expense", "add", "--activity", "1", "--amount", "4210.50", "--currency", "NOK", "--category", "travel", "--date", "2024-05-14",
                "--document", "F1", "--period", "2024-1", "--paid-by", "partner",
            ],
            ["expense", "add", "--activity", "2", "--amount", "4210.50", "--currency", "PLN", "--eur", "980", "--category", "venue"],
            ["expense", "add", "--activity", "3", "--amount", "1500", "--currency", "ISK", "--eur", "10", "--category", "other"],
            ["expense", "reject", "1", "--reason", "No receipt"],
            ["partnership", "budget-lines", "lodz/bergen", "--set", "travel=20000", "--set", "staff=500.50"],
        ]
        for step in steps { #expect(try CommandRunner.registry(folder, step).status == 0, "\(step)") }
        let exported = try CommandRunner.registry(folder, ["export", "expense", "--format", "csv"]).stdout
        let partnerships = try CommandRunner.registry(folder, ["export", "partnership", "--format", "csv"]).stdout
        #expect(partnerships.contains(",\"staff=500.50,travel=20000.00\"\r\n"), "\(partnerships)")
        #expect(exported.contains(",NOK,4210.50,11.6075,2024-05,InforEuro,partner,F1,2024-1,claimed,\r\n"))
        #expect(exported.contains(",PLN,4210.50,4.296429,,derived from the EUR amount given,"))
        let copy = try TemporaryFolder()
        for entity in ["city", "partner", "partnership", "activity", "expense"] {
            let file = folder.url.appendingPathComponent("\(entity).csv").path
            #expect(try CommandRunner.registry(folder, ["export", entity, "--format", "csv", "--output", file]).status == 0)
            let imported = try CommandRunner.registry(copy, ["import", entity, file])
            #expect(imported.status == 0, "\(entity): \(imported.stderr)")
        }
        #expect(try CommandRunner.registry(copy, ["export", "expense", "--format", "csv"]).stdout == exported)
        #expect(try CommandRunner.registry(copy, ["export", "partnership", "--format", "csv"]).stdout == partnerships)
        let lines = try CommandRunner.registry(copy, ["partnership", "budget-lines", "lodz/bergen", "--format", "csv"]).stdout
        // The rejected 1000 EUR of travel is not spent.
        let expected = "category,budget,spent,left,over\r\nstaff,500.50,50.00,450.50,no\r\ntravel,20000.00,362.74,"
        #expect(lines.hasPrefix(expected), "\(lines)")
        // A line that is not CATEGORY=EUR is refused, naming the column.
        let badLines = folder.url.appendingPathComponent("lines.csv")
        try Data(partnerships.replacingOccurrences(of: "staff=500.50", with: "staf=500.50").utf8).write(to: badLines)
        let refusedLines = try CommandRunner.registry(copy, ["import", "partnership", badLines.path, "--update"])
        #expect(refusedLines.status == 65 && refusedLines.stderr.contains("budget_lines 'staf'"), "\(refusedLines.stderr)")
        // A euro amount that disagrees with the rate it names is refused, naming both.
        let edited = folder.url.appendingPathComponent("edited.csv")
        try Data(exported.replacingOccurrences(of: "362.74,travel", with: "362.75,travel").utf8).write(to: edited)
        let refused = try CommandRunner.registry(copy, ["import", "expense", edited.path])
        #expect(refused.status == 65 && refused.stderr.contains("is not 4210.50 NOK at 11.6075: that is 362.74"), "\(refused.stderr)")
    }
}
