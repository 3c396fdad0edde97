public import Logging
internal import ServiceLifecycle

/// Sends the outbox's due messages to their webhooks: at most `maxConcurrency` requests at once,
/// at most one per group (so a group's messages arrive in the order they were decided), each
/// attempt's outcome recorded in one transaction as soon as it ends.
///
/// `DeliveryService` drives it on a clock; tests call `deliverDue()` directly.
public actor WebhookDeliverer {
    private let outbox: any OutboxQueue
    private let attempt: DeliveryAttempt
    private let configuration: DeliveryConfiguration
    private let now: @Sendable () -> Int64
    private var endpoints: [IntegrationKey: WebhookEndpoint]
    private var running = false

    /// Creates a deliverer. `now` gives the wall-clock time in milliseconds since the epoch;
    /// `jitter` draws the backoff's jitter in [0, 1) (tests pass a constant).
    public init(
        outbox: any OutboxQueue, transport: any HTTPTransport, endpoints: [IntegrationKey: WebhookEndpoint],
        configuration: DeliveryConfiguration = DeliveryConfiguration(), metrics: DeliveryMetrics = DeliveryMetrics(),
        now: @escaping @Sendable () -> Int64, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        logger: Logger
    ) {
        self.outbox = outbox
        self.configuration = configuration
        self.now = now
        self.endpoints = endpoints
        attempt = DeliveryAttempt(
            outbox: outbox, transport: transport, policy: configuration.retryPolicy, userAgent: configuration.userAgent,
            metrics: metrics, now: now, jitter: jitter, logger: logger)
    }

    /// Replaces the endpoints (after a configuration reload); attempts already started keep theirs.
    public func update(endpoints: [IntegrationKey: WebhookEndpoint]) {
        self.endpoints = endpoints
    }

    /// Sends every message that is due, and every one that becomes due as earlier messages of its
    /// group are delivered, until none is due or in flight; returns the earliest time a pending
    /// message becomes due (nil when none is pending). Starts nothing new once the task is
    /// cancelled or shutting down gracefully, but waits for the attempts in flight. Throws when
    /// the outbox fails (after the attempts in flight ended); a second call while one runs
    /// returns at once.
    public func deliverDue() async throws(OutboxError) -> Int64? {
        if running { return try await outbox.nextDueTime() }
        running = true
        defer { running = false }
        if let failure = await round() { throw failure }
        return try await outbox.nextDueTime()
    }

    private func round() async -> OutboxError? {
        let attempt = self.attempt
        let limit = configuration.maxConcurrency
        var queue: [OutboxRecord] = []
        var next = 0
        var busy: Set<OutboxRecord.OrderKey> = []
        var failure: OutboxError?
        var fetch = true
        await withTaskGroup(of: (OutboxRecord.OrderKey, OutboxError?).self) { group in
            while true {
                let stopping = failure != nil || Task.isCancelled || Task.isShuttingDownGracefully
                if !stopping, busy.count < limit, next == queue.count, fetch {
                    fetch = false
                    do {
                        queue = try await outbox.due(now: now(), limit: configuration.batchSize + busy.count)
                            .filter { !busy.contains($0.orderKey) }
                        next = 0
                    } catch {
                        failure = error
                    }
                }
                while !stopping, busy.count < limit, next < queue.count {
                    let record = queue[next]
                    next += 1
                    let key = record.orderKey
                    if busy.contains(key) { continue }
                    busy.insert(key)
                    let endpoint = endpoints[key.integration]
                    group.addTask { (key, await attempt.run(record, endpoint: endpoint)) }
                }
                if busy.isEmpty { break }
                guard let (key, error) = await group.next() else { break }
                busy.remove(key)
                // The group's next message may be due now.
                fetch = true
                if let error, failure == nil { failure = error }
            }
        }
        return failure
    }
}
