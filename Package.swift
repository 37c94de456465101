// swift-tools-version:6.2
import PackageDescription

// Our own targets: Swift 6 mode, upcoming features, warnings as errors.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Osaava",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "osaava", targets: ["osaava"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The COIN-OR CBC MIP solver's C API, opened with dlopen at the first solve (Debian:
        // coinor-libcbc-dev, installed by scripts/lib/setup.sh): linking it made every start of
        // osaava load CBC's thirteen libraries. Building needs no CBC; planning does.
        .target(name: "CCbcLazy", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(
            name: "Catalog",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "Survey", dependencies: ["Catalog"], swiftSettings: strict),
        .target(
            name: "Interchange",
            dependencies: ["Catalog", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "Store",
            dependencies: [
                "Catalog", "Survey", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the statements a bulk import reuses millions of times.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(name: "Analysis", dependencies: ["Catalog"], swiftSettings: strict),
        .target(name: "Planner", dependencies: ["Catalog", "Analysis", "CCbcLazy"], swiftSettings: strict),
        .target(
            name: "Reports",
            dependencies: [
                "Catalog", "Analysis", "Planner", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "OsaavaCLI",
            dependencies: [
                "Catalog", "Survey", "Interchange", "Store", "Analysis", "Planner", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "osaava",
            dependencies: ["OsaavaCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // `scripts/bench`: the planner's reference instances, solved and timed.
        .executableTarget(
            name: "osaava-bench",
            dependencies: ["Planner", "Catalog"],
            path: "Sources/OsaavaBench",
            swiftSettings: strict
        ),
        // `scripts/bench analysis`: the analysis's library calls timed in-process.
        .executableTarget(
            name: "osaava-analysis-bench",
            dependencies: ["Store", "Analysis", "Catalog"],
            path: "Sources/OsaavaAnalysisBench",
            swiftSettings: strict
        ),
        // Test helpers shared by the test targets (the shipped catalogue, read once).
        .target(
            name: "CatalogFixtures", dependencies: ["Catalog"], path: "Tests/Support/CatalogFixtures",
            swiftSettings: strict),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "CatalogFixtures"], swiftSettings: strict),
        .testTarget(
            name: "SurveyTests", dependencies: ["Survey", "Catalog", "CatalogFixtures"], swiftSettings: strict),
        .testTarget(
            name: "InterchangeTests", dependencies: ["Interchange", "Catalog", "CatalogFixtures", "Survey"],
            exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Survey", "Catalog", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(
            name: "AnalysisTests", dependencies: ["Analysis", "Catalog", "CatalogFixtures"], swiftSettings: strict),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Analysis", "Catalog"], swiftSettings: strict),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Planner", "Analysis", "Catalog", "Survey", "CatalogFixtures",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden", "Scripts"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OsaavaCLITests", dependencies: ["OsaavaCLI", "osaava", "Catalog", "Store", "Interchange"],
            exclude: ["Golden"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
