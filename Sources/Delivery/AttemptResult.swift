/// How one attempt to send a message ended, before the retry policy judges it.
public enum AttemptResult: Sendable, Hashable {
    /// The endpoint answered with `status`, its `Retry-After` header if any, and the start of its
    /// body (for the dead letter's error).
    case response(status: Int, retryAfter: String?, body: String)
    /// No answer: connection refused or reset, timeout, TLS failure.
    case failure(String)
}
