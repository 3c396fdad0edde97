public import Alerting
public import Logging
public import ServiceLifecycle

/// Drives the `RuleScheduler`: evaluates the groups whose slot has come, calls `onTick` with the
/// wall time of that tick (incidents follow the alerts there), then sleeps on an injected clock
/// until the next slot, until graceful shutdown.
///
/// With a `coalescing` window, it wakes at most once per window: groups whose slots fall within
/// it are evaluated together at its end, each still at its own slot time (the scheduler evaluates
/// a group at its slot, however late it runs), so thousands of groups spread over the interval
/// cost a few dozen wake-ups a minute instead of one each.
public struct RuleEvaluationService<C: Clock>: Service where C.Duration == Swift.Duration {
    private let scheduler: RuleScheduler
    private let clock: C
    private let now: @Sendable () -> Int64
    private let logger: Logger
    private let onTick: (@Sendable (Int64) async -> Void)?
    private let coalescing: Int64

    /// Creates the service; `now` gives the wall-clock time in milliseconds since the epoch and
    /// `clock` is what it sleeps on (tests pass a manual clock for both); `onTick` runs after
    /// every tick with its wall time; wake-ups are at least `coalescing` apart.
    public init(
        scheduler: RuleScheduler, clock: C, now: @escaping @Sendable () -> Int64, logger: Logger, coalescing: Duration = .zero,
        onTick: (@Sendable (Int64) async -> Void)? = nil
    ) {
        self.coalescing = max(0, ServerState.milliseconds(coalescing))
        self.scheduler = scheduler
        self.clock = clock
        self.now = now
        self.logger = logger
        self.onTick = onTick
    }

    /// The window `burnrate serve` coalesces wake-ups over: evaluations and the notifications that
    /// follow them run at most half a second after their slot.
    public static var defaultCoalescing: Duration { .milliseconds(500) }

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
            let wait = next == Int64.max ? 60_000 : max(next - now(), started + coalescing - now(), 0)
            do {
                try await clock.sleep(for: .milliseconds(wait))
            } catch {
                return
            }
        }
    }
}
