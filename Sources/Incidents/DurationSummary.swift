/// The mean, median and 90th percentile of a set of durations, in seconds.
///
/// The median and p90 interpolate linearly between the closest ranks (the value at rank
/// `q × (n − 1)` of the sorted durations, counting from 0): the median of an even count is the
/// mean of the middle two, and the p90 of 1…10 is 9.1.
public struct DurationSummary: Sendable, Hashable, Codable {
    /// How many durations.
    public var count: Int
    /// Their mean; nil when there are none.
    public var mean: Double?
    /// Their median.
    public var median: Double?
    /// Their 90th percentile.
    public var p90: Double?

    /// The summary of `seconds`.
    public init(_ seconds: [Double]) {
        let sorted = seconds.sorted()
        count = sorted.count
        guard !sorted.isEmpty else { return }
        mean = sorted.reduce(0, +) / Double(sorted.count)
        median = Self.quantile(0.5, of: sorted)
        p90 = Self.quantile(0.9, of: sorted)
    }

    /// The `q` quantile of sorted, non-empty `values`, interpolating between closest ranks.
    static func quantile(_ q: Double, of values: [Double]) -> Double {
        let rank = q * Double(values.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * (rank - Double(lower))
    }
}
