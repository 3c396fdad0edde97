/// The latest sample of each series a selection matched in a window, as
/// `SampleReader.selectLatest(matchers:start:end:)` gives them: the series' label sets and their
/// samples in two arrays of the same length, sorted by label set. Two arrays for any number of
/// series, where one array of one sample per series would be made for each (rules read thousands
/// of instant selectors a minute).
public struct LatestSamples: Sendable, Hashable {
    /// The series' label sets, sorted.
    public private(set) var labels: [Labels] = []
    /// Each series' latest sample (a stale marker included), in the order of `labels`.
    public private(set) var samples: [ChunkSample] = []

    /// No series.
    public init() {}

    /// Room for `count` series.
    public init(capacity: Int) {
        labels.reserveCapacity(capacity)
        samples.reserveCapacity(capacity)
    }

    /// The number of series.
    public var count: Int { labels.count }

    /// Whether no series is there.
    public var isEmpty: Bool { labels.isEmpty }

    /// Adds a series after the others (sorted by label set: callers add them in order).
    public mutating func append(_ labels: Labels, _ sample: ChunkSample) {
        self.labels.append(labels)
        samples.append(sample)
    }
}
