import Testing
import Storage

/// `RangeAccumulator.append(_:)`: a run of samples folded in two parts and joined gives the bits
/// of folding it sample by sample, wherever it is split (resets, NaN, infinities, stale markers,
/// repeated values; either part empty or only stale markers).
@Suite struct RangeAccumulatorJoinTests {
    static func fields(_ accumulator: RangeAccumulator) -> String {
        func bits(_ value: Double?) -> String { value.map { String($0.bitPattern, radix: 16) } ?? "-" }
        func sample(_ sample: ChunkSample?) -> String { sample.map { "\($0.t):\(bits($0.v))" } ?? "-" }
        return "count \(accumulator.count) first \(sample(accumulator.first)) last \(sample(accumulator.last)) "
            + "resets \(accumulator.resetValues.map { bits($0) }) changes \(accumulator.changes) "
            + "min \(bits(accumulator.min)) max \(bits(accumulator.max))"
    }

    static func fold(_ samples: some Sequence<ChunkSample>) -> RangeAccumulator {
        var accumulator = RangeAccumulator()
        for sample in samples { accumulator.add(sample) }
        return accumulator
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func joiningTwoPartsGivesTheBitsOfOneFold(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let specials: [Double] = [.nan, .infinity, -.infinity, ChunkSample.staleMarker, 0, -0.0]
        var value = 0.0
        let samples: [ChunkSample] = (0..<60).map { index in
            let roll = random.next() % 10
            if roll == 0 {
                value = specials[Int(random.next() % UInt64(specials.count))]
            } else if roll == 1 {
                value = Double(random.next() % 5)
            } else if roll < 4 {
                // repeated
            } else {
                value = (value.isFinite ? value : 0) + Double(random.next() % 100) / 4
            }
            return ChunkSample(t: Int64(index) * 15_000, v: value)
        }
        let whole = Self.fields(Self.fold(samples))
        for split in 0...samples.count {
            var joined = Self.fold(samples[..<split])
            joined.append(Self.fold(samples[split...]))
            #expect(Self.fields(joined) == whole, "split at \(split)")
        }
        // Three parts, joined left to right and right to left.
        for (a, b) in [(10, 30), (0, 59), (25, 26)] {
            var left = Self.fold(samples[..<a])
            left.append(Self.fold(samples[a..<b]))
            left.append(Self.fold(samples[b...]))
            var middle = Self.fold(samples[a..<b])
            middle.append(Self.fold(samples[b...]))
            var right = Self.fold(samples[..<a])
            right.append(middle)
            #expect(Self.fields(left) == whole)
            #expect(Self.fields(right) == whole)
        }
    }
}
