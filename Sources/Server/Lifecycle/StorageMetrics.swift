internal import Prometheus
internal import Storage
internal import Synchronization

/// The metrics that describe the sample store, brought up to date when `/metrics` is read.
final class StorageMetrics: Sendable {
    private let series: Gauge
    private let headSamples: Gauge
    private let readsFromDatabase: Counter
    private let selectionsCached: Counter
    private let selectionsComputed: Counter
    private let stretchesReused: Counter
    private let stretchesRead: Counter
    /// The store's counts when last read, so the counters grow by the difference.
    private let readsCounted = Atomic<Int>(0)
    private let cachedCounted = Atomic<Int>(0)
    private let computedCounted = Atomic<Int>(0)
    private let reusedCounted = Atomic<Int>(0)
    private let readCounted = Atomic<Int>(0)

    init(registry: PrometheusCollectorRegistry) {
        series = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "series", unitName: "", helpText: "Live series in the sample store."))
        headSamples = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "head_samples", unitName: "",
            helpText: "Samples in heads, not yet cut into chunks."))
        readsFromDatabase = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "series_reads_from_database", unitName: "total",
            helpText: "Series reads since start that needed chunk rows from the database; the rest came from memory."))
        let selections = MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "selections", unitName: "total",
            helpText: "Selections of series by a set of matchers since start, by whether the selection cache answered them.")
        selectionsCached = registry.makeCounter(descriptor: selections, labels: [("result", "cached")])
        selectionsComputed = registry.makeCounter(descriptor: selections, labels: [("result", "computed")])
        let stretches = MetricNameDescriptor(
            namespace: "burnrate", subsystem: "storage", metricName: "window_stretches", unitName: "total",
            helpText: "Stretches of windows read since start (a window's whole chunks and blocks up to the next inner window), by whether their fold was kept from an earlier read.")
        stretchesReused = registry.makeCounter(descriptor: stretches, labels: [("result", "reused")])
        stretchesRead = registry.makeCounter(descriptor: stretches, labels: [("result", "read")])
    }

    /// Sets the metrics from `statistics`.
    func update(_ statistics: SampleStoreStatistics) {
        series.set(to: Double(statistics.series))
        headSamples.set(to: Double(statistics.headSamples))
        Self.advance(readsFromDatabase, to: statistics.seriesReadsFromDatabase, from: readsCounted)
        Self.advance(selectionsCached, to: statistics.selectionsCached, from: cachedCounted)
        Self.advance(selectionsComputed, to: statistics.selectionsComputed, from: computedCounted)
        Self.advance(stretchesReused, to: statistics.stretchFoldsReused, from: reusedCounted)
        Self.advance(stretchesRead, to: statistics.stretchFoldsRead, from: readCounted)
    }

    /// Increments `counter` by how far `total` is past the total when last read.
    private static func advance(_ counter: Counter, to total: Int, from counted: borrowing Atomic<Int>) {
        let before = counted.exchange(total, ordering: .relaxed)
        counter.increment(by: Int64(max(0, total - before)))
    }
}
