/// The `incidents:` section of `burnrate.yml`: when alerts open incidents and how they merge.
public struct IncidentsConfig: Sendable, Hashable {
    /// Severities whose alerts open an incident when they start firing (`sloth_severity`, else
    /// `severity`): SLO page alerts by default.
    public var openOn: [String] = ["page"]
    /// The labels that key incidents of rule alerts; SLO alerts are keyed by `sloth_id` and the
    /// SLO's `group_by`.
    public var keyLabels: [String] = ["alertname"]
    /// How soon after resolving an incident reopens (a flap) instead of a new one opening.
    public var reopenWithin: Duration = .seconds(30 * 60)
    /// Receivers (of the `receivers:` section) whose webhooks get the incident events (opened,
    /// reopened, acknowledged, resolved) through the notification outbox; none by default.
    public var receivers: [String] = []

    /// The defaults.
    public init() {}
}
