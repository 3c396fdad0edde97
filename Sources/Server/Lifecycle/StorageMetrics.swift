internal import Prometheus
internal import Storage
internal import Synchronization

/// The metrics that describe the sample store, brought up to date when `/metrics` is read.
final class StorageMetrics: Sendable {
    private let series: Gauge
    private let headSamples: Gauge
    private let readsFromDatabase: Counter
    /// The store's count when last read, so the counter grows by the difference.
    private let readsCounted = Atomic<Int>(0)

    init(registry: PrometheusCollectorRegistry) {
        series = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "series", unitName: "", helpText: "Live series in the sample store."))
        headSamples = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "head_samples", unitName: "",
            helpText: "Samples in heads, not yet cut into chunks."))
        readsFromDatabase = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "series_reads_from_database", unitName: "total",
            helpText: "Series reads since start that needed chunk rows from the database; the rest came from memory."))
    }

    /// Sets the metrics from `statistics`.
    func update(_ statistics: SampleStoreStatistics) {
        series.set(to: Double(statistics.series))
        headSamples.set(to: Double(statistics.headSamples))
        let counted = readsCounted.exchange(statistics.seriesReadsFromDatabase, ordering: .relaxed)
        readsFromDatabase.increment(by: Int64(max(0, statistics.seriesReadsFromDatabase - counted)))
    }
}
