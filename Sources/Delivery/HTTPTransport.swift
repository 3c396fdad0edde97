/// Sends a webhook request and returns the answer: `AsyncHTTPClientTransport` in the service, a
/// scripted fake in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (a POST), waiting at most its timeout. Throws when no answer came
    /// (connection refused or reset, timeout, TLS failure, cancellation).
    func send(_ request: WebhookRequest) async throws -> WebhookResponse
}
