import ArgumentParser
import Foundation
import Registry

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The built-in reports, as tables, files or an HTML page with charts.",
        discussion: """
            NAME is list (the reports, one line each) or a report: overview, budget, themes, activities, partners, \
            unmatched, spending, statement, agenda. The agenda is what needs attention for the week's meeting: activities \
            starting within --days (14) without participants or a location; partnerships proposed or contacted with no \
            change for more than 60 days; completed partnerships without the three end-of-project answers; selected \
            towns without an agreed partner; spending rules broken (as `check` reports them); claims waiting for \
            verification. Its HTML page is a one-page dashboard with the overview's figures. Each other report is a view in the database (report_NAME), so your own SQL gives the same numbers: \
            `registry sql "SELECT * FROM report_budget"`. Money is in euros. --format html writes one self-contained \
            page (no network, no scripts) with the table and a chart, readable when printed.
            """)

    @Argument(
        help: "list, or the report: overview, budget, themes, activities, partners, unmatched, spending, statement, agenda.",
        completion: .list(["list"] + ReportName.allCases.map(\.rawValue))) var name: String
    @Option(help: "Only this town (budget, activities, partners, spending).", completion: .cities) var city: String?
    @Option(help: "Only this partnership, id or CITY/PARTNER (spending; statement needs it).", completion: .partnerships)
    var partnership: String?
    @Option(help: "Only this theme code (themes, activities).", completion: .theme) var theme: String?
    @Option(
        help: ArgumentHelp(
            "From this date: activities ending then or later; expenses dated then or later (statement); from its month (spending); the agenda's day (default today).",
            valueName: "date"))
    var from: String?
    @Option(
        help: ArgumentHelp(
            "To this date: activities starting then or earlier; expenses dated then or earlier (statement); to its month (spending).",
            valueName: "date"))
    var to: String?
    @Option(
        help: "Only this status: a town's (budget) or an activity's (activities).",
        completion: .list(CityStatus.allCases.map(\.rawValue) + ActivityStatus.allCases.map(\.rawValue))) var status: String?
    @Option(
        help: ArgumentHelp("The agenda's activities starting within this many days of --from or today (default 14).", valueName: "n"))
    var days: Int?
    @Option(help: ArgumentHelp("Output format: \(FormatChoice<ReportFormats>.listed) (default: table).")) var format: FormatChoice<ReportFormats>?
    @Flag(help: "Print the SQL the report runs, its values filled in, instead of running it: for the sqlite3 shell or your own tools.")
    var sql = false
    @Flag(help: "CSV for Excel: UTF-8 byte-order mark, ';' separator, decimal commas, formulas defused.") var excel = false
    @Option(help: "The language of table, markdown and html: en (default) or nb (Norwegian bokmål); the other formats keep column names.")
    var lang: Language = .en
    @Option(help: ArgumentHelp("Write to this file (complete or not at all) instead of stdout.", valueName: "file"), completion: .file())
    var output: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try OutputFile.refuseOnTerminal(format?.format, output: output)
        if name != "list", ReportName(rawValue: name) == nil {
            throw ValidationError(
                "No report '\(name)'. The reports: \(ReportName.allCases.map(\.rawValue).joined(separator: ", ")); `registry report list` describes them."
            )
        }
        if excel, let format = format?.format, format != .csv { throw ValidationError("--excel applies to CSV; drop --format \(format.rawValue).") }
    }

    func run() throws {
        guard let report = ReportName(rawValue: name) else {
            let rows = ReportName.allCases.map { [Cell.text($0.rawValue), .text($0.summary)] }
            Console.output(renderer.render(TableData(columns: ["report", "what it shows"], rows: rows)))
            return
        }
        let registry = try database.open(.readOnly)
        let filter = ReportFilter(city: city, partnership: partnership, theme: theme, from: from, to: to, status: status, days: days)
        if sql { return Console.output(try registry.reportSQL(report, filter: filter)) }
        try OutputFile.write(to: output, of: registry) { handle in
            guard format?.format == .html else {
                try renderer.output(to: handle, sheet: report.rawValue) { columns, row in
                    try registry.report(report, filter: filter, columns: columns, row: row)
                }
                return
            }
            let (columns, rows) = try registry.report(report, filter: filter)
            let table = TableData(columns: columns, rows: rows)
            let source = (registry.path as NSString?)?.lastPathComponent ?? "the register"
            let subtitle = "Generated \(Self.timestamp()) UTC from \(source)" + (filter == ReportFilter() ? "" : "; " + describe(filter))
            var charts = ReportCharts.charts(report, table)
            // The agenda is the meeting's dashboard: the overview's headline figures beside it.
            if report == .agenda {
                let overview = try registry.report(.overview)
                charts += ReportCharts.charts(.overview, TableData(columns: overview.columns, rows: overview.rows))
            }
            let page = HTMLPage.render(
                title: "KS partnership registry — \(report.rawValue)", subtitle: subtitle, charts: charts, table: HumanTable.render(table, in: lang))
            try handle.write(contentsOf: Data(page.utf8))
        }
    }

    private var renderer: Renderer {
        Renderer(format: format?.format ?? (excel ? .csv : .table), excel: excel, language: lang)
    }

    private func describe(_ filter: ReportFilter) -> String {
        [
            ("town", filter.city), ("partnership", filter.partnership), ("theme", filter.theme), ("from", filter.from), ("to", filter.to),
            ("status", filter.status), ("days", filter.days.map(String.init)),
        ]
        .compactMap { label, value in value.map { "\(label) \($0)" } }.joined(separator: ", ")
    }

    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}
