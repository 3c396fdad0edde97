/// The type of a metric family, as Prometheus' metadata names it.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    /// Not specified, or not known.
    case unknown
    /// A monotonically increasing counter.
    case counter
    /// A value that goes up and down.
    case gauge
    /// A (classic or native) histogram.
    case histogram
    /// A gauge histogram.
    case gaugeHistogram = "gaugehistogram"
    /// A summary with quantiles.
    case summary
    /// An info metric.
    case info
    /// A state set.
    case stateset
}
