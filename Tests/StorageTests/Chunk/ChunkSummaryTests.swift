import Testing
import Storage

@Suite("Chunk summary")
struct ChunkSummaryTests {
    /// A series cut into chunks, each with its summary (stored and read back as bytes).
    private struct StoredSeries {
        var samples: [ChunkSample] = []
        var chunks: [(range: Range<Int>, chunk: EncodedChunk, summary: ChunkSummary)] = []

        init(_ samples: [ChunkSample], rng: inout SplitMix64) throws {
            self.samples = samples
            var start = 0
            while start < samples.count {
                let end = min(samples.count, start + Int.random(in: 1...90, using: &rng))
                var encoder = ChunkEncoder()
                for sample in samples[start..<end] { try encoder.append(sample) }
                let (chunk, summary) = encoder.cut()
                let stored = try ChunkSummary(serialized: summary.serialized())
                #expect(stored == summary)
                #expect(try ChunkSummary(chunk: EncodedChunk(bytes: chunk.bytes)) == summary)
                chunks.append((start..<end, try EncodedChunk(bytes: chunk.bytes), stored))
                start = end
            }
        }

        /// Feeds the samples with index in `window` to the accumulators: whole chunks by summary,
        /// edge chunks decoded. Returns how many chunks were used by summary alone.
        func accumulate(
            _ window: Range<Int>, into range: inout RangeAccumulator, _ sum: inout SumOverTimeAccumulator,
            _ avg: inout AvgOverTimeAccumulator
        ) throws -> Int {
            var summarized = 0
            for (chunkRange, chunk, summary) in chunks where chunkRange.overlaps(window) {
                let whole = window.contains(chunkRange.lowerBound) && window.contains(chunkRange.upperBound - 1)
                let decoded = try chunk.samples()
                if whole {
                    range.add(summary)
                    summarized += 1
                } else {
                    for (offset, sample) in decoded.enumerated() where window.contains(chunkRange.lowerBound + offset) {
                        range.add(sample)
                    }
                }
                if !(whole && sum.add(summary)) {
                    for (offset, sample) in decoded.enumerated() where window.contains(chunkRange.lowerBound + offset) {
                        sum.add(sample.v)
                    }
                }
                if !(whole && avg.add(summary)) {
                    for (offset, sample) in decoded.enumerated() where window.contains(chunkRange.lowerBound + offset) {
                        avg.add(sample.v)
                    }
                }
            }
            return summarized
        }
    }

    private static func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

    private static func check(_ series: StoredSeries, window: Range<Int>) throws -> Int {
        var range = RangeAccumulator()
        var sum = SumOverTimeAccumulator()
        var avg = AvgOverTimeAccumulator()
        let summarized = try series.accumulate(window, into: &range, &sum, &avg)
        let inWindow = series.samples[window].filter { !$0.isStaleMarker }
        let values = inWindow.map(\.v)
        #expect(range.count == values.count)
        #expect(sum.count == values.count && avg.count == values.count)
        #expect(range.first == inWindow.first)
        #expect(range.last == inWindow.last)
        #expect(range.resets == PrometheusReference.resets(values))
        #expect(range.changes == PrometheusReference.changes(values))
        #expect(bits(range.counterIncrease) == bits(PrometheusReference.counterIncrease(values)))
        if values.isEmpty {
            #expect(range.min == nil && range.max == nil && sum.result == nil && avg.result == nil)
        } else {
            #expect(bits(range.max) == PrometheusReference.maxOverTime(values).bitPattern)
            #expect(bits(range.min) == PrometheusReference.minOverTime(values).bitPattern)
            #expect(bits(sum.result) == PrometheusReference.sumOverTime(values).bitPattern)
            #expect(bits(avg.result) == PrometheusReference.avgOverTime(values).bitPattern)
        }
        return summarized
    }

