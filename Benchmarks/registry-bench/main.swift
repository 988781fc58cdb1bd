// Benchmarks of the registry library, run side by side in one process and printing ratios.
//
//   swift run -c release registry-bench audit [COUNT]
//
// audit: adds COUNT activities (default 10,000) through `Registry.addActivity`, each its own
// transaction as a command makes it, once on a database with the audit triggers and once on
// one whose audit triggers were dropped, interleaved in rounds; prints both and the ratio.
// Target (issue 3): the audit trail adds at most 50 %.
import Foundation
import GRDB
import Registry

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A registry with one partnership, optionally without its audit triggers.
func makeRegistry(in folder: URL, name: String, audited: Bool) throws -> Registry {
    let path = folder.appendingPathComponent(name).path
    let registry = try Registry.open(path: path, actor: "bench")
    _ = try registry.addCity(CityInput(name: "Piła", voivodeship: "wielkopolskie", partnerBudget: "150000"))
    _ = try registry.addPartner(PartnerInput(name: "Lørenskog kommune", kind: "municipality"))
    _ = try registry.addPartnership(PartnershipInput(city: "Piła", partner: "Lørenskog", status: "active", budget: "120000"))
    if !audited {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_audit_%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
        }
    }
    return registry
}

func addActivities(_ registry: Registry, count: Int, from first: Int) throws {
    for index in first..<(first + count) {
        _ = try registry.addActivity(
            ActivityInput(
                partnership: "1", kind: "workshop", title: "Workshop \(index)", start: "2023-05-02", end: "2023-05-03",
                location: "Piła", participants: "20", plannedCost: "2500.50", topic: "air_quality"))
    }
}

func auditBenchmark(count: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let audited = try makeRegistry(in: folder, name: "audited.sqlite", audited: true)
    let plain = try makeRegistry(in: folder, name: "plain.sqlite", audited: false)
    let rounds = 10
    let perRound = count / rounds
    var withAudit = 0.0
    var without = 0.0
    for round in 0..<rounds {
        withAudit += try seconds { try addActivities(audited, count: perRound, from: round * perRound) }
        without += try seconds { try addActivities(plain, count: perRound, from: round * perRound) }
    }
    let entries = try audited.auditLog(AuditFilter(table: "activity")).count
    print("audit: \(rounds * perRound) activities added through Registry.addActivity, one transaction each (synchronous = FULL)")
    print(
        String(
            format: "  with audit trail     %7.2f s  (%.0f µs per activity; %d audit entries)", withAudit, withAudit / Double(count) * 1e6, entries))
    print(String(format: "  without (dropped)    %7.2f s  (%.0f µs per activity)", without, without / Double(count) * 1e6))
    print(String(format: "  ratio %.2fx, overhead %+.0f%%  (target: at most +50%%)", withAudit / without, (withAudit / without - 1) * 100))
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "audit":
    try auditBenchmark(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000)
default:
    print("usage: registry-bench audit [COUNT]")
    exit(64)
}
