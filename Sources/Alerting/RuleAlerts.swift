public import Rules

/// An alerting rule that holds alerts (pending, firing, or resolved within retention), with them:
/// what notifications and incidents read after each evaluation, without the status of every
/// other rule.
public struct RuleAlerts: Sendable {
    /// The rule.
    public let rule: Rule
    /// Its alerts, sorted by labels.
    public let alerts: [AlertState]

    /// Pairs a rule with its alerts.
    public init(rule: Rule, alerts: [AlertState]) {
        self.rule = rule
        self.alerts = alerts
    }
}
