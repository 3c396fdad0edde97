/// What became of one delivery attempt, as the outbox records it (one transaction each).
public enum DeliveryOutcome: Sendable, Hashable {
    /// A 2xx answer: the message is never sent again.
    case delivered(status: Int)
    /// A failure worth another try, at `at` (milliseconds since the epoch).
    case retry(at: Int64, status: Int?, error: String)
    /// A failure not worth another try: the message becomes a dead letter.
    case dead(status: Int?, error: String)
}
