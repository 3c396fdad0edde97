internal import Foundation

extension WebhookRequest {
    /// The request of one attempt to deliver `message` to `endpoint` at `timestamp` (Unix
    /// seconds): Alertmanager's headers (`Content-Type: application/json`, a `User-Agent`),
    /// authorization, and the Standard Webhooks headers, `webhook-signature` when the endpoint
    /// has a secret. `webhook-id` is the message's id, the same on every attempt.
    public init(message: OutboxMessage, endpoint: WebhookEndpoint, timestamp: Int64, userAgent: String) {
        var headers = [
            HTTPHeader("content-type", "application/json"),
            HTTPHeader("user-agent", userAgent),
            HTTPHeader("webhook-id", message.id),
            HTTPHeader("webhook-timestamp", String(timestamp)),
        ]
        if let secret = endpoint.signingSecret {
            let signature = WebhookSigner.signature(secret: secret, id: message.id, timestamp: timestamp, body: message.body)
            headers.append(HTTPHeader("webhook-signature", signature))
        }
        if let authorization = Self.authorization(endpoint) {
            headers.append(HTTPHeader("authorization", authorization))
        }
        self.init(url: endpoint.url, headers: headers, body: message.body, tls: endpoint.tls, timeout: endpoint.timeout)
    }

    /// The `Authorization` header's value for `endpoint`: `Bearer <token>`, `Basic <base64>`, or
    /// nil without credentials.
    public static func authorization(_ endpoint: WebhookEndpoint) -> String? {
        if let token = endpoint.bearerToken { return "Bearer \(token)" }
        guard let basic = endpoint.basicAuth else { return nil }
        return "Basic " + Data("\(basic.username):\(basic.password)".utf8).base64EncodedString()
    }
}
