/// The notification sections of `burnrate.yml`, in Alertmanager's syntax: `route`, `receivers`,
/// `inhibit_rules`, `time_intervals` (and the older `mute_time_intervals`), validated.
public struct NotificationConfig: Sendable, Hashable {
    /// The routing tree; nil when the file configures no notifications.
    public var route: RouteConfig?
    /// The receivers, by name in file order.
    public var receivers: [ReceiverConfig] = []
    /// The inhibition rules.
    public var inhibitRules: [InhibitRuleConfig] = []
    /// The named time intervals, from `time_intervals` and `mute_time_intervals`.
    public var timeIntervals: [TimeIntervalConfig] = []

    /// No notifications.
    public init() {}

    /// Creates a configuration.
    public init(route: RouteConfig?, receivers: [ReceiverConfig], inhibitRules: [InhibitRuleConfig] = [], timeIntervals: [TimeIntervalConfig] = []) {
        self.route = route
        self.receivers = receivers
        self.inhibitRules = inhibitRules
        self.timeIntervals = timeIntervals
    }

    /// The receiver called `name`.
    public func receiver(named name: String) -> ReceiverConfig? {
        receivers.first { $0.name == name }
    }

    /// The time interval called `name`.
    public func timeInterval(named name: String) -> TimeIntervalConfig? {
        timeIntervals.first { $0.name == name }
    }
}
