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
        let alerts: [String]?
    }

    /// The value Prometheus gives for a time that never happened.
    static let never = "0001-01-01T00:00:00Z"

    init(_ ruleSet: RuleSet, defaultInterval: Duration, type: String?) {
        groups = ruleSet.groups.map { group in
            Group(
                name: group.name,
                file: group.file,
                rules: group.rules.compactMap { rule in
                    switch rule {
                    case .recording(let recording):
                        guard type == nil || type == "record" else { return nil }
                        return RuleDocument(
                            name: recording.record, query: recording.expr, labels: recording.labels, health: "unknown",
                            lastError: nil, evaluationTime: 0, lastEvaluation: Self.never, type: "recording",
                            state: nil, duration: nil, keepFiringFor: nil, annotations: nil, alerts: nil)
                    case .alerting(let alerting):
                        guard type == nil || type == "alert" else { return nil }
                        return RuleDocument(
                            name: alerting.alert, query: alerting.expr, labels: alerting.labels, health: "unknown",
                            lastError: nil, evaluationTime: 0, lastEvaluation: Self.never, type: "alerting",
                            state: "inactive", duration: alerting.for.seconds, keepFiringFor: alerting.keepFiringFor.seconds,
                            annotations: alerting.annotations, alerts: [])
                    }
                },
                interval: (group.interval ?? defaultInterval).seconds,
                limit: group.limit,
                evaluationTime: 0,
                lastEvaluation: Self.never)
        }
        slos = type == nil || type == "slo" ? ruleSet.slos.map(SLODocument.init) : []
    }
}

extension Duration {
    /// The duration in seconds, as Prometheus' API gives durations.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
