import Foundation
import GRDBSQLite

/// Staff's own SQL, read-only by construction (DESIGN.md section 6).
///
/// Read-only is not one switch but several, each closing a door the others leave open: the
/// connection is opened read-only (no file is ever created); `SQLITE_LIMIT_ATTACHED` is 0; an
/// allow-list authorizer refuses every action that is not reading (writes, `ATTACH`, `DETACH`,
/// temporary tables and views, transactions, pragmas that set or change anything, extension
/// loading); exactly one statement is accepted, and SQLite must report it read-only
/// (`sqlite3_stmt_readonly`), which refuses `VACUUM` and `VACUUM INTO` — the one statement
/// that writes a file from a read-only connection. A progress handler stops a statement that
/// runs past its time limit.
///
/// The connection is SQLite's own, not GRDB's: GRDB keeps its own authorizer on its
/// connections, and SQLite allows one per connection.
final class ReadOnlyStatement {
    /// The pragmas that only report, accepted with an argument (a table or index name).
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list", "function_list",
        "collation_list", "pragma_list", "compile_options", "database_list", "integrity_check", "quick_check", "foreign_key_check",
    ]
    /// The pragmas accepted only without an argument: with one, they change a setting.
    static let readablePragmas: Set<String> = [
        "user_version", "application_id", "schema_version", "data_version", "page_count", "page_size", "freelist_count", "encoding",
    ]

    private var connection: OpaquePointer?
    private var statement: OpaquePointer?
    /// Why the authorizer refused the statement, when it did.
    fileprivate var refusal: String?
    private var deadline: DispatchTime = .distantFuture

    /// Opens `path` read-only and prepares `sql` under the rules; throws `.refused` with the
    /// reason when the statement would write, or is not exactly one statement.
    init(path: String, sql: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw RegistryError.file(path: path, reason: "no such database") }
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(DatabaseFileName.plain(path), &connection, flags, nil) == SQLITE_OK, let connection else {
            throw RegistryError.file(path: path, reason: "it could not be opened for reading")
        }
        sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
        // No value (or row) larger than this is ever made: `zeroblob(999999999)` fails at once
        // instead of taking a gigabyte, and then minutes to be written out as text.
        sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Self.maximumValueBytes)
        sqlite3_busy_timeout(connection, Int32(Registry.busyTimeout * 1000))
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_enable_load_extension(connection, 0)
        // Functions in the schema (views, triggers) run only if they are harmless.
        guard sqlite3_exec(connection, "PRAGMA trusted_schema = OFF", nil, nil, nil) == SQLITE_OK else {
            throw RegistryError.database("SQLite refused a safety setting (trusted_schema); the query was not run.")
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(connection, readOnlyAuthorizer, context)
        sqlite3_progress_handler(connection, 1000, stopAtDeadline, context)
        try prepare(sql)
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close_v2(connection)
    }

    private func prepare(_ sql: String) throws {
        var tail: UnsafePointer<CChar>?
        let bytes = Array(sql.utf8CString)
        let code = bytes.withUnsafeBufferPointer { buffer in
            sqlite3_prepare_v3(connection, buffer.baseAddress, Int32(buffer.count), 0, &statement, &tail)
        }
        // A weak refusal alone is the schema-table write SQLite reports when a virtual table
        // (the search index) declares its columns while being opened for reading; a statement
        // that really writes is still refused below as not read-only.
        if let refusal, !refusalIsWeak || code != SQLITE_OK {
            throw RegistryError.refused("Refused: the query \(refusal). `registry sql` only reads.")
        }
        guard code == SQLITE_OK else { throw error(code) }
        guard let statement else { throw RegistryError.refused("Refused: there is no statement to run.") }
        let rest = bytes.withUnsafeBufferPointer { buffer in
            String(cString: tail ?? buffer.baseAddress!)
        }
        if !Self.onlySpaceAndComments(rest) {
            throw RegistryError.refused("Refused: give one statement at a time (found more after the first ';').")
        }
        if sqlite3_stmt_readonly(statement) == 0 {
            throw RegistryError.refused("Refused: the statement would change the database or write a file. `registry sql` only reads.")
        }
    }

    /// True when `text` holds nothing but white space, `;` and SQL comments.
    static func onlySpaceAndComments(_ text: String) -> Bool {
        var rest = Substring(text)
        while let first = rest.first {
            if first.isWhitespace || first == ";" {
                rest = rest.dropFirst()
            } else if rest.hasPrefix("--") {
                rest = rest.drop(while: { $0 != "\n" })
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return true }
                rest = rest[end.upperBound...]
            } else {
                return false
            }
        }
        return true
    }

    /// The names of the statement's parameters (`:city` is `city`), in order.
    var parameterNames: [String] {
        (0..<Int(sqlite3_bind_parameter_count(statement))).map { index in
            sqlite3_bind_parameter_name(statement, Int32(index + 1)).map { String(String(cString: $0).dropFirst()) } ?? "?"
        }
    }

    /// Binds `values` by name; every parameter must be given, and every value used. A value
    /// written as a whole number is bound as one, so `LIMIT :n` and integer columns work.
    func bind(_ values: [String: String]) throws {
        let names = parameterNames
        if names.contains("?") {
            throw RegistryError.refused("Refused: name the query's parameters (:city, not ?), and give them with --param city=VALUE.")
        }
        for (index, name) in names.enumerated() {
            guard let value = values[name] else {
                throw RegistryError.invalid([
                    FieldProblem(field: "param", value: name, reason: "the query needs --param \(name)=VALUE")
                ])
            }
            let position = Int32(index + 1)
            if let number = Int64(value), String(number) == value {
                sqlite3_bind_int64(statement, position, number)
            } else {
                sqlite3_bind_text(statement, position, value, -1, sqliteTransient)
            }
        }
        if let unused = values.keys.sorted().first(where: { !names.contains($0) }) {
            throw RegistryError.invalid([
                FieldProblem(
                    field: "param", value: unused,
                    reason: "is not a parameter of the query" + (names.isEmpty ? "" : " (its parameters: \(names.joined(separator: ", ")))"))
            ])
        }
    }

    /// Runs the statement, giving the column names once and then each row, until done or
    /// until `timeout` seconds have passed. The limit covers turning values into text and
    /// writing them too; no value may be larger than `maximumValueBytes` (SQLite's length limit).
    func run(timeout: TimeInterval, columns: ([String]) throws -> Void, row: ([Cell]) throws -> Void) throws {
        let count = sqlite3_column_count(statement)
        try columns(Self.unique((0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }))
        deadline = .now() + timeout
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            // Checked before each row is converted: the time spent writing the last one counts.
            if code == SQLITE_INTERRUPT || (code == SQLITE_ROW && pastDeadline) { throw overtime(timeout) }
            guard code == SQLITE_ROW else { throw error(code) }
            try row((0..<count).map { Cell(statement: statement!, column: $0) })
        }
    }

    /// The largest value a result may carry, in bytes.
    static let maximumValueBytes: Int32 = 16 << 20

    private func overtime(_ timeout: TimeInterval) -> RegistryError {
        .refused(
            "Stopped: the query ran longer than its time limit of \(Self.seconds(timeout)) and was interrupted. "
                + "Give it more time with --timeout SECONDS, or narrow it.")
    }

    /// Column names as keys: a name that comes again gets `_2`, `_3`, ... (`SELECT 1 AS a, 2 AS a`
    /// gives `a` and `a_2`), so no JSON reader loses a value and every format names them alike.
    static func unique(_ names: [String]) -> [String] {
        var taken = Set(names)
        var seen = Set<String>()
        return names.map { name in
            guard seen.insert(name).inserted else {
                var number = 2
                while taken.contains("\(name)_\(number)") { number += 1 }
                taken.insert("\(name)_\(number)")
                return "\(name)_\(number)"
            }
            return name
        }
    }

    private func error(_ code: Int32) -> RegistryError {
        let message = String(cString: sqlite3_errmsg(connection))
        if code & 0xFF == SQLITE_TOOBIG {
            return .refused(
                "Stopped: a value of the result would be larger than the \(Self.maximumValueBytes >> 20) MiB a value or row may have. "
                    + "Select a part of it (substr, length, hex of a slice).")
        }
        if code & 0xFF == SQLITE_BUSY {
            return .database("The database is busy: another command held it for more than \(Int(Registry.busyTimeout)) seconds.")
        }
        return .refused("SQLite: \(message).")
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
    }

    fileprivate var pastDeadline: Bool { DispatchTime.now() > deadline }

    /// Notes why the statement is refused: the first reason, unless it was only the schema
    /// table's write that a CREATE or DROP makes before naming what it creates or drops.
    fileprivate func refuse(_ reason: String, weak: Bool = false) {
        guard refusal == nil || refusalIsWeak else { return }
        refusal = reason
        refusalIsWeak = weak
    }

    private var refusalIsWeak = false
}

