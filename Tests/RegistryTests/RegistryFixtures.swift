import Foundation
import Registry
import Testing

extension RegistryError {
    /// The problems of an `invalid` error; empty for any other error.
    var problems: [FieldProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}

/// Everything a user can list, and the audit trail, to show that a refused command changed
/// nothing and logged nothing.
struct Snapshot: Equatable {
    var cities: [CityListing]
    var partners: [PartnerListing]
    var contacts: [Contact]
    var partnerships: [Partnership]
    var activities: [Activity]
    var expenses: [Expense]
    var audit: [AuditEntry]

    init(of registry: Registry) throws {
        cities = try registry.cities()
        partners = try registry.partners()
        contacts = try registry.contacts().map(\.contact)
        partnerships = try registry.partnerships().map(\.partnership)
        activities = try registry.activities().map(\.activity)
        expenses = try registry.expenses().map(\.expense)
        audit = try registry.auditLog()
    }
}

/// Expects `change` to be refused as invalid input with exactly one problem, on `field` and
/// quoting `value`, and the registry to be unchanged afterwards.
func expectInvalid<T>(
    _ registry: Registry, field: String, value: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (Registry) throws -> T
) throws {
    let before = try Snapshot(of: registry)
    let error = #expect(throws: RegistryError.self, sourceLocation: sourceLocation) { try change(registry) }
    #expect(error?.problems.map(\.field) == [field], sourceLocation: sourceLocation)
    #expect(error?.problems.map(\.value) == [value], sourceLocation: sourceLocation)
    #expect(error?.problems.allSatisfy { !$0.reason.isEmpty } == true, sourceLocation: sourceLocation)
    #expect(try Snapshot(of: registry) == before, "a refused change must write nothing", sourceLocation: sourceLocation)
}

/// Registries with a few records, named the way the tests refer to them.
enum Sample {
    /// Łódź (łódzkie) and Bergen kommune (Vestland), in `registry` or a new in-memory one.
    static func cityAndPartner(in registry: Registry? = nil) throws -> Registry {
        let registry = try registry ?? Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", topics: ["air_quality"]))
        _ = try registry.addPartner(
            PartnerInput(name: "Bergen kommune", kind: "municipality", county: "Vestland", topics: ["cycling"]))
        return registry
    }

    /// Łódź and Bergen kommune in a partnership (2022-06-01 to 2024-04-30) with a study visit,
    /// one expense on it, and a contact at each; every record has id 1 but Ola's contact (2).
    static func linked(in registry: Registry? = nil) throws -> Registry {
        let registry = try cityAndPartner(in: registry)
        _ = try registry.addPartnership(
            PartnershipInput(
                city: "lodz", partner: "bergen", budget: "150000", start: "2022-06-01", end: "2024-04-30",
                topics: ["air_quality"]))
        let visit = try registry.addActivity(
            ActivityInput(
                partnership: "lodz/bergen", kind: "study_visit", title: "Study visit to Bergen", direction: "to_norway",
                start: "2023-05-08", end: "2023-05-12"))
        _ = try registry.addExpense(ExpenseInput(activity: .id(visit.id!), amount: "1234.50", category: "travel"))
        _ = try registry.addContact(ContactInput(name: "Anna Kowalska", city: "lodz", email: "anna@uml.lodz.pl"))
        _ = try registry.addContact(ContactInput(name: "Ola Nordmann", partner: "bergen"))
        return registry
    }
}

/// Runs `body` with a new, empty folder under the temporary directory, removed afterwards.
@discardableResult
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("registry-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The POSIX permission bits of the file or folder at `path`.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// Runs `sql` through the real `sqlite3` shell, as staff do outside the registry.
@discardableResult
func sqliteShell(_ path: String, _ sql: String) throws -> (status: Int32, stderr: String) {
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    shell.arguments = [path, sql]
    let errors = Pipe()
    shell.standardError = errors
    shell.standardOutput = FileHandle.nullDevice
    try shell.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    return (shell.terminationStatus, String(decoding: stderr, as: UTF8.self))
}

/// A JSON object of the audit trail's before and after values.
func jsonObject(_ text: String?, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let text = try #require(text, sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "\(text)", sourceLocation: sourceLocation)
}

/// A JSON value in one canonical spelling, so values parsed from JSON compare as text.
func canonicalJSON(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]), as: UTF8.self)
}
