import Foundation

extension Registry {
    /// How long staff's own SQL may run by default before it is interrupted.
    public static let defaultQueryTimeout: TimeInterval = 5

    /// Runs staff's own SQL, read-only by construction (see `ReadOnlyStatement`): one statement,
    /// with its named parameters (`:city`) bound from `parameters`, stopped after `timeout`
    /// seconds. `columns` is called once, then `row` for each row.
    public func query(
        _ sql: String, parameters: [String: String] = [:], timeout: TimeInterval = defaultQueryTimeout,
        columns: ([String]) throws -> Void, row: ([Cell]) throws -> Void
    ) throws {
        guard let path else { throw RegistryError.refused("Staff SQL runs on a database file, not an in-memory registry.") }
        let statement = try ReadOnlyStatement(path: path, sql: sql)
        try statement.bind(parameters)
        try statement.run(timeout: timeout, columns: columns, row: row)
    }
}
