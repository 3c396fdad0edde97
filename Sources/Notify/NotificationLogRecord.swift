internal import Foundation

/// What was last notified for one receiver integration and group, as Alertmanager's
/// notification log keeps it: the fingerprints announced as firing and as resolved, and when.
struct NotificationLogRecord: Sendable, Hashable, Codable {
    /// Fingerprints of the alerts announced as firing.
    var firing: Set<UInt64>
    /// Fingerprints of the alerts announced as resolved.
    var resolved: Set<UInt64>
    /// When, milliseconds since the epoch.
    var timestamp: Int64

    /// Whether a notification is due for a group whose alerts are now `firing` and `resolved`,
    /// given the last record (nil when nothing was notified yet), following Alertmanager 0.25:
    /// a firing alert not announced before; all alerts resolved after some were announced as
    /// firing (whatever `send_resolved`, so the log is cleared); a newly resolved alert when
    /// resolved alerts are sent; or the repeat interval passed. Nothing for a group whose first
    /// notification would hold only resolved alerts.
    static func needsUpdate(
        previous: NotificationLogRecord?, firing: Set<UInt64>, resolved: Set<UInt64>, sendResolved: Bool, repeatInterval: Int64,
        now: Int64
    ) -> Bool {
        guard let previous else { return !firing.isEmpty }
        if !firing.isSubset(of: previous.firing) { return true }
        if firing.isEmpty { return !previous.firing.isEmpty }
        if sendResolved, !resolved.isSubset(of: previous.resolved) { return true }
        return previous.timestamp < now - repeatInterval
    }

    /// The record as stored in the outbox's notification log.
    var encoded: [UInt8] {
        let stored = Stored(
            firing: firing.sorted().map(NotifiableAlert.hex), resolved: resolved.sorted().map(NotifiableAlert.hex), timestamp: timestamp)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(stored)).map { Array($0) } ?? []
    }

    /// Reads a stored record; nil when it is not one.
    init?(encoded bytes: [UInt8]) {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)) else { return nil }
        var firing: Set<UInt64> = []
        var resolved: Set<UInt64> = []
        for text in stored.firing {
            guard let value = UInt64(text, radix: 16) else { return nil }
            firing.insert(value)
        }
        for text in stored.resolved {
            guard let value = UInt64(text, radix: 16) else { return nil }
            resolved.insert(value)
        }
        self.init(firing: firing, resolved: resolved, timestamp: stored.timestamp)
    }

    init(firing: Set<UInt64>, resolved: Set<UInt64>, timestamp: Int64) {
        self.firing = firing
        self.resolved = resolved
        self.timestamp = timestamp
    }

    private struct Stored: Codable {
        var firing: [String]
        var resolved: [String]
        var timestamp: Int64
    }

    /// The log key of a receiver integration and group: a JSON array, unambiguous whatever the
    /// names contain.
    static func key(receiver: String, integration: String, groupKey: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode([receiver, integration, groupKey])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
