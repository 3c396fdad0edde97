/// A `metricSource` of an SLI: where the data comes from and, for Prometheus, the query.
struct OpenSLOMetricSource: Sendable {
    /// `metricSourceRef`: the name of a `DataSource`.
    var reference: OpenSLOReferenceName?
    /// `type`, e.g. `Prometheus`, and where it is written.
    var type: (name: String, location: SourceLocation)?
    /// `spec.query` (or `spec.promql`) when it is a string.
    var query: QueryTemplate?
    /// Where the `metricSource` mapping is.
    var location: SourceLocation
    /// Its path inside the SLI, e.g. `spec.ratioMetric.good.metricSource`.
    var path: String
}
