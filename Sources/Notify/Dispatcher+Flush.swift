internal import Delivery
internal import Logging
internal import Rules
internal import Storage

extension Dispatcher {
    /// One flush of a group at `now`: mute by time intervals, inhibition and silences, then per
    /// integration of the route's receiver decide from the notification log and build the
    /// payload; record messages and log entries in one outbox call. Resolved alerts that were
    /// part of a recorded flush leave the group.
    ///
    /// The group is read again after the outbox call: alerts received meanwhile stay, and only
    /// resolved alerts unchanged since the snapshot leave.
    ///
    /// Nothing happens when the group is no longer due, or while an earlier flush of it is being
    /// recorded: two callers (the evaluation's `tick` and the timer service's) may both have found
    /// it due before either began flushing it, or a slow outbox may still be recording the last
    /// flush when the next `group_interval` comes; deciding then, without the log entry of that
    /// flush, would notify twice.
    func flush(_ id: GroupID, now: Int64, silences: [Silence], firing: [Labels]) async {
        guard var group = groups[id], group.nextFlush <= now, !flushing.contains(id) else { return }
        flushing.insert(id)
        defer { flushing.remove(id) }
        let snapshot = group.beginFlush(now: now)
        groups[id] = group
        let route = group.route
        let time = AlertTimestamp.milliseconds(now)
        if isMutedByTime(route, now: now) {
            finishFlush(id, snapshot: snapshot, now: now)
            return
        }
        let alerts = snapshot.filter { alert in
            !inhibitor.mutes(alert.labels, firing: firing) && !silences.contains { $0.mutes(alert.labels, at: now) }
        }
        guard !alerts.isEmpty, let receiver = config.receiver(named: route.receiver) else {
            finishFlush(id, snapshot: snapshot, now: now)
            return
        }
        let firingSet = Set(alerts.filter { !$0.isResolved(at: time) }.map(\.fingerprint))
        let resolvedSet = Set(alerts.filter { $0.isResolved(at: time) }.map(\.fingerprint))
        var messages: [OutboxMessage] = []
        var entries: [NotificationLogEntry] = []
        var records: [String: NotificationLogRecord] = [:]
        for (index, webhook) in receiver.webhookConfigs.enumerated() {
            let integration = "webhook/\(index)"
            let logKey = NotificationLogRecord.key(receiver: receiver.name, integration: integration, groupKey: group.key)
            guard NotificationLogRecord.needsUpdate(
                previous: log[logKey], firing: firingSet, resolved: resolvedSet, sendResolved: webhook.sendResolved,
                repeatInterval: route.repeatInterval, now: now)
            else { continue }
            // Without send_resolved, resolved alerts are left out; a flush with only resolved
            // alerts sends nothing but is still logged, so that the log forgets them.
            let sent = webhook.sendResolved ? alerts : alerts.filter { !$0.isResolved(at: time) }
            if !sent.isEmpty {
                let payload = WebhookPayload(
                    receiver: receiver.name, groupKey: group.key, groupLabels: group.groupLabels, alerts: sent, maxAlerts: webhook.maxAlerts,
                    externalURL: settings.externalURL, now: time)
                messages.append(OutboxMessage(
                    id: MessageID.make(receiver: receiver.name, integration: integration, groupKey: group.key, time: now),
                    receiver: receiver.name, integration: integration, groupKey: group.key, body: payload.json, createdAt: now))
            }
            let record = NotificationLogRecord(firing: firingSet, resolved: resolvedSet, timestamp: now)
            records[logKey] = record
            entries.append(NotificationLogEntry(key: logKey, payload: record.encoded, expiresAt: now + Self.milliseconds(settings.notificationLogRetention)))
        }
        if !entries.isEmpty {
            do {
                try await outbox.enqueue(messages, log: entries)
            } catch {
                // Nothing was recorded: the resolved alerts stay, and the next tick decides again.
                logger.error("cannot record notifications, will retry at the next group interval", metadata: [
                    "group": "\(group.key)", "receiver": "\(receiver.name)", "error": "\(error.message)",
                ])
                return
            }
            for (key, record) in records { log[key] = record }
            logger.debug("notifications recorded", metadata: ["group": "\(group.key)", "receiver": "\(receiver.name)", "messages": "\(messages.count)"])
        }
        finishFlush(id, snapshot: snapshot, now: now)
    }

    /// Drops the snapshot's resolved alerts from the group as it is now, and the group if empty.
    private func finishFlush(_ id: GroupID, snapshot: [NotifiableAlert], now: Int64) {
        guard var group = groups[id] else { return }
        group.finishFlush(snapshot, now: now)
        groups[id] = group.isEmpty ? nil : group
    }

    /// Whether the route's mute time intervals contain `now`, or its active time intervals
    /// (when it has any) do not.
    private func isMutedByTime(_ route: RouteNode, now: Int64) -> Bool {
        for name in route.muteTimeIntervals {
            if config.timeInterval(named: name)?.contains(now) == true { return true }
        }
        if !route.activeTimeIntervals.isEmpty {
            let active = route.activeTimeIntervals.contains { config.timeInterval(named: $0)?.contains(now) == true }
            if !active { return true }
        }
        return false
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
