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
            var summarisedSamples = 0
            for piece in summarised.pieces {
                switch piece {
                case .samples(let samples):
                    #expect(Array(plain[position..<position + samples.count]) == samples)
                    position += samples.count
                case .chunk(let summary, let minT, let maxT):
                    summarisedSamples += summary.sampleCount
                    #expect(minT >= start && maxT <= end)
                    let covered = plain[position..<position + summary.sampleCount]
                    #expect(covered.first?.t == minT && covered.last?.t == maxT)
                    #expect(ChunkSummary(samples: covered) == summary)
                    position += summary.sampleCount
                }
            }
            #expect(position == plain.count)
            if start >= 0 && end < 20_000_000 && end - start > 4 * 120 * 15_000 { #expect(summarisedSamples >= 2 * 120) }
            // Folded, the pieces give what every sample gives.
            var expected = RangeAccumulator()
            for sample in plain { expected.add(sample) }
            let folded = summarised.accumulate()
            #expect(folded.count == expected.count && folded.first == expected.first && folded.last == expected.last)
            #expect(folded.resetValues == expected.resetValues && folded.changes == expected.changes)
            #expect(folded.counterIncrease?.bitPattern == expected.counterIncrease?.bitPattern)
        }
    }

    /// Chunk summaries are stored relative to their row (count, min_t, max_t); every kind of
    /// chunk reads back as the summary of its samples: floats, specials, stale markers at the
    /// ends or throughout, constants, resets, negative and huge integers.
    @Test func storedSummariesOfEveryShapeReadBack() async throws {
        let shapes: [[Double]] = [
            (0..<12).map { Double($0) * 0.5 },
            [ChunkSample.staleMarker, 1, 2, 3, ChunkSample.staleMarker, 4, 5, ChunkSample.staleMarker],
            [ChunkSample.staleMarker, ChunkSample.staleMarker, ChunkSample.staleMarker],
            [7, 7, 7, 7], [0.25, 0.25, 0.25], [-0.0, 0, -0.0], [.nan, .nan, 1, .infinity, -.infinity, Double(bitPattern: 0x7ff8_dead_beef_0001)],
            [5, 3, 9, 1, 0, 12, 4], [-1e15, -3, 0x1p62, -0x1p63, 0x1p53 + 2, 1], [1, 2, 3, 2.5, 8],
        ]
        for (index, values) in shapes.enumerated() {
            let labels: Labels = ["__name__": "shape_\(index)"]
            let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: values.count)).open()
            let samples = values.enumerated().map { ChunkSample(t: 1_700_000_000_000 + Int64($0.offset) * 15_000, v: $0.element) }
            try await store.append(labels, samples)
            try await store.persistHeads()
            let summarised = try await store.selectSummarised(matchers: [.metricName("shape_\(index)")], start: .min, end: .max)
            guard case .chunk(let summary, let minT, let maxT)? = summarised.first?.pieces.first else {
                Issue.record("shape \(index) did not come back as a chunk")
                continue
            }
            #expect(summarised.first?.pieces.count == 1)
            #expect(minT == samples.first?.t && maxT == samples.last?.t)
            #expect(summary == ChunkSummary(samples: samples), "shape \(index)")
        }
    }
}
