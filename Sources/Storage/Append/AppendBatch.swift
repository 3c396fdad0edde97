/// The samples one write request brings: series, each with samples in any order.
///
/// The same label set may appear more than once; its samples are merged.
public struct AppendBatch: Sendable {
    /// One series entry of a batch.
    public struct Series: Sendable {
        /// The series' label set.
        public var labels: Labels
        /// The samples, in any order; values are kept bit for bit (stale markers included). A
        /// slice, so that the samples of many entries can share one array.
        public var samples: ArraySlice<ChunkSample>
        /// The series' reference from an earlier append, if the caller kept it: the store then
        /// skips the label lookup. With a reference the labels may be left empty; if the
        /// reference turns out stale, the labels are looked up instead, and without labels the
        /// batch is not committed (`AppendReport.staleRefs`).
        public var ref: SeriesRef?

        /// Creates a series entry.
        public init(labels: Labels, samples: [ChunkSample], ref: SeriesRef? = nil) {
            self.init(labels: labels, samples: samples[...], ref: ref)
        }

        /// Creates a series entry whose samples are part of a larger array.
        public init(labels: Labels, samples: ArraySlice<ChunkSample>, ref: SeriesRef? = nil) {
            self.labels = labels
            self.samples = samples
            self.ref = ref
        }
    }

    /// The series entries, in request order.
    public var series: [Series]
    /// What to do when some samples are rejected.
    public var policy: AppendPolicy

    /// Creates a batch.
    public init(series: [Series] = [], policy: AppendPolicy = .atomic) {
        self.series = series
        self.policy = policy
    }

    /// Adds a series entry, with its reference from an earlier append if the caller has one.
    public mutating func append(_ labels: Labels, _ samples: [ChunkSample], ref: SeriesRef? = nil) {
        series.append(Series(labels: labels, samples: samples[...], ref: ref))
    }

    /// Adds a series entry whose samples are part of a larger array (see ``Series/samples``).
    public mutating func append(_ labels: Labels, _ samples: ArraySlice<ChunkSample>, ref: SeriesRef? = nil) {
        series.append(Series(labels: labels, samples: samples, ref: ref))
    }

    /// The number of samples over all entries.
    public var sampleCount: Int {
        series.reduce(0) { $0 + $1.samples.count }
    }
}
