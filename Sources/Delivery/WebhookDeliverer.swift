public import Logging
internal import ServiceLifecycle

/// Sends the outbox's due messages to their webhooks: at most `maxConcurrency` requests at once,
/// at most one per group (so a group's messages arrive in the order they were decided), each
/// attempt's outcome recorded in one transaction as soon as it ends.
///
/// `DeliveryService` runs it continuously (`run(sleep:)`); tests call `deliverDue()`.
public actor WebhookDeliverer {
    /// Sleeps for the given milliseconds, or less when woken (the outbox's signal) or cancelled.
    public typealias Sleep = @Sendable (_ milliseconds: Int64) async -> Void

    private enum Event: Sendable {
        case attempt(OutboxRecord.OrderKey, DeliveryAttempt.Completion)
        case timer
    }

    private let outbox: any OutboxQueue
    private let attempt: DeliveryAttempt
    private let configuration: DeliveryConfiguration
    private let now: @Sendable () -> Int64
    private let logger: Logger
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
        self.logger = logger
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
    /// message becomes due (nil when none is pending). Throws when the outbox fails (after the
    /// attempts in flight ended). One pass, for tests and tools; the service uses `run(sleep:)`.
    public func deliverDue() async throws(OutboxError) -> Int64? {
        guard !running else { throw OutboxError("the deliverer is already running") }
        running = true
        defer { running = false }
        if let failure = await schedule(sleep: nil) { throw failure }
        return try await outbox.nextDueTime()
    }

    /// Delivers continuously: starts due messages as slots free up, and between events sleeps
    /// with `sleep` until the next retry is due (at most `pollInterval`). Returns on cancellation,
    /// or on graceful shutdown once the attempts in flight ended (it starts no new one); `sleep`
    /// must return early when the outbox's signal is raised (an enqueue, a shutdown).
    public func run(pollInterval: Duration = .seconds(60), sleep: @escaping Sleep) async {
        guard !running else { return }
        running = true
        defer { running = false }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            guard let failure = await schedule(sleep: sleep, pollInterval: RetryPolicy.milliseconds(pollInterval)) else { return }
            logger.error("delivery failed, will retry", metadata: ["error": "\(failure.message)"])
            await sleep(1000)
        }
    }

    /// The scheduler: keeps up to `maxConcurrency` attempts in flight, one per group; with `sleep`,
    /// also a timer until the next due time, so that retries start while other attempts are in
    /// flight. Returns the outbox's failure, if any, once nothing is in flight.
    private func schedule(sleep: Sleep?, pollInterval: Int64 = 60_000) async -> OutboxError? {
        let attempt = self.attempt
        let limit = configuration.maxConcurrency
        var queue: [OutboxRecord] = []
        var next = 0
        var busy: Set<OutboxRecord.OrderKey> = []
        var failure: OutboxError?
        var fetch = true
        var timer: Int64?
        await withTaskGroup(of: Event.self) { group in
            while true {
                let stopping = failure != nil || Task.isCancelled || Task.isShuttingDownGracefully
                if !stopping, busy.count < limit, next == queue.count, fetch {
                    fetch = false
                    do throws(OutboxError) {
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
                    group.addTask { .attempt(key, await attempt.run(record, endpoint: endpoint)) }
                }
                if busy.isEmpty, sleep == nil || stopping {
                    group.cancelAll()
                    break
                }
                if let sleep, timer == nil, !stopping, failure == nil {
                    let current = now()
                    do throws(OutboxError) {
                        let due = try await outbox.nextDueTime(after: current) ?? Int64.max
                        let deadline = min(due, current + pollInterval)
                        timer = deadline
                        group.addTask {
                            await sleep(max(deadline - current, 0))
                            return .timer
                        }
                    } catch {
                        failure = error
                        continue
                    }
                }
                guard let event = await group.next() else { break }
                switch event {
                case .timer:
                    timer = nil
                    fetch = true
                case .attempt(let key, let completion):
                    busy.remove(key)
                    // The group's next message may be due now.
                    fetch = true
                    if let error = completion.failure, failure == nil { failure = error }
                    // A retry due before the timer: wake the timer so that it is set again.
                    if let retryAt = completion.retryAt, let deadline = timer, retryAt < deadline { outbox.signal.raise() }
                }
            }
        }
        return failure
    }
}
