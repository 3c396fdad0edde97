internal import Metrics

/// Ingest counters for `/metrics`, through swift-metrics (the process bootstraps the Prometheus
/// backend; without one they cost nothing).
enum IngestMetrics {
    /// Adds one request's counts to the process counters.
    static func record(_ delta: IngestStatistics, droppedSeriesBefore: [String: Int], after: IngestStatistics) {
        for (status, count) in delta.requestsByStatus {
            Counter(label: "burnrate_ingest_requests_total", dimensions: [("code", "\(status)")]).increment(by: count)
        }
        if delta.receivedSamples > 0 { Counter(label: "burnrate_ingest_samples_received_total").increment(by: delta.receivedSamples) }
        if delta.storedSamples > 0 { Counter(label: "burnrate_ingest_samples_stored_total").increment(by: delta.storedSamples) }
        if delta.rejectedSamples > 0 { Counter(label: "burnrate_ingest_samples_rejected_total").increment(by: delta.rejectedSamples) }
        if delta.unsupportedHistograms > 0 {
            Counter(label: "burnrate_ingest_histograms_unsupported_total").increment(by: delta.unsupportedHistograms)
        }
        if delta.unsupportedExemplars > 0 {
            Counter(label: "burnrate_ingest_exemplars_unsupported_total").increment(by: delta.unsupportedExemplars)
        }
        for (metric, counts) in delta.metrics where counts.droppedSamples > 0 {
            Counter(label: "burnrate_ingest_samples_dropped_total", dimensions: [("metric", metric)]).increment(by: counts.droppedSamples)
        }
        for (metric, counts) in after.metrics {
            let added = counts.droppedSeries - (droppedSeriesBefore[metric] ?? 0)
            if added > 0 {
                Counter(label: "burnrate_ingest_series_dropped_total", dimensions: [("metric", metric)]).increment(by: added)
            }
        }
    }
}
