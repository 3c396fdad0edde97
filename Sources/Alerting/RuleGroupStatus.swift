public import Rules

/// A rule group as it stands between evaluations, for `GET /api/v1/rules` and `/api/v1/alerts`.
public struct RuleGroupStatus: Sendable {
    /// The group.
    public var group: RuleGroup
    /// Its evaluation interval.
    public var interval: Duration
    /// When it was last evaluated (wall time, milliseconds), if it has been.
    public var lastEvaluation: Int64?
    /// How long the last evaluation took.
    public var evaluationDuration: Duration
    /// Its rules, in order.
    public var rules: [RuleStatus]

    /// Creates a status.
    public init(group: RuleGroup, interval: Duration, lastEvaluation: Int64?, evaluationDuration: Duration, rules: [RuleStatus]) {
        self.group = group
        self.interval = interval
        self.lastEvaluation = lastEvaluation
        self.evaluationDuration = evaluationDuration
        self.rules = rules
    }
}

/// One rule as it stands between evaluations.
public struct RuleStatus: Sendable {
    /// Whether the last evaluation worked, as Prometheus reports it.
    public enum Health: String, Sendable {
        case unknown, ok, err
    }

    /// The rule.
    public var rule: Rule
    /// Its health.
    public var health: Health
    /// The error of the last evaluation, if it failed.
    public var lastError: String?
    /// When it was last evaluated (wall time, milliseconds).
    public var lastEvaluation: Int64?
    /// How long its last evaluation took.
    public var evaluationDuration: Duration
    /// Its alerts (alerting rules): pending, firing and resolved within retention.
    public var alerts: [AlertState]

    /// Creates a status.
    public init(rule: Rule, health: Health, lastError: String?, lastEvaluation: Int64?, evaluationDuration: Duration, alerts: [AlertState]) {
        self.rule = rule
        self.health = health
        self.lastError = lastError
        self.lastEvaluation = lastEvaluation
        self.evaluationDuration = evaluationDuration
        self.alerts = alerts
    }

    /// The rule's state as Prometheus gives it: the highest phase of its active alerts.
    public var state: AlertState.Phase {
        if alerts.contains(where: { $0.phase == .firing }) { return .firing }
        if alerts.contains(where: { $0.phase == .pending }) { return .pending }
        return .inactive
    }
}
