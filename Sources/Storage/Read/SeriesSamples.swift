/// One series and its samples in a time range, in time order.
public struct SeriesSamples: Sendable, Hashable {
    /// The series' label set.
    public var labels: Labels
    /// The samples, ascending by time; stale markers included, bit for bit.
    public var samples: [ChunkSample]

    /// Creates a series with samples.
    public init(labels: Labels, samples: [ChunkSample]) {
        self.labels = labels
        self.samples = samples
    }
}
