/// A message of the outbox with its delivery state: what the deliverer takes and what the API
/// shows of a dead letter.
public struct OutboxRecord: Sendable, Hashable {
    /// The message as the dispatcher decided it.
    public var message: OutboxMessage
    /// Its place in the order of enqueueing (increasing, never reused): messages of one group
    /// and integration are delivered in this order.
    public var sequence: Int64
    /// Pending, delivered or dead.
    public var state: OutboxState
    /// How many attempts were made.
    public var attempts: Int
    /// When it is due next (pending messages), milliseconds since the epoch.
    public var nextAttemptAt: Int64
    /// When the last attempt ended, milliseconds since the epoch.
    public var lastAttemptAt: Int64?
    /// The HTTP status of the last attempt, if it got an answer.
    public var lastStatus: Int?
    /// What went wrong in the last attempt.
    public var lastError: String?
    /// When it was delivered, milliseconds since the epoch.
    public var deliveredAt: Int64?

    /// Creates a record.
    public init(
        message: OutboxMessage, sequence: Int64, state: OutboxState = .pending, attempts: Int = 0, nextAttemptAt: Int64,
        lastAttemptAt: Int64? = nil, lastStatus: Int? = nil, lastError: String? = nil, deliveredAt: Int64? = nil
    ) {
        self.message = message
        self.sequence = sequence
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }

    /// The unit of delivery order: its integration and group key.
    public var orderKey: OrderKey { OrderKey(integration: IntegrationKey(message), groupKey: message.groupKey) }

    /// One integration's aggregation group: its messages are delivered one at a time, in order.
    public struct OrderKey: Sendable, Hashable {
        public var integration: IntegrationKey
        public var groupKey: String
    }
}
