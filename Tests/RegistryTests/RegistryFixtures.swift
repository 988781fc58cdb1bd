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

/// Everything a user can list, to show that a refused command changed nothing.
struct Snapshot: Equatable {
    var cities: [CityListing]
    var partners: [PartnerListing]
    var contacts: [Contact]
    var partnerships: [Partnership]
    var activities: [Activity]
    var expenses: [Expense]

    init(of registry: Registry) throws {
        cities = try registry.cities()
        partners = try registry.partners()
        contacts = try registry.contacts().map(\.contact)
        partnerships = try registry.partnerships().map(\.partnership)
        activities = try registry.activities().map(\.activity)
        expenses = try registry.expenses().map(\.expense)
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
    /// An empty registry with Łódź (łódzkie) and Bergen kommune (Vestland).
    static func cityAndPartner() throws -> Registry {
        let registry = try Registry.inMemory()
        _ = try registry.addCity(CityInput(name: "Łódź", voivodeship: "łódzkie", topics: ["air_quality"]))
        _ = try registry.addPartner(
            PartnerInput(name: "Bergen kommune", kind: "municipality", county: "Vestland", topics: ["cycling"]))
        return registry
    }

    /// Łódź and Bergen kommune in a partnership (2022-06-01 to 2024-04-30) with a study visit,
    /// one expense on it, and a contact at each.
    static func linked() throws -> Registry {
        let registry = try cityAndPartner()
        _ = try registry.addPartnership(
            PartnershipInput(
                city: "lodz", partner: "bergen", budget: "150000", start: "2022-06-01", end: "2024-04-30",
                topics: ["air_quality"]))
        let visit = try registry.addActivity(
            ActivityInput(
                partnership: "lodz/bergen", kind: "study_visit", title: "Study visit to Bergen", direction: "to_norway",
                start: "2023-05-08", end: "2023-05-12"))
        _ = try registry.addExpense(ExpenseInput(activity: "\(visit.id!)", amount: "1234.50", category: "travel"))
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
