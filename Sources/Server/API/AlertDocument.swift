internal import Alerting
internal import Storage

/// An alert as Prometheus' `/api/v1/alerts` and `/api/v1/rules` show it.
struct AlertDocument: Encodable, Sendable {
    let labels: [String: String]
    let annotations: [String: String]
    let state: String
    let activeAt: String
    let keepFiringSince: String?
    let value: String

    init(_ alert: AlertState) {
        var labels: [String: String] = [:]
        for label in alert.labels { labels[label.name] = label.value }
        self.labels = labels
        annotations = alert.annotations
        state = alert.phase.rawValue
        activeAt = RFC3339Time.format(milliseconds: alert.activeAt)
        keepFiringSince = alert.keepFiringSince.map { RFC3339Time.format(milliseconds: $0) }
        value = GoNumberFormat.shortestExponent(alert.value, letter: "e")
    }
}
