import Foundation
import Testing

/// The demo's money adds up: partnerships spend within their budgets, and the few deliberate
/// problems are ones `registry check` reports.
struct DemoMoneyTests {
    static let spentBySigned = """
        SELECT p.id, p.budget_cents, (SELECT coalesce(sum(e.amount_cents), 0) FROM expense e JOIN activity a ON a.id = e.activity_id
            WHERE a.partnership_id = p.id) FROM partnership p WHERE p.status IN ('active', 'completed')
        """

    @Test(arguments: [[], ["--activities", "2000", "--seed", "7"]])
    func partnershipsSpendWithinTheirBudgetsAndCheckFindsTheDeliberateProblems(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        #expect(try CommandRunner.run(["demo", "--db", folder.database] + arguments).status == 0)
        let rows = try CommandRunner.sqlite(folder.database, Self.spentBySigned).stdout.split(separator: "\n").map { $0.split(separator: "|") }
        #expect(rows.count >= 10)
        let shares = rows.map { Double($0[2])! / Double($0[1])! }
        #expect(shares.filter { $0 > 1 }.isEmpty, "\(shares)")
        #expect(shares.filter { $0 >= 0.3 }.count >= rows.count * 3 / 4, "spending is plausible, not nil: \(shares)")
        let check = try CommandRunner.run(["check", "--format", "csv", "--db", folder.database])
        #expect(check.status == 0)
        let warnings = check.stdout.split(separator: "\r\n").dropFirst()
        // The deliberate problems, each kind at least once, and nothing else.
        let deliberate = ["spent_above_plan", "expense_outside_partnership", "claim_without_document"]
        #expect(Set(warnings.map { String($0.prefix { $0 != "," }) }) == Set(deliberate), "\(check.stdout)")
        // Money in three currencies, each converted at its month's rate and kept on the expense.
        let currencies = try CommandRunner.sqlite(
            folder.database, "SELECT currency, count(*) > 0, min(rate_source IS NOT NULL) FROM expense GROUP BY currency ORDER BY currency")
        #expect(currencies.stdout == "EUR|1|0\nNOK|1|1\nPLN|1|1\n")
    }
}
