public import Logging
public import ServiceLifecycle

/// Drives the `WebhookDeliverer`: delivers what is due, then sleeps on an injected clock until
/// the next message is due, an enqueue raises the outbox's signal, or `pollInterval` passes;
/// prunes the outbox every `retention.interval`. On graceful shutdown it starts no new attempt,
/// lets those in flight end, and returns.
public struct DeliveryService<C: Clock>: Service where C.Duration == Swift.Duration {
    private let deliverer: WebhookDeliverer
    private let outbox: any OutboxQueue
    private let clock: C
    private let now: @Sendable () -> Int64
    private let retention: OutboxRetention
    private let pollInterval: Duration
    private let metrics: DeliveryMetrics
    private let logger: Logger

    /// Creates the service; `now` gives the wall-clock time in milliseconds since the epoch and
    /// `clock` is what it sleeps on (tests pass a manual clock for both).
    public init(
        deliverer: WebhookDeliverer, outbox: any OutboxQueue, clock: C, now: @escaping @Sendable () -> Int64,
        retention: OutboxRetention = OutboxRetention(), pollInterval: Duration = .seconds(60),
        metrics: DeliveryMetrics = DeliveryMetrics(), logger: Logger
    ) {
        self.deliverer = deliverer
        self.outbox = outbox
        self.clock = clock
        self.now = now
        self.retention = retention
        self.pollInterval = pollInterval
        self.metrics = metrics
        self.logger = logger
    }

    /// Delivers until graceful shutdown or cancellation.
    public func run() async throws {
        let signal = outbox.signal
        await withGracefulShutdownHandler {
            await loop()
        } onGracefulShutdown: {
            signal.raise()
        }
    }

    private func loop() async {
        var nextPrune = Int64.min
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            var next: Int64?
            do {
                next = try await deliverer.deliverDue()
            } catch {
                logger.error("delivery failed, will retry", metadata: ["error": "\(error.message)"])
                next = now() + 1000
            }
            if now() >= nextPrune {
                await prune()
                nextPrune = now() + RetryPolicy.milliseconds(retention.interval)
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            let wait = min(max((next ?? Int64.max) - now(), 0), RetryPolicy.milliseconds(pollInterval))
            if wait > 0 { await sleep(milliseconds: wait) }
        }
    }

    private func prune() async {
        let current = now()
        do {
            let deleted = try await outbox.prune(
                deliveredBefore: current - RetryPolicy.milliseconds(retention.delivered),
                deadBefore: current - RetryPolicy.milliseconds(retention.dead), now: current)
            if deleted > 0 { logger.info("outbox pruned", metadata: ["messages": "\(deleted)"]) }
            metrics.outbox(try await outbox.counts())
        } catch {
            logger.error("outbox pruning failed, will retry", metadata: ["error": "\(error.message)"])
        }
    }

    /// Sleeps until `milliseconds` pass on the clock or the outbox's signal is raised.
    private func sleep(milliseconds: Int64) async {
        let clock = self.clock
        let signal = outbox.signal
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(for: .milliseconds(milliseconds)) }
            group.addTask { await signal.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