/// The allow-list: reading tables and columns, SELECT, functions (but not extension loading),
/// recursive CTEs, and pragmas that only report. Everything else is refused and noted.
private func readOnlyAuthorizer(
    _ context: UnsafeMutableRawPointer?, _ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?,
    _ database: UnsafePointer<CChar>?, _ trigger: UnsafePointer<CChar>?
) -> Int32 {
    let owner = Unmanaged<ReadOnlyStatement>.fromOpaque(context!).takeUnretainedValue()
    let name = first.map { String(cString: $0) }
    let argument = second.map { String(cString: $0) }
    switch action {
    case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
        return SQLITE_OK
    case SQLITE_FUNCTION:
        if let function = argument?.lowercased(), function == "load_extension" || function == "fts3_tokenizer" {
            owner.refuse("calls \(function)()")
            return SQLITE_DENY
        }
        return SQLITE_OK
    case SQLITE_PRAGMA:
        let pragma = (name ?? "").lowercased()
        if ReadOnlyStatement.reportingPragmas.contains(pragma) || (ReadOnlyStatement.readablePragmas.contains(pragma) && argument == nil) {
            return SQLITE_OK
        }
        owner.refuse("sets or runs PRAGMA \(pragma)" + (argument.map { " = \($0)" } ?? ""))
        return SQLITE_DENY
    case _ where [SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE].contains(action) && name?.hasPrefix("sqlite_") == true:
        // CREATE and DROP write the schema table before saying what they create or drop. The
        // refusal is noted (the statement is never run) and the next call names the action.
        owner.refuse("changes the schema", weak: true)
        return SQLITE_OK
    default:
        owner.refuse(refusalWording[action] ?? "does something other than reading (action \(action))")
        return SQLITE_DENY
    }
}

