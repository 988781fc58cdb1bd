import Foundation
import Registry
import Testing

/// `report spending` and `report statement` on the sample register with costs in three
/// currencies: the numbers a programme officer would add up by hand.
struct SpendingReportTests {
    /// The sample (expenses 1–4 in EUR on lodz/bergen and gdansk/bergen), and on lodz/bergen a
    /// NOK cost of 4210.50 at 11.6075 (362.74 EUR, period 2024-1) and a rejected PLN cost.
    func register() throws -> TemporaryFolder {
        let folder = try SampleRegister.create()
        let steps: [[String]] = [
            ["rate", "add", "NOK", "2024-05", "11.6075"],
            ["rate", "add", "PLN", "2024-05", "4.3215"],
            [
                "expense", "add", "--activity", "1", "--amount", "4210.50", "--currency", "NOK", "--category", "travel", "--date", "2024-05-14",
                "--document", "F1", "--period", "2024-1",
            ],
            [
                "expense", "add", "--activity", "1", "--amount", "432.15", "--currency", "PLN", "--category", "venue", "--date", "2024-05-20",
                "--period", "2024-1",
            ],
            ["expense", "reject", "6", "--reason", "not eligible"],
            ["expense", "verify", "1"],
        ]
        for step in steps { #expect(try CommandRunner.registry(folder, step).status == 0, "\(step)") }
        return folder
    }

    @Test func aStatementListsEachExpenseWithItsRateAndTotalsPerCategory() throws {
        let folder = try register()
        let result = try CommandRunner.registry(
            folder, ["report", "statement", "--partnership", "lodz/bergen", "--from", "2024-01-01", "--to", "2024-06-30", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(
            lines.first
                == "line,expense_id,spent_date,period,category,document,paid,currency,rate,rate_month,amount,status,rejection_reason,paid_by,activity"
        )
        #expect(
            lines.dropFirst().prefix(4) == [
                "expense,1,2024-01-10,,travel,,1000.00,EUR,1,,1000.00,verified,,,Visit Bergen",
                "expense,2,2024-01-20,,venue,,200.00,EUR,1,,200.00,claimed,,,Visit Bergen",
                "expense,5,2024-05-14,2024-1,travel,F1,4210.50,NOK,11.6075,2024-05,362.74,claimed,,,Visit Bergen",
                "expense,6,2024-05-20,2024-1,venue,,432.15,PLN,4.3215,2024-05,100.00,rejected,not eligible,,Visit Bergen",
            ])
        // Expense 4 (staff, undated) is outside the dates; the rejected one is not in the totals.
        #expect(
            lines.suffix(3) == [
                "total,,,,travel,,,,,,1362.74,claimed and verified,,,", "total,,,,venue,,,,,,200.00,claimed and verified,,,",
                "total,,,,all categories,,,,,,1562.74,claimed and verified,,,",
            ])
        #expect(try CommandRunner.registry(folder, ["report", "statement"]).status == 65)
    }

    @Test func spendingAddsUpPerPeriodCategoryAndCurrency() throws {
        let folder = try register()
        let result = try CommandRunner.registry(folder, ["report", "spending", "--city", "lodz", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.split(separator: "\r\n").map(String.init) == [
                "period,category,currency,expenses,paid,spent,verified,rejected",
                ",staff,EUR,1,50.00,50.00,0.00,0.00", ",travel,EUR,1,1000.00,1000.00,1000.00,0.00", ",venue,EUR,1,200.00,200.00,0.00,0.00",
                "2024-1,travel,NOK,1,4210.50,362.74,0.00,0.00", "2024-1,venue,PLN,1,432.15,0.00,0.00,100.00",
            ])
        let may = try CommandRunner.registry(folder, ["report", "spending", "--from", "2024-05-31", "--to", "2024-05-31", "--format", "csv"])
        #expect(may.stdout.split(separator: "\r\n").count == 3, "whole months: May's two rows")
        // The budget views agree: spent on lodz/bergen is 1000 + 200 + 50 + 362.74, the rejected 100 apart.
        let budget = try CommandRunner.sqlite(
            folder.database, "SELECT spent_cents, rejected_cents, unspent_cents FROM partnership_budget WHERE partnership_id = 1")
        #expect(budget.stdout == "161274|10000|9838726\n")
    }
}
