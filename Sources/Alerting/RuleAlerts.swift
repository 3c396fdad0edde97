public import Rules

/// An alerting rule that holds alerts (pending, firing, or resolved within retention), with them:
/// what notifications and incidents read after each evaluation, without the status of every
/// other rule.
public struct RuleAlerts: Sendable {
    /// The rule.
    public let rule: Rule
    /// Its alerts, sorted by labels.
    public let alerts: [AlertState]
    /// How often the rule's group is evaluated (its own `interval`, or the default one).
    public let interval: Duration

    /// Pairs a rule with its alerts and its group's evaluation interval.
    public init(rule: Rule, alerts: [AlertState], interval: Duration) {
        self.rule = rule
        self.alerts = alerts
        self.interval = interval
    }
}
