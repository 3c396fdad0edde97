/// Folds samples and whole-chunk summaries into `avg_over_time` exactly as Prometheus 2.42
/// computes it (an incremental mean, Kahan–Neumaier compensated, with its infinity rules).
///
/// The incremental mean depends on every sample's position, so a summary can stand in for its
/// chunk only when the mean provably does not move: the chunk is constant (`isConstant`) and,
/// after its first sample, the running mean equals that value with no compensation (or is an
/// infinity the value cannot change). That is the common case of `avg_over_time(up[30d])` while
/// a target stays up. Otherwise `add(_:)` returns `false`, changes nothing, and the caller
/// decodes the chunk. Stale markers are skipped.
public struct AvgOverTimeAccumulator: Sendable {
    /// The number of samples added.
    public private(set) var count = 0
    private var mean = 0.0
    private var compensation = 0.0

    /// Creates an empty accumulator.
    public init() {}

    /// Adds one decoded sample's value; a stale marker is skipped.
    @inline(__always)
    public mutating func add(_ v: Double) {
        if v.bitPattern == ChunkSample.staleMarkerBits { return }
        count += 1
        let n = Double(count)
        if mean.isInfinite {
            if v.isInfinite && (mean > 0) == (v > 0) { return }
            if !v.isInfinite && !v.isNaN { return }
        }
        (mean, compensation) = KahanSum.add(v / n - mean / n, to: mean, compensation)
    }

    /// Adds a whole chunk by its summary when that is exact; returns `false` (and changes nothing)
    /// when the chunk's samples must be added instead.
    public mutating func add(_ summary: ChunkSummary) -> Bool {
        if summary.count == 0 { return true }
        guard summary.isConstant, let value = summary.first?.v, !value.isNaN else { return false }
        var next = self
        next.add(value)
        guard next.isFixedPoint(for: value) else { return false }
        next.count += summary.count - 1
        self = next
        return true
    }

    /// Whether adding `value` again leaves the mean and compensation bit-identical.
    private func isFixedPoint(for value: Double) -> Bool {
        if mean.isInfinite {
            return !value.isNaN && (!value.isInfinite || (mean > 0) == (value > 0))
        }
        return value.isFinite && mean.bitPattern == value.bitPattern && compensation.bitPattern == 0
            && !(mean == 0 && mean.sign == .minus)
    }

    /// `avg_over_time`, or `nil` when nothing was added.
    public var result: Double? {
        guard count > 0 else { return nil }
        return mean.isInfinite ? mean : mean + compensation
    }
}
