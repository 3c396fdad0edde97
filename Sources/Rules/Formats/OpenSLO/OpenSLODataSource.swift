/// A `DataSource`: the type of a metric source that SLIs name with `metricSourceRef`.
struct OpenSLODataSource: Sendable {
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.type`, e.g. `Prometheus`, with where it is written.
    var type: (name: String, location: SourceLocation)?
    /// Where it is defined.
    var location: SourceLocation
}
