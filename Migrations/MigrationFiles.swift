/// The schema's migrations, in the order they are applied.
///
/// Each entry is one numbered file of this folder, compiled into the binary by SwiftPM's
/// `.embedInCode` (declared in `Package.swift`); a test checks that this list, the folder and
/// `Package.swift` agree.
public enum MigrationFiles {
    /// One migration: its identifier (the file name without `.sql`) and its SQL.
    public struct File: Sendable {
        public let identifier: String
        public let sql: String
    }

    public static let all: [File] = [
        file("0001_create_schema", PackageResources._001_create_schema_sql),
        file("0002_seed_reference", PackageResources._002_seed_reference_sql),
        file("0003_audit_log", PackageResources._003_audit_log_sql),
        file("0004_budget_views", PackageResources._004_budget_views_sql),
        file("0005_import_change_sets", PackageResources._005_import_change_sets_sql),
        file("0006_reports", PackageResources._006_reports_sql),
        file("0007_search", PackageResources._007_search_sql),
        file("0008_personal_data", PackageResources._008_personal_data_sql),
        file("0009_ids_never_reused", PackageResources._009_ids_never_reused_sql),
        file("0010_saved_query_audit", PackageResources._010_saved_query_audit_sql),
        file("0011_search_folding", PackageResources._011_search_folding_sql),
        file("0012_expense_currencies", PackageResources._012_expense_currencies_sql),
        file("0013_spending_against_budgets", PackageResources._013_spending_against_budgets_sql),
    ]

    private static func file(_ identifier: String, _ bytes: [UInt8]) -> File {
        File(identifier: identifier, sql: String(decoding: bytes, as: UTF8.self))
    }
}
