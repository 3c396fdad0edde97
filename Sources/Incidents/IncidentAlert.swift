/// One alert attached to an incident: the latest firing of one label set.
public struct IncidentAlert: Sendable, Hashable, Codable {
    /// The alert's labels.
    public var labels: [String: String]
    /// Its severity (`sloth_severity`, else `severity`; empty when it has neither).
    public var severity: String
    /// When this label set first fired for the incident, in milliseconds.
    public var firstFiredAt: Int64
    /// When its latest firing began.
    public var firedAt: Int64
    /// When its latest firing resolved; nil while it fires.
    public var resolvedAt: Int64?

    /// Creates an attached alert, firing since `firedAt`.
    public init(labels: [String: String], severity: String, firedAt: Int64) {
        self.labels = labels
        self.severity = severity
        self.firstFiredAt = firedAt
        self.firedAt = firedAt
    }

    /// The alert's name (`alertname`).
    public var name: String { labels["alertname"] ?? "" }

    /// Whether it fires.
    public var isFiring: Bool { resolvedAt == nil }
}
