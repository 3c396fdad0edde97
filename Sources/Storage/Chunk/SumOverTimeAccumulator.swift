/// Folds samples and whole-chunk summaries into `sum_over_time` exactly as Prometheus 2.42 sums
/// (Kahan–Neumaier compensated, in sample order).
///
/// A summary can stand in for its chunk only when the result stays bit-identical: the chunk's
/// values are all integers (`ChunkSummary.integerSum`), the running sum is an integer with no
/// compensation, and the magnitudes stay within 2^53, so every partial sum is exact. Otherwise
/// `add(_:)` returns `false`, changes nothing, and the caller decodes the chunk and adds its
/// samples. Stale markers are skipped.
public struct SumOverTimeAccumulator: Sendable {
    /// The number of samples added.
    public private(set) var count = 0
    private var sum = 0.0
    private var compensation = 0.0

    /// Creates an empty accumulator.
    public init() {}

    /// Adds one decoded sample's value; a stale marker is skipped.
    @inline(__always)
    public mutating func add(_ v: Double) {
        if v.bitPattern == ChunkSample.staleMarkerBits { return }
        count += 1
        (sum, compensation) = KahanSum.add(v, to: sum, compensation)
    }

    /// Adds a whole chunk by its summary when that is exact; returns `false` (and changes nothing)
    /// when the chunk's samples must be added instead.
    public mutating func add(_ summary: ChunkSummary) -> Bool {
        if summary.count == 0 { return true }
        guard let integerSum = summary.integerSum, compensation.bitPattern == 0,
              sum.magnitude <= 0x1p53, Double(Int64(sum)) == sum,
              UInt64(sum.magnitude) + integerSum.magnitude <= 1 << 53
        else { return false }
        sum += Double(integerSum.sum)
        count += summary.count
        return true
    }

    /// `sum_over_time`, or `nil` when nothing was added.
    public var result: Double? {
        guard count > 0 else { return nil }
        return sum.isInfinite ? sum : sum + compensation
    }
}
