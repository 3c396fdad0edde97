/// One series of the workload: its label set in Prometheus' order (sorted by name, bytewise)
/// and the scrape target it belongs to.
public struct WorkloadSeries: Sendable {
    /// The labels, `__name__` included, sorted by name.
    public var labels: [(name: String, value: String)]
    /// The metric type, sent as metadata in remote-write 2.0.
    public var kind: MetricKind
    /// The index of the scrape target (pod); every series of a target shares its timestamps.
    public var target: Int

    /// Creates a series, sorting its labels by name.
    public init(labels: [(name: String, value: String)], kind: MetricKind, target: Int) {
        self.labels = labels.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.kind = kind
        self.target = target
    }

    /// The metric name.
    public var metricName: String {
        labels.first { $0.name == "__name__" }?.value ?? ""
    }
}
