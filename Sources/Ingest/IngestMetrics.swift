internal import Metrics

/// Ingest counters for `/metrics`, through swift-metrics (the process bootstraps the Prometheus
/// backend; without one they cost nothing).
///
/// The counters every request adds to are made once, on first use, and kept: making a counter
/// asks the backend's registry for it under a lock, which was a measurable part of a small
/// request's cost. Counters per metric name (dropped samples and series) are made when needed.
struct IngestMetrics {
    private var requests: [Int: Counter] = [:]
    private var received: Counter?
    private var stored: Counter?
    private var rejected: Counter?
    private var histograms: Counter?
    private var exemplars: Counter?

    /// Adds one request's counts to the process counters; `addedDroppedSeries` is what merging
    /// them into the totals added to each metric's distinct dropped series.
    mutating func record(_ delta: IngestStatistics, addedDroppedSeries: [String: Int]) {
        for (status, count) in delta.requestsByStatus {
            let counter = requests[status] ?? Counter(label: "burnrate_ingest_requests_total", dimensions: [("code", "\(status)")])
            requests[status] = counter
            counter.increment(by: count)
        }
        Self.add(delta.receivedSamples, to: &received, "burnrate_ingest_samples_received_total")
        Self.add(delta.storedSamples, to: &stored, "burnrate_ingest_samples_stored_total")
        Self.add(delta.rejectedSamples, to: &rejected, "burnrate_ingest_samples_rejected_total")
        Self.add(delta.unsupportedHistograms, to: &histograms, "burnrate_ingest_histograms_unsupported_total")
        Self.add(delta.unsupportedExemplars, to: &exemplars, "burnrate_ingest_exemplars_unsupported_total")
        for (metric, counts) in delta.metrics where counts.droppedSamples > 0 {
            Counter(label: "burnrate_ingest_samples_dropped_total", dimensions: [("metric", metric)]).increment(by: counts.droppedSamples)
        }
        for (metric, added) in addedDroppedSeries where added > 0 {
            Counter(label: "burnrate_ingest_series_dropped_total", dimensions: [("metric", metric)]).increment(by: added)
        }
    }

    private static func add(_ count: Int, to counter: inout Counter?, _ label: String) {
        guard count > 0 else { return }
        let made = counter ?? Counter(label: label)
        counter = made
        made.increment(by: count)
    }
}
