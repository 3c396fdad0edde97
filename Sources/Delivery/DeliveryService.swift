public import Logging
public import ServiceLifecycle

/// Runs the `WebhookDeliverer` on an injected clock: it sleeps until the next retry is due, an
/// enqueue raises the outbox's signal, or `pollInterval` passes; and prunes the outbox every
/// `retention.interval`. On graceful shutdown the deliverer starts no new attempt, lets those
/// in flight end, and the service returns.
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

    /// Delivers and prunes until graceful shutdown or cancellation.
    public func run() async throws {
        let signal = outbox.signal
        let clock = self.clock
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await deliverer.run(pollInterval: pollInterval) { milliseconds in
                        await Self.sleep(milliseconds: milliseconds, on: clock, orUntil: signal)
                    }
                }
                group.addTask {
                    await cancelWhenGracefulShutdown { await pruneLoop() }
                }
            }
        } onGracefulShutdown: {
            signal.raise()
        }
    }

    private func pruneLoop() async {
        while !Task.isCancelled {
            await prune()
            do {
                try await clock.sleep(for: retention.interval)
            } catch {
                return
            }
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

    /// Sleeps until `milliseconds` pass on `clock`, `signal` is raised, or the task is cancelled.
    private static func sleep(milliseconds: Int64, on clock: C, orUntil signal: OutboxSignal) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(for: .milliseconds(milliseconds)) }
            group.addTask { await signal.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
