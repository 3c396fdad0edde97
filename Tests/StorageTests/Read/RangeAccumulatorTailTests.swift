import Testing
import Storage

/// `DecodedChunk.tail(from:)`: the fold of a chunk's samples from any position to its end, worked
/// out beforehand, has the bits of folding those samples one by one (resets, NaN, infinities,
/// stale markers, signed zeros, repeated values; a tail of stale markers only); and a window
/// edge folded through it gives what folding the edge's samples gives.
@Suite struct RangeAccumulatorTailTests {
    /// 120 samples 15 s apart with the values `RangeAccumulatorJoinTests` uses, and more resets.
    static func samples(seed: UInt64, count: Int = 120) -> [ChunkSample] {
        var random = SplitMix64(seed: seed)
        let specials: [Double] = [.nan, .infinity, -.infinity, ChunkSample.staleMarker, 0, -0.0]
        var value = 0.0
        return (0..<count).map { index in
            let roll = random.next() % 10
            if roll == 0 {
                value = specials[Int(random.next() % UInt64(specials.count))]
            } else if roll < 3 {
                value = Double(random.next() % 5)
            } else if roll < 5 {
                // repeated
            } else {
                value = (value.isFinite ? value : 0) + Double(random.next() % 100) / 4
            }
            return ChunkSample(t: Int64(index) * 15_000, v: value)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func everyTailHasTheBitsOfFoldingItsSamples(seed: UInt64) {
        Self.expectEveryTailFolds(Self.samples(seed: seed), "seed \(seed)")
    }

    /// Expects every tail of a `DecodedChunk` of `samples` to have the bits of folding its samples.
    static func expectEveryTailFolds(_ samples: [ChunkSample], _ what: String) {
        let chunk = DecodedChunk(samples: samples)
        for position in 0...samples.count {
            let expected = RangeAccumulatorJoinTests.fold(samples[position...])
            #expect(
                RangeAccumulatorJoinTests.fields(chunk.tail(from: position)) == RangeAccumulatorJoinTests.fields(expected),
                "\(what), from position \(position)")
        }
    }

    /// Every sequence of up to four values among the ties and NaNs that decide which value a
    /// min or max fold keeps (signed zeros compare equal, a NaN is replaced): all positions.
    @Test func everyTailOfShortSequencesOfTiesAndNaNs() {
        let sequences = Self.shortSequences
        #expect(sequences.count == 1 + 5 + 25 + 125 + 625)
        for sequence in sequences {
            Self.expectEveryTailFolds(sequence.enumerated().map { ChunkSample(t: Int64($0.offset), v: $0.element) }, "\(sequence)")
        }
    }

    /// Every sequence of up to four values among `-0.0`, `0.0`, NaN, 1 and the stale marker.
    static let shortSequences: [[Double]] = {
        let values: [Double] = [-0.0, 0.0, .nan, 1, ChunkSample.staleMarker]
        var sequences: [[Double]] = [[]]
        for _ in 0..<4 {
            sequences += sequences.filter { $0.count == sequences.last!.count }.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return sequences
    }()

    /// `RangeAccumulator.add(contentsOf:)` after any prefix added one by one (empty, stale markers
    /// only, anything) gives the bits of adding the rest one by one too.
    @Test(arguments: [UInt64(21), 22, 23])
    func addingContentsOfGivesTheBitsOfAddingEach(seed: UInt64) {
        var sequences = (0..<4).map { Self.samples(seed: seed &+ UInt64($0), count: 40) }
        let stale = ChunkSample.staleMarker
        sequences.append([0, -0.0, stale, .nan, 0, .nan, -0.0, 1, 1, 0].enumerated().map { ChunkSample(t: Int64($0.offset), v: $0.element) })
        sequences.append([stale, stale, .nan, stale, -0.0].enumerated().map { ChunkSample(t: Int64($0.offset), v: $0.element) })
        sequences += Self.shortSequences.map { $0.enumerated().map { ChunkSample(t: Int64($0.offset), v: $0.element) } }
        for samples in sequences {
            let whole = RangeAccumulatorJoinTests.fields(RangeAccumulatorJoinTests.fold(samples))
            for split in 0...samples.count {
                var accumulator = RangeAccumulatorJoinTests.fold(samples[..<split])
                accumulator.add(contentsOf: samples[split...])
                #expect(RangeAccumulatorJoinTests.fields(accumulator) == whole, "split at \(split) of \(samples)")
            }
        }
    }

    @Test func tailsOfStaleMarkersOnlyAndOfAnEmptyChunkAreEmpty() {
        let stale = ChunkSample.staleMarker
        let samples = [ChunkSample(t: 0, v: 3), ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: stale), ChunkSample(t: 3, v: stale)]
        let chunk = DecodedChunk(samples: samples)
        #expect(chunk.tail(from: 2).count == 0 && chunk.tail(from: 2).first == nil)
        #expect(chunk.tail(from: 4).count == 0)
        // From the start: two samples, one reset (3 then 1), one change.
        let whole = chunk.tail(from: 0)
        #expect(whole.count == 2 && whole.resetValues == [3] && whole.changes == 1 && whole.last == ChunkSample(t: 1, v: 1))
        #expect(DecodedChunk(samples: []).tail(from: 0).count == 0)
    }

    /// A window edge given as a decoded chunk (`SeriesPieceSink.add(_:from:through:)`), to a
    /// `RangeAccumulator` and to `SeriesWindows`' stretches, folds what its samples fold: by the
    /// tail when the window runs past the chunk's end, one by one when it ends inside.
    @Test(arguments: [UInt64(11), 12, 13])
    func anEdgeGivenAsADecodedChunkFoldsItsSamplesInside(seed: UInt64) {
        let samples = Self.samples(seed: seed)
        let chunk = DecodedChunk(samples: samples)
        let bounds: [(Int64, Int64)] = [
            (-1, 10_000_000), (0, 1_785_000), (7_500, 1_785_000), (15_000, 2_000_000), (1_785_000, 1_785_000),
            (900_000, 1_200_000), (-5, 3), (2_000_000, 3_000_000),
        ]
        for (from, through) in bounds {
            let inside = samples.filter { $0.t >= from && $0.t <= through }
            var given = RangeAccumulator()
            given.add(ChunkSample(t: -100_000, v: 7))
            given.add(chunk, from: from, through: through)
            var expected = RangeAccumulator()
            expected.add(ChunkSample(t: -100_000, v: 7))
            for sample in inside { expected.add(sample) }
            #expect(RangeAccumulatorJoinTests.fields(given) == RangeAccumulatorJoinTests.fields(expected), "[\(from), \(through)]")
        }
        // Through the stretches of `SeriesWindows.accumulate`: windows starting inside the chunk.
        let starts: [Int64] = [0, 15_001, 600_000, 1_000_000, 1_785_000]
        let end: Int64 = 1_785_000
        let viaChunk = SeriesWindows.accumulate(starts: starts, end: end, head: []) { from, through, stretch in
            stretch.add(chunk, from: from, through: through)
            return samples.last?.t
        }
        for (window, start) in starts.enumerated() {
            let expected = RangeAccumulatorJoinTests.fold(samples.filter { $0.t >= start && $0.t <= end })
            #expect(
                RangeAccumulatorJoinTests.fields(viaChunk[window]) == RangeAccumulatorJoinTests.fields(expected), "window from \(start)")
        }
    }
}
