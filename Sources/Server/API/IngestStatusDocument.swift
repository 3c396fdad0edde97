internal import Ingest
internal import PromQL

/// The `data` of `GET /api/v1/status/ingest`: what was received, stored and dropped, per metric.
struct IngestStatusDocument: Encodable, Sendable {
    struct MetricDocument: Encodable, Sendable {
        let metric: String
        let droppedSeries: Int
        let droppedSamples: Int
        let storedSamples: Int
    }

    let keepAll: Bool
    let selectors: [String]
    let requests: [String: Int]
    let receivedSamples: Int
    let storedSamples: Int
    let droppedSamples: Int
    let rejectedSamples: Int
    let unsupportedHistograms: Int
    let unsupportedExemplars: Int
    /// Metrics sorted by dropped samples, most first: where the sender wastes bandwidth.
    let metrics: [MetricDocument]

    init(statistics: IngestStatistics, filter: SeriesFilter) {
        keepAll = filter.keepAll
        selectors = filter.selectors.map(\.description).sorted()
        requests = Dictionary(uniqueKeysWithValues: statistics.requestsByStatus.map { ("\($0.key)", $0.value) })
        receivedSamples = statistics.receivedSamples
        storedSamples = statistics.storedSamples
        droppedSamples = statistics.droppedSamples
        rejectedSamples = statistics.rejectedSamples
        unsupportedHistograms = statistics.unsupportedHistograms
        unsupportedExemplars = statistics.unsupportedExemplars
        metrics = statistics.metrics.map {
            MetricDocument(metric: $0.key, droppedSeries: $0.value.droppedSeries, droppedSamples: $0.value.droppedSamples, storedSamples: $0.value.storedSamples)
        }.sorted { ($0.droppedSamples, $1.metric) > ($1.droppedSamples, $0.metric) }
    }
}
