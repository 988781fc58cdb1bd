import Registry
import Testing

/// `SchemaDescriptions` against the schema the migrations build: nothing described that the
/// database lacks, and only the registry's own work tables hidden.
struct SchemaDescriptionTests {
    @Test func everyDescribedTableColumnAndLabelExistsInAMigratedRegister() throws {
        let schema = Dictionary(uniqueKeysWithValues: try Registry.inMemory().schema().map { ($0.name, $0) })
        for (name, described) in SchemaDescriptions.tables {
            let table = try #require(schema[name], "\(name) is described but not in the schema")
            #expect(!table.isInternal, "\(name)")
            let stale = Set(described.columns.keys).subtracting(table.columns)
            #expect(stale.isEmpty, "\(name) describes columns it does not have: \(stale.sorted())")
            for column in [described.labelColumn, described.newestFirst].compactMap({ $0 }) {
                #expect(table.columns.contains(column), "\(name).\(column)")
            }
        }
    }

    @Test func onlyTheRegistrysWorkTablesAndTheSearchIndexsShadowTablesAreInternal() throws {
        let hidden = try Registry.inMemory().schema().filter(\.isInternal).map(\.name)
        #expect(
            hidden == [
                "audit_session", "grdb_migrations", "search_catch_up", "search_index_config", "search_index_content",
                "search_index_data", "search_index_docsize", "search_index_idx",
            ])
    }
}