private let refusalWording: [Int32: String] = [
    SQLITE_INSERT: "inserts rows", SQLITE_UPDATE: "updates rows", SQLITE_DELETE: "deletes rows",
    SQLITE_ATTACH: "attaches another database file (ATTACH)", SQLITE_DETACH: "detaches a database (DETACH)",
    SQLITE_TRANSACTION: "starts or ends a transaction", SQLITE_SAVEPOINT: "uses a savepoint",
    SQLITE_CREATE_TABLE: "creates a table", SQLITE_CREATE_TEMP_TABLE: "creates a temporary table",
    SQLITE_CREATE_VIEW: "creates a view", SQLITE_CREATE_TEMP_VIEW: "creates a temporary view",
    SQLITE_CREATE_INDEX: "creates an index", SQLITE_CREATE_TEMP_INDEX: "creates a temporary index",
    SQLITE_CREATE_TRIGGER: "creates a trigger", SQLITE_CREATE_TEMP_TRIGGER: "creates a temporary trigger",
    SQLITE_CREATE_VTABLE: "creates a virtual table", SQLITE_DROP_TABLE: "drops a table", SQLITE_DROP_VIEW: "drops a view",
    SQLITE_DROP_INDEX: "drops an index", SQLITE_DROP_TRIGGER: "drops a trigger", SQLITE_DROP_VTABLE: "drops a virtual table",
    SQLITE_DROP_TEMP_TABLE: "drops a temporary table", SQLITE_DROP_TEMP_VIEW: "drops a temporary view",
    SQLITE_DROP_TEMP_INDEX: "drops a temporary index", SQLITE_DROP_TEMP_TRIGGER: "drops a temporary trigger",
    SQLITE_ALTER_TABLE: "alters a table", SQLITE_REINDEX: "rebuilds an index (REINDEX)", SQLITE_ANALYZE: "runs ANALYZE",
]

/// SQLITE_TRANSIENT, which the C macro defines and Swift cannot import: SQLite copies the value.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private func stopAtDeadline(_ context: UnsafeMutableRawPointer?) -> Int32 {
    Unmanaged<ReadOnlyStatement>.fromOpaque(context!).takeUnretainedValue().pastDeadline ? 1 : 0
}

extension Cell {
    /// Column `column` of the row `statement` stands on, read through SQLite's C API (faster
    /// than GRDB's `Row` for reports of a million rows); `money` reads an integer as cents.
    init(statement: OpaquePointer, column: Int32, money: Bool = false) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: self = .null
        case SQLITE_INTEGER:
            let number = sqlite3_column_int64(statement, column)
            self = money ? .money(number) : .integer(number)
        case SQLITE_FLOAT: self = .text(String(sqlite3_column_double(statement, column)))
        case SQLITE_BLOB:
            let size = Int(sqlite3_column_bytes(statement, column))
            let bytes = sqlite3_column_blob(statement, column).map { UnsafeRawBufferPointer(start: $0, count: size) }
            self = .text("x'" + (bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)).map { String(format: "%02x", $0) }.joined() + "'")
        default:
            let size = Int(sqlite3_column_bytes(statement, column))
            let text = sqlite3_column_text(statement, column).map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) }
            self = .text(text ?? "")
        }
    }
}