    /// A counter with resets, stale markers, repeated values and occasional NaN.
    private static func counter(count: Int, rng: inout SplitMix64, integers: Bool) -> [ChunkSample] {
        var value = integers ? Double(Int.random(in: 0...1000, using: &rng)) : Double.random(in: 0...1000, using: &rng)
        var t: Int64 = 1_700_000_000_000
        return (0..<count).map { _ in
            t += 15_000 + Int64.random(in: -3...3, using: &rng)
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<4: value = integers ? Double(Int.random(in: 0...50, using: &rng)) : Double.random(in: 0...50, using: &rng)
            case 4..<20: break
            case 20: return ChunkSample(t: t, v: ChunkSample.staleMarker)
            case 21: return ChunkSample(t: t, v: .nan)
            default: value += integers ? Double(Int.random(in: 0...300, using: &rng)) : Double.random(in: 0...300, using: &rng)
            }
            return ChunkSample(t: t, v: value)
        }
    }

    @Test(arguments: [true, false])
    func summariesCombineLikeEverySample(integers: Bool) throws {
        var rng = SplitMix64(seed: integers ? 1 : 2)
        var summarized = 0
        for _ in 0..<60 {
            let series = try StoredSeries(Self.counter(count: Int.random(in: 1...800, using: &rng), rng: &rng, integers: integers), rng: &rng)
            for _ in 0..<20 {
                let a = Int.random(in: 0..<series.samples.count, using: &rng)
                let b = Int.random(in: a...series.samples.count, using: &rng)
                summarized += try Self.check(series, window: a..<b)
            }
            summarized += try Self.check(series, window: 0..<series.samples.count)
        }
        #expect(summarized > 500)
    }

    @Test func specialValuesCombineLikeEverySample() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            var t: Int64 = 0
            let samples = (0..<Int.random(in: 1...120, using: &rng)).map { _ in
                t += 1000
                let v = Bool.random(using: &rng) ? SampleShapes.specials.randomElement(using: &rng)! : Double(Int.random(in: -2...2, using: &rng))
                return ChunkSample(t: t, v: v)
            }
            let series = try StoredSeries(samples, rng: &rng)
            for _ in 0..<10 {
                let a = Int.random(in: 0..<samples.count, using: &rng)
                _ = try Self.check(series, window: a..<Int.random(in: a...samples.count, using: &rng))
            }
        }
    }

    @Test func constantChunksSkipDecodingForAverages() throws {
        var rng = SplitMix64(seed: 4)
        var samples = SampleShapes.constant(count: 1200, value: 1)
        for i in [100, 101, 700] { samples[i].v = 0 }
        let series = try StoredSeries(samples, rng: &rng)
        var range = RangeAccumulator()
        var sum = SumOverTimeAccumulator()
        var avg = AvgOverTimeAccumulator()
        var absorbed = 0
        for (_, _, summary) in series.chunks {
            range.add(summary)
            let summed = sum.add(summary)
            #expect(summed)
            if avg.add(summary) { absorbed += 1 }
        }
        #expect(absorbed >= series.chunks.count - 4)
        #expect(try Self.check(series, window: 0..<samples.count) == series.chunks.count)
    }

    @Test func integerSumsAcrossChunksAreExact() throws {
        var sum = SumOverTimeAccumulator()
        let big = ChunkSummary(samples: [ChunkSample(t: 1, v: 0x1p52), ChunkSample(t: 2, v: 0x1p52 - 1)])
        #expect(big.integerSum != nil)
        let addedBig = sum.add(big)
        let addedOverflowing = sum.add(ChunkSummary(samples: [ChunkSample(t: 3, v: 2)]))
        let addedFraction = sum.add(ChunkSummary(samples: [ChunkSample(t: 3, v: 0.5)]))
        #expect(addedBig && !addedOverflowing && !addedFraction)
        #expect(sum.result == 0x1p53 - 1)
    }

    @Test func summaryOfStaleOnlyChunkIsEmpty() throws {
        let summary = ChunkSummary(samples: [ChunkSample(t: 1, v: ChunkSample.staleMarker), ChunkSample(t: 2, v: ChunkSample.staleMarker)])
        #expect(summary.sampleCount == 2 && summary.count == 0 && summary.first == nil && summary.min == nil)
        #expect(try ChunkSummary(serialized: summary.serialized()) == summary)
        var range = RangeAccumulator()
        range.add(summary)
        #expect(range.count == 0 && range.counterIncrease == nil)
    }

    @Test func resetAcrossTheChunkBoundaryIsCounted() {
        var range = RangeAccumulator()
        range.add(ChunkSummary(samples: [ChunkSample(t: 1, v: 10), ChunkSample(t: 2, v: 20)]))
        range.add(ChunkSummary(samples: [ChunkSample(t: 3, v: 5), ChunkSample(t: 4, v: 8)]))
        #expect(range.resetValues == [20])
        #expect(range.counterIncrease == Double(8 - 10 + 20))
        #expect(range.changes == 3)
    }
}
