internal import Alerting
internal import Rules

/// The `data` of `GET /api/v1/rules`: Prometheus' rule groups, extended with the SLOs.
struct RulesDocument: Encodable, Sendable {
    let groups: [Group]
    let slos: [SLODocument]

    /// A rule group as Prometheus shows it.
    struct Group: Encodable, Sendable {
        let name: String
        let file: String
        let rules: [RuleDocument]
        let interval: Double
        let limit: Int
        let evaluationTime: Double
        let lastEvaluation: String
    }

    /// A recording or alerting rule as Prometheus shows it; alerting fields are absent for recording rules.
    struct RuleDocument: Encodable, Sendable {
        let name: String
        let query: String
        let labels: [String: String]
        let health: String
        let lastError: String?
        let evaluationTime: Double
        let lastEvaluation: String
        let type: String
        // Alerting rules only.
        let state: String?
        let duration: Double?
        let keepFiringFor: Double?
        let annotations: [String: String]?
        let alerts: [AlertDocument]?
    }

    /// The value Prometheus gives for a time that never happened.
    static let never = "0001-01-01T00:00:00Z"

    init(_ statuses: [RuleGroupStatus], slos definitions: [SLO], type: String?) {
        groups = statuses.map { status in
            Group(
                name: status.group.name,
                file: status.group.file,
                rules: status.rules.compactMap { Self.rule($0, type: type) },
                interval: status.interval.seconds,
                limit: status.group.limit,
                evaluationTime: status.evaluationDuration.seconds,
                lastEvaluation: Self.time(status.lastEvaluation))
        }
        slos = type == nil || type == "slo" ? definitions.map(SLODocument.init) : []
    }

    private static func rule(_ status: RuleStatus, type: String?) -> RuleDocument? {
        let health = status.health.rawValue
        let evaluated = time(status.lastEvaluation)
        switch status.rule {
        case .recording(let recording):
            guard type == nil || type == "record" else { return nil }
            return RuleDocument(
                name: recording.record, query: recording.expr, labels: recording.labels, health: health,
                lastError: status.lastError, evaluationTime: status.evaluationDuration.seconds, lastEvaluation: evaluated,
                type: "recording", state: nil, duration: nil, keepFiringFor: nil, annotations: nil, alerts: nil)
        case .alerting(let alerting):
            guard type == nil || type == "alert" else { return nil }
            return RuleDocument(
                name: alerting.alert, query: alerting.expr, labels: alerting.labels, health: health,
                lastError: status.lastError, evaluationTime: status.evaluationDuration.seconds, lastEvaluation: evaluated,
                type: "alerting", state: status.state.rawValue, duration: alerting.for.seconds,
                keepFiringFor: alerting.keepFiringFor.seconds, annotations: alerting.annotations,
                alerts: status.alerts.filter(\.isActive).map(AlertDocument.init))
        }
    }

    private static func time(_ milliseconds: Int64?) -> String {
        milliseconds.map { RFC3339Time.format(milliseconds: $0) } ?? never
    }
}

extension Duration {
    /// The duration in seconds, as Prometheus' API gives durations.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
