extension OutboxRecord {
    /// Applies an attempt's outcome that ended at `time`, as the outbox records it.
    mutating func apply(_ outcome: DeliveryOutcome, at time: Int64) {
        attempts += 1
        lastAttemptAt = time
        switch outcome {
        case .delivered(let status):
            state = .delivered
            lastStatus = status
            lastError = nil
            deliveredAt = time
        case .retry(let next, let status, let error):
            nextAttemptAt = next
            lastStatus = status
            lastError = error
        case .dead(let status, let error):
            state = .dead
            lastStatus = status
            lastError = error
        }
    }
}
