/// What incidents are merged on: for an SLO alert, `sloth_id` and the SLO's `group_by` labels;
/// for a rule alert, the configured key labels it has (`alertname` by default).
public struct IncidentKey: Sendable, Hashable {
    /// The labels.
    public var labels: [String: String]

    /// Creates a key.
    public init(labels: [String: String]) {
        self.labels = labels
    }

    /// The key of an alert's labels: `sloth_id` plus `groupBy` when it has a `sloth_id`, else the
    /// `keyLabels` it has (all of its labels when it has none of them).
    public init(alert: [String: String], groupBy: [String], keyLabels: [String]) {
        var labels: [String: String] = [:]
        if let slo = alert["sloth_id"] {
            labels["sloth_id"] = slo
            for name in groupBy { if let value = alert[name] { labels[name] = value } }
        } else {
            for name in keyLabels { if let value = alert[name] { labels[name] = value } }
            if labels.isEmpty { labels = alert }
        }
        self.labels = labels
    }

    /// `name="value",…` sorted by name: the form stored and compared.
    public var canonical: String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
    }
}
