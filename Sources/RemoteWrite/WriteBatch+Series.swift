extension WriteBatch {
    /// One series entry: its labels and the samples, histograms and exemplars sent for it.
    public struct Series: Sendable {
        /// Labels sorted by name (byte order), names unique, `__name__` present and non-empty.
        public var labels: [Label]
        /// Float samples, in the order received.
        public var samples: [Sample]
        /// Native histogram samples, in the order received.
        public var histograms: [Histogram]
        /// Exemplars attached to the series.
        public var exemplars: [Exemplar]

        /// Creates a series from already validated parts.
        public init(labels: [Label], samples: [Sample] = [], histograms: [Histogram] = [], exemplars: [Exemplar] = []) {
            self.labels = labels
            self.samples = samples
            self.histograms = histograms
            self.exemplars = exemplars
        }

        /// The value of the `__name__` label (the metric name).
        public var metricName: String {
            labels.first { $0.name == Label.metricNameLabel }?.value ?? ""
        }
    }
}
