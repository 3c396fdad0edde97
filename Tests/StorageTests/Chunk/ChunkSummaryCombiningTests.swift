import Testing
import Storage

/// `ChunkSummary.append(_:)`, which rolled-up summaries are built with, is exact: joining the
/// summaries of consecutive runs gives, field by field and bit for bit, the summary of the runs'
/// samples taken together, however the samples are split.
@Suite struct ChunkSummaryCombiningTests {
    /// Splits `samples` at random points (empty runs included) and joins the runs' summaries.
    private static func joined(_ samples: [ChunkSample], runs: Int, rng: inout SplitMix64) -> ChunkSummary {
        var cuts = (0..<runs - 1).map { _ in Int.random(in: 0...samples.count, using: &rng) }
        cuts.sort()
        var bounds = [0] + cuts + [samples.count]
        bounds = bounds.map { Swift.min($0, samples.count) }
        var combined = ChunkSummary(samples: samples[bounds[0]..<bounds[1]])
        for index in 1..<bounds.count - 1 {
            let run = ChunkSummary(samples: samples[bounds[index]..<bounds[index + 1]])
            if Bool.random(using: &rng) {
                combined.append(run)
            } else {
                combined = combined.appending(run)
            }
        }
        return combined
    }

    /// Counters with resets, stale markers and NaN; random shapes with specials; constants.
    private static func series(_ kind: Int, count: Int, rng: inout SplitMix64) -> [ChunkSample] {
        switch kind {
        case 0:
            var value = 0.0
            let scale = Bool.random(using: &rng) ? 1 : 0.37
            return (0..<count).map { index in
                let t = Int64(index) * 15_000
                switch Int.random(in: 0..<50, using: &rng) {
                case 0: return ChunkSample(t: t, v: ChunkSample.staleMarker)
                case 1: return ChunkSample(t: t, v: .nan)
                case 2: value = Double(Int.random(in: 0...5, using: &rng))
                default: value += Double(Int.random(in: 0...40, using: &rng)) * scale
                }
                return ChunkSample(t: t, v: value)
            }
        case 1: return SampleShapes.anything(count: count, rng: &rng)
        case 2:
            var samples = SampleShapes.constant(count: count, value: Bool.random(using: &rng) ? 1 : -0.0)
            if count > 0 && Bool.random(using: &rng) { samples[Int.random(in: 0..<count, using: &rng)].v = ChunkSample.staleMarker }
            return samples
        default:
            // Integers near 2^53 of total magnitude, where the exact sum gives up.
            return (0..<count).map { ChunkSample(t: Int64($0), v: Double(Int64.random(in: -(1 << 48)...(1 << 48), using: &rng))) }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func joiningRunsGivesTheSummaryOfAllTheirSamples(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var joins = 0
        for _ in 0..<400 {
            let samples = Self.series(Int.random(in: 0..<4, using: &rng), count: Int.random(in: 0...300, using: &rng), rng: &rng)
            let expected = ChunkSummary(samples: samples)
            for runs in [1, 2, 3, 7, 40] {
                let joined = Self.joined(samples, runs: runs, rng: &rng)
                #expect(joined == expected, "\(runs) runs of \(samples)")
                joins += runs - 1
            }
        }
        #expect(joins > 10_000)
    }

    @Test func theBoundaryBetweenRunsCountsAsBetweenSamples() {
        var summary = ChunkSummary(samples: [ChunkSample(t: 1, v: 10), ChunkSample(t: 2, v: 20)])
        summary.append(ChunkSummary(samples: [ChunkSample(t: 3, v: ChunkSample.staleMarker)]))
        summary.append(ChunkSummary(samples: [ChunkSample(t: 4, v: 5), ChunkSample(t: 5, v: .nan)]))
        summary.append(ChunkSummary(samples: [ChunkSample(t: 6, v: .nan), ChunkSample(t: 7, v: 1)]))
        #expect(summary.sampleCount == 7 && summary.count == 6)
        #expect(summary.resetValues == [20])
        #expect(summary.changes == 4)
        #expect(summary.min == 1 && summary.max == 20)
        #expect(summary.integerSum == nil && !summary.isConstant)
        #expect(summary.first == ChunkSample(t: 1, v: 10) && summary.last == ChunkSample(t: 7, v: 1))
    }

    @Test func integerSumsGiveUpPastTwoToTheFiftyThree() {
        let half = ChunkSummary(samples: [ChunkSample(t: 1, v: 0x1p52)])
        #expect(half.appending(half).integerSum == ChunkSummary.IntegerSum(sum: 1 << 53, magnitude: 1 << 53))
        #expect(half.appending(half).appending(ChunkSummary(samples: [ChunkSample(t: 3, v: 1)])).integerSum == nil)
    }
}
