import Registry

/// Renders tables and records as text in one output format.
struct Renderer {
    let format: OutputFormat
    var excel = false
    /// The language of the formats people read; the machine formats keep column names and raw values.
    var language = Language.en

    /// False for tables whose columns the user named (`sql`, `query run`): kept as they are.
    var inWords = true

    /// Table, Markdown and HTML are read by people: in words (`HumanTable`).
    var isForPeople: Bool { inWords && (format == .table || format == .markdown || format == .html) }

    /// A list of rows.
    func render(_ table: TableData) -> String {
        let table = isForPeople ? HumanTable.render(table, in: language) : table
        return switch format {
        case .table: TextTable.render(table)
        case .csv: DelimitedText.csv(table, excel: excel)
        case .tsv: DelimitedText.tsv(table)
        case .json: JSONText.array(table)
        case .ndjson: JSONText.lines(table)
        case .markdown: MarkdownText.render(table)
        case .html: HTMLPage.render(title: "KS partnership registry", subtitle: "", charts: [], table: table)
        // Workbooks are binary and streamed (`RowStream`); no command that renders text offers them.
        case .xlsx: preconditionFailure("an .xlsx workbook is written by RowStream")
        case .ics: preconditionFailure("a calendar is written by ActivityCalendar")
        }
    }

    /// One record with its related records. Tables show it field by field; JSON nests the
    /// sections as arrays inside the record's object; CSV, TSV and NDJSON give the record's row.
    func render(_ record: RecordView) -> String {
        let record = isForPeople ? HumanTable.render(record, in: language) : record
        switch format {
        case .table:
            var text = TextTable.vertical(record.fields)
            for section in record.sections {
                text += "\n\(section.title):\n"
                text += section.table.rows.isEmpty ? "  (none)\n" : TextTable.render(section.table, indent: "  ")
            }
            return text
        case .markdown:
            var text = MarkdownText.render(
                TableData(
                    columns: ["field", "value"].map { isForPeople ? HumanTable.heading($0, language: language) : $0 },
                    rows: zip(record.fields.columns, record.fields.rows.first ?? []).map { [.text($0), $1] }))
            for section in record.sections {
                text += "\n### \(section.title)\n\n" + MarkdownText.render(section.table)
            }
            return text
        case .json:
            return JSONText.array(record.fields, nested: record.sections)
        case .csv, .tsv, .ndjson, .html, .xlsx, .ics:
            return render(record.fields)
        }
    }

    /// The id of a record just added: alone on a line for tables, else the record.
    func renderAdded(id: Int64, record: RecordView) -> String {
        format == .table ? "\(id)\n" : render(record.fields)
    }
}
