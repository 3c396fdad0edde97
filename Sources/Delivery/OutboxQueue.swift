/// The deliverer's side of the outbox: due messages, outcomes, dead letters, counts, pruning.
///
/// Kept apart from `Outbox` (the dispatcher's side) so that a dispatcher's test double needs only
/// `enqueue` and `logEntries`. Every method that changes state is one transaction.
public protocol OutboxQueue: Outbox {
    /// Raised after every enqueue that committed, so that a sleeping deliverer wakes at once.
    var signal: OutboxSignal { get }

    /// Pending messages whose next attempt time is at most `now` and that head their group
    /// (the oldest pending message of their integration and group key: a group's later messages
    /// wait for it), by next attempt time then sequence, at most `limit`.
    func due(now: Int64, limit: Int) async throws(OutboxError) -> [OutboxRecord]

    /// The earliest next attempt time later than `after` of a message heading its group, nil
    /// when there is none. (Heads due by `after` are what `due` returns; the deliverer asks for
    /// the next time beyond those, some of which it has in flight.)
    func nextDueTime(after: Int64) async throws(OutboxError) -> Int64?

    /// Records the outcome of an attempt on the pending message `id` that ended at `at`: one
    /// transaction that counts the attempt and moves the message to its new state. Throws when
    /// the message is not pending.
    func record(_ outcome: DeliveryOutcome, id: String, at: Int64) async throws(OutboxError)

    /// The messages in `state`, most recent last attempt first (dead letters: most recently dead
    /// first), at most `limit`.
    func records(in state: OutboxState, limit: Int) async throws(OutboxError) -> [OutboxRecord]

    /// The message `id` in whatever state, nil when it is unknown (or pruned).
    func record(id: String) async throws(OutboxError) -> OutboxRecord?

    /// How many messages are in each state.
    func counts() async throws(OutboxError) -> OutboxCounts

    /// Deletes delivered messages delivered before `deliveredBefore`, dead letters whose last
    /// attempt was before `deadBefore`, and expired log entries (`expires_at <= now`); returns
    /// how many messages were deleted.
    func prune(deliveredBefore: Int64, deadBefore: Int64, now: Int64) async throws(OutboxError) -> Int
}

extension OutboxQueue {
    /// The earliest next attempt time of a message heading its group, nil when nothing is pending.
    public func nextDueTime() async throws(OutboxError) -> Int64? {
        try await nextDueTime(after: Int64.min)
    }

    /// The dead letters, most recent first, at most `limit`.
    public func deadLetters(limit: Int = 1000) async throws(OutboxError) -> [OutboxRecord] {
        try await records(in: .dead, limit: limit)
    }
}
