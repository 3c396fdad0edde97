// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Burnrate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "burnrate", targets: ["BurnrateCommand"]),
        .library(name: "BurnrateSnappy", targets: ["Snappy"]),
        .library(name: "BurnrateRemoteWrite", targets: ["RemoteWrite"]),
        .library(name: "BurnrateStorage", targets: ["Storage"]),
        .library(name: "BurnratePromQL", targets: ["PromQL"]),
        .library(name: "BurnrateRules", targets: ["Rules"]),
        .library(name: "BurnrateAlerting", targets: ["Alerting"]),
        .library(name: "BurnrateSLO", targets: ["SLO"]),
        .library(name: "BurnrateDelivery", targets: ["Delivery"]),
        .library(name: "BurnrateIngest", targets: ["Ingest"]),
        .library(name: "BurnrateNotify", targets: ["Notify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Pure modules: no I/O, time is a parameter (Rules reads the rule files it is given;
        // PromQL evaluates over Storage's `SampleReader` protocol).
        .target(name: "Snappy"),
        // C interop: a prefetch hint for the store's loops over many series (header-only).
        .target(name: "CPrefetch"),
        .target(
            name: "RemoteWrite",
            dependencies: [
                "Snappy",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .target(name: "PromQL", dependencies: ["Storage"]),
        .target(
            name: "Rules",
            dependencies: [
                "PromQL",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // SLO → Prometheus rule groups (Sloth's recording and alerting rules, Burnrate's exact period),
        // SLO states, budgets and the deploy gate.
        .target(name: "SLO", dependencies: ["Alerting", "PromQL", "Rules", "Storage"]),
        // Notification delivery: the durable outbox and the webhook deliverer.
        .target(
            name: "Delivery",
            dependencies: [
                "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Alertmanager's behaviour: routing, aggregation groups and timers, inhibition, silences,
        // time intervals, the notification log and the webhook payload (decisions go to the outbox).
        .target(
            name: "Notify",
            dependencies: [
                "Delivery",
                "Rules",
                "Storage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Rule groups: the alert state machine, evaluation, templates.
        .target(
            name: "Alerting",
            dependencies: [
                "PromQL", "Rules", "Storage", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Incidents from alerts: lifecycle, impact from the SLI, MTTR statistics.
        .target(
            name: "Incidents",
            dependencies: [
                "Alerting", "PromQL", "Rules", "SLO", "Storage",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // promtool-format rule unit tests (`burnrate test rules`).
        .target(
            name: "RuleTests",
            dependencies: ["Alerting", "PromQL", "Rules", "SLO", "Storage", .product(name: "Yams", package: "Yams")]
        ),
        // Stateful modules.
        .target(
            name: "Storage",
            dependencies: [
                "CPrefetch",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Ingest",
            dependencies: ["PromQL", "RemoteWrite", "Rules", "Storage", .product(name: "Metrics", package: "swift-metrics")]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Alerting",
                "Delivery",
                "Notify",
                "Incidents",
                "Ingest",
                "SLO",
                "PromQL",
                "Rules",
                "Storage",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "BurnrateCommand",
            dependencies: [
                "RuleTests",
                "Rules",
                "Server",
                "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // Helpers shared by the test targets (seeded RNG, conformance data, remote-write bodies).
        .target(
            name: "TestSupport",
            dependencies: ["RemoteWrite", "Snappy", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Tests/TestSupport"
        ),
        // A real webhook receiver and Debian's Alertmanager as a process, for end-to-end tests.
        .target(
            name: "WebhookTestSupport",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/WebhookTestSupport"
        ),
        .testTarget(name: "SnappyTests", dependencies: ["Snappy", "TestSupport"]),
        .testTarget(
            name: "AlertingTests",
            dependencies: ["Alerting", "RuleTests", "PromQL", "Rules", "Storage", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "RemoteWriteTests",
            dependencies: ["RemoteWrite", "Snappy", "TestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(
            name: "PromQLTests",
            dependencies: ["PromQL", "Storage", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "PromQL"]),
        .testTarget(
            name: "IncidentsTests",
            dependencies: ["Incidents", "Alerting", "PromQL", "Rules", "SLO", "Storage", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "SLOTests", dependencies: ["SLO", "Alerting", "RuleTests", "Rules", "PromQL", "Storage", "TestSupport", .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "PromQL", "Rules", "Snappy", "Storage", "TestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "NotifyTests",
            dependencies: [
                "Notify", "Delivery", "Rules", "Storage", "WebhookTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Delivery",
                "Notify",
                "Alerting",
                "Incidents",
                "Ingest",
                "PromQL",
                "Server",
                "Rules",
                "Storage",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "Delivery",
                "Storage",
                "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "BurnrateCommandTests",
            dependencies: [
                "BurnrateCommand",
                "TestSupport",
                "WebhookTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)

// One list of strict settings for every target, as Hummingbird does.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .treatAllWarnings(as: .error),
]
for target in package.targets where target.type != .system && target.name != "CPrefetch" {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
