import Testing
import Storage

@Suite struct SampleStoreConcurrencyTests {
    /// Reads racing appends (and the chunk cuts they make) always see, per series, a gap-free
    /// prefix of what was appended: no sample twice, none missing, none out of order.
    @Test func readsDuringAppendsSeeConsistentPrefixes() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 7, maintenanceInterval: 2)).open()
        let all = StoreFixture.samples(from: 0, count: 600) { Double($0) }
        let labels = (0..<4).map { StoreFixture.labels("c", instance: $0) }
        let writer = Task {
            for start in stride(from: 0, to: all.count, by: 5) {
                var batch = AppendBatch()
                for series in labels { batch.append(series, Array(all[start..<start + 5])) }
                _ = try await store.append(batch)
            }
        }
        var reads = 0
        while true {
            for series in try await store.select(matchers: [.metricName("c")], start: .min, end: .max) {
                #expect(series.samples == Array(all.prefix(series.samples.count)))
            }
            for series in try await store.selectSummarised(matchers: [.metricName("c")], start: 30_000, end: .max) {
                let times = series.pieces.flatMap { piece -> [Int64] in
                    switch piece {
                    case .samples(let samples): return samples.map(\.t)
                    case .chunk(_, let minT, let maxT): return [minT, maxT]
                    }
                }
                #expect(times == times.sorted() && Set(times).count == times.count)
            }
            reads += 1
            if reads > 2_000 { break }
            if try await store.seriesLabels(matchers: [], start: .min, end: .max).count == 4,
               try await store.samples(of: labels[3]).count == all.count { break }
        }
        try await writer.value
        for series in labels { #expect(try await store.samples(of: series) == all) }
    }
}
