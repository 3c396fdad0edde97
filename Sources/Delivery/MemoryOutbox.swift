/// An outbox in memory, with the semantics of `SQLiteOutbox`: the test double of the deliverer's
/// and the dispatcher's tests, and an outbox for runs that need no durability.
public actor MemoryOutbox: OutboxQueue {
    private var recordsByID: [String: OutboxRecord] = [:]
    private var log: [String: NotificationLogEntry] = [:]
    private var nextSequence: Int64 = 1

    public nonisolated let signal = OutboxSignal()

    /// An empty outbox.
    public init() {}

    /// See `Outbox.enqueue(_:log:)`. A message whose id is already in the outbox is left as it is.
    public func enqueue(_ messages: [OutboxMessage], log entries: [NotificationLogEntry]) async throws(OutboxError) {
        for message in messages where recordsByID[message.id] == nil {
            recordsByID[message.id] = OutboxRecord(message: message, sequence: nextSequence, nextAttemptAt: message.createdAt)
            nextSequence += 1
        }
        for entry in entries { log[entry.key] = entry }
        signal.raise()
    }

    /// See `Outbox.logEntries(now:)`.
    public func logEntries(now: Int64) async throws(OutboxError) -> [NotificationLogEntry] {
        log.values.filter { $0.expiresAt > now }.sorted { $0.key < $1.key }
    }

    /// See `OutboxQueue.due(now:limit:)`.
    public func due(now: Int64, limit: Int) async throws(OutboxError) -> [OutboxRecord] {
        Array(heads().filter { $0.nextAttemptAt <= now }.sorted(by: Self.dueOrder).prefix(limit))
    }

    /// See `OutboxQueue.nextDueTime(after:)`.
    public func nextDueTime(after: Int64) async throws(OutboxError) -> Int64? {
        heads().map(\.nextAttemptAt).filter { $0 > after }.min()
    }

    /// See `OutboxQueue.record(_:id:at:)`.
    public func record(_ outcome: DeliveryOutcome, id: String, at time: Int64) async throws(OutboxError) {
        guard var record = recordsByID[id], record.state == .pending else {
            throw OutboxError("message \(id) is not pending")
        }
        record.apply(outcome, at: time)
        recordsByID[id] = record
    }

    /// See `OutboxQueue.records(in:limit:)`.
    public func records(in state: OutboxState, limit: Int) async throws(OutboxError) -> [OutboxRecord] {
        let matching = recordsByID.values.filter { $0.state == state }
        return Array(matching.sorted { ($0.lastAttemptAt ?? 0, $0.sequence) > ($1.lastAttemptAt ?? 0, $1.sequence) }.prefix(limit))
    }

    /// See `OutboxQueue.record(id:)`.
    public func record(id: String) async throws(OutboxError) -> OutboxRecord? {
        recordsByID[id]
    }

    /// See `OutboxQueue.counts()`.
    public func counts() async throws(OutboxError) -> OutboxCounts {
        var counts = OutboxCounts()
        for record in recordsByID.values { counts[record.state] += 1 }
        return counts
    }

    /// See `OutboxQueue.prune(deliveredBefore:deadBefore:now:)`.
    public func prune(deliveredBefore: Int64, deadBefore: Int64, now: Int64) async throws(OutboxError) -> Int {
        let doomed = recordsByID.values.filter { record in
            switch record.state {
            case .pending: false
            case .delivered: (record.deliveredAt ?? 0) < deliveredBefore
            case .dead: (record.lastAttemptAt ?? 0) < deadBefore
            }
        }
        for record in doomed { recordsByID[record.message.id] = nil }
        log = log.filter { $0.value.expiresAt > now }
        return doomed.count
    }

    private func heads() -> [OutboxRecord] {
        var heads: [OutboxRecord.OrderKey: OutboxRecord] = [:]
        for record in recordsByID.values where record.state == .pending {
            let key = record.orderKey
            if let head = heads[key], head.sequence < record.sequence { continue }
            heads[key] = record
        }
        return Array(heads.values)
    }

    private static func dueOrder(_ lhs: OutboxRecord, _ rhs: OutboxRecord) -> Bool {
        (lhs.nextAttemptAt, lhs.sequence) < (rhs.nextAttemptAt, rhs.sequence)
    }
}
