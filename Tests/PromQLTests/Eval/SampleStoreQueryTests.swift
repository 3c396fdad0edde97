import Logging
import PromQL
import Storage
import TestSupport
import Testing

/// Queries over the SQLite-backed `SampleStore` (chunks with stored summaries, heads, WAL rows)
/// give the same bits as over `MemorySampleReader`, whose summary path is checked against reading
/// every sample by the differential tests.
@Suite struct SampleStoreQueryTests {
    @Test func longWindowFunctionsAgreeWithTheMemoryReader() async throws {
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
        let memory = MemorySampleReader(chunkSize: 240)
        var rng = SplitMix64(seed: 42)
        for series in 0..<3 {
            let labels: Labels = ["__name__": "requests_total", "pod": "p\(series)"]
            var value = 0.0
            var samples: [ChunkSample] = []
            for step in 0..<2_000 {
                // A counter with a reset every ~700 samples and uneven increments.
                value = step % 700 == 699 ? 0 : value + Double(UInt64.random(in: 0...40, using: &rng))
                samples.append(ChunkSample(t: Int64(step) * 15_000, v: value))
            }
            // Append in batches, as remote-write does, so chunks are cut inside the store.
            for start in stride(from: 0, to: samples.count, by: 100) {
                var batch = AppendBatch()
                batch.append(labels, Array(samples[start..<min(start + 100, samples.count)]))
                let report = try await store.append(batch)
                #expect(report.committed)
            }
            await memory.add(labels, samples)
        }
        let engine = Engine()
        for query in [
            "increase(requests_total[3h])", "rate(requests_total[5h])", "resets(requests_total[8h])",
            "changes(requests_total[2h])", "max_over_time(requests_total[6h])", "count_over_time(requests_total[7h])",
            "sum(increase(requests_total[1d]))",
        ] {
            let expr = try Parser.parse(query)
            for time in [Int64(7_200_000), 14_999_000, 21_600_000, 29_985_000] {
                let fromStore = try await engine.instantQuery(expr, at: time, reader: store)
                let fromMemory = try await engine.instantQuery(expr, at: time, reader: memory)
                #expect(bits(fromStore) == bits(fromMemory), "\(query) at \(time)")
                #expect(!bits(fromStore).isEmpty, "\(query) at \(time)")
            }
        }
    }

    private func bits(_ value: Value) -> [String] {
        guard case .vector(let samples) = value else { return ["\(value)"] }
        return samples.map { "\($0.labels) \($0.v.bitPattern)" }.sorted()
    }
}
