/// Where a message of the outbox stands.
public enum OutboxState: String, Sendable, Hashable, CaseIterable {
    /// Decided, not yet delivered: due at its next attempt time, once it heads its group.
    case pending
    /// Answered with a 2xx; never sent again.
    case delivered
    /// Given up on (a 4xx other than 429, no endpoint configured, or older than the policy's
    /// maximum age): kept for the API and metrics, never sent again.
    case dead
}
