import Testing
import Storage

@Suite struct SampleStoreSummaryTests {
    /// A counter with resets and stale markers, 1,000 samples 15 s apart.
    private static let samples: [ChunkSample] = {
        var value = 0.0
        return (0..<1_000).map { index in
            let t = Int64(index) * 15_000
            if index % 97 == 50 { return ChunkSample(t: t, v: ChunkSample.staleMarker) }
            value = index % 311 == 0 ? 3 : value + Double(index % 7)
            return ChunkSample(t: t, v: value)
        }
    }()

    private static let labels: Labels = ["__name__": "requests_total", "job": "api"]

    private static let windows: [(Int64, Int64)] = [
        (.min, .max), (0, 14_985_000), (7, 3_600_000), (1_800_000, 12_345_678), (3_000_000, 3_000_000), (14_000_000, 20_000_000),
        (1_815_000, 3_585_000), (20_000_000, 30_000_000),
    ]

    private func store(reader: Bool) async throws -> any SampleReader {
        if reader {
            let memory = MemorySampleReader(chunkSize: 120)
            await memory.add(Self.labels, Self.samples)
            return memory
        }
        let store = try await StoreFixture().open()
        for start in stride(from: 0, to: Self.samples.count, by: 50) {
            try await store.append(Self.labels, Array(Self.samples[start..<start + 50]))
        }
        return store
    }

    @Test(arguments: [false, true])
    func summariesDescribeExactlyThePlainSamples(memory: Bool) async throws {
        let reader = try await store(reader: memory)
        for (start, end) in Self.windows {
            let plain = try await reader.select(matchers: [.metricName("requests_total")], start: start, end: end).first?.samples ?? []
            let summarised = try await reader.selectSummarised(matchers: [.metricName("requests_total")], start: start, end: end).first
            #expect(plain == Self.samples.filter { $0.t >= start && $0.t <= end })
            #expect((summarised?.sampleCount ?? 0) == plain.count)
            guard let summarised else { continue }
            // Each piece, decoded against the plain samples, is exactly them; chunks lie inside.
            var position = 0
            var chunks = 0
            for piece in summarised.pieces {
                switch piece {
                case .samples(let samples):
                    #expect(Array(plain[position..<position + samples.count]) == samples)
                    position += samples.count
                case .chunk(let summary, let minT, let maxT):
                    chunks += 1
                    #expect(minT >= start && maxT <= end)
                    let covered = plain[position..<position + summary.sampleCount]
                    #expect(covered.first?.t == minT && covered.last?.t == maxT)
                    #expect(ChunkSummary(samples: covered) == summary)
                    position += summary.sampleCount
                }
            }
            #expect(position == plain.count)
            if start >= 0 && end < 20_000_000 && end - start > 4 * 120 * 15_000 { #expect(chunks >= 2) }
            // Folded, the pieces give what every sample gives.
            var expected = RangeAccumulator()
            for sample in plain { expected.add(sample) }
            let folded = summarised.accumulate()
            #expect(folded.count == expected.count && folded.first == expected.first && folded.last == expected.last)
            #expect(folded.resetValues == expected.resetValues && folded.changes == expected.changes)
            #expect(folded.counterIncrease?.bitPattern == expected.counterIncrease?.bitPattern)
        }
    }
}
