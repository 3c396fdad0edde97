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
        if let token = endpoint.bearerToken {
            headers.append(HTTPHeader("authorization", "Bearer \(token)"))
        } else if let basic = endpoint.basicAuth {
            let credentials = Data("\(basic.username):\(basic.password)".utf8).base64EncodedString()
            headers.append(HTTPHeader("authorization", "Basic \(credentials)"))
        }
        self.init(url: endpoint.url, headers: headers, body: message.body, tls: endpoint.tls, timeout: endpoint.timeout)
    }
}
