import Delivery

/// An `Outbox` whose notification log is read slowly: `logEntries` waits until the test lets it
/// through, to see what the dispatcher does with calls that come while it restores its log.
/// Records the messages enqueued, and keeps the log as a real outbox would.
actor HeldLogOutbox: Outbox {
    private var entries: [String: NotificationLogEntry]
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    /// How many times the log was read.
    private(set) var logReads = 0
    /// Every message enqueued, in order.
    private(set) var messages: [OutboxMessage] = []

    /// An outbox holding `log` (the notification log left by an earlier process).
    init(log: [NotificationLogEntry]) {
        entries = Dictionary(log.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    func enqueue(_ messages: [OutboxMessage], log: [NotificationLogEntry]) async throws(OutboxError) {
        self.messages += messages
        for entry in log { entries[entry.key] = entry }
    }

    func logEntries(now: Int64) async throws(OutboxError) -> [NotificationLogEntry] {
        logReads += 1
        if !isOpen { await withCheckedContinuation { waiting.append($0) } }
        return entries.values.filter { $0.expiresAt > now }.sorted { $0.key < $1.key }
    }

    /// Lets the waiting reads and every later one through.
    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
