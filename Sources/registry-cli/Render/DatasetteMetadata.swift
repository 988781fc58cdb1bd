import Foundation
import Registry

/// Datasette's metadata document for the register: titles and descriptions of its tables,
/// views and columns, for `datasette serve --immutable FILE --metadata metadata.json`.
struct DatasetteMetadata: Encodable {
    struct Database: Encodable {
        let description: String
        let tables: [String: Table]
    }

    struct Table: Encodable {
        var title: String?
        var description: String?
        var hidden: Bool?
        var columns: [String: String]?
        var labelColumn: String?
        var sortDesc: String?

        enum CodingKeys: String, CodingKey {
            case title, description, hidden, columns
            case labelColumn = "label_column"
            case sortDesc = "sort_desc"
        }
    }

    let title: String
    let description: String
    let databases: [String: Database]

    /// The document for the database at `path`, whose tables are `schema`. A column without a
    /// description is left out of `columns`, never given an empty one.
    init(_ schema: [SchemaTable], path: String) {
        title = SchemaDescriptions.title
        description = SchemaDescriptions.summary
        let tables = schema.map { table in
            guard !table.isInternal else { return (table.name, Table(hidden: true)) }
            let described = table.description
            let columns = table.columns.reduce(into: [String: String]()) { $0[$1] = described?.columns[$1] }
            return (
                table.name,
                Table(
                    title: described?.title, description: described?.description, columns: columns.isEmpty ? nil : columns,
                    labelColumn: described?.labelColumn, sortDesc: described?.newestFirst)
            )
        }
        databases = [
            Self.databaseName(path: path):
                Database(description: SchemaDescriptions.conventions, tables: Dictionary(uniqueKeysWithValues: tables))
        ]
    }

    /// The name Datasette gives the database at `path`: the file name without its last
    /// extension, as Python's `Path.stem` has it (`registry.sqlite` is `registry`).
    static func databaseName(path: String) -> String {
        let name = (path as NSString).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return name }
        return String(name[..<dot])
    }

    /// The document as indented JSON with its keys sorted, so the same register always gives the same bytes.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
