// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "ks-registry",
    products: [
        .executable(name: "registry", targets: ["registry-cli"]),
        .library(name: "Registry", targets: ["Registry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 for backup manifests: BoringSSL's hashing uses the CPU's SHA instructions.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // The schema: numbered SQL files compiled into the binary, so `registry` needs no
        // resource bundle beside it.
        .target(
            name: "RegistryMigrations",
            path: "Migrations",
            resources: [
                .embedInCode("0001_create_schema.sql"),
                .embedInCode("0002_seed_reference.sql"),
                .embedInCode("0003_audit_log.sql"),
                .embedInCode("0004_budget_views.sql"),
                .embedInCode("0005_import_change_sets.sql"),
                .embedInCode("0006_reports.sql"),
                .embedInCode("0007_search.sql"),
                .embedInCode("0008_personal_data.sql"),
                .embedInCode("0009_ids_never_reused.sql"),
                .embedInCode("0010_saved_query_audit.sql"),
                .embedInCode("0011_search_folding.sql"),
                .embedInCode("0012_expense_currencies.sql"),
                .embedInCode("0013_spending_against_budgets.sql"),
            ]
        ),
        // zlib, for the deflate streams of .xlsx workbooks (their zip container is read and
        // written by `Workbook/Zip*.swift`).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "Registry",
            dependencies: [
                "RegistryMigrations",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "registry-cli",
            dependencies: [
                "Registry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "registry-bench",
            dependencies: ["Registry", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/registry-bench"
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: ["Registry", "RegistryMigrations", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RegistryCLITests",
            dependencies: ["registry-cli", "Registry"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Warnings are errors in every build of the registry's own targets (dependencies keep theirs).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
}
