import Foundation
import GRDB

/// The audit entries of a bulk write (an import, the demo): one `import` entry per table with
/// the actor, the source, the number of rows added and their ids, instead of one entry per row
/// (see `Migrations/0005_import_change_sets.sql`), and the new rows put in the search index in
/// one statement per table (`0007_search.sql`). Runs inside the bulk write's transaction.
enum ChangeSet {
    private struct Values: Encodable {
        let source: String
        let rows: Int
        /// For topic links, the ids of the records they belong to.
        let ids: String
    }

    static func log(_ entries: [(table: String, ids: IDRanges)], source: String, in db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for entry in entries where entry.ids.count > 0 {
            let values = Values(source: source, rows: entry.ids.count, ids: entry.ids.description)
            try db.execute(
                sql: """
                    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
                    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT actor FROM audit_session WHERE id = 1), ?, NULL, 'import', ?)
                    """,
                arguments: [entry.table, String(decoding: try encoder.encode(values), as: UTF8.self)])
            // Runs are in the order ids came, which a file may choose.
            if SearchKind(rawValue: entry.table) != nil, let first = entry.ids.runs.map(\.lowerBound).min(),
                let last = entry.ids.runs.map(\.upperBound).max()
            {
                try db.execute(
                    sql: "INSERT INTO search_catch_up (kind, first_id, last_id) VALUES (?, ?, ?)", arguments: [entry.table, first, last])
            }
        }
    }

    /// Every row of `tables` as entries, for a bulk write into empty tables (the demo); a link
    /// table's ids are its owners'.
    static func allRows(of tables: [String], in db: Database) throws -> [(table: String, ids: IDRanges)] {
        try tables.map { table in
            let key = AuditFilter.rowKey(of: table)
            var ids = IDRanges()
            let cursor = try Int64.fetchCursor(db, sql: "SELECT \(key) FROM \(table) ORDER BY \(key)")
            while let id = try cursor.next() { ids.append(id) }
            return (table, ids)
        }
    }
}
