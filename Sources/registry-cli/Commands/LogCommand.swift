import ArgumentParser
import Registry

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The audit trail: who changed what, when, with the values before and after.",
        discussion: """
            Every insert, update and delete of the register's tables is recorded by the database itself, \
            whichever command or tool made it; changes made outside registry show the actor 'direct-sql'. \
            Times are UTC. The trail cannot be changed.
            """)

    @Option(help: ArgumentHelp("Only changes to this table, e.g. city, partnership, activity.", valueName: "table")) var table: String?
    @Option(help: ArgumentHelp("Only changes on or after this date (UTC) or time (2024-02-29T13:00:00Z).", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Only changes made by this person.", valueName: "name")) var actor: String?
    @Option(help: "Only the newest N changes.") var limit: Int?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let entries = try database.open(.readOnly).auditLog(AuditFilter(table: table, since: since, actor: actor, limit: limit))
        let rows: [[Cell]] = entries.map { entry in
            [
                .integer(entry.id), .text(entry.changedAt), .text(entry.actor), .text(entry.tableName), entry.rowId.map(Cell.integer) ?? .null,
                Cell(entry.action), .json(entry.oldValues), .json(entry.newValues),
            ]
        }
        let columns = ["id", "changed_at", "actor", "table", "row_id", "action", "old_values", "new_values"]
        Console.output(output.renderer.render(TableData(columns: columns, rows: rows)))
    }
}
