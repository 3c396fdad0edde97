/// One incident: a stretch of trouble on one key (an SLO and its group labels, or the key labels
/// of a rule alert), from the first alert that fired to the resolution of the last, with what the
/// SLI says about its impact. Times are milliseconds since the Unix epoch.
public struct Incident: Sendable, Hashable, Codable, Identifiable {
    /// The id, increasing in order of creation.
    public var id: Int64
    /// The key in canonical form (`name="value",…`, sorted): what incidents are merged on.
    public var key: String
    /// The key's labels.
    public var keyLabels: [String: String]
    /// The SLO (`sloth_id`), for SLO alerts.
    public var slo: String?
    /// The service (`sloth_service`, else the alerts' `service` label).
    public var service: String?
    /// The highest severity of its alerts.
    public var severity: String
    /// Open, acknowledged or resolved.
    public var status: IncidentStatus
    /// When user impact began, by the SLI's 5m burn rate; nil until analysed.
    public var impactStartedAt: Int64?
    /// When its first alert fired.
    public var detectedAt: Int64
    /// When it was first acknowledged.
    public var acknowledgedAt: Int64?
    /// Who acknowledged it.
    public var acknowledgedBy: String?
    /// When it was (last) resolved.
    public var resolvedAt: Int64?
    /// Who resolved it by hand; nil when its alerts resolved it.
    public var resolvedBy: String?
    /// When the SLI recovered: the 5m burn rate at or under 1 from then on.
    public var recoveredAt: Int64?
    /// The error budget spent from impact start to recovery, as a fraction of the period's budget.
    public var budgetConsumed: Double?
    /// The highest 5m burn rate seen.
    public var peakBurnRate: Double?
    /// How many times it reopened: its key fired again soon after it resolved.
    public var flapCount: Int
    /// Set when it is left out of the statistics.
    public var flag: IncidentFlag?
    /// Its alerts.
    public var alerts: [IncidentAlert]
    /// What happened, in order.
    public var timeline: [IncidentTimelineEntry]
    /// Notes people wrote.
    public var notes: [IncidentNote]

    /// A new open incident on `key`, detected by `alert` firing.
    public init(id: Int64, key: IncidentKey, alert: IncidentAlert) {
        self.id = id
        self.key = key.canonical
        self.keyLabels = key.labels
        self.slo = alert.labels["sloth_id"]
        self.service = alert.labels["sloth_service"] ?? alert.labels["service"]
        self.severity = alert.severity
        self.status = .open
        self.detectedAt = alert.firedAt
        self.flapCount = 0
        self.alerts = [alert]
        self.timeline = [IncidentTimelineEntry(time: alert.firedAt, kind: .opened, text: "\(Self.describe(alert)) fired")]
        self.notes = []
    }

    /// A short title: the SLO or the first alert's name, with the key labels.
    public var title: String {
        let subject = slo ?? alerts.first?.name ?? key
        let extra = keyLabels.filter { $0.key != "sloth_id" && $0.key != "alertname" }.sorted { $0.key < $1.key }
        return extra.isEmpty ? subject : subject + "{" + extra.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",") + "}"
    }

    /// `name (severity)`, for timeline entries.
    static func describe(_ alert: IncidentAlert) -> String {
        alert.severity.isEmpty ? alert.name : "\(alert.name) (\(alert.severity))"
    }
}
