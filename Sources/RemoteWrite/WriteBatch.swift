/// The decoded content of one remote-write request (1.0 or 2.0), as plain values.
///
/// Series keep the request's order; a label set may appear more than once (Prometheus sends an
/// exemplar or a second timestamp of a series as its own entry). Labels are validated and
/// sorted by name; empty label values are dropped, as Prometheus treats them as absent.
public struct WriteBatch: Sendable {
    /// The protocol version the request was decoded as.
    public var version: RemoteWriteVersion
    /// Every series entry of the request, in request order.
    public var series: [Series]
    /// Metadata per metric family: sent separately in 1.0, gathered from the series in 2.0.
    public var metadata: [MetricMetadata]

    /// Creates a batch from already decoded parts.
    public init(version: RemoteWriteVersion, series: [Series] = [], metadata: [MetricMetadata] = []) {
        self.version = version
        self.series = series
        self.metadata = metadata
    }

    /// The number of float samples over all series (stale markers included).
    public var sampleCount: Int {
        series.reduce(0) { $0 + $1.samples.count }
    }

    /// The number of native histogram samples over all series.
    public var histogramCount: Int {
        series.reduce(0) { $0 + $1.histograms.count }
    }

    /// The number of exemplars over all series.
    public var exemplarCount: Int {
        series.reduce(0) { $0 + $1.exemplars.count }
    }
}
