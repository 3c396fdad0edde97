/// The durable queue between deciding a notification and delivering it.
///
/// `enqueue` records messages and notification-log entries in one transaction; the deliverer
/// takes due messages, and records each attempt's outcome. Implementations: `MemoryOutbox` (tests),
/// `SQLiteOutbox` (the service: tables `notification_outbox` and `notification_log`).
public protocol Outbox: Sendable {
    /// Durably records `messages` (state pending, due at once) and replaces the log entries of
    /// the same keys with `log`, all or nothing.
    func enqueue(_ messages: [OutboxMessage], log: [NotificationLogEntry]) async throws(OutboxError)
    /// The notification log, for the dispatcher to restore at start (expired entries left out).
    func logEntries(now: Int64) async throws(OutboxError) -> [NotificationLogEntry]
}
