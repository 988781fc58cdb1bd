import Foundation
import GRDB

/// What `contact erase` did.
public struct Erasure: Equatable, Sendable {
    public var contactID: Int64
    /// Whether the contact was still in the register (else only its logged values were erased).
    public var removedRecord: Bool
    /// Audit entries whose before/after values were replaced.
    public var erasedEntries: Int
    /// Whether the write-ahead log was emptied; a reader of another process can keep it, and
    /// the old pages then stay in `-wal` until the next checkpoint.
    public var walCleared: Bool
}

extension Registry {
    /// One JSON document with everything the register holds that names the person: the contact
    /// (with the name of its town or partner) and the audit entries of that contact, their
    /// values as JSON objects. A removed contact is found by its id through the log.
    public func personalData(_ reference: String) throws -> Data {
        try read { db in
            let person = try PersonalRecord.locate(reference, in: db)
            let contact = try Row.fetchOne(
                db,
                sql: """
                    SELECT contact.*, city.name AS city, partner.name AS partner FROM contact
                    LEFT JOIN city ON city.id = contact.city_id LEFT JOIN partner ON partner.id = contact.partner_id
                    WHERE contact.id = ?
                    """, arguments: [person.id])
            let entries = try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE \(PersonalRecord.entriesCondition) ORDER BY id", arguments: person.arguments)
            let document: [String: Any] = [
                "contact_id": person.id,
                "contact": contact.map(Self.jsonObject) ?? NSNull(),
                "audit_entries": entries.map(Self.jsonObject),
                "exported_at": ISO8601DateFormatter().string(from: Date()),
            ]
            return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        }
    }

    /// Erases the person: removes the contact, replaces the values of its audit entries by its id
    /// alone, and logs one `erase` entry that counts them without repeating them. The search
    /// index is merged so that no segment keeps the person's words, pages are freed with
    /// `secure_delete` (on for every write), and the write-ahead log is checkpointed and emptied,
    /// so the database file and its `-wal` no longer hold the data. Backups taken before keep it.
    public func eraseContact(_ reference: String) throws -> Erasure {
        var erasure = try write { db in
            let person = try PersonalRecord.locate(reference, in: db)
            if person.exists { try db.execute(sql: "DELETE FROM contact WHERE id = ?", arguments: [person.id]) }
            try db.execute(sql: "UPDATE audit_session SET erasing_contact = ?", arguments: [person.id])
            try db.execute(
                sql: """
                    UPDATE audit_log SET old_values = iif(old_values IS NULL, NULL, '{"id":' || row_id || '}'),
                        new_values = iif(new_values IS NULL, NULL, '{"id":' || row_id || '}')
                    WHERE \(PersonalRecord.entriesCondition)
                    """, arguments: person.arguments)
            let erased = db.changesCount
            try db.execute(sql: "UPDATE audit_session SET erasing_contact = NULL")
            try db.execute(
                sql: """
                    INSERT INTO audit_log (changed_at, actor, table_name, row_id, action, new_values)
                    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), (SELECT actor FROM audit_session WHERE id = 1), 'contact', ?, 'erase', ?)
                    """, arguments: [person.id, #"{"id":\#(person.id),"entries_erased":\#(erased)}"#])
            // Deleted rows leave their words in the index's segments until they are merged.
            try db.execute(sql: "INSERT INTO search_index (search_index) VALUES ('optimize')")
            return Erasure(contactID: person.id, removedRecord: person.exists, erasedEntries: erased, walCleared: false)
        }
        erasure.walCleared = try writer.writeWithoutTransaction { db in
            // A reader of another process keeps the log's pages; wait for it briefly, not the
            // whole busy timeout: the erasure itself is already committed.
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            return (try? db.checkpoint(.truncate)) != nil
        }
        return erasure
    }
}

/// A person in the register: a contact's id and the span of the audit log that is theirs.
///
/// Ids are never used again (`0009_ids_never_reused`), but a register older than that may have
/// given one id to two people in turn: so a contact's entries are those after the last `delete`
/// or `erase` of its id; for a contact already removed, those up to its `delete`.
struct PersonalRecord {
    var id: Int64
    var exists: Bool
    /// Entries with ids above `after` and, when set, not above `through`.
    var after: Int64
    var through: Int64?

    static let entriesCondition =
        "table_name = 'contact' AND row_id = ? AND action IN ('insert', 'update', 'delete') AND id > ? AND id <= coalesce(?, id)"

    var arguments: StatementArguments { [id, after, through] }

    static func locate(_ reference: String, in db: Database) throws -> PersonalRecord {
        guard let id = RecordKind.numericID(reference) else {
            throw RegistryError.invalid([
                FieldProblem(field: "contact", value: reference, reason: "is not a contact id (a number, see `registry contact list`)")
            ])
        }
        let ends = try Row.fetchAll(
            db, sql: "SELECT id, action FROM audit_log WHERE table_name = 'contact' AND row_id = ? AND action IN ('delete', 'erase') ORDER BY id",
            arguments: [id]
        ).map { (id: $0["id"] as Int64, action: $0["action"] as String) }
        if try RecordKind.exists(id, in: "contact", db) {
            return PersonalRecord(id: id, exists: true, after: ends.last?.id ?? 0, through: nil)
        }
        guard let removal = ends.last, removal.action == "delete" else {
            throw RegistryError.notFound(entity: "contact", reference: reference)
        }
        return PersonalRecord(id: id, exists: false, after: ends.dropLast().last?.id ?? 0, through: removal.id)
    }
}

extension Registry {
    /// A row as a JSON object: its columns by name, null as null.
    static func jsonObject(_ row: Row) -> [String: Any] {
        var object: [String: Any] = [:]
        for (column, value) in row {
            switch value.storage {
            case .null: object[column] = NSNull()
            case .int64(let number): object[column] = number
            case .double(let number): object[column] = number
            case .string(let text): object[column] = text
            case .blob(let data): object[column] = data.base64EncodedString()
            }
        }
        return object
    }

    /// An audit entry as a JSON object, its values parsed back into objects.
    static func jsonObject(_ entry: AuditEntry) -> [String: Any] {
        func values(_ text: String?) -> Any {
            text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? NSNull()
        }
        return [
            "id": entry.id, "changed_at": entry.changedAt, "actor": entry.actor, "action": entry.action.rawValue,
            "old_values": values(entry.oldValues), "new_values": values(entry.newValues),
        ]
    }
}
