// swift-tools-version: 6.1
import PackageDescription

/// Module map and import rules: docs/ARCHITECTURE.md.
/// Domain modules (FleetModel, Maintenance, Impact, Simulation) never import MQTT, Store or Dashboard.
/// Pipeline is the pure path from a message to orders, dead letters and the ledger (domain modules
/// only), driven alike by `run`, `replay --offline` and `simulate`; FleetprintRuntime has the adapters.
/// Fleetprint builds and runs on Linux (Debian 12 with libmosquitto-dev); SwiftPM has no way to
/// declare that. The macOS entry only sets the availability floor (Synchronization's Mutex).
let package = Package(
    name: "Fleetprint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fleetprint", targets: ["fleetprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMosquitto",
            pkgConfig: "libmosquitto",
            providers: [.apt(["libmosquitto-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(name: "CReadAhead"),
        .target(name: "MQTT", dependencies: ["CMosquitto", "CReadAhead"]),
        .target(name: "FleetModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Impact", dependencies: ["FleetModel"], exclude: ["README.md"]),
        .target(name: "Telemetry", dependencies: ["FleetModel"]),
        .target(name: "Maintenance", dependencies: ["FleetModel"]),
        .target(name: "Dashboard", dependencies: ["FleetModel", "Impact"]),
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Simulation", dependencies: ["FleetModel", "Telemetry"]),
        .target(name: "Pipeline", dependencies: ["FleetModel", "Telemetry", "Maintenance", "Impact",
                                                 .product(name: "HeapModule", package: "swift-collections")]),
        .target(
            name: "FleetprintRuntime",
            dependencies: ["CMalloc", "MQTT", "FleetModel", "Telemetry", "Maintenance", "Impact", "Pipeline", "Store", "Dashboard", "Simulation",
                           .product(name: "Yams", package: "Yams"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "CoreMetrics", package: "swift-metrics"),
                           .product(name: "Prometheus", package: "swift-prometheus")]
        ),
        .executableTarget(
            name: "fleetprint",
            dependencies: [
                "FleetprintRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MQTTTests", dependencies: ["MQTT", "CReadAhead"]),
        .testTarget(
            name: "FleetModelTests",
            dependencies: ["FleetModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["Telemetry", "FleetModel", "FleetprintTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MaintenanceTests",
            dependencies: ["Maintenance", "FleetModel", "FleetprintTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Impact", "FleetModel", "FleetprintTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "FleetModel", "Telemetry"]),
        .target(name: "FleetprintTestSupport", dependencies: ["FleetModel"], path: "Tests/FleetprintTestSupport"),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "FleetModel", "Telemetry", "Maintenance", "Impact", "FleetprintTestSupport",
                                                  .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FleetprintRuntimeTests", dependencies: ["FleetprintRuntime", "MQTT", "Pipeline", "FleetModel", "Impact", "Store", "FleetprintTestSupport",
                                                          .product(name: "Logging", package: "swift-log")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ImpactTests", dependencies: ["Impact", "FleetModel", "FleetprintRuntime", "FleetprintTestSupport",
                                                .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "IntegrationTests", dependencies: ["MQTT", "CReadAhead", "FleetprintRuntime", "Pipeline", "FleetModel", "Impact", "Store", "FleetprintTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
