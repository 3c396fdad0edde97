/// One notification to deliver: a webhook request decided by the dispatcher (`Notify`), written to
/// the outbox before it is sent and kept until it is delivered or dead-lettered.
public struct OutboxMessage: Sendable, Hashable {
    /// The notification's id, sent as `webhook-id`: the same on every retry, unique per decided
    /// notification, so that a receiver can drop a duplicate.
    public var id: String
    /// The receiver's name in the configuration.
    public var receiver: String
    /// The receiver's integration the message goes to, e.g. `webhook/0` (the first of its
    /// `webhook_configs`); the key of its `WebhookEndpoint`.
    public var integration: String
    /// The aggregation group's key; messages of one group and integration are delivered in order.
    public var groupKey: String
    /// The request body (Alertmanager's webhook JSON).
    public var body: [UInt8]
    /// When it was decided, milliseconds since the epoch.
    public var createdAt: Int64

    /// Creates a message.
    public init(id: String, receiver: String, integration: String, groupKey: String, body: [UInt8], createdAt: Int64) {
        self.id = id
        self.receiver = receiver
        self.integration = integration
        self.groupKey = groupKey
        self.body = body
        self.createdAt = createdAt
    }
}

/// An entry of the notification log: what the dispatcher remembers of a notification it decided
/// (the alerts it announced as firing and resolved), opaque to the outbox, stored in the same
/// transaction as the messages so that a crash can neither lose a decision nor repeat it.
public struct NotificationLogEntry: Sendable, Hashable {
    /// The entry's key (the dispatcher's: receiver, integration and group key).
    public var key: String
    /// The dispatcher's record.
    public var payload: [UInt8]
    /// When the entry may be dropped, milliseconds since the epoch.
    public var expiresAt: Int64

    /// Creates an entry.
    public init(key: String, payload: [UInt8], expiresAt: Int64) {
        self.key = key
        self.payload = payload
        self.expiresAt = expiresAt
    }
}

/// A failure of the outbox's storage.
public struct OutboxError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
