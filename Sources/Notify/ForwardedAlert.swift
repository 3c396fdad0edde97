/// An alert to forward to an Alertmanager, with the evaluation interval of the rule group it
/// comes from: Prometheus sends a firing alert valid for four times the larger of that interval
/// and the resend delay.
public struct ForwardedAlert: Sendable, Hashable {
    /// The alert.
    public var alert: NotifiableAlert
    /// How often its rule group is evaluated.
    public var groupInterval: Duration

    /// Pairs an alert with its rule group's evaluation interval.
    public init(_ alert: NotifiableAlert, groupInterval: Duration) {
        self.alert = alert
        self.groupInterval = groupInterval
    }
}
