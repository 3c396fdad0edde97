internal import Logging

/// One attempt to deliver one message, from the request to the recorded outcome: what the
/// deliverer runs as a child task for each message it starts.
struct DeliveryAttempt: Sendable {
    /// The longest error text recorded.
    static let errorLimit = 512

    let outbox: any OutboxQueue
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let userAgent: String
    let metrics: DeliveryMetrics
    let now: @Sendable () -> Int64
    let jitter: @Sendable () -> Double
    let logger: Logger

    /// How an attempt ended for the scheduler.
    struct Completion: Sendable {
        /// The error when the outcome could not be recorded.
        var failure: OutboxError?
        /// When the message is due again, if it is to be retried.
        var retryAt: Int64?
    }

    /// Sends `record` to `endpoint` (a dead letter at once when there is none) and records the
    /// outcome in one transaction. When the task was cancelled before an answer came, records
    /// nothing: the message stays pending and is sent again, with the same `webhook-id`, on the
    /// next run.
    func run(_ record: OutboxRecord, endpoint: WebhookEndpoint?) async -> Completion {
        let message = record.message
        let key = IntegrationKey(message)
        let outcome: DeliveryOutcome
        let finished: Int64
        if let endpoint {
            let request = WebhookRequest(message: message, endpoint: endpoint, timestamp: Self.seconds(now()), userAgent: userAgent)
            let result: AttemptResult
            do {
                let response = try await transport.send(request)
                result = .response(status: response.status, retryAfter: response.header("retry-after"), body: response.body)
            } catch {
                if Task.isCancelled { return Completion() }
                result = .failure(String(String(describing: error).prefix(Self.errorLimit)))
            }
            finished = now()
            outcome = policy.outcome(of: result, for: record, now: finished, jitter: jitter)
        } else {
            finished = now()
            outcome = .dead(status: nil, error: "no endpoint is configured for \(key)")
        }
        do {
            try await outbox.record(outcome, id: message.id, at: finished)
        } catch {
            return Completion(failure: error)
        }
        report(outcome, of: record, finished: finished)
        if case .retry(let next, _, _) = outcome { return Completion(retryAt: next) }
        return Completion()
    }

    private func report(_ outcome: DeliveryOutcome, of record: OutboxRecord, finished: Int64) {
        let message = record.message
        let key = IntegrationKey(message)
        switch outcome {
        case .delivered:
            metrics.sent(key, latencyMilliseconds: finished - message.createdAt)
            logger.debug("notification delivered", metadata: [
                "webhook_id": "\(message.id)", "receiver": "\(key.receiver)", "integration": "\(key.integration)",
                "attempts": "\(record.attempts + 1)",
            ])
        case .retry(let next, let status, let error):
            metrics.failed(key)
            metrics.retried(key)
            logger.warning("notification failed, will retry", metadata: [
                "webhook_id": "\(message.id)", "receiver": "\(key.receiver)", "integration": "\(key.integration)",
                "status": "\(status.map(String.init) ?? "none")", "error": "\(error)", "retry_in_ms": "\(next - finished)",
            ])
        case .dead(let status, let error):
            metrics.failed(key)
            metrics.deadLettered(key)
            logger.error("notification dead-lettered", metadata: [
                "webhook_id": "\(message.id)", "receiver": "\(key.receiver)", "integration": "\(key.integration)",
                "status": "\(status.map(String.init) ?? "none")", "error": "\(error)",
            ])
        }
    }

    /// Unix seconds of a time in milliseconds since the epoch (rounded down).
    static func seconds(_ milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    }
}
