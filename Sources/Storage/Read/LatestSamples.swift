/// The latest sample of each series a selection matched in a window, as
/// `SampleReader.selectLatest(matchers:start:end:)` gives them: each series' label set with its
/// sample, sorted by label set. One array for any number of series, where an array of one sample
/// per series would be made for each (rules read thousands of instant selectors a minute).
public struct LatestSamples: Sendable, Hashable {
    /// The series, sorted by label set, each with its latest sample (a stale marker included).
    public private(set) var entries: [LabeledSample] = []

    /// No series.
    public init() {}

    /// Room for `count` series.
    public init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// The number of series.
    public var count: Int { entries.count }

    /// Whether no series is there.
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a series after the others (sorted by label set: callers add them in order).
    public mutating func append(_ labels: Labels, _ sample: ChunkSample) {
        entries.append(LabeledSample(labels: labels, sample: sample))
    }
}
