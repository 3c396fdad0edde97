/// When a failed attempt is tried again, and when it is given up on: a value the deliverer asks
/// for each attempt's outcome.
///
/// Connection errors, timeouts, 5xx and 429 are retried after an exponential backoff with equal
/// jitter (`initialBackoff × multiplier^(attempt−1)`, capped at `maxBackoff`, then a uniformly
/// drawn half of it added to the other half), or after the answer's `Retry-After` (seconds or an
/// HTTP-date, capped at `maxRetryAfter`) when a 429 or 503 carries one. Any other answer outside
/// 2xx (3xx: redirects are not followed; 4xx but 429) makes the message a dead letter at once. A
/// message still failing `maxAge` after it was decided becomes a dead letter too, unless `maxAge`
/// is nil (retry forever).
public struct RetryPolicy: Sendable, Hashable {
    /// The backoff after the first failed attempt (before jitter).
    public var initialBackoff: Duration
    /// The factor between consecutive backoffs.
    public var multiplier: Double
    /// The longest backoff (before jitter).
    public var maxBackoff: Duration
    /// The longest wait a `Retry-After` can impose.
    public var maxRetryAfter: Duration
    /// How long after its decision a message may still be retried; nil retries forever.
    public var maxAge: Duration?

    /// Creates a policy; the defaults: 1 s doubling up to 5 min, `Retry-After` honoured up to 1 h,
    /// dead after 24 h.
    public init(
        initialBackoff: Duration = .seconds(1), multiplier: Double = 2, maxBackoff: Duration = .seconds(300),
        maxRetryAfter: Duration = .seconds(3600), maxAge: Duration? = .seconds(86_400)
    ) {
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.maxAge = maxAge
    }

    /// The backoff after failed attempt number `attempt` (1 for the first), with `jitter` in
    /// [0, 1): half the capped exponential value plus `jitter` times the other half.
    public func backoff(attempt: Int, jitter: Double) -> Duration {
        let initial = Self.milliseconds(initialBackoff)
        let cap = Self.milliseconds(maxBackoff)
        var value = Double(initial)
        var step = 1
        while step < attempt, value < Double(cap) {
            value *= multiplier
            step += 1
        }
        let capped = min(value, Double(cap))
        let clamped = min(max(jitter, 0), 1)
        return .milliseconds(Int64((capped / 2 + capped / 2 * clamped).rounded()))
    }

    /// The outcome of an attempt on `record` that ended at `now` (milliseconds since the epoch)
    /// with `result`, drawing jitter from `jitter` when it backs off.
    public func outcome(of result: AttemptResult, for record: OutboxRecord, now: Int64, jitter: () -> Double) -> DeliveryOutcome {
        let status: Int?
        let error: String
        var retryAfter: Int64?
        switch result {
        case .response(let code, let header, let body):
            if (200..<300).contains(code) { return .delivered(status: code) }
            status = code
            error = body.isEmpty ? "HTTP \(code)" : "HTTP \(code): \(body)"
            let retryable = code == 429 || (500..<600).contains(code)
            if !retryable { return .dead(status: code, error: error) }
            if code == 429 || code == 503, let header, let wait = RetryAfter.milliseconds(header, now: now) {
                retryAfter = min(wait, Self.milliseconds(maxRetryAfter))
            }
        case .failure(let description):
            status = nil
            error = description
        }
        if let maxAge, now - record.message.createdAt >= Self.milliseconds(maxAge) {
            return .dead(status: status, error: "gave up after \(record.attempts + 1) attempts in \(Self.text(maxAge)): \(error)")
        }
        let wait = retryAfter ?? Self.milliseconds(backoff(attempt: record.attempts + 1, jitter: jitter()))
        return .retry(at: now + wait, status: status, error: error)
    }

    /// `24h`, `90s`, `1500ms`.
    static func text(_ duration: Duration) -> String {
        let milliseconds = milliseconds(duration)
        if milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000)h" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
