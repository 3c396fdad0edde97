public import Delivery
public import Logging
public import Rules
internal import Storage

/// Alertmanager's dispatcher without a clock: routes the alerts it receives into aggregation
/// groups, flushes each group on its timers (`group_wait`, `group_interval`, `repeat_interval`),
/// mutes what inhibition rules, silences and time intervals mute, decides from the notification
/// log whether a flush notifies, and records each decision — webhook messages and log entries —
/// in the outbox in one call.
///
/// The caller passes the wall time (milliseconds since the epoch) to `receive(_:now:)` and
/// `tick(now:)` and sleeps until the time `tick` returns, so tests drive it with any times.
public actor Dispatcher {
    /// Settings that are not part of the configuration file.
    public struct Settings: Sendable {
        /// The URL Burnrate is reachable at (`externalURL` of payloads).
        public var externalURL: String
        /// How long a notification log entry is kept (Alertmanager's `--data.retention`).
        public var notificationLogRetention: Duration

        /// Creates settings.
        public init(externalURL: String = "", notificationLogRetention: Duration = .seconds(120 * 3600)) {
            self.externalURL = externalURL
            self.notificationLogRetention = notificationLogRetention
        }
    }

    struct GroupID: Hashable, Comparable {
        var route: String
        var key: String

        static func < (lhs: GroupID, rhs: GroupID) -> Bool {
            (lhs.route, lhs.key) < (rhs.route, rhs.key)
        }
    }

    let outbox: any Outbox
    let silences: any SilenceStore
    let settings: Settings
    let logger: Logger
    var config: NotificationConfig
    var tree: RouteNode?
    var inhibitor: Inhibitor
    var groups: [GroupID: AggregationGroup] = [:]
    /// The alerts received, by fingerprint (Alertmanager's alert provider).
    var alerts: [UInt64: NotifiableAlert] = [:]
    /// The notification log, by `NotificationLogRecord.key`.
    var log: [String: NotificationLogRecord] = [:]
    /// Whether the notification log was restored from the outbox.
    var restored = false
    /// The read of the notification log under way, which every call waits for.
    var restoring: Task<Result<[NotificationLogEntry], OutboxError>, Never>?
    /// Groups whose flush is being recorded (the outbox call has not returned): not flushed
    /// again meanwhile, since their log entry is not known yet.
    var flushing: Set<GroupID> = []

    /// A dispatcher for `config` (validated by `ConfigLoader`) writing to `outbox`.
    public init(config: NotificationConfig, outbox: any Outbox, silences: any SilenceStore, settings: Settings = Settings(), logger: Logger) {
        self.config = config
        self.outbox = outbox
        self.silences = silences
        self.settings = settings
        self.logger = logger
        tree = config.route.map(RouteNode.init(root:))
        inhibitor = Inhibitor(rules: config.inhibitRules)
    }

    /// A dispatcher with default settings but `externalURL`.
    public init(config: NotificationConfig, outbox: any Outbox, silences: any SilenceStore, externalURL: String, logger: Logger) {
        self.init(config: config, outbox: outbox, silences: silences, settings: Settings(externalURL: externalURL), logger: logger)
    }

    /// Puts a new configuration in force (reload): the groups are rebuilt from the alerts known,
    /// as Alertmanager does, and start with `group_wait`; the notification log is kept, so what
    /// was notified is not notified again.
    public func apply(config: NotificationConfig, now: Int64) {
        self.config = config
        tree = config.route.map(RouteNode.init(root:))
        inhibitor = Inhibitor(rules: config.inhibitRules)
        groups = [:]
        for alert in alerts.values.sorted(by: NotifiableAlert.precedes) {
            insert(alert, now: now)
        }
    }

    /// Takes the current alert set from rule evaluation: new and changed alerts go into their
    /// groups; an alert that was firing and is no longer in the set is resolved at `now`.
    /// Returns when `tick` is next due (call it then, or at once when that is `now`).
    @discardableResult
    public func receive(_ current: [NotifiableAlert], now: Int64) async -> Int64 {
        await restoreIfNeeded(now: now)
        var seen: Set<UInt64> = []
        for alert in current {
            let fingerprint = alert.fingerprint
            seen.insert(fingerprint)
            if alerts[fingerprint] == alert { continue }
            alerts[fingerprint] = alert
            insert(alert, now: now)
        }
        let time = AlertTimestamp.milliseconds(now)
        for (fingerprint, alert) in alerts where !seen.contains(fingerprint) {
            if alert.isResolved(at: time) {
                alerts[fingerprint] = nil
            } else {
                var resolved = alert
                resolved.endsAt = time
                alerts[fingerprint] = resolved
                insert(resolved, now: now)
            }
        }
        return nextDue
    }

    /// Flushes every group whose timer has come by `now`, and returns when the next one is due
    /// (`Int64.max` when there is no group).
    @discardableResult
    public func tick(now: Int64) async -> Int64 {
        await restoreIfNeeded(now: now)
        let due = groups.filter { $0.value.nextFlush <= now && !flushing.contains($0.key) }.keys.sorted()
        guard !due.isEmpty else { return nextDue }
        var active: [Silence] = []
        do {
            active = try await silences.active(at: now)
        } catch {
            logger.error("cannot read silences, notifying without them", metadata: ["error": "\(error.message)"])
        }
        let time = AlertTimestamp.milliseconds(now)
        let firing = alerts.values.filter { !$0.isResolved(at: time) }.map(\.labels)
        for id in due {
            await flush(id, now: now, silences: active, firing: firing)
        }
        return nextDue
    }

    /// When the next group is due, `Int64.max` when there is none (a group whose flush is being
    /// recorded is not counted: it is due again once that is done).
    public var nextDue: Int64 {
        groups.filter { !flushing.contains($0.key) }.map(\.value.nextFlush).min() ?? Int64.max
    }

    /// The groups, for status pages: key, receiver, alerts.
    public func groupStatus() -> [(groupKey: String, receiver: String, alerts: [NotifiableAlert])] {
        groups.keys.sorted().compactMap { id in
            guard let group = groups[id] else { return nil }
            return (group.key, group.route.receiver, group.alerts.values.sorted(by: NotifiableAlert.precedes))
        }
    }

    /// Puts `alert` into the group of every route it matches, creating groups as needed.
    private func insert(_ alert: NotifiableAlert, now: Int64) {
        guard let tree else { return }
        for route in tree.match(alert.labels) {
            let groupLabels = route.groupLabels(for: alert.labels)
            let id = GroupID(route: route.id, key: route.groupKey(for: groupLabels))
            var group = groups[id] ?? AggregationGroup(route: route, groupLabels: groupLabels, now: now)
            group.insert(alert, now: now)
            groups[id] = group
        }
    }

    /// Loads the notification log from the outbox once, so that a restart does not notify again
    /// what was notified before it. The read is shared: a call that comes while it is under way
    /// (the timer service's tick and the evaluation's alerts both come at start) waits for it
    /// rather than going on with an empty log, which would notify again every group that became
    /// due meanwhile — at once for alerts that fired before the restart.
    private func restoreIfNeeded(now: Int64) async {
        guard !restored else { return }
        let reading = restoring ?? Task { [outbox] () -> Result<[NotificationLogEntry], OutboxError> in
            do throws(OutboxError) {
                return .success(try await outbox.logEntries(now: now))
            } catch {
                return .failure(error)
            }
        }
        restoring = reading
        let result = await reading.value
        // The first caller to resume puts the log in place; the others find it there.
        guard !restored else { return }
        restored = true
        restoring = nil
        switch result {
        case .success(let entries):
            for entry in entries {
                guard let record = NotificationLogRecord(encoded: entry.payload) else {
                    logger.warning("ignoring an unreadable notification log entry", metadata: ["key": "\(entry.key)"])
                    continue
                }
                log[entry.key] = record
            }
        case .failure(let error):
            logger.error("cannot restore the notification log; notifications may repeat", metadata: ["error": "\(error.message)"])
        }
    }
}
