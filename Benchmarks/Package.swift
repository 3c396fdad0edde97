// swift-tools-version:6.2
import PackageDescription

import struct Foundation.URL

// Burnrate's benchmarks: a package of their own, so that `swift build` of Burnrate never compiles
// them (as SwiftNIO and Hummingbird keep theirs apart). Run from this folder:
//   swift package benchmark                      micro-benchmarks (ordo-one/benchmark)
//   swift run -c release ingest-load --help      the remote-write load generator
//   swift run -c release delivery-load           notifications from the outbox to a local sink
// `scripts/bench-ingest` at the top of the repository runs the side-by-side ingest comparison.

// The parent package's identity is the name of its folder (`.package(path:)`), whatever the clone
// is called.
let burnrate = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "BurnrateBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ingest-load", targets: ["IngestLoad"]),
        .executable(name: "delivery-load", targets: ["DeliveryLoad"]),
    ],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Realistic remote-write bodies (1.0 and 2.0), built in memory before anything is timed.
        .target(
            name: "RemoteWriteWorkload",
            dependencies: [.product(name: "BurnrateSnappy", package: burnrate)]
        ),
        // `ingest-load`: posts the bodies over HTTP as Prometheus 2.42 does, or only decodes them.
        .executableTarget(
            name: "IngestLoad",
            dependencies: [
                "RemoteWriteWorkload",
                .product(name: "BurnrateRemoteWrite", package: burnrate),
                .product(name: "BurnrateSnappy", package: burnrate),
                .product(name: "BurnrateIngest", package: burnrate),
                .product(name: "BurnrateRules", package: burnrate),
                .product(name: "BurnrateSLO", package: burnrate),
                .product(name: "BurnrateStorage", package: burnrate),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `delivery-load`: N notifications across G groups enqueued at once, delivered to a local sink.
        .executableTarget(
            name: "DeliveryLoad",
            dependencies: [
                .product(name: "BurnrateDelivery", package: burnrate),
                .product(name: "BurnrateNotify", package: burnrate),
                .product(name: "BurnrateRules", package: burnrate),
                .product(name: "BurnrateStorage", package: burnrate),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Micro-benchmarks: wall clock, instructions (perf events, where the kernel allows) and mallocs.
        .executableTarget(
            name: "BurnrateBenchmarks",
            dependencies: [
                "RemoteWriteWorkload",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BurnrateSnappy", package: burnrate),
                .product(name: "BurnrateRemoteWrite", package: burnrate),
                .product(name: "BurnratePromQL", package: burnrate),
                .product(name: "BurnrateStorage", package: burnrate),
                .product(name: "BurnrateRules", package: burnrate),
                .product(name: "BurnrateAlerting", package: burnrate),
                .product(name: "BurnrateSLO", package: burnrate),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/BurnrateBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
