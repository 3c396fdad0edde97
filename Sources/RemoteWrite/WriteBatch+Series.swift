extension WriteBatch {
    /// One series entry: its labels and the samples, histograms and exemplars sent for it.
    public struct Series: Sendable {
        /// Labels sorted by name (byte order), names unique, `__name__` present and non-empty.
        public var labels: [Label]
        /// Float samples, in the order received: a slice, as the decoder keeps the samples of all
        /// series of a request in one array (indices need not start at 0).
        public var samples: ArraySlice<Sample>
        /// Native histogram samples, in the order received.
        public var histograms: [Histogram]
        /// Exemplars attached to the series.
        public var exemplars: [Exemplar]
        /// When the decoder was given a ``SeriesKeyTable`` and the series' label bytes are in it:
        /// the series' token. `labels` is then empty: the caller knows them by the token.
        public var knownSeries: Int32?
        /// When the decoder was given a ``SeriesKeyTable`` and the series is not in it: the raw
        /// bytes of its labels, the key to add to the table for the next requests (`nil` when the
        /// labels were not contiguous on the wire or the request is remote-write 2.0).
        public var key: [UInt8]?

        /// Creates a series from already validated parts.
        public init(labels: [Label], samples: [Sample] = [], histograms: [Histogram] = [], exemplars: [Exemplar] = []) {
            self.labels = labels
            self.samples = samples[...]
            self.histograms = histograms
            self.exemplars = exemplars
        }

        /// The value of the `__name__` label (the metric name).
        public var metricName: String {
            labels.first { $0.name == Label.metricNameLabel }?.value ?? ""
        }
    }
}
