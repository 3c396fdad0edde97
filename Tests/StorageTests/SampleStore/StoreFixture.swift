import Foundation
import Logging
import Storage

/// A database file in a fresh temporary directory, opened as a `SampleStore` as often as a test
/// needs (each open is a new pool and a new store, as after a restart).
struct StoreFixture {
    let path: String
    var configuration = SampleStoreConfiguration()

    init(configuration: SampleStoreConfiguration = SampleStoreConfiguration()) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-samples-\(UUID().uuidString)")
        path = directory.appendingPathComponent("burnrate.sqlite").path
        self.configuration = configuration
    }

    func open() async throws -> SampleStore {
        try await Self.open(path: path, configuration: configuration)
    }

    static func open(path: String, configuration: SampleStoreConfiguration = SampleStoreConfiguration()) async throws -> SampleStore {
        let logger = Logger(label: "test")
        let database = try BurnrateDatabase.open(path: path, logger: logger)
        return try await SampleStore.open(database: database, configuration: configuration, logger: logger)
    }

    /// Regular samples every `step` ms from `start`, values from `value(i)`.
    static func samples(from start: Int64, count: Int, step: Int64 = 15_000, value: (Int) -> Double = { Double($0) }) -> [ChunkSample] {
        (0..<count).map { ChunkSample(t: start + Int64($0) * step, v: value($0)) }
    }

    /// `{__name__="metric", instance="host-i", ...}`.
    static func labels(_ metric: String, instance: Int, _ extra: [String: String] = [:]) -> Labels {
        var dictionary = extra
        dictionary["__name__"] = metric
        dictionary["instance"] = "host-\(instance)"
        return Labels(dictionary)
    }
}

extension SampleStore {
    /// Appends one series' samples as a batch.
    @discardableResult
    nonisolated func append(_ labels: Labels, _ samples: [ChunkSample], policy: AppendPolicy = .atomic) async throws -> AppendReport {
        try await append(AppendBatch(series: [AppendBatch.Series(labels: labels, samples: samples)], policy: policy))
    }

    /// Every sample of the series with exactly these labels.
    nonisolated func samples(of labels: Labels, start: Int64 = .min, end: Int64 = .max) async throws -> [ChunkSample] {
        let matchers = labels.map { SeriesMatcher.equal($0.name, $0.value) }
        return try await select(matchers: matchers, start: start, end: end).first { $0.labels == labels }?.samples ?? []
    }
}
