import Foundation
import Registry
import Testing

/// The register most command tests start from, written by "setup" into a temporary folder:
/// - cities 1 Łódź (selected, allocation 150,000, air_quality), 2 Gdańsk (allocation 50,000);
/// - partners 1 Bergen kommune (Vestland, cycling), 2 Tromsø kommune (Troms);
/// - partnerships 1 lodz/bergen (active, 100,000, 2024, air_quality), 2 lodz/tromso (proposed,
///   cycling), 3 gdansk/bergen (active, 20,000, air_quality and cycling);
/// - activities 1 'Visit Bergen' (p1, study visit to Norway, 2024-01-10 to 01-20, planned 1,500),
///   2 'Air workshop' (p1, workshop, 2024-01-20, completed), 3 'Port conference' (p3, conference,
///   2024-02-01 to 03-15, planned 500), 4 'Advice' (p2, advisory, no dates, cancelled),
///   5 'Winter school' (p3, workshop, 2023-12-25 to 2024-01-05);
/// - expenses 1 travel 1,000 (2024-01-10) and 2 venue 200 (2024-01-20) on activity 1,
///   3 travel 300 (2024-02-15) on 3, 4 staff 50 (undated) on 2;
/// - contacts 1 Anna (Łódź), 2 Ola (Bergen), 3 Piotr (Gdańsk), 4 Kari (Tromsø).
///
/// It breaks no business rule.
enum SampleRegister {
    /// A new folder holding a copy of the sample register.
    static func create() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: try written.get().database, toPath: folder.database)
        return folder
    }

    /// The register written once per test run; each test gets a copy of its file (the registry
    /// closed, so the write-ahead log is folded into it).
    private static let written = Result { () throws -> TemporaryFolder in
        let folder = try TemporaryFolder()
        try write(to: folder.database)
        return folder
    }

    private static func write(to path: String) throws {
        let registry = try Registry.open(path: path, actor: "setup")
        _ = try registry.addCity(
            CityInput(name: "Łódź", voivodeship: "łódzkie", status: "selected", partnerBudget: "150000", topics: ["air_quality"]))
        _ = try registry.addCity(CityInput(name: "Gdańsk", voivodeship: "pomorskie", partnerBudget: "50000"))
        _ = try registry.addPartner(PartnerInput(name: "Bergen kommune", kind: "municipality", county: "Vestland", topics: ["cycling"]))
        _ = try registry.addPartner(PartnerInput(name: "Tromsø kommune", kind: "municipality", county: "Troms"))
        _ = try registry.addPartnership(
            PartnershipInput(
                city: "lodz", partner: "bergen", status: "active", budget: "100000", start: "2024-01-01", end: "2024-12-31", topics: ["air_quality"]))
        _ = try registry.addPartnership(PartnershipInput(city: "lodz", partner: "tromso", status: "proposed", topics: ["cycling"]))
        _ = try registry.addPartnership(
            PartnershipInput(city: "gdansk", partner: "bergen", status: "active", budget: "20000", topics: ["air_quality", "cycling"]))
        let activities = [
            ActivityInput(
                partnership: "1", kind: "study_visit", title: "Visit Bergen", direction: "to_norway", start: "2024-01-10", end: "2024-01-20",
                plannedCost: "1500"),
            ActivityInput(partnership: "1", kind: "workshop", title: "Air workshop", start: "2024-01-20", status: "completed"),
            ActivityInput(partnership: "3", kind: "conference", title: "Port conference", start: "2024-02-01", end: "2024-03-15", plannedCost: "500"),
            ActivityInput(partnership: "2", kind: "advisory", title: "Advice", status: "cancelled"),
            ActivityInput(partnership: "3", kind: "workshop", title: "Winter school", start: "2023-12-25", end: "2024-01-05"),
        ]
        for activity in activities { _ = try registry.addActivity(activity) }
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "1000", category: "travel", date: "2024-01-10"))
        _ = try registry.addExpense(ExpenseInput(activity: "1", amount: "200", category: "venue", date: "2024-01-20"))
        _ = try registry.addExpense(ExpenseInput(activity: "3", amount: "300", category: "travel", date: "2024-02-15"))
        _ = try registry.addExpense(ExpenseInput(activity: "2", amount: "50", category: "staff"))
        _ = try registry.addContact(ContactInput(name: "Anna", city: "lodz"))
        _ = try registry.addContact(ContactInput(name: "Ola", partner: "bergen"))
        _ = try registry.addContact(ContactInput(name: "Piotr", city: "gdansk"))
        _ = try registry.addContact(ContactInput(name: "Kari", partner: "tromso"))
    }
}

/// Everything a user can list, and the audit trail: what a failed command must leave as it was.
struct RegisterState: Equatable {
    var cities: [CityListing]
    var partners: [PartnerListing]
    var contacts: [ContactListing]
    var partnerships: [PartnershipListing]
    var activities: [ActivityListing]
    var expenses: [ExpenseListing]
    var audit: [AuditEntry]

    init(_ path: String) throws {
        let registry = try Registry.open(path: path, access: .readOnly)
        cities = try registry.cities()
        partners = try registry.partners()
        contacts = try registry.contacts()
        partnerships = try registry.partnerships()
        activities = try registry.activities()
        expenses = try registry.expenses()
        audit = try registry.auditLog()
    }
}

extension CommandRunner {
    /// `registry ARGUMENTS --db` the folder's database.
    static func registry(_ folder: TemporaryFolder, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try run(arguments + ["--db", folder.database], environment: environment)
    }

    /// SQL through the real `sqlite3` shell, as staff run it outside the registry.
    static func sqlite(_ path: String, _ sql: String) throws -> CommandResult {
        try run([path, sql], binary: URL(fileURLWithPath: "/usr/bin/sqlite3"))
    }
}

/// The objects of `--format json` output.
func jsonRows(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(parsed as? [[String: Any]], "\(text)", sourceLocation: sourceLocation)
}

/// The objects of `--format ndjson` output, one a line.
func ndjsonRows(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)", sourceLocation: sourceLocation)
    }
}

/// A JSON number as a Double, for comparing euros.
func number(_ value: Any?) -> Double? {
    (value as? NSNumber)?.doubleValue
}
