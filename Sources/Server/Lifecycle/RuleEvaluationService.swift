public import Alerting
public import Logging
public import ServiceLifecycle

/// Drives the `RuleScheduler`: evaluates the groups whose slot has come, calls `onTick` with the
/// wall time of that tick (incidents follow the alerts there), then sleeps on an injected clock
/// until the next slot, until graceful shutdown.
public struct RuleEvaluationService<C: Clock>: Service where C.Duration == Swift.Duration {
    private let scheduler: RuleScheduler
    private let clock: C
    private let now: @Sendable () -> Int64
    private let logger: Logger
    private let onTick: (@Sendable (Int64) async -> Void)?

    /// Creates the service; `now` gives the wall-clock time in milliseconds since the epoch and
    /// `clock` is what it sleeps on (tests pass a manual clock for both); `onTick` runs after
    /// every tick with its wall time.
    public init(
        scheduler: RuleScheduler, clock: C, now: @escaping @Sendable () -> Int64, logger: Logger,
        onTick: (@Sendable (Int64) async -> Void)? = nil
    ) {
        self.scheduler = scheduler
        self.clock = clock
        self.now = now
        self.logger = logger
        self.onTick = onTick
    }

    /// Evaluates until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await loop()
        }
    }

    private func loop() async {
        while !Task.isCancelled {
            let started = now()
            let next = await scheduler.tick(now: started)
            await onTick?(started)
            // With no groups, look again in a minute (a reload may add some).
            let wait = next == Int64.max ? 60_000 : max(next - now(), 0)
            do {
                try await clock.sleep(for: .milliseconds(wait))
            } catch {
                return
            }
        }
    }
}
