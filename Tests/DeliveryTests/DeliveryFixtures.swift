import Delivery
import Logging

/// Messages, endpoints and deliverers for the tests. A message's body is `group|id`, so the fake
/// transport knows its group.
enum DeliveryFixtures {
    static let start: Int64 = 1_800_000_000_000
    static let logger = Logger(label: "delivery-test")

    static func message(_ id: String, group: String = "g", receiver: String = "team", integration: String = "webhook/0", at time: Int64 = start)
        -> OutboxMessage
    {
        OutboxMessage(
            id: id, receiver: receiver, integration: integration, groupKey: group, body: Array("\(group)|\(id)".utf8), createdAt: time)
    }

    static func endpoints(receiver: String = "team", integration: String = "webhook/0", url: String = "http://127.0.0.1:1/hook")
        -> [IntegrationKey: WebhookEndpoint]
    {
        [IntegrationKey(receiver: receiver, integration: integration): WebhookEndpoint(url: url)]
    }

    /// A policy with round numbers: 1 s doubling to 8 s, dead after an hour.
    static let policy = RetryPolicy(
        initialBackoff: .seconds(1), multiplier: 2, maxBackoff: .seconds(8), maxRetryAfter: .seconds(600), maxAge: .seconds(3600))
}
