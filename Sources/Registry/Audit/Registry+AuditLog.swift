import GRDB

extension Registry {
    /// The audit trail, oldest first, filtered by table, time and actor. With `limit`, the
    /// newest entries that many.
    public func auditLog(_ filter: AuditFilter = AuditFilter()) throws -> [AuditEntry] {
        try read { db in
            var conditions = QueryConditions()
            var checker = InputChecker()
            if let table = filter.table {
                if AuditFilter.loggedTables.contains(table) {
                    conditions.add("table_name = ?", table)
                } else {
                    checker.report("table", table, "is not one of the register's tables: \(AuditFilter.loggedTables.joined(separator: ", "))")
                }
            }
            if let since = filter.since {
                // A date means from the start of that day (UTC); a full time is taken as given.
                let time = since.dropFirst(10)
                if since.count == 10 || (since.count == 20 && Self.isUTCTime(time)) {
                    if let day = checker.date("since", String(since.prefix(10))) {
                        conditions.add("changed_at >= ?", day + (time.isEmpty ? "T00:00:00Z" : time))
                    }
                } else {
                    checker.report("since", since, "is not a date (2024-02-29) or a UTC time (2024-02-29T13:00:00Z)")
                }
            }
            if let actor = filter.actor { conditions.add("actor = ?", actor) }
            if let limit = filter.limit, limit < 0 { checker.report("limit", String(limit), "must be 0 or more") }
            try checker.throwIfInvalid()
            var arguments = conditions.arguments
            _ = arguments.append(contentsOf: [filter.limit ?? -1])  // LIMIT -1: no limit
            return try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM (SELECT * FROM audit_log \(conditions.sql) ORDER BY id DESC LIMIT ?) ORDER BY id",
                arguments: arguments)
        }
    }

    /// `THH:MM:SSZ` with a real hour, minute and second.
    static func isUTCTime(_ text: Substring) -> Bool {
        let parts = text.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard text.count == 10, text.first == "T", text.last == "Z", parts.count == 3,
            parts.allSatisfy({ $0.count == 2 && $0.allSatisfy({ $0.isASCIIDigit }) })
        else { return false }
        return Int(parts[0])! < 24 && Int(parts[1])! < 60 && Int(parts[2])! < 60
    }
}
