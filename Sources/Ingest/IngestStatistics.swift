/// Counts of what ingest received, stored and dropped, per metric name: the start of a cost report.
public struct IngestStatistics: Sendable, Equatable {
    /// Counts for one metric name.
    public struct Metric: Sendable, Equatable {
        /// Samples received for series no rule reads, dropped.
        public var droppedSamples = 0
        /// Distinct series no rule reads, seen and dropped (stops growing at `distinctSeriesLimit`).
        public var droppedSeries = 0
        /// Samples stored.
        public var storedSamples = 0
    }

    /// How many distinct dropped series are remembered in all, to bound memory.
    public static let distinctSeriesLimit = 200_000
    /// How many metric names get their own entry; the rest are counted under `otherMetrics`.
    public static let metricLimit = 10_000
    /// The name under which metrics past `metricLimit` are counted.
    public static let otherMetrics = "__other__"

    /// Requests received, by HTTP status answered.
    public var requestsByStatus: [Int: Int] = [:]
    /// Samples received in well-formed requests.
    public var receivedSamples = 0
    /// Samples stored.
    public var storedSamples = 0
    /// Samples of series no rule reads, dropped.
    public var droppedSamples = 0
    /// Samples refused by storage (out of order, duplicate timestamp, out of bounds).
    public var rejectedSamples = 0
    /// Native histogram samples received; Burnrate does not store native histograms.
    public var unsupportedHistograms = 0
    /// Exemplars received; Burnrate does not store exemplars.
    public var unsupportedExemplars = 0
    /// Per metric name.
    public var metrics: [String: Metric] = [:]

    private var seenDropped: Set<UInt64> = []
    private var metricOfDropped: [UInt64: String] = [:]

    /// Creates empty statistics.
    public init() {}

    /// Records the samples of a dropped series.
    mutating func dropped(metric: String, seriesHash: UInt64, samples: Int) {
        droppedSamples += samples
        metrics[metric, default: Metric()].droppedSamples += samples
        if seenDropped.insert(seriesHash).inserted {
            metricOfDropped[seriesHash] = metric
        }
    }

    /// Records the samples of dropped series already counted as distinct series when first seen.
    mutating func droppedKnown(metric: String, samples: Int) {
        droppedSamples += samples
        metrics[metric, default: Metric()].droppedSamples += samples
    }

    /// Records the samples of a stored series.
    mutating func stored(metric: String, samples: Int) {
        let key = metrics[metric] != nil || metrics.count < Self.metricLimit ? metric : Self.otherMetrics
        metrics[key, default: Metric()].storedSamples += samples
    }

    /// Adds the counts of `other` (one request's) to these; returns, per metric, the distinct
    /// dropped series it added (usually none).
    @discardableResult
    mutating func merge(_ other: IngestStatistics) -> [String: Int] {
        for (status, count) in other.requestsByStatus { requestsByStatus[status, default: 0] += count }
        receivedSamples += other.receivedSamples
        storedSamples += other.storedSamples
        droppedSamples += other.droppedSamples
        rejectedSamples += other.rejectedSamples
        unsupportedHistograms += other.unsupportedHistograms
        unsupportedExemplars += other.unsupportedExemplars
        for (name, metric) in other.metrics {
            let key = metrics[name] != nil || metrics.count < Self.metricLimit ? name : Self.otherMetrics
            var merged = metrics[key] ?? Metric()
            merged.droppedSamples += metric.droppedSamples
            merged.storedSamples += metric.storedSamples
            metrics[key] = merged
        }
        var addedDroppedSeries: [String: Int] = [:]
        for hash in other.seenDropped where seenDropped.count < Self.distinctSeriesLimit {
            if seenDropped.insert(hash).inserted {
                let metric = other.metricOfDropped[hash] ?? Self.otherMetrics
                metrics[metric, default: Metric()].droppedSeries += 1
                addedDroppedSeries[metric, default: 0] += 1
            }
        }
        return addedDroppedSeries
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.requestsByStatus == rhs.requestsByStatus && lhs.receivedSamples == rhs.receivedSamples
            && lhs.storedSamples == rhs.storedSamples && lhs.droppedSamples == rhs.droppedSamples
            && lhs.rejectedSamples == rhs.rejectedSamples && lhs.metrics == rhs.metrics
            && lhs.unsupportedHistograms == rhs.unsupportedHistograms && lhs.unsupportedExemplars == rhs.unsupportedExemplars
    }
}
