/// A chunk's samples, decoded, with what folding each of its tails takes worked out once.
///
/// A window's start moves through the chunk it falls in one evaluation interval at a time (an
/// hour of 15-second samples spans 240 evaluations at 15 s), and every window of every rule over
/// the series folds that chunk's samples from its start to the chunk's end. `DecodedChunkCache`
/// keeps the chunk decoded; this keeps, for each position, the fold of the samples from there to
/// the end (`tail(from:)`), so such an edge costs a binary search instead of a fold of up to a
/// chunk of samples.
///
/// A tail's figures are worked out from the end backwards, each position joining its sample
/// before the tail after it, as `RangeAccumulator.append(_:)` joins two runs: the same bits as
/// adding the tail's samples one by one (`RangeAccumulatorTailTests` checks every position of
/// chunks with stale markers, NaNs, resets and signed zeros).
public final class DecodedChunk: Sendable {
    /// The samples, ascending.
    public let samples: [ChunkSample]
    /// Per position `i` (and one past the end), the figures of the samples from `i` on; empty
    /// for a chunk of more samples than positions of `Tail` reach (then folded one by one).
    private let tails: [Tail]
    /// The resets among the samples, in order: the position of the sample below the live sample
    /// before it, and that sample's value.
    private let resets: [(position: UInt16, value: Double)]
    /// The position of the last sample that is not a stale marker.
    private let lastLive: UInt16

    /// What folding the samples from one position to the end gives, stale markers skipped, in
    /// 10 bytes: a chunk's tails take less memory than its samples.
    private struct Tail {
        /// The position of the first sample there that is not a stale marker (`samples.count`
        /// when none is).
        var firstLive: UInt16
        /// The number of samples there that are not stale markers.
        var count: UInt16
        /// The value changes between consecutive live samples there.
        var changes: UInt16
        /// The positions of the samples whose values `min_over_time` and `max_over_time` are,
        /// folded as `RangeAccumulator` folds them (a fold always gives one of its values).
        var min: UInt16
        var max: UInt16
    }

    /// Decodes nothing: `samples` are the decoded samples, ascending.
    public init(samples: [ChunkSample]) {
        self.samples = samples
        let count = samples.count
        guard count < Int(UInt16.max) else {
            (tails, resets, lastLive) = ([], [], 0)
            return
        }
        var resets: [(position: UInt16, value: Double)] = []
        var lastLive = -1
        for position in samples.indices where !samples[position].isStaleMarker {
            if lastLive >= 0, samples[position].v < samples[lastLive].v {
                resets.append((UInt16(position), samples[lastLive].v))
            }
            lastLive = position
        }
        var tails = [Tail](repeating: Tail(firstLive: UInt16(count), count: 0, changes: 0, min: 0, max: 0), count: count + 1)
        var position = count - 1
        while position >= 0 {
            let after = tails[position + 1]
            let v = samples[position].v
            if samples[position].isStaleMarker {
                tails[position] = after
            } else if after.count == 0 {
                let here = UInt16(position)
                tails[position] = Tail(firstLive: here, count: 1, changes: 0, min: here, max: here)
            } else {
                // This sample joined before the tail after it, as `RangeAccumulator.append` joins.
                let here = UInt16(position)
                let (afterMin, afterMax) = (samples[Int(after.min)].v, samples[Int(after.max)].v)
                tails[position] = Tail(
                    firstLive: here, count: after.count + 1,
                    changes: after.changes + (RangeAccumulator.changed(v, samples[Int(after.firstLive)].v) ? 1 : 0),
                    // `RangeAccumulator.foldMin(v, afterMin)` and `foldMax(v, afterMax)`, as positions.
                    min: afterMin < v || v.isNaN ? after.min : here,
                    max: afterMax > v || v.isNaN ? after.max : here)
            }
            position -= 1
        }
        self.tails = tails
        self.resets = resets
        self.lastLive = UInt16(max(lastLive, 0))
    }

    /// Decodes `chunk`.
    public convenience init(decoding chunk: EncodedChunk) throws(ChunkError) {
        var samples: [ChunkSample] = []
        samples.reserveCapacity(chunk.count)
        var iterator = chunk.makeIterator()
        while let sample = try iterator.next() { samples.append(sample) }
        self.init(samples: samples)
    }

    /// The bytes held, about.
    public var byteCount: Int {
        samples.capacity * MemoryLayout<ChunkSample>.stride + tails.capacity * MemoryLayout<Tail>.stride
            + resets.capacity * MemoryLayout<(UInt16, Double)>.stride + 64
    }

    /// The samples from `position` to the end, folded: what adding each of them to an empty
    /// `RangeAccumulator` gives, bit for bit.
    public func tail(from position: Int) -> RangeAccumulator {
        guard !tails.isEmpty else {
            var accumulator = RangeAccumulator()
            accumulator.add(contentsOf: samples[Swift.max(0, Swift.min(position, samples.count))...])
            return accumulator
        }
        let tail = tails[Swift.max(0, Swift.min(position, samples.count))]
        guard tail.count > 0 else { return RangeAccumulator() }
        // The resets after the first live sample: a reset is at the later sample of its pair.
        var low = resets.count
        while low > 0 && resets[low - 1].position > tail.firstLive { low -= 1 }
        return RangeAccumulator(
            count: Int(tail.count), first: samples[Int(tail.firstLive)], last: samples[Int(lastLive)],
            resetValues: low == resets.count ? [] : resets[low...].map(\.value),
            changes: Int(tail.changes), min: samples[Int(tail.min)].v, max: samples[Int(tail.max)].v)
    }

    /// The samples in `[from, through]` folded into `accumulator`: by `tail(from:)` when they
    /// run to the last sample, else one by one.
    func fold(into accumulator: inout RangeAccumulator, from: Int64, through: Int64) {
        let positions = samples.positions(from: from, through: through)
        guard !positions.isEmpty else { return }
        if positions.upperBound == samples.count {
            accumulator.append(tail(from: positions.lowerBound))
        } else {
            accumulator.add(contentsOf: samples[positions])
        }
    }
}
