import Foundation
import Testing
import Storage

/// The database file's size once chunks are cut, on deterministic data: sizes do not depend on
/// timing, so this is an exact guard, not a benchmark.
@Suite struct SampleStoreSizeTests {
    /// Labels shaped like a Kubernetes-scraped counter.
    private static func labels(_ index: Int) -> Labels {
        Labels([
            "__name__": "http_server_requests_seconds_count", "job": "kubernetes-pods", "namespace": "payments",
            "pod": "checkout-api-7d9f8b6c5-\(index / 10)", "instance": "10.42.0.\(index):8080",
            "method": ["GET", "POST", "PUT", "DELETE"][index % 4], "status": ["200", "201", "404", "500"][index / 4 % 4],
            "uri": "/api/v1/resource\(index % 25)",
        ])
    }

    @Test func regularCountersTakeAtMostOnePointFiveBytesASampleOnDisk() async throws {
        let fixture = StoreFixture()
        let seriesCount = 100
        let perBatch = 20
        let batches = 432  // 36 hours of 15 s samples
        var rng = SplitMix64(seed: 2_024)
        var counters = (0..<seriesCount).map { _ in Double(Int.random(in: 0...1_000_000, using: &rng)) }
        let start: Int64 = 1_700_000_000_000
        let store = try await fixture.open()
        for batchIndex in 0..<batches {
            var batch = AppendBatch()
            for series in 0..<seriesCount {
                let samples = (0..<perBatch).map { i in
                    counters[series] += Double(Int.random(in: 0..<50, using: &rng))
                    return ChunkSample(t: start + Int64(batchIndex * perBatch + i) * 15_000, v: counters[series])
                }
                batch.append(Self.labels(series), samples)
            }
            let report = try await store.append(batch)
            #expect(report.committed && report.accepted == seriesCount * perBatch)
        }
        try await store.persistHeads()

        let samples = seriesCount * perBatch * batches
        let bytes = [fixture.path, fixture.path + "-wal"].reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let perSample = Double(bytes) / Double(samples)
        #expect(perSample <= 1.5, "\(bytes) bytes for \(samples) samples: \(perSample) bytes a sample")
        // Everything is still there.
        let read = try await store.select(matchers: [.metricName("http_server_requests_seconds_count")], start: .min, end: .max)
        #expect(read.count == seriesCount && read.allSatisfy { $0.samples.count == perBatch * batches })
    }
}
