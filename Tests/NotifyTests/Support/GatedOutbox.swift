import Delivery

/// An `Outbox` whose `enqueue` waits until the test opens the gate, to see what the dispatcher
/// does with alerts that arrive while a flush is being recorded.
actor GatedOutbox: Outbox {
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    private(set) var enqueued = 0

    func enqueue(_ messages: [OutboxMessage], log: [NotificationLogEntry]) async throws(OutboxError) {
        if !isOpen { await withCheckedContinuation { waiting.append($0) } }
        enqueued += 1
    }

    func logEntries(now: Int64) -> [NotificationLogEntry] { [] }

    /// How many calls are waiting at the gate.
    var pending: Int { waiting.count }

    /// Lets the waiting calls and every later one through.
    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
