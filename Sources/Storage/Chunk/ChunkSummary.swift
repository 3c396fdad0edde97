/// What range functions need from a whole chunk, computed when the chunk is cut and stored
/// beside it, so a window that covers the chunk need not decode it.
///
/// Every field describes the chunk's samples **without stale markers**, as Prometheus' range
/// vectors do. Combined in order with `RangeAccumulator`, summaries of consecutive whole chunks
/// plus the decoded samples of the edge chunks reproduce, bit for bit, what Prometheus 2.42
/// computes over every sample for `increase`/`rate`/`delta` (before extrapolation, which only
/// needs the first and last samples and the count), `resets`, `changes`, `count_over_time`,
/// `min_over_time`, `max_over_time` and `last_over_time`. `sum_over_time` and `avg_over_time`
/// (Kahan-compensated in 2.42) are exact from summaries only in the cases `SumOverTimeAccumulator`
/// and `AvgOverTimeAccumulator` document; otherwise the chunk must be decoded.
public struct ChunkSummary: Sendable, Hashable {
    /// The exact sum of a chunk whose values are all integers small enough that every partial
    /// sum is exact in a `Double`.
    public struct IntegerSum: Sendable, Hashable {
        /// The sum of the values.
        public var sum: Int64
        /// The sum of the values' magnitudes, at most 2^53.
        public var magnitude: UInt64

        /// Creates an integer sum.
        public init(sum: Int64, magnitude: UInt64) {
            self.sum = sum
            self.magnitude = magnitude
        }
    }

    /// The number of samples in the chunk, stale markers included.
    public var sampleCount: Int
    /// The number of samples that are not stale markers.
    public var count: Int
    /// The first sample that is not a stale marker.
    public var first: ChunkSample?
    /// The last sample that is not a stale marker.
    public var last: ChunkSample?
    /// In order, the value before each drop (`v < previous`): the counter-reset corrections
    /// Prometheus adds one by one after `last - first`. Usually empty.
    public var resetValues: [Double]
    /// The number of value changes (`!=`, NaN equal to NaN) between consecutive samples.
    public var changes: Int
    /// `min_over_time` of the chunk, folded as Prometheus does (first sample, then
    /// `v < min || min.isNaN`); `nil` when `count` is 0.
    public var min: Double?
    /// `max_over_time` of the chunk, folded as Prometheus does; `nil` when `count` is 0.
    public var max: Double?
    /// The exact sum when every value is an integer and the magnitudes add up to at most 2^53.
    public var integerSum: IntegerSum?
    /// Whether every value has the same bit pattern (true for one sample).
    public var isConstant: Bool

    /// Creates a summary from its fields; prefer `init(samples:)` or `ChunkEncoder.cut()`.
    public init(
        sampleCount: Int, count: Int, first: ChunkSample?, last: ChunkSample?, resetValues: [Double],
        changes: Int, min: Double?, max: Double?, integerSum: IntegerSum?, isConstant: Bool
    ) {
        self.sampleCount = sampleCount
        self.count = count
        self.first = first
        self.last = last
        self.resetValues = resetValues
        self.changes = changes
        self.min = min
        self.max = max
        self.integerSum = integerSum
        self.isConstant = isConstant
    }

    /// Summarizes samples given in time order.
    public init(samples: some Sequence<ChunkSample>) {
        var builder = Builder()
        for sample in samples { builder.add(t: sample.t, v: sample.v) }
        self = builder.build()
    }

    /// Summarizes a stored chunk by decoding it (for rebuilding summaries).
    public init(chunk: EncodedChunk) throws(ChunkError) {
        var builder = Builder()
        var iterator = chunk.makeIterator()
        while let sample = try iterator.next() { builder.add(t: sample.t, v: sample.v) }
        self = builder.build()
    }

    /// The number of counter resets, as `resets()` counts them.
    public var resets: Int { resetValues.count }

    /// Compares every field, doubles by bit pattern.
    public static func == (lhs: ChunkSummary, rhs: ChunkSummary) -> Bool {
        lhs.sampleCount == rhs.sampleCount && lhs.count == rhs.count && lhs.first == rhs.first
            && lhs.last == rhs.last && lhs.resetValues.map(\.bitPattern) == rhs.resetValues.map(\.bitPattern)
            && lhs.changes == rhs.changes && lhs.min?.bitPattern == rhs.min?.bitPattern
            && lhs.max?.bitPattern == rhs.max?.bitPattern && lhs.integerSum == rhs.integerSum
            && lhs.isConstant == rhs.isConstant
    }

    /// Hashes the counts and the first and last samples.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(sampleCount)
        hasher.combine(count)
        hasher.combine(first)
        hasher.combine(last)
    }
}
