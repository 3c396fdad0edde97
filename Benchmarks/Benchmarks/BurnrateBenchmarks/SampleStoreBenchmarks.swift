import Benchmark
import Foundation
import Logging
import RemoteWriteWorkload
import Storage

/// A `SampleStore` in a temporary database, with 10,000 series already created, and the batches
/// that continue them: one sample per series per batch, 15 s apart, as one 10k-sample
/// remote-write body brings them.
final class SampleStoreFixture: @unchecked Sendable {
    static let seriesCount = 10_000
    static let batches = 400
    private let lock = NSLock()
    private var directory: URL?
    private(set) var store: SampleStore?
    private var labels: [Labels] = []
    private var matrix: SampleMatrix?
    private var next = 0

    func setUp() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "burnrate.benchmark")
        let database = try BurnrateDatabase.open(path: directory.appendingPathComponent("burnrate.sqlite").path, logger: logger)
        let store = try await SampleStore.open(database: database, logger: logger)
        let catalog = SeriesCatalog(seriesCount: Self.seriesCount, seed: 11)
        let start = (Int64(Date().timeIntervalSince1970 * 1000) - Int64(Self.batches + 1) * 15_000) / 15_000 * 15_000
        let matrix = SampleMatrix(catalog: catalog, scrapeCount: Self.batches + 1, startMilliseconds: start)
        let labels = catalog.series.map { series in Labels(series.labels.map { Label(name: $0.name, value: $0.value) }) }
        lock.withLock {
            self.directory = directory
            self.store = store
            self.labels = labels
            self.matrix = matrix
            self.next = 0
        }
        // The first batch creates the series; the benchmark measures appends to existing ones.
        _ = try await store.append(nextBatch())
    }

    func tearDown() {
        let directory = lock.withLock {
            defer {
                self.directory = nil
                self.store = nil
            }
            return self.directory
        }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// The batch of the next scrape (the fixture holds enough for `batches` appends).
    func nextBatch() -> AppendBatch {
        lock.withLock {
            let scrape = next % (Self.batches + 1)
            next += 1
            var batch = AppendBatch(policy: .atomic)
            batch.series.reserveCapacity(labels.count)
            for (series, labels) in labels.enumerated() {
                batch.append(labels, [ChunkSample(t: matrix!.timestamp(series: series, scrape: scrape), v: matrix!.value(series: series, scrape: scrape))])
            }
            return batch
        }
    }
}

func registerSampleStoreBenchmarks() {
    let fixture = SampleStoreFixture()
    // 130+ appends include one chunk cut of every series (at 120 samples per chunk).
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .throughput, .peakMemoryResident],
        warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(30),
        maxIterations: SampleStoreFixture.batches - 1)
    Benchmark(
        "SampleStore append 10k-sample batch to 10k existing series, temporary database",
        configuration: configuration,
        closure: { benchmark in
            let batch = fixture.nextBatch()
            guard let store = fixture.store else { return }
            benchmark.startMeasurement()
            let report = try await store.append(batch)
            benchmark.stopMeasurement()
            precondition(report.committed, "append rejected: \(report)")
        },
        setup: { try await fixture.setUp() },
        teardown: { fixture.tearDown() }
    )
}
