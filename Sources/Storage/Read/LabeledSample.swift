/// One sample of one series, with the series' label set: an entry of the latest samples a
/// selection gives (`LatestSamples`) and of the rule output appended to a store (one sample per
/// series). An array of them holds any number of series in one allocation, where
/// `SeriesSamples` holds an array of samples per series.
public struct LabeledSample: Sendable, Hashable {
    /// The series' label set.
    public var labels: Labels
    /// The sample (a stale marker included).
    public var sample: ChunkSample

    /// Creates an entry.
    public init(labels: Labels, sample: ChunkSample) {
        self.labels = labels
        self.sample = sample
    }
}
