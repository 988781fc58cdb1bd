extension SchemaDescriptions {
    /// What the registry keeps beside the records: the audit trail, saved queries, the search index.
    static let trail: [String: TableDescription] = [
        "audit_log": TableDescription(
            "Audit trail",
            "Every insert, update and delete of the register's tables, written by triggers in the database, so no "
                + "tool can bypass it. Append-only: the database refuses to change or delete an entry.",
            newestFirst: "id",
            columns: [
                "id": "Entry number; ids increase in time order.",
                "changed_at": "When, in UTC: YYYY-MM-DDTHH:MM:SSZ.",
                "actor": "Who: the name given to the registry with --as (default the login name), or direct-sql for "
                    + "changes made with other tools.",
                "table_name": "The table changed.",
                "row_id": "The changed row's id (for a topic link, its town, partner or partnership id); empty for import entries.",
                "action": "insert, update, delete, import (one entry per table for a whole import) or erase (a contact's "
                    + "personal data was erased).",
                "old_values": "The row's columns before the change, as a JSON object; empty for inserts.",
                "new_values": "The row's columns after the change, as a JSON object; for an import, its source, row count "
                    + "and ids; for an erasure, the number of entries erased.",
            ]),
        "setting": TableDescription(
            "Settings", "The register's settings, one row each.",
            columns: [
                "name": "The setting: rate_month, which month's rate converts a cost.",
                "value": "For rate_month: incurred (the month of the cost's date, the default) or recorded (the month it is entered).",
            ]),
        "saved_query": TableDescription(
            "Saved queries", "Staff's own read-only SQL under a name (registry query save, query run).",
            columns: [
                "name": "The query's name: lowercase letters, digits, - and _.",
                "sql": "The SQL statement; checked to be read-only when saved and when run.",
                "description": "What the query answers, as given when saved.",
                "saved_at": "When it was saved, in UTC: YYYY-MM-DDTHH:MM:SSZ.",
                "saved_by": "Who saved it.",
            ]),
        "search_index": TableDescription(
            "Search index",
            "The full-text (FTS5) index behind registry search, kept current by triggers. The rowid is the record's "
                + "id times 8 plus its kind: 1 town, 2 partner, 3 contact, 4 partnership, 5 activity. Text is stored "
                + "with ł, ø, æ, ß and đ folded; case and other accents are ignored when matching.",
            columns: [
                "name": "Names and titles (a partnership's is its town and partner).",
                "text": "A town's expectations, a partner's expertise, a contact's role.",
                "place": "A town's voivodeship, a partner's county, an activity's location.",
                "notes": "The record's notes.",
            ]),
    ]
}
