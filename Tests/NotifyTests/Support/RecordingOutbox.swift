import Delivery

/// An `Outbox` in memory that records every call, for the dispatcher's tests; it can be told
/// to fail, and keeps the notification log as a real outbox would (expired entries left out).
actor RecordingOutbox: Outbox {
    struct Call {
        var messages: [OutboxMessage]
        var log: [NotificationLogEntry]
    }

    private(set) var calls: [Call] = []
    private var entries: [String: NotificationLogEntry] = [:]
    /// When true, `enqueue` throws and records nothing.
    var failing = false

    func setFailing(_ value: Bool) { failing = value }

    func enqueue(_ messages: [OutboxMessage], log: [NotificationLogEntry]) throws(OutboxError) {
        if failing { throw OutboxError("disk full") }
        calls.append(Call(messages: messages, log: log))
        for entry in log { entries[entry.key] = entry }
    }

    func logEntries(now: Int64) -> [NotificationLogEntry] {
        entries.values.filter { $0.expiresAt > now }.sorted { $0.key < $1.key }
    }

    /// Every message so far, in order.
    var messages: [OutboxMessage] { calls.flatMap(\.messages) }
}
