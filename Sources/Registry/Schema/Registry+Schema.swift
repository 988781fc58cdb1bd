import GRDB

/// One table or view as the database file shows it, with what `SchemaDescriptions` says of it.
public struct SchemaTable: Sendable {
    public enum Kind: String, Sendable {
        case table, view, virtual, shadow
    }

    public let name: String
    public let kind: Kind
    /// The column names, in the table's order.
    public let columns: [String]
    /// Nil for internal tables and for tables or views added with other tools.
    public let description: TableDescription?

    /// Internal to the registry or to SQLite's full-text search: nothing a reader needs.
    public var isInternal: Bool { kind == .shadow || SchemaDescriptions.internalTables.contains(name) }
}

extension Registry {
    /// Every table and view of the database, by name, read from the file itself so that one
    /// missing from `SchemaDescriptions` shows up without a description rather than not at all.
    public func schema() throws -> [SchemaTable] {
        try read { db in
            let tables = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, type FROM pragma_table_list
                    WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'view', 'virtual', 'shadow')
                    ORDER BY name
                    """)
            return try tables.map { row in
                let name: String = row["name"]
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [name])
                return SchemaTable(
                    name: name, kind: SchemaTable.Kind(rawValue: row["type"]) ?? .table, columns: columns,
                    description: SchemaDescriptions.tables[name])
            }
        }
    }
}
