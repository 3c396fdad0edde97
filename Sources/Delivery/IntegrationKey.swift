/// Names one integration of one receiver (`receiver`, `webhook/0`): the key of its
/// `WebhookEndpoint`, and with the group key, the unit of per-group delivery order.
public struct IntegrationKey: Sendable, Hashable, CustomStringConvertible {
    /// The receiver's name in the configuration.
    public var receiver: String
    /// The receiver's integration, e.g. `webhook/0`.
    public var integration: String

    /// Creates a key.
    public init(receiver: String, integration: String) {
        self.receiver = receiver
        self.integration = integration
    }

    /// The key of `message`'s integration.
    public init(_ message: OutboxMessage) {
        self.init(receiver: message.receiver, integration: message.integration)
    }

    public var description: String { "\(receiver)/\(integration)" }
}
