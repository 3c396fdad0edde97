/// Type, help and unit of a metric family, as remote-write sends them and
/// `/api/v1/metadata` returns them.
public struct MetricMetadata: Sendable, Hashable {
    /// The metric family name.
    public var metric: String
    /// The metric type.
    public var type: MetricType
    /// The help text; empty when not sent.
    public var help: String
    /// The unit; empty when not sent.
    public var unit: String

    /// Creates a metadata entry.
    public init(metric: String, type: MetricType, help: String = "", unit: String = "") {
        self.metric = metric
        self.type = type
        self.help = help
        self.unit = unit
    }
}
