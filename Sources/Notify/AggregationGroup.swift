internal import Storage

/// The alerts of one route with the same group labels, and the group's timer: its first flush
/// comes `group_wait` after it was created (at once when an alert already started more than
/// `group_wait` ago), later ones every `group_interval`.
///
/// A value type with no clock: the dispatcher passes the time in.
struct AggregationGroup: Sendable {
    /// The route the group belongs to.
    let route: RouteNode
    /// The labels the alerts share by `group_by`.
    let groupLabels: Labels
    /// The group key (`groupKey` of the payload, the notification log's key).
    let key: String
    /// The alerts by fingerprint.
    private(set) var alerts: [UInt64: NotifiableAlert] = [:]
    /// When the group is next flushed, milliseconds since the epoch.
    private(set) var nextFlush: Int64
    /// Whether the group was flushed at least once.
    private(set) var hasFlushed = false

    /// A new, empty group created at `now`.
    init(route: RouteNode, groupLabels: Labels, now: Int64) {
        self.route = route
        self.groupLabels = groupLabels
        key = route.groupKey(for: groupLabels)
        nextFlush = now + route.groupWait
    }

    /// Adds or replaces an alert. Before the first flush, an alert that started more than
    /// `group_wait` ago makes the group flush at once.
    mutating func insert(_ alert: NotifiableAlert, now: Int64) {
        alerts[alert.fingerprint] = alert
        if !hasFlushed, alert.startsAt.nanoseconds + route.groupWait * 1_000_000 < now * 1_000_000 {
            nextFlush = min(nextFlush, now)
        }
    }

    /// Starts a flush at `now`: the next one is due `group_interval` later. Returns the alerts
    /// in Alertmanager's order, firing ones without their end time.
    mutating func beginFlush(now: Int64) -> [NotifiableAlert] {
        nextFlush = now + route.groupInterval
        hasFlushed = true
        return alerts.values.sorted(by: NotifiableAlert.precedes)
    }

    /// After a flush whose notifications were recorded: drops the resolved alerts of the
    /// snapshot that did not change meanwhile.
    mutating func finishFlush(_ snapshot: [NotifiableAlert], now: Int64) {
        let time = AlertTimestamp.milliseconds(now)
        for alert in snapshot where alert.isResolved(at: time) && alerts[alert.fingerprint] == alert {
            alerts[alert.fingerprint] = nil
        }
    }

    /// Whether the group holds no alert.
    var isEmpty: Bool { alerts.isEmpty }
}
