import Benchmark
import Foundation
import Logging
import PromQL
import Storage

/// A `SampleStore` in a temporary database holding 100 counters `x` of 30 days at 15 s (the
/// series of `ChunkedSampleReader.counters`, appended a day at a time, cut into the store's
/// 240-sample chunks), built once on first use; the rollups are built by a first long query.
final class StoreQueryFixture: @unchecked Sendable {
    static let shared = StoreQueryFixture()
    static let seriesCount = 100
    private let lock = NSLock()
    private var store: SampleStore?

    func open() async throws -> SampleStore {
        if let store = lock.withLock({ self.store }) { return store }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "burnrate.benchmark")
        let database = try BurnrateDatabase.open(path: directory.appendingPathComponent("burnrate.sqlite").path, logger: logger)
        let store = try await SampleStore.open(database: database, logger: logger)
        let source = try ChunkedSampleReader.counters(seriesCount: Self.seriesCount, days: 30, end: QueryFixture.end)
        let all = try source.select(matchers: [], start: .min, end: .max)
        let day = 5_760
        for offset in stride(from: 0, to: all[0].samples.count, by: day) {
            var batch = AppendBatch()
            for series in all { batch.append(series.labels, Array(series.samples[offset..<min(offset + day, series.samples.count)])) }
            _ = try await store.append(batch)
        }
        _ = try await Engine().instantQuery(try Parser.parse("increase(x[30d])"), at: QueryFixture.end, reader: store)
        lock.withLock { self.store = store }
        return store
    }
}

func registerStoreQueryBenchmarks() {
    guard let short = try? Parser.parse("increase(x[1h])"), let long = try? Parser.parse("increase(x[30d])"),
          let inner = try? Parser.parse("increase(x[29d])") else { return }
    let configuration = Benchmark.Configuration(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 200)
    let end = QueryFixture.end
    let inside = end - 42_750_000
    let cases: [(String, Expr, Engine, Int64)] = [
        ("PromQL increase x 1h over SampleStore, 100 series", short, Engine(), end),
        ("PromQL increase x 30d over SampleStore, 100 series", long, Engine(), end),
        ("PromQL increase x 1h over SampleStore, 100 series, ending inside a chunk", short, Engine(), inside),
        ("PromQL increase x 29d over SampleStore, 100 series, both ends inside blocks", inner, Engine(), inside),
    ]
    for (name, expr, engine, time) in cases {
        Benchmark(name, configuration: configuration) { benchmark in
            let store = try await StoreQueryFixture.shared.open()
            for _ in benchmark.scaledIterations {
                blackHole(try await engine.instantQuery(expr, at: time, reader: store))
            }
        } setup: {
            _ = try await StoreQueryFixture.shared.open()
        }
    }
}
